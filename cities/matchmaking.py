"""Possible partners for a city: other cities ranked by what they have in common and why.

A candidate must share at least one theme with the city (its themes of interest or the themes
it seeks partners on). Its score adds up:

- each shared theme: 1, or 2 when the city says it seeks partners on that theme;
- another world region: 1.5 (these programmes pair cities across continents);
- a running programme both cities are eligible for, where the programme's data says who is:
  1 (once, however many programmes);
- the candidate is itself looking for partners: 0.5.

Ties go to the larger city, then the name. Left out: the city itself, cities an editor has
excluded from suggestions, and cities it already has a live partnership with.

Eligibility (``pair_eligible``) follows how these programmes are built: they pair a city of
the European Union with a city elsewhere. A programme's ``min_population`` is the smallest EU
city it accepts (IUC asked for EU cities over 50,000 inhabitants); its ``countries`` and
``regions`` say where the partner city may be. A programme that says neither accepts any
partner city outside the EU.
"""

from dataclasses import dataclass, field
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext as _

from base.models import WorldRegion

# What the matchmaking and the directory are computed from, besides the snippets: their cached
# entries are kept until a page of these types changes (website/derived.py).
DEPENDS_ON = ("cities.citypage", "cities.partnershippage", "programmes.programmepage")

SHARED_THEME = 1.0
SOUGHT_THEME = 2.0  # a shared theme the city says it seeks partners on counts twice
OTHER_REGION = 1.5  # these programmes pair cities across continents
ELIGIBLE = 1.0  # both cities can apply together to a running programme
LOOKING = 0.5  # the other city is itself looking for partners

# Member states of the European Union (ISO 3166-1 alpha-2), for programme eligibility.
EU_MEMBER_STATES = frozenset(
    "AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE".split()
)

REGION_LABELS = dict(WorldRegion.choices)


@dataclass
class Suggestion:
    city: object
    score: float
    shared_themes: list = field(default_factory=list)  # Theme objects in the reader's language
    other_region: bool = False
    looking: bool = False
    programmes: list = field(default_factory=list)  # ProgrammePage both cities are eligible for

    @property
    def reasons(self):
        """Why this city is suggested, in the reader's language, most important first."""
        reasons = [
            _("shares: %(themes)s") % {"themes": ", ".join(theme.name for theme in self.shared_themes)}
        ]
        if self.other_region:
            reasons.append(
                _("another world region: %(region)s")
                % {"region": REGION_LABELS.get(self.city.region, self.city.region)}
            )
        if self.programmes:
            reasons.append(
                _("both can take part in: %(programmes)s")
                % {"programmes": ", ".join(programme.short_name for programme in self.programmes)}
            )
        if self.looking:
            reasons.append(_("is looking for partners"))
        return reasons

    @property
    def reason(self):
        return "; ".join(self.reasons)


class Rules:
    """A programme's eligibility rules, read once for the many pairs a ranking tests."""

    def __init__(self, programme):
        self.min_population = programme.min_population
        self.countries = {country.code for country in programme.countries}
        self.regions = set(programme.regions or ())

    def eu_side(self, code, population):
        return code in EU_MEMBER_STATES and (not self.min_population or population >= self.min_population)

    def partner_side(self, code, region):
        if code in EU_MEMBER_STATES:
            return False
        if not self.countries and not self.regions:
            return True
        return code in self.countries or region in self.regions

    def pair(self, a, b):
        """Whether two cities, each (country code, region, population), can take part together."""
        return (self.eu_side(a[0], a[2]) and self.partner_side(b[0], b[1])) or (
            self.eu_side(b[0], b[2]) and self.partner_side(a[0], a[1])
        )


def pair_eligible(city, other, programme):
    """Whether the two cities can take part in ``programme`` together, one on each side."""
    return Rules(programme).pair(
        (city.country.code, city.region, city.population), (other.country.code, other.region, other.population)
    )


def running_programmes(locale_id, today=None):
    from programmes.models import ProgrammePage

    today = today or timezone.localdate()
    return [
        programme
        for programme in ProgrammePage.objects.live().filter(locale_id=locale_id).order_by("short_name")
        if programme.end_date is None or programme.end_date >= today
    ]


def current_partner_keys(city):
    from cities.models import PartnershipCity

    return set(
        PartnershipCity.objects.filter(
            partnership__live=True,
            partnership__partner_cities__city__translation_key=city.translation_key,
        ).values_list("city__translation_key", flat=True)
    )


class Candidate(NamedTuple):
    """What the scoring reads of a city: small, cheap to cache."""

    pk: int
    translation_key: str
    title: str
    country_code: str
    region: str
    population: int
    looking_for_partners: bool
    themes: frozenset  # positions in Pool.theme_keys


class Pool(NamedTuple):
    theme_keys: tuple  # the translation keys of the themes, each once
    candidates: list


def candidates(locale_id, generation):
    """Every live city in ``locale_id`` that may be suggested, as a cached ``Pool``.

    Three queries to build: the themes, the cities and which themes each has.
    """
    from base.models import Theme
    from cities.models import CityPage
    from website.derived import cache_key, get_or_build

    def build():
        live = CityPage.objects.live().filter(locale_id=locale_id, exclude_from_suggestions=False)
        key_of = dict(Theme.objects.values_list("pk", "translation_key"))
        position = {}
        themes = {}
        for pk, theme_id in CityPage.themes.through.objects.filter(citypage__in=live.values("pk")).values_list(
            "citypage_id", "theme_id"
        ):
            themes.setdefault(pk, set()).add(position.setdefault(key_of[theme_id], len(position)))
        rows = live.order_by("path").values_list(
            "pk", "translation_key", "title", "country", "region", "population", "looking_for_partners"
        )
        return Pool(
            tuple(position),
            [
                Candidate(pk, str(key), title, country, region, population, looking, frozenset(themes.get(pk, ())))
                for pk, key, title, country, region, population, looking in rows
            ],
        )

    return get_or_build(cache_key("match-candidates", generation, locale_id), build)


def rank(city, city_keys, sought_keys, pool, excluded, programmes, limit):
    """The best ``limit`` candidates of ``pool`` for ``city``, scored as the module says:
    [(candidate, score, shared theme keys, other region, eligible programmes)]."""
    position = {key: n for n, key in enumerate(pool.theme_keys)}
    wanted = frozenset(position[key] for key in city_keys if key in position)
    sought = frozenset(position[key] for key in sought_keys if key in position)
    excluded = {str(key) for key in excluded}
    rules = [(programme, Rules(programme)) for programme in programmes]
    here = (city.country.code, city.region, city.population)
    scored = []
    for other in pool.candidates:
        shared = wanted & other.themes
        if not shared or other.translation_key in excluded:
            continue
        score = sum(SOUGHT_THEME if n in sought else SHARED_THEME for n in shared)
        other_region = other.region != city.region
        if other_region:
            score += OTHER_REGION
        there = (other.country_code, other.region, other.population)
        eligible = [programme for programme, rule in rules if rule.pair(here, there)]
        if eligible:
            score += ELIGIBLE
        if other.looking_for_partners:
            score += LOOKING
        scored.append((other, score, shared, other_region, eligible))
    scored.sort(key=lambda item: (-item[1], -item[0].population, item[0].title))
    return [
        (other, score, [pool.theme_keys[n] for n in sorted(shared)], other_region, eligible)
        for other, score, shared, other_region, eligible in scored[:limit]
    ]


def ranking(city, theme_keys, sought_keys, limit=5, today=None, generation=None):
    """The cached ranking of ``possible_partners``:
    [(city pk, score, shared theme keys, other region, looking, eligible programme pks)].

    Kept until a city, partnership or programme page changes (``DEPENDS_ON``), the day (programmes start and end) and everything it is
    computed from on the city itself (its fields and themes), so a preview of a draft never shares
    an entry with the live page. To compute it: the programmes, the current partners and, unless
    already cached for the language, the candidates with their themes.
    """
    from website.derived import cache_key, get_or_build
    from website.derived import generation as current_generation

    sought_keys = set(sought_keys)
    city_keys = set(theme_keys) | sought_keys
    if not city_keys:
        return []
    generation = current_generation(DEPENDS_ON) if generation is None else generation
    today = today or timezone.localdate()
    key = cache_key(
        "possible-partners",
        generation,
        city.pk,
        city.locale_id,
        str(city.translation_key),
        city.country.code,
        city.region,
        city.population,
        sorted(map(str, city_keys)),
        sorted(map(str, sought_keys)),
        str(today),
        limit,
    )

    def build():
        programmes = running_programmes(city.locale_id, today)
        excluded = current_partner_keys(city) | {city.translation_key}
        pool = candidates(city.locale_id, generation)
        return [
            (other.pk, score, tuple(shared), other_region, other.looking_for_partners, tuple(p.pk for p in eligible))
            for other, score, shared, other_region, eligible in rank(
                city, city_keys, sought_keys, pool, excluded, programmes, limit
            )
        ]

    return get_or_build(key, build)


def programme_pks(rows):
    """The programmes a ranking names, each once."""
    return {pk for row in rows for pk in row[5]}


def suggestions(rows, locale_id, programmes, mapping=None):
    """``Suggestion`` objects for a ``ranking``, with ``programmes`` ({pk: ProgrammePage}) it names:
    one query, for the suggested cities."""
    from cities.listings import CITY_FIELDS, themes_for_keys
    from cities.models import CityPage

    if not rows:
        return []
    pages = CityPage.objects.only(*CITY_FIELDS).in_bulk([row[0] for row in rows])
    # Themes are put in the reader's language for the suggestions shown only.
    return [
        Suggestion(
            city=pages[pk],
            score=score,
            shared_themes=themes_for_keys(shared, locale_id, mapping),
            other_region=other_region,
            looking=looking,
            programmes=[programmes[p] for p in eligible if p in programmes],
        )
        for pk, score, shared, other_region, looking, eligible in rows
        if pk in pages
    ]


def possible_partners(city, limit=5, today=None, generation=None):
    """The best ``limit`` suggestions among the other live cities in the city's language.

    A fixed number of queries: the city's themes, then, once the ranking is cached, the programmes
    it names and the suggested cities.
    """
    from cities.listings import PROGRAMME_FIELDS, related_keys
    from programmes.models import ProgrammePage

    keys = related_keys(city, ["themes", "partner_themes"])
    rows = ranking(
        city, keys[("themes", city.pk)], keys[("partner_themes", city.pk)], limit, today, generation
    )
    needed = programme_pks(rows)
    programmes = ProgrammePage.objects.only(*PROGRAMME_FIELDS).in_bulk(needed) if needed else {}
    return suggestions(rows, city.locale_id, programmes)
