"""What the public listings share: their filters, read from the address with django-filter, what
is said of a value not understood, and pagination.

A listing page leaves out a value it does not know and says so; a feed or an export answers 400
with the messages instead (``bad_request``): a feed reader shows no notice, and a feed of a
mistyped filter would silently follow everything. Both take their messages from ``filter_errors``.
"""

from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse, QueryDict
from django_countries import countries
from wagtail.models import Page

ECHO_LENGTH = 100  # a message repeats at most this much of a value it does not understand


class ValueField(forms.ChoiceField):
    """One value of the address, trimmed (and upper-cased with ``upper``), among the choices."""

    def __init__(self, *, upper=False, **kwargs):
        self.upper = upper
        super().__init__(**kwargs)

    def __deepcopy__(self, memo):
        # Every form copies its fields; the choices are never changed after the filter set is
        # built, so they are shared rather than copied on each request.
        return forms.Field.__deepcopy__(self, memo)

    def to_python(self, value):
        value = super().to_python(value).strip()
        return value.upper() if self.upper else value

    def valid_value(self, value):
        return len(value) <= ECHO_LENGTH and super().valid_value(value)

    def validate(self, value):
        # As ChoiceField's (a filter is never required), with the value cut short in the message.
        if value and not self.valid_value(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value[:ECHO_LENGTH]},
            )


class CountryField(ValueField):
    """A country's ISO code, in either case."""

    def __init__(self, **kwargs):
        super().__init__(upper=True, **kwargs)

    def valid_value(self, value):
        return len(value) <= ECHO_LENGTH and value in countries  # without listing every name


class AddressFilterMixin:
    def __init__(self, *args, **kwargs):
        # The templates draw their own controls: no label, and none looked up on the model.
        kwargs.setdefault("label", "")
        super().__init__(*args, **kwargs)


class ValueFilter(AddressFilterMixin, django_filters.ChoiceFilter):
    field_class = ValueField


class CountryFilter(ValueFilter):
    field_class = CountryField


def country_choices():
    return list(countries)


def country_filter(message):
    return CountryFilter(choices=country_choices, error_messages={"invalid_choice": message})


class AddressFilterSet(django_filters.FilterSet):
    """Filters read from an address (a QueryDict). The listings apply ``chosen`` with their own
    queries (news.listings.filter_news, programmes.filters.filter_events, the city directory's
    index): the set reads and checks the values."""

    class Meta:
        model = Page
        fields = []

    def __init__(self, data, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)

    @property
    def chosen(self):
        """{name: value} of the filters given and understood, in the order of the filters."""
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value not in (None, "")}

    def query(self):
        """The chosen filters as an address's query string ("" without any)."""
        return urlencode(list(self.chosen.items()))

    def address_errors(self):
        """(name, message) for what is wrong with the address beyond the filters' values."""
        return []


def filter_errors(filterset, texts=None):
    """(name, message) for each parameter of ``filterset``'s address not understood, in the order
    of its filters: the filter's own message (what a feed answers), or ``texts[name]`` with the
    value where ``texts`` has one (what a listing page says)."""
    texts = texts or {}
    errors = list(filterset.address_errors())
    for name, problems in filterset.form.errors.as_data().items():
        for problem in problems:
            text = texts.get(name)
            errors.append((name, text % (problem.params or {}) if text else " ".join(problem.messages)))
    return errors


def filter_notices(filterset, texts=None):
    """What a listing page says of the values it left out."""
    return [message for _name, message in filter_errors(filterset, texts)]


def bad_request(errors):
    """400 with the messages of ``filter_errors``, as JSON for machines and readable as text."""
    return JsonResponse(
        {"message": " ".join(message for _name, message in errors), "errors": dict(errors)},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )


def paginate(items, number, per_page, count=None):
    """The page ``number`` (the address's ``page``, as given) of ``items``, as ``Paginator.get_page``
    gives it: the first page for what is not a number, the last for a number out of range.
    ``count``, when known, saves counting ``items``."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # the value of its cached property
    return paginator.get_page(number)
