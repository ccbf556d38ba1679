from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from website import views
from website.routing import FILE_ROUTE_PATTERN

urlpatterns = [
    # Passkey sign-in and enrolment (accounts/passkeys.py), before the admin's catch-all.
    path("admin/webauthn/", include("accounts.urls")),
    # Themes and organisations moved from the programmes app to base: editors' bookmarks follow.
    re_path(
        r"^admin/snippets/programmes/(?P<rest>(?:theme|organisation)/.*)$",
        RedirectView.as_view(url="/admin/snippets/base/%(rest)s", permanent=True, query_string=True),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("api.urls")),  # /api/v2/ (docs/open-data.md)
    path("sitemap.xml", views.sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("i18n/", include("django.conf.urls.i18n")),
    # /healthz and /readyz for load balancers (operations/): no language prefix, never cached.
    path("", include("operations.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static as static_urls

    urlpatterns += static_urls(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /en/, /ca/, /pl/, /el/.
# A request for "/" is redirected by LocaleMiddleware using Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("alerts/", include("alerts.urls")),  # e-mail alerts (docs/alerts.md)
    # Page routes ending in a file name (export.csv, map.geojson, calendar.ics): website/routing.py
    re_path(FILE_ROUTE_PATTERN, wagtail_views.serve, name="wagtail_serve_file"),
    # Wagtail's own URLs and serve view. Not its
    # frontend login, Django's plain LoginView, which asks for no second factor: its name stays (Wagtail
    # reverses it) for a redirect to the admin's login, where restricted pages send visitors anyway
    # (settings.WAGTAIL_FRONTEND_LOGIN_URL).
    path(
        "_util/login/",
        RedirectView.as_view(pattern_name="wagtailadmin_login", query_string=True),
        name="wagtailcore_login",
    ),
    *[
        pattern
        for pattern in wagtail_urls.urlpatterns
        if pattern.name not in ("wagtail_serve", "wagtailcore_login")
    ],
    re_path(wagtail_urls.serve_pattern, wagtail_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler500 = "website.views.server_error"
