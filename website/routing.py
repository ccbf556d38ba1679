"""Page routes that end in a file name: ``export.csv``, ``map.geojson``, ``calendar.ics``.

Wagtail's serve pattern only matches paths made of slugs, and ``RoutablePageMixin`` resolves the
rest of the path with a trailing slash, so a route declared as ``@path("export.csv")`` is never
reached. ``FILE_ROUTE_PATTERN`` (in website/urls.py) sends addresses whose last part is a file name
with one of ``FILE_EXTENSIONS`` to Wagtail's own serve view (privacy rules and hooks included),
and ``FileRoutablePageMixin`` resolves that last part as written, without a slash.
"""

from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

FILE_EXTENSIONS = ("csv", "geojson", "ics")
FILE_ROUTE_PATTERN = r"^((?:[\w\-]+/)*[\w\-]+\.(?:" + "|".join(FILE_EXTENSIONS) + r"))$"


class FileRoutablePageMixin(RoutablePageMixin):
    def route(self, request, path_components):
        if self.live and path_components and "." in path_components[-1]:
            try:
                view, args, kwargs = match = self.resolve_subpage("/" + "/".join(path_components))
            except Http404:
                pass
            else:
                request.routable_resolver_match = match
                return RouteResult(self, args=(view, args, kwargs))
        return super().route(request, path_components)
