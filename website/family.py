"""A page's family: the addresses of its live translations (language switcher, hreflang), the
languages in which it has a translation that is not live (the switcher says so), and its live
ancestors (breadcrumbs), read in one query and kept under the content generation."""

from django.db.models import Q
from wagtail.models import Page

from website.derived import PAGES, generation_cached
from website.pagecache import cache_host


def page_family(page, request):
    """``{"translations": {language code: url}, "unpublished": [language code, ...],
    "ancestors": [{"title", "url", "depth"}, ...]}``.

    Kept under the content generation (it changes when any page is published, unpublished, moved
    or deleted), and on the page object for the rest of the request.
    """
    family = getattr(page, "family_links", None)
    if family is None:
        if page.pk is None:  # the preview of a page not saved yet
            family = build_family(page, request)
        else:
            family = generation_cached(
                "page-family", lambda: build_family(page, request), page.pk, cache_host(request), depends_on=(PAGES,)
            )
        page.family_links = family
    return family


def build_family(page, request):
    steplen = Page.steplen
    ancestor_paths = [page.path[:end] for end in range(2 * steplen, len(page.path), steplen)]
    # Translations whether live or not (the switcher tells "not published" from "not translated").
    pages = list(
        Page.objects.filter(Q(translation_key=page.translation_key) | Q(path__in=ancestor_paths, live=True))
        .select_related("locale")
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "live",
            "translation_key",
            "locale_id",
            "locale__language_code",
            "content_type_id",
        )
        .order_by("path")
    )
    translations = [p for p in pages if p.translation_key == page.translation_key]
    return {
        "translations": {p.locale.language_code: p.get_url(request) for p in translations if p.live},
        "unpublished": sorted(p.locale.language_code for p in translations if not p.live),
        "ancestors": [
            {"title": p.title, "url": p.get_url(request), "depth": p.depth}
            for p in pages
            if p.path in ancestor_paths
        ],
    }
