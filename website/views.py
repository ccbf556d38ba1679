from collections import defaultdict

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.views import defaults
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from website.links import absolute_url


@require_GET
@cache_control(public=True, max_age=3600)
def sitemap(request):
    """Every live, public page in every language, each with its hreflang alternates."""
    pages = list(
        Page.objects.live()
        .public()
        .filter(depth__gt=1)
        .select_related("locale")
        .only("id", "url_path", "path", "translation_key", "locale", "last_published_at")
        .order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = page.get_url(request)
        if url is None:  # not under any site
            continue
        url = absolute_url(url)
        entry = {"location": url, "lastmod": page.last_published_at, "lang": page.locale.language_code}
        by_key[page.translation_key].append(entry)
        entries.append((page.translation_key, entry))
    for key, entry in entries:
        entry["alternates"] = by_key[key]
    return render(
        request,
        "website/sitemap.xml",
        {"entries": [entry for _, entry in entries]},
        content_type="application/xml; charset=utf-8",
    )


@require_GET
@cache_control(public=True, max_age=86400)
def robots_txt(request):
    return render(request, "website/robots.txt", content_type="text/plain; charset=utf-8")


@require_GET
def favicon(request):
    return redirect(static("website/favicon.svg"), permanent=True)


def server_error(request):
    """The 500 page (settings' ``handler500``); the API's clients get JSON, as for every other error."""
    if request.path.startswith("/api/"):
        message = "The server could not answer this request. Please try again later."
        return JsonResponse({"message": message}, status=500)
    return defaults.server_error(request)
