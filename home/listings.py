"""What the home page lists: three queries, kept under the content generation."""

from django.db.models import Q
from django.utils import timezone

from base.sections import home_sections
from news.models import NewsPage
from programmes.listings import CALL_FIELDS, NEWS_FIELDS, PAGE_FIELDS, TRAINING_FIELDS, programme_map
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website import clock
from website.derived import generation_cached

OPEN_CALLS_SHOWN, RECENT_CALLS_SHOWN = 4, 3
UPCOMING_TRAINING_SHOWN, RECENT_TRAINING_SHOWN = 4, 3


def parent_programmes(pages, locale_id, data=None):
    """Attach ``programme`` (the parent programme page) to each call or training module."""
    by_path = (data or programme_map(locale_id))["by_path_key"]
    for page in pages:
        page.programme = by_path.get(page.path[: -ProgrammePage.steplen])
    return pages


def current_or_recent(rows, is_current, current_order, shown, recent_order, recent_shown):
    """The first ``shown`` of ``rows`` for which ``is_current(row)`` holds, by ``current_order``,
    or when there are none the ``recent_shown`` latest by ``recent_order`` (both sort keys)."""
    current = sorted((row for row in rows if is_current(row)), key=current_order)[:shown]
    if current:
        return current, []
    return [], sorted(rows, key=recent_order, reverse=True)[:recent_shown]


def candidates(queryset, still_current, recent_order, recent_shown):
    """The rows ``current_or_recent`` can pick from now on: those that are current or will be
    (``still_current``, a Q for "not over yet") and the ``recent_shown`` latest by ``recent_order``.

    What is over stays over, so this set, read once, holds every answer until the content changes:
    the home page keeps it under the content generation and picks by the time of each request.
    """
    upcoming = list(queryset.filter(still_current))
    latest = list(queryset.order_by(f"-{recent_order}", "-pk")[:recent_shown])
    return list({page.pk: page for page in upcoming + latest}.values())


def few_in_locale(model, locale_id):
    """The live pages of ``model`` (a type with few pages: calls, training modules) in ``locale_id``.

    ``pk__in`` the model's own table removes nothing: it lets the database look up the few pages
    of the type by key rather than walk every page of the language (SQLite's plan otherwise).
    """
    return model.objects.filter(live=True, locale_id=locale_id, pk__in=model.objects.values("pk"))


def _home_rows(locale_id, now):
    """The pages the home page's lists pick from, as of ``now``: calls, training, latest news."""
    return {
        "calls": candidates(
            few_in_locale(CallPage, locale_id).only(*PAGE_FIELDS, *CALL_FIELDS),
            Q(deadline__gt=now),
            "deadline",
            RECENT_CALLS_SHOWN,
        ),
        "training": candidates(
            few_in_locale(TrainingModulePage, locale_id).only(*PAGE_FIELDS, *TRAINING_FIELDS),
            Q(ends_at__gte=now),
            "starts_at",
            RECENT_TRAINING_SHOWN,
        ),
        "news": list(
            NewsPage.objects.filter(live=True, locale_id=locale_id).only(*NEWS_FIELDS).order_by("-date", "-pk")[:4]
        ),
    }


def home_listings(home):
    """What the home page lists. The rows are kept under the content generation; which calls are
    open and which training is upcoming is worked out at each request, from the time."""
    now = timezone.now()
    locale_id = home.locale_id
    rows = generation_cached("home-rows", lambda: _home_rows(locale_id, now), locale_id)
    for call in rows["calls"]:
        clock.changes_at(call.opens_at, call.deadline)
    for module in rows["training"]:
        clock.changes_at(module.ends_at)
    calls, recent_calls = current_or_recent(
        rows["calls"],
        lambda call: call.deadline > now and (call.opens_at is None or call.opens_at <= now),
        lambda call: (call.deadline, call.pk),
        OPEN_CALLS_SHOWN,
        lambda call: (call.deadline, call.pk),
        RECENT_CALLS_SHOWN,
    )
    training, recent_training = current_or_recent(
        rows["training"],
        lambda module: module.ends_at >= now,
        lambda module: (module.starts_at, module.pk),
        UPCOMING_TRAINING_SHOWN,
        lambda module: (module.starts_at, module.pk),
        RECENT_TRAINING_SHOWN,
    )
    data = programme_map(locale_id)
    parent_programmes(calls + recent_calls + training + recent_training, locale_id, data)
    return {
        "sections": home_sections(home),
        "programmes": [page for page in data["by_path"] if page.depth == home.depth + 2],
        "open_calls": calls,
        "recent_calls": recent_calls,
        "upcoming_training": training,
        "recent_training": recent_training,
        "latest_news": rows["news"],
    }
