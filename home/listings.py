"""What the home page lists, in a fixed number of queries (three once the maps are cached)."""

from django.db.models import BooleanField, Case, F, Q, Value, When
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsPage
from programmes.listings import CALL_FIELDS, NEWS_FIELDS, PAGE_FIELDS, TRAINING_FIELDS, programme_map
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.derived import generation_cached

OPEN_CALLS_SHOWN, RECENT_CALLS_SHOWN = 4, 3
UPCOMING_TRAINING_SHOWN, RECENT_TRAINING_SHOWN = 4, 3


def home_sections(home):
    """The live children of ``home`` (programmes, cities, news...) by model name, for "see all"
    links: a small map, cached per content generation."""

    def build():
        return {
            page.content_type.model: page
            for page in Page.objects.child_of(home)
            .live()
            .select_related("content_type")
            .only("id", "title", "url_path", "path", "depth", "locale_id", "content_type__model")
        }

    return generation_cached("home-sections", build, home.pk)


def parent_programmes(pages, locale_id, data=None):
    """Attach ``programme`` (the parent programme page) to each call or training module."""
    by_path = (data or programme_map(locale_id))["by_path_key"]
    for page in pages:
        page.programme = by_path.get(page.path[: -ProgrammePage.steplen])
    return pages


def current_or_recent(queryset, current, current_order, shown, recent_order, recent_shown):
    """The first ``shown`` pages matching ``current`` in ``current_order``, or when there are
    none the ``recent_shown`` latest pages in ``recent_order``: one query for both."""
    is_current = Case(When(current, then=Value(True)), default=Value(False), output_field=BooleanField())
    rows = list(
        queryset.annotate(is_current=is_current)
        .order_by(
            F("is_current").desc(),
            Case(When(current, then=F(current_order))).asc(nulls_last=True),
            F(recent_order).desc(),
            "pk",
        )[: max(shown, recent_shown)]
    )
    current_rows = [row for row in rows if row.is_current][:shown]
    if current_rows:
        return current_rows, []
    return [], rows[:recent_shown]


def few_in_locale(model, locale_id):
    """The live pages of ``model`` (a type with few pages: calls, training modules) in ``locale_id``.

    ``pk__in`` the model's own table removes nothing: it lets the database look up the few pages
    of the type by key rather than walk every page of the language (SQLite's plan otherwise).
    """
    return model.objects.filter(live=True, locale_id=locale_id, pk__in=model.objects.values("pk"))


def home_listings(home):
    now = timezone.now()
    locale_id = home.locale_id
    live = Q(live=True, locale_id=locale_id)
    calls, recent_calls = current_or_recent(
        few_in_locale(CallPage, locale_id).only(*PAGE_FIELDS, *CALL_FIELDS),
        Q(opens_at__isnull=True, deadline__gt=now) | Q(opens_at__lte=now, deadline__gt=now),
        "deadline",
        OPEN_CALLS_SHOWN,
        "deadline",
        RECENT_CALLS_SHOWN,
    )
    training, recent_training = current_or_recent(
        few_in_locale(TrainingModulePage, locale_id).only(*PAGE_FIELDS, *TRAINING_FIELDS),
        Q(ends_at__gte=now),
        "starts_at",
        UPCOMING_TRAINING_SHOWN,
        "starts_at",
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
        "latest_news": list(NewsPage.objects.filter(live).only(*NEWS_FIELDS).order_by("-date", "-pk")[:4]),
    }
