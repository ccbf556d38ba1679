"""The filters of the news listing, the programme pages' calls and training, and of their feeds
(RSS, Atom, iCalendar): one reading of the address for all of them.

Values are the same in every language: a programme's code, a theme's slug, a country's ISO code
and, for calls and training, the kind (``call`` or ``training``). A listing page leaves out a
value it does not know and says so; a feed answers 400 with the message instead, as the city
directory's exports do: a feed reader shows no notice, and a feed of a mistyped filter would
silently follow everything.

A call or training module takes the programme codes, themes and countries of the programmes above
it; a training module adds its own themes and country. A news item takes its own themes, the code
of the programme it is about, and the countries of that programme and of the programmes above it.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from urllib.parse import urlencode

from django.db.models import Q
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django_countries import countries

from programmes.localize import snippet_map
from programmes.models import CallPage, ProgrammePage, Theme, TrainingModulePage

NEWS_FILTERS = ("programme", "theme", "country")
EVENT_FILTERS = ("programme", "theme", "country", "kind")
KINDS = {"call": CallPage, "training": TrainingModulePage}


@dataclass
class Filters:
    chosen: dict = field(default_factory=dict)  # name -> value, only the valid ones
    errors: list = field(default_factory=list)  # (name, value) for each value not understood

    def query(self):
        """The chosen filters as an address's query string, in a fixed order ("" without any)."""
        return urlencode([(name, self.chosen[name]) for name in EVENT_FILTERS if name in self.chosen])

    def __getitem__(self, name):
        return self.chosen.get(name, "")

    def messages(self):
        """(name, message) for each value not understood, as the feeds answer them."""
        texts = {
            "programme": _("“%(value)s” is not a programme."),
            "theme": _("“%(value)s” is not a theme."),
            "country": _("“%(value)s” is not a country code."),
            "kind": _("“%(value)s” is not a kind: give call or training."),
        }
        return [(name, texts[name] % {"value": value}) for name, value in self.errors]


def parse(params, names, programmes, themes):
    """Read the filters ``names`` from ``params`` (a QueryDict). ``programmes`` and ``themes``:
    the codes and slugs that can be chosen; other parameters are left alone."""
    filters = Filters()
    known = {"programme": programmes, "theme": themes, "country": countries, "kind": KINDS}
    for name in names:
        value = (params.get(name) or "").strip()
        if name == "country":
            value = value.upper()
        if not value:
            continue
        if len(value) <= 100 and value in known[name]:
            filters.chosen[name] = value
        else:
            filters.errors.append((name, value[:100]))
    return filters


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


def bad_request(filters):
    """400 with the messages, as JSON for machines and readable as text (as the city exports answer)."""
    errors = filters.messages()
    return JsonResponse(
        {"message": " ".join(message for _name, message in errors), "errors": dict(errors)},
        status=400,
        json_dumps_params={"ensure_ascii": False},
    )
