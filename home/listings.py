"""What the home page lists, in a fixed number of queries."""

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Page

from news.models import NewsPage
from programmes.models import CallPage, ProgrammePage, TrainingModulePage


def parent_programmes(pages, locale_id):
    """Attach ``programme`` (the parent programme page) to each call or training module."""
    programmes = {
        page.path: page
        for page in ProgrammePage.objects.live()
        .filter(locale_id=locale_id)
        .only("id", "title", "short_name", "path", "url_path", "locale_id")
    }
    for page in pages:
        page.programme = programmes.get(page.path[: -ProgrammePage.steplen])
    return pages


def home_listings(home):
    now = timezone.now()
    locale_id = home.locale_id
    live = Q(live=True, locale_id=locale_id)
    calls = list(
        CallPage.objects.filter(live)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lte=now), deadline__gt=now)
        .order_by("deadline")[:4]
    )
    recent_calls = [] if calls else list(CallPage.objects.filter(live).order_by("-deadline")[:3])
    training = list(TrainingModulePage.objects.filter(live, ends_at__gte=now).order_by("starts_at")[:4])
    recent_training = (
        [] if training else list(TrainingModulePage.objects.filter(live).order_by("-starts_at")[:3])
    )
    parent_programmes(calls + recent_calls + training + recent_training, locale_id)
    # The home page's sections (programmes, cities, news...) by model name, for "see all" links.
    sections = {
        page.content_type.model: page
        for page in Page.objects.child_of(home)
        .live()
        .select_related("content_type")
        .only("id", "title", "url_path", "path", "depth", "locale_id", "content_type__model")
    }
    return {
        "sections": sections,
        "programmes": ProgrammePage.objects.filter(live, depth=home.depth + 2).order_by("path"),
        "open_calls": calls,
        "recent_calls": recent_calls,
        "upcoming_training": training,
        "recent_training": recent_training,
        "latest_news": NewsPage.objects.filter(live).order_by("-date", "-pk")[:4],
    }
