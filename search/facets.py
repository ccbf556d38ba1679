"""What the search filters need to know about every live page, built in bulk and kept in memory.

For each live page: its type, the programmes it belongs to, its themes and its countries. Pages
keep their relations pointing at the source-language objects (wagtail-localize synchronises
them), so everything is gathered per ``translation_key`` and shared by a page's translations;
themes are identified by their slug and programmes by their code, both the same in every
language, so filter addresses work in every language.

Built with a fixed number of queries (about fifteen, whatever the number of pages), kept per
process and rebuilt when the site's content generation changes (``website.pagecache``: bumped
on publish, unpublish, move, delete and snippet saves) or after ``MAX_AGE`` seconds. Filtering
and counting the (at most ``MAX_RESULTS``) hits of a search is then done in memory, the same way
whatever the search backend.
"""

import threading
import time
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from base.indexing import TYPE_LABELS, type_of_model  # noqa: F401  (read as facets.TYPE_LABELS)

MAX_AGE = 600


def type_of_content_type(content_type_id):
    return type_of_model(ContentType.objects.get_for_id(content_type_id).model_class())


@dataclass(frozen=True)
class PageFacets:
    type: str
    locale_id: int
    programmes: frozenset = frozenset()  # translation keys of programme pages
    themes: frozenset = frozenset()  # theme slugs
    countries: frozenset = frozenset()  # ISO 3166 codes
    programme_codes: frozenset = frozenset()  # the programmes' codes, as used in addresses

    def values(self):
        """The filter values of this page, in the order of ``search.service.FILTERS``."""
        return ((self.type,), self.themes, self.programme_codes, self.countries)


@dataclass
class FacetMap:
    pages: dict = field(default_factory=dict)  # page id -> PageFacets
    programmes: dict = field(
        default_factory=dict
    )  # translation key -> {"code": ..., "names": {locale id: name}}
    programme_by_code: dict = field(default_factory=dict)  # code -> translation key
    themes: dict = field(default_factory=dict)  # slug -> {locale id: name}
    locales: dict = field(default_factory=dict)  # locale id -> language code

    def programme_name(self, key, locale_id):
        names = self.programmes.get(key, {}).get("names", {})
        return names.get(locale_id) or next(iter(names.values()), "")

    def theme_name(self, slug, locale_id):
        names = self.themes.get(slug, {})
        return names.get(locale_id) or next(iter(names.values()), slug)


def _codes(value):
    if not value:
        return set()
    if isinstance(value, str):
        return {code.strip().upper() for code in value.split(",") if code.strip()}
    if hasattr(value, "code"):
        return {value.code} if value.code else set()
    return {code for item in value for code in _codes(item)}


def _m2m_pairs(model, field_name, target_attribute):
    """(source page translation key, target attribute) for every row of a many-to-many field."""
    m2m = model._meta.get_field(field_name)
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    return m2m.remote_field.through.objects.values_list(
        f"{source}__translation_key", f"{target}__{target_attribute}"
    )


def build_facet_map():
    from wagtail.models import Locale, Page

    from base.models import Theme
    from cities.models import CityPage, PartnershipCity, PartnershipPage
    from news.models import NewsPage
    from programmes.models import ProgrammePage, TrainingModulePage

    facet_map = FacetMap()
    facet_map.locales = dict(Locale.objects.values_list("pk", "language_code"))

    programme_paths = {}
    for key, locale_id, short_name, title, code, path in ProgrammePage.objects.live().values_list(
        "translation_key", "locale_id", "short_name", "title", "code", "path"
    ):
        info = facet_map.programmes.setdefault(key, {"code": code, "names": {}})
        info["names"][locale_id] = short_name or title
        facet_map.programme_by_code.setdefault(code, key)
        programme_paths[path] = key

    for slug, locale_id, name in Theme.objects.values_list("slug", "locale_id", "name"):
        facet_map.themes.setdefault(slug, {})[locale_id] = name

    programmes, themes, countries = {}, {}, {}

    def add(target, key, value):
        if key and value:
            target.setdefault(key, set()).update(value if isinstance(value, set) else {value})

    for model in (PartnershipPage, NewsPage):
        for key, programme in model.objects.values_list("translation_key", "programme__translation_key"):
            add(programmes, key, programme)
    for city, programme in _m2m_pairs(CityPage, "programmes", "translation_key"):
        add(programmes, city, programme)
    for partnership, city, programme, country in PartnershipCity.objects.values_list(
        "partnership__translation_key",
        "city__translation_key",
        "partnership__programme__translation_key",
        "city__country",
    ):
        add(programmes, city, programme)
        add(countries, partnership, _codes(country))
    for model in (ProgrammePage, TrainingModulePage, CityPage, PartnershipPage, NewsPage):
        for key, slug in _m2m_pairs(model, "themes", "slug"):
            add(themes, key, slug)
    for model, field_name in (
        (CityPage, "country"),
        (TrainingModulePage, "country"),
        (ProgrammePage, "countries"),
    ):
        for key, value in model.objects.values_list("translation_key", field_name):
            add(countries, key, _codes(value))

    type_by_content_type = {}
    for page_id, content_type_id, locale_id, key, path in (
        Page.objects.live()
        .filter(depth__gt=1)
        .values_list("pk", "content_type_id", "locale_id", "translation_key", "path")
    ):
        if content_type_id not in type_by_content_type:
            type_by_content_type[content_type_id] = type_of_content_type(content_type_id)
        page_type = type_by_content_type[content_type_id]
        page_programmes = set(programmes.get(key, ()))
        # Programmes, calls and training modules belong to the outermost programme above them.
        for depth in range(1, len(path) // Page.steplen + 1):
            programme = programme_paths.get(path[: depth * Page.steplen])
            if programme:
                page_programmes.add(programme)
                break
        facet_map.pages[page_id] = PageFacets(
            type=page_type,
            locale_id=locale_id,
            programmes=frozenset(page_programmes),
            programme_codes=frozenset(
                facet_map.programmes[key]["code"] for key in page_programmes if key in facet_map.programmes
            ),
            themes=frozenset(themes.get(key, ())),
            countries=frozenset(countries.get(key, ())),
        )
    return facet_map


_lock = threading.Lock()
_state = {"map": None, "generation": None, "built": 0.0}


def _generation():
    from website.pagecache import current_generation

    return current_generation()


def get_facet_map(page_ids=()):
    """The current map; rebuilt if the content changed, it is old, or it lacks one of ``page_ids``."""
    generation = _generation()
    with _lock:
        facet_map = _state["map"]
        stale = (
            facet_map is None
            or _state["generation"] != generation
            or time.monotonic() - _state["built"] > MAX_AGE
            or any(page_id not in facet_map.pages for page_id in page_ids)
        )
    if stale:
        facet_map = build_facet_map()
        with _lock:
            _state.update(map=facet_map, generation=generation, built=time.monotonic())
    return facet_map


def clear():
    with _lock:
        _state.update(map=None, generation=None, built=0.0)
