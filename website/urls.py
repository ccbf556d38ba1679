from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website import serving, views
from website.api import api_index, api_router
from website.routing import FILE_ROUTE_PATTERN

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_index, name="api_index"),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as static_urls

    urlpatterns += static_urls(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/, /ca/, /pl/, /el/.
# A request for "/" is redirected by LocaleMiddleware using Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    # Page routes ending in a file name (export.csv, map.geojson, calendar.ics): website/routing.py
    re_path(FILE_ROUTE_PATTERN, serving.serve, name="wagtail_serve_file"),
    # Wagtail's own URLs, its serve view wrapped to route from memory (website/serving.py).
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, serving.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
