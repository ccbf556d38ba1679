"""A page the page cache keeps (under a language prefix, plain HTML, one query) and a view that fails."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import include, path
from wagtail.models import Locale


def page(request):
    return HttpResponse(f"<p>{Locale.objects.count()} languages</p>", content_type="text/html")


def fails(request):
    raise RuntimeError("the view failed on purpose")


urlpatterns = [
    path("", include("operations.urls")),
    path("fails/", fails),
    *i18n_patterns(path("page/", page), prefix_default_language=True),
]
