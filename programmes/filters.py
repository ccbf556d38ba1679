"""The filters of the news listing, the programme pages' calls and training, and of their feeds
(RSS, Atom, iCalendar): one reading of the address for all of them (django-filter sets, with
what the listings share in website.listings).

Values are the same in every language: a programme's code, a theme's slug, a country's ISO code
and, for calls and training, the kind (``call`` or ``training``). A listing page leaves out a
value it does not know and says so; a feed answers 400 with the message instead, as the city
directory's exports do: a feed reader shows no notice, and a feed of a mistyped filter would
silently follow everything.

A call or training module takes the programme codes, themes and countries of the programmes above
it; a training module adds its own themes and country. A news item takes its own themes, the code
of the programme it is about, and the countries of that programme and of the programmes above it.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from base.localize import snippet_map
from base.models import Theme
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.listings import AddressFilterSet, ValueFilter, country_filter

KINDS = {"call": CallPage, "training": TrainingModulePage}


class ProgrammeFilterSet(AddressFilterSet):
    """Programme, theme and country: the news listing's filters (news.listings) and its feeds'.
    The programmes and themes that can be chosen are the language's."""

    programme = ValueFilter(error_messages={"invalid_choice": _("“%(value)s” is not a programme.")})
    theme = ValueFilter(error_messages={"invalid_choice": _("“%(value)s” is not a theme.")})
    country = country_filter(_("“%(value)s” is not a country code."))

    def __init__(self, data, locale_id, **kwargs):
        super().__init__(data, **kwargs)
        self.locale_id = locale_id
        self.filters["programme"].extra["choices"] = self.programme_choices()
        self.filters["theme"].extra["choices"] = self.theme_choices()

    def programme_choices(self):
        return [(code, code) for code in sorted(programme_codes(self.locale_id))]

    def theme_choices(self):
        return [(slug, slug) for slug in sorted(theme_slugs(self.locale_id))]


class EventFilterSet(ProgrammeFilterSet):
    """The filters of the calls and training modules of a programme index, its calendar and feed."""

    kind = ValueFilter(
        choices=[(kind, model._meta.verbose_name_plural) for kind, model in KINDS.items()],
        error_messages={"invalid_choice": _("“%(value)s” is not a kind: give call or training.")},
    )


def programme_codes(locale_id):
    return set(ProgrammePage.objects.live().filter(locale_id=locale_id).values_list("code", flat=True))


def theme_slugs(locale_id):
    return set(Theme.objects.filter(locale_id=locale_id).values_list("slug", flat=True))


def _under(paths):
    """Pages inside one of the trees at ``paths``; nothing when there is none."""
    return reduce(or_, (Q(path__startswith=path) for path in paths), Q(pk__in=[]))


def programmes_matching(chosen, locale_id=None):
    """The live programmes (of ``locale_id``, or of every language) whose own or an enclosing
    programme's code, themes and countries match every filter in ``chosen``."""
    programmes = ProgrammePage.objects.live().prefetch_related("themes")
    if locale_id is not None:
        programmes = programmes.filter(locale_id=locale_id)
    return _matching(list(programmes), chosen)


def _matching(programmes, chosen):
    by_path = {page.path: page for page in programmes}

    def with_ancestors(page):
        return [by_path[path] for path in by_path if page.path.startswith(path)]

    matching = []
    for page in programmes:
        family = with_ancestors(page)
        if "programme" in chosen and chosen["programme"] not in {p.code for p in family}:
            continue
        if "theme" in chosen and chosen["theme"] not in {t.slug for p in family for t in p.themes.all()}:
            continue
        if "country" in chosen and chosen["country"] not in {c.code for p in family for c in p.countries}:
            continue
        matching.append(page)
    return matching


def filter_events(queryset, model, chosen, locale_id):
    """``queryset`` of ``model`` (calls or training modules) narrowed to ``chosen``."""
    if "kind" in chosen and KINDS[chosen["kind"]] is not model:
        return queryset.none()
    programmes = list(ProgrammePage.objects.live().filter(locale_id=locale_id).prefetch_related("themes"))
    condition = Q()
    if "programme" in chosen:
        condition &= _under(p.path for p in _matching(programmes, {"programme": chosen["programme"]}))
    for name, own in (("theme", "themes__slug"), ("country", "country")):
        if name in chosen:
            inherited = _under(p.path for p in _matching(programmes, {name: chosen[name]}))
            if model is TrainingModulePage:  # its own themes and country count too
                inherited |= Q(pk__in=model.objects.filter(**{own: chosen[name]}).values("pk"))
            condition &= inherited
    return queryset.filter(condition)


def describe(chosen, locale_id):
    """The chosen filters in words, in the reader's language ("ICP AGIR · Greece"), for feed titles."""
    words = []
    if "kind" in chosen:
        words.append(str(KINDS[chosen["kind"]]._meta.verbose_name_plural).capitalize())
    if "programme" in chosen:
        page = ProgrammePage.objects.live().filter(code=chosen["programme"], locale_id=locale_id).first()
        words.append(page.short_name if page else chosen["programme"])
    if "theme" in chosen:
        names = {theme.slug: theme.name for theme in snippet_map(Theme, locale_id).values()}
        words.append(names.get(chosen["theme"], chosen["theme"]))
    if "country" in chosen:
        words.append(str(countries.name(chosen["country"])))
    return " · ".join(words)
