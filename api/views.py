"""The public, read-only open-data API (Wagtail API v2) at /api/v2/.

No key and no login: it only shows live, public pages, the same as the site. One endpoint per
kind of content, each with the structured fields its model lists in ``api_fields``:

    /api/v2/programmes/        programmes and initiatives
    /api/v2/calls/             calls for applications (with their state and .ics address)
    /api/v2/training-modules/  training modules and events
    /api/v2/cities/            cities of the directory
    /api/v2/partnerships/      city partnerships (cities, programme, activities, action plan)
    /api/v2/news/              news items
    /api/v2/themes/            the themes taxonomy
    /api/v2/pages/             every page, Wagtail's generic endpoint (``?type=app.Model``)

Each language is its own set of pages: ``?locale=en|ca|pl|el`` keeps one. Listings are
paginated with ``limit`` (at most ``WAGTAILAPI_LIMIT_MAX``) and ``offset``; ``fields=*`` adds
every field to a listing; any database field of the endpoint's model filters it
(``/api/v2/cities/?country=GR&looking_for_partners=true``). A parameter the API does not
understand gets 400 with ``{"message": ...}``.
"""

import logging

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import DatabaseError, models
from django.http import Http404, JsonResponse
from django.urls import reverse
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler
from wagtail.api import APIField
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    SearchFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Locale

from base.api_fields import LanguageField
from base.models import Theme
from cities.models import CityPage, PartnershipPage
from news.models import NewsPage
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.links import absolute_url

logger = logging.getLogger(__name__)

UNAVAILABLE = "The open-data API cannot reach its database right now. Please try again in a minute."


def api_exception_handler(exc, context):
    """REST framework's handler, plus: the database unreachable is a JSON 503 with Retry-After
    (settings.REST_FRAMEWORK["EXCEPTION_HANDLER"]). Anything else unexpected reaches
    ``website.views.server_error``, which answers the API in JSON too."""
    if isinstance(exc, DatabaseError):
        logger.error("API request failed: the database did not answer", exc_info=exc)
        return Response({"message": UNAVAILABLE}, status=503, headers={"Retry-After": "60"})
    return exception_handler(exc, context)


def language_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


class StrictLocaleFilter(LocaleFilter):
    """Wagtail's ``?locale=<language code>``; an unknown code is a 400, not an empty list or a 404."""

    def filter_queryset(self, request, queryset, view):
        if "locale" in request.GET:
            code = request.GET["locale"]
            if code not in language_codes() or not Locale.objects.filter(language_code=code).exists():
                raise BadRequestError(f"locale must be one of: {', '.join(language_codes())}")
        return super().filter_queryset(request, queryset, view)


class CheckedFieldsFilter(FieldsFilter):
    """Wagtail's field filters, with each value checked first: a bad date or number is a 400."""

    def filter_queryset(self, request, queryset, view):
        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, value in request.GET.items():
            if name not in fields:
                continue
            try:
                field = queryset.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.is_relation and not isinstance(field, models.BooleanField):
                try:
                    field.to_python(value)
                except ValidationError as error:
                    raise BadRequestError(
                        f"field filter error. '{value}' is not a valid value for {name} "
                        f"({' '.join(error.messages)})"
                    ) from error
            elif isinstance(field, (models.ForeignKey, models.ManyToManyField)):
                # An id past a 64-bit integer would reach the database (OverflowError on SQLite).
                try:
                    too_large = abs(int(value)) >= 2**63
                except ValueError:
                    too_large = False  # Wagtail's filter answers 400 for it
                if too_large:
                    raise BadRequestError(f"field filter error. '{value}' is not a valid value for {name}")
        return super().filter_queryset(request, queryset, view)


class CheckedSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, refusing a NUL character (400), which no database accepts in a query."""

    def filter_queryset(self, request, queryset, view):
        if "\x00" in request.GET.get("search", ""):
            raise BadRequestError("null characters are not allowed for search")
        return super().filter_queryset(request, queryset, view)


class PublicAPIMixin:
    """JSON only (the browsable renderer needs inline scripts), anonymous, and no 500 for a bad value."""

    renderer_classes = [JSONRenderer]
    authentication_classes = []
    permission_classes = [AllowAny]

    def dispatch(self, request, *args, **kwargs):
        # The API lives outside the language prefixes. Without this, LocaleMiddleware would answer
        # an API 404 ("no such city") with a redirect to /en/api/..., an HTML page.
        request.urlconf = "api.urls"
        return super().dispatch(request, *args, **kwargs)

    def filter_queryset(self, queryset):
        try:
            return super().filter_queryset(queryset)
        except (ValidationError, ValueError, TypeError) as error:
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise BadRequestError(f"a filter value is not valid: {message}") from error

    def paginate_queryset(self, queryset):
        try:
            too_large = int(self.request.GET.get("offset", 0)) >= 2**63
        except ValueError:
            too_large = False  # Wagtail's paginator answers 400 for it
        if too_large:
            raise BadRequestError("offset is too large")
        return super().paginate_queryset(queryset)

    def get_object(self):
        # An id past a 64-bit integer would reach the database (OverflowError on SQLite).
        if not 0 < self.kwargs.get("pk", 1) < 2**63:
            raise Http404("not found")
        return super().get_object()

    def find_object(self, queryset, request):
        if any("\x00" in value for value in request.GET.values()):  # PostgreSQL refuses it in a query
            raise BadRequestError("null characters are not allowed")
        try:
            return super().find_object(queryset, request)
        except (ValidationError, ValueError, TypeError, OverflowError) as error:  # ?id=abc
            message = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            raise BadRequestError(f"a find parameter is not valid: {message}") from error


class PublicPagesAPIViewSet(PublicAPIMixin, PagesAPIViewSet):
    filter_backends = [
        CheckedFieldsFilter,
        ChildOfFilter,
        AncestorOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        StrictLocaleFilter,
        CheckedSearchFilter,  # last: search results cannot be filtered further
    ]


class TypedPagesAPIViewSet(PublicPagesAPIViewSet):
    """Pages of one model: its ``api_fields`` can filter and order, ``type`` is not needed."""

    known_query_parameters = PublicPagesAPIViewSet.known_query_parameters - {"type"}
    listing_fields = []  # shown in listings besides Wagtail's defaults
    prefetch = ()
    select = ()

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + list(cls.listing_fields)

    def get_queryset(self):
        queryset = self.model.objects.filter(pk__in=self.get_base_queryset().values("pk")).order_by("path")
        if self.select:
            queryset = queryset.select_related(*self.select)
        if self.prefetch:
            queryset = queryset.prefetch_related(*self.prefetch)
        return queryset


class ProgrammesAPIViewSet(TypedPagesAPIViewSet):
    name = "programmes"
    model = ProgrammePage
    listing_fields = ["code", "short_name", "start_date", "end_date"]
    prefetch = ("themes", "delivery_partners", "phases")
    select = ("managing_body",)


class CallsAPIViewSet(TypedPagesAPIViewSet):
    name = "calls"
    model = CallPage
    listing_fields = ["programme", "opens_at", "deadline", "timezone", "state"]
    prefetch = ("contact_points",)


class TrainingModulesAPIViewSet(TypedPagesAPIViewSet):
    name = "training-modules"
    model = TrainingModulePage
    listing_fields = ["programme", "starts_at", "ends_at", "timezone", "mode", "city_name", "country"]
    prefetch = ("themes",)
    select = ("organiser",)


class CitiesAPIViewSet(TypedPagesAPIViewSet):
    name = "cities"
    model = CityPage
    listing_fields = ["country", "region", "population", "latitude", "longitude", "looking_for_partners"]
    prefetch = ("themes", "partner_themes", "programmes")


class PartnershipsAPIViewSet(TypedPagesAPIViewSet):
    name = "partnerships"
    model = PartnershipPage
    listing_fields = ["programme", "cities", "start_date", "duration_months", "status"]
    prefetch = ("themes", "activities")
    select = ("programme", "action_plan_document")


class NewsAPIViewSet(TypedPagesAPIViewSet):
    name = "news"
    model = NewsPage
    listing_fields = ["date", "programme"]
    prefetch = ("themes",)
    select = ("programme",)


class ThemesAPIViewSet(PublicAPIMixin, BaseAPIViewSet):
    """The themes taxonomy, one row per language; ``slug`` is the same in every language."""

    name = "themes"
    model = Theme
    filter_backends = [CheckedFieldsFilter, OrderingFilter, StrictLocaleFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale"]) - {
        "search",
        "search_operator",
    }
    body_fields = BaseAPIViewSet.body_fields + [
        "name",
        "slug",
        "description",
        APIField("language", serializer=LanguageField()),
    ]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name", "slug", "language"]
    nested_default_fields = BaseAPIViewSet.nested_default_fields + ["name", "slug"]

    def get_queryset(self):
        return Theme.objects.select_related("locale").order_by("locale_id", "name", "pk")


def api_index(request):
    """``/api/v2/``: what there is, so a visitor can start from the root."""
    return JsonResponse(
        {
            "endpoints": {
                name: absolute_url(reverse(f"wagtailapi:{name}:listing"))
                for name in ENDPOINT_NAMES
            },
            "languages": language_codes(),
            "limit_max": settings.WAGTAILAPI_LIMIT_MAX,
            "usage": "?locale=<language>&limit=<n>&offset=<n>&fields=*; any field of an endpoint filters it.",
        },
        json_dumps_params={"indent": 2},
    )


# Typed endpoints first: an object's detail_url points at the first endpoint whose model it is.
ENDPOINTS = (
    ProgrammesAPIViewSet,
    CallsAPIViewSet,
    TrainingModulesAPIViewSet,
    CitiesAPIViewSet,
    PartnershipsAPIViewSet,
    NewsAPIViewSet,
    ThemesAPIViewSet,
    PublicPagesAPIViewSet,
)
ENDPOINT_NAMES = [viewset.name for viewset in ENDPOINTS]
api_router = WagtailAPIRouter("wagtailapi")
for viewset in ENDPOINTS:
    api_router.register_endpoint(viewset.name, viewset)
