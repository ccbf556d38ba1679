"""Serializer fields for the public API's ``api_fields`` (see api/views.py).

A translation's snippet links (themes, organisations) point at the snippets' translations as
they were when it was translated, and its page relations (programme, cities) at the source's, so
these fields show each related object in the language of the page being serialised, as the
templates do (base/localize.py).
Lookups are remembered for the request in the serializer context.

This module imports no model at import time: the models import it for their ``api_fields``.
"""

from rest_framework.fields import Field

from website.links import absolute_url


def _memo(context, name):
    return context.setdefault(f"_api_memo_{name}", {})


def language_code(context, locale_id):
    from wagtail.models import Locale

    codes = _memo(context, "locales")
    if not codes:
        codes.update(Locale.objects.values_list("pk", "language_code"))
    return codes.get(locale_id)


class InstanceField(Field):
    """A read-only field that reads ``attribute`` from the whole instance."""

    def __init__(self, attribute=None, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)
        self.attribute = attribute

    def get_attribute(self, instance):
        return instance

    @property
    def attr_name(self):
        return self.attribute or self.field_name


class ThemesField(InstanceField):
    """``[{"slug": ..., "name": ...}]`` in the page's language."""

    def to_representation(self, page):
        from base.localize import localize

        related = getattr(page, self.attr_name)
        themes = localize(related.all(), related.model, page.locale_id)
        return [{"slug": theme.slug, "name": theme.name} for theme in themes]


class CountryNameField(InstanceField):
    """The country's name in the page's language (django-countries' translations)."""

    def to_representation(self, obj):
        from django.utils import translation

        country = getattr(obj, self.attr_name)
        if not country:
            return ""
        code = language_code(self.context, obj.locale_id) if hasattr(obj, "locale_id") else None
        with translation.override(code or translation.get_language()):
            return str(country.name)


class CountryCodeField(InstanceField):
    """A CountryField as its ISO 3166-1 alpha-2 code, "" when it is blank (an online training module).

    DRF's default ChoiceField hands a blank Country object to the JSON encoder, which fails.
    """

    def to_representation(self, obj):
        country = getattr(obj, self.attr_name)
        return country.code if country else ""


class CountryCodesField(InstanceField):
    """A multiple CountryField as a list of ISO 3166-1 alpha-2 codes."""

    def to_representation(self, obj):
        return [country.code for country in getattr(obj, self.attr_name)]


class StringListField(InstanceField):
    """A MultiSelectField as a list of its values."""

    def to_representation(self, obj):
        return list(getattr(obj, self.attr_name) or [])


class NumberField(InstanceField):
    """A DecimalField (coordinates) as a JSON number rather than a string."""

    def to_representation(self, obj):
        value = getattr(obj, self.attr_name)
        return None if value is None else float(value)


def programme_summary(programme):
    return {
        "id": programme.pk,
        "code": programme.code,
        "short_name": programme.short_name,
        "title": programme.title,
    }


def localized_page(context, page, locale_id):
    """The live translation of ``page`` in ``locale_id``, or ``page`` itself; remembered per request."""
    memo = _memo(context, "pages")
    key = (page.translation_key, locale_id)
    if key not in memo:
        translated = (
            type(page)
            .objects.live()
            .filter(translation_key=page.translation_key, locale_id=locale_id)
            .first()
        )
        memo[key] = translated or page
    return memo[key]


class ProgrammeField(InstanceField):
    """The related programme in the page's language: ``{"id", "code", "short_name", "title"}``."""

    def to_representation(self, page):
        programme = getattr(page, self.attr_name)
        if programme is None:
            return None
        return programme_summary(localized_page(self.context, programme, page.locale_id))


class ProgrammesField(InstanceField):
    def to_representation(self, page):
        return [
            programme_summary(localized_page(self.context, programme, page.locale_id))
            for programme in getattr(page, self.attr_name).all()
        ]


def _organisation(org):
    return {
        "name": org.name,
        "short_name": org.short_name,
        "kind": org.kind,
        "country": org.country.code if org.country else "",
        "website": org.website,
    }


class OrganisationField(InstanceField):
    def to_representation(self, page):
        from base.localize import localize_one

        org = localize_one(getattr(page, self.attr_name), page.locale_id)
        return _organisation(org) if org else None


class OrganisationsField(InstanceField):
    def to_representation(self, page):
        from base.localize import localize

        related = getattr(page, self.attr_name)
        return [_organisation(org) for org in localize(related.all(), related.model, page.locale_id)]


class DocumentUrlField(InstanceField):
    def to_representation(self, page):
        document = getattr(page, self.attr_name)
        if document is None:
            return None
        return absolute_url(document.url)


class IcalUrlField(InstanceField):
    """The address of the page's iCalendar file."""

    def to_representation(self, page):
        request = self.context.get("request")
        url = page.get_url(request)
        if url is None:
            return None
        url += page.reverse_subpage("ical")
        return absolute_url(url)


class LanguageField(InstanceField):
    """The language code of a translatable object (its locale)."""

    def to_representation(self, obj):
        return obj.locale.language_code
