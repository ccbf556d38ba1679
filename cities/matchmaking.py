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

from django.utils import timezone
from django.utils.translation import gettext as _

from programmes.localize import localize
from programmes.models import Theme, WorldRegion

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


def eu_side_eligible(city, programme):
    if city.country.code not in EU_MEMBER_STATES:
        return False
    return not programme.min_population or city.population >= programme.min_population


def partner_side_eligible(city, programme):
    if city.country.code in EU_MEMBER_STATES:
        return False
    countries = {country.code for country in programme.countries}
    regions = set(programme.regions or ())
    if not countries and not regions:
        return True
    return city.country.code in countries or city.region in regions


def pair_eligible(city, other, programme):
    """Whether the two cities can take part in ``programme`` together, one on each side."""
    return (eu_side_eligible(city, programme) and partner_side_eligible(other, programme)) or (
        eu_side_eligible(other, programme) and partner_side_eligible(city, programme)
    )


def running_programmes(locale_id, today=None):
    from programmes.models import ProgrammePage

    today = today or timezone.localdate()
    return [
        programme
        for programme in ProgrammePage.objects.live().filter(locale_id=locale_id).order_by("short_name")
        if programme.end_date is None or programme.end_date >= today
    ]


def score_pair(city, city_theme_keys, sought_keys, other, other_theme_keys, programmes=()):
    """(score, shared theme keys, other region, eligible programmes), or None without a shared theme."""
    shared = city_theme_keys & other_theme_keys
    if not shared:
        return None
    score = sum(SOUGHT_THEME if key in sought_keys else SHARED_THEME for key in shared)
    other_region = other.region != city.region
    if other_region:
        score += OTHER_REGION
    eligible = [programme for programme in programmes if pair_eligible(city, other, programme)]
    if eligible:
        score += ELIGIBLE
    if other.looking_for_partners:
        score += LOOKING
    return score, shared, other_region, eligible


def current_partner_keys(city):
    from cities.models import PartnershipCity

    return set(
        PartnershipCity.objects.filter(
            partnership__live=True,
            partnership__partner_cities__city__translation_key=city.translation_key,
        ).values_list("city__translation_key", flat=True)
    )


def possible_partners(city, limit=5, today=None):
    """The best ``limit`` suggestions among the other live cities in the city's language.

    A fixed number of queries: the city's themes, the candidates and their themes, the
    programmes, the current partners.
    """
    from cities.models import CityPage

    sought = list(city.partner_themes.all())
    sought_keys = {theme.translation_key for theme in sought}
    city_keys = {theme.translation_key for theme in city.themes.all()} | sought_keys
    if not city_keys:
        return []
    excluded = current_partner_keys(city) | {city.translation_key}
    candidates = (
        CityPage.objects.live()
        .filter(locale_id=city.locale_id, exclude_from_suggestions=False)
        .exclude(translation_key__in=excluded)
        .defer_streamfields()
        .prefetch_related("themes")
    )
    programmes = running_programmes(city.locale_id, today)
    scored_candidates = []
    for other in candidates:
        themes_by_key = {theme.translation_key: theme for theme in other.themes.all()}
        scored = score_pair(city, city_keys, sought_keys, other, set(themes_by_key), programmes)
        if scored is not None:
            scored_candidates.append((other, themes_by_key, scored))
    scored_candidates.sort(key=lambda item: (-item[2][0], -item[0].population, item[0].title))
    # Themes are put in the reader's language for the suggestions shown only.
    return [
        Suggestion(
            city=other,
            score=score,
            shared_themes=localize([themes_by_key[key] for key in shared], Theme, city.locale_id),
            other_region=other_region,
            looking=other.looking_for_partners,
            programmes=eligible,
        )
        for other, themes_by_key, (score, shared, other_region, eligible) in scored_candidates[:limit]
    ]
