"""What a visitor can choose, labelled in the active language, keyed by language-independent values."""

from django_countries import countries as all_countries
from wagtail.models import Locale

from base.localize import snippet_map
from base.models import Theme
from programmes.models import ProgrammePage, TrainingModulePage


def active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _prefer_locale(objects, key, locale_id):
    """One object per ``key`` value, the one in ``locale_id`` when there is one."""
    chosen = {}
    for obj in objects:
        value = key(obj)
        if obj.locale_id == locale_id or value not in chosen:
            chosen[value] = obj
    return chosen


def programme_choices():
    """(code, short name) of every live programme and initiative, named in the active language."""
    locale = active_locale()
    programmes = ProgrammePage.objects.live().public().only("code", "short_name", "locale_id").order_by("pk")
    chosen = _prefer_locale(programmes, lambda page: page.code, locale.pk if locale else None)
    return sorted(((code, page.short_name) for code, page in chosen.items()), key=lambda c: c[1].casefold())


def theme_choices():
    """(slug, name) of every theme, named in the active language."""
    locale = active_locale()
    if locale is None:
        themes = Theme.objects.all()
    else:
        themes = snippet_map(Theme, locale.pk).values()
    chosen = _prefer_locale(themes, lambda theme: theme.slug, locale.pk if locale else None)
    return sorted(((slug, theme.name) for slug, theme in chosen.items()), key=lambda c: c[1].casefold())


def country_choices():
    """(ISO code, name in the active language) of the countries taking part in a programme or hosting training."""
    codes = set()
    for programme in ProgrammePage.objects.live().only("countries"):
        codes.update(country.code for country in programme.countries)
    codes.update(
        TrainingModulePage.objects.live().exclude(country="").values_list("country", flat=True).distinct()
    )
    names = {code: str(all_countries.name(code)) for code in codes}
    return sorted(((code, name) for code, name in names.items() if name), key=lambda c: c[1].casefold())
