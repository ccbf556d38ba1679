"""Possible partners for a city: ranked by shared themes, other world regions and eligibility."""

from dataclasses import dataclass, field

from programmes.localize import localize
from programmes.models import Theme

SHARED_THEME = 1.0
SOUGHT_THEME = 2.0  # a shared theme the city says it seeks partners on counts twice
OTHER_REGION = 1.5  # these programmes pair cities across continents
LOOKING = 0.5  # the other city is itself looking for partners

@dataclass
class Suggestion:
    city: object
    score: float
    shared_themes: list = field(default_factory=list)
    other_region: bool = False
    looking: bool = False

def score_pair(city, city_theme_keys, sought_keys, other, other_theme_keys):
    shared = city_theme_keys & other_theme_keys
    if not shared:
        return None
    score = sum(SOUGHT_THEME if key in sought_keys else SHARED_THEME for key in shared)
    other_region = other.region != city.region
    if other_region:
        score += OTHER_REGION
    if other.looking_for_partners:
        score += LOOKING
    return score, shared, other_region

def possible_partners(city, limit=5):
    """Rank the other live cities in the same language; ties go to the larger city, then name."""
    from cities.models import CityPage

    city_themes = list(city.themes.all())
    sought = list(city.partner_themes.all())
    city_keys = {t.translation_key for t in city_themes} | {t.translation_key for t in sought}
    sought_keys = {t.translation_key for t in sought}
    if not city_keys:
        return []
    candidates = (
        CityPage.objects.live()
        .filter(locale_id=city.locale_id, exclude_from_suggestions=False)
        .exclude(translation_key=city.translation_key)
        .prefetch_related("themes")
    )
    suggestions = []
    for other in candidates:
        themes_by_key = {t.translation_key: t for t in other.themes.all()}
        scored = score_pair(city, city_keys, sought_keys, other, set(themes_by_key))
        if scored is None:
            continue
        score, shared, other_region = scored
        suggestions.append(
            Suggestion(
                city=other,
                score=score,
                shared_themes=localize([themes_by_key[k] for k in shared], Theme, city.locale_id),
                other_region=other_region,
                looking=other.looking_for_partners,
            )
        )
    suggestions.sort(key=lambda s: (-s.score, -s.city.population, s.city.title))
    return suggestions[:limit]

REGION_LABELS = dict(WorldRegion.choices)
