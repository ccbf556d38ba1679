"""What the search filters need to know about every live page, built in bulk and kept in memory.

For each live page: its type, the programmes it belongs to, its themes and its countries. Pages
keep their relations pointing at the source-language objects (wagtail-localize synchronises
them), so everything is gathered per ``translation_key`` and shared by a page's translations;
themes are identified by their slug and programmes by their code, both the same in every
language, so filter addresses work in every language.

Built with a fixed number of queries (about fifteen, whatever the number of pages), or for the
pages of a few translation keys after they changed (``updated_facet_map``); ``search.state``
keeps it per process and current. Filtering and counting the (at most ``MAX_RESULTS``) hits of a
search is then done in memory, the same way whatever the search backend.
"""

from dataclasses import dataclass, field, replace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from base.indexing import TYPE_LABELS, type_of_model  # noqa: F401  (read as facets.TYPE_LABELS)


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
    key: object = None  # the page's translation key

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
    programme_paths: dict = field(default_factory=dict)  # tree path of a live programme -> its key
    keys: dict = field(default_factory=dict)  # translation key -> ids of its live pages
    partners: dict = field(default_factory=dict)  # partnership key -> its cities' keys, and back

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


def _m2m_pairs(model, field_name, target_attribute, keys=None):
    """(source page translation key, target attribute) for every row of a many-to-many field,
    or with ``keys`` for the rows of those pages only."""
    m2m = model._meta.get_field(field_name)
    source, target = m2m.m2m_field_name(), m2m.m2m_reverse_field_name()
    rows = m2m.remote_field.through.objects.all()
    if keys is not None:
        rows = rows.filter(**{f"{source}__translation_key__in": keys})
    return rows.values_list(f"{source}__translation_key", f"{target}__{target_attribute}")


@dataclass
class Relations:
    """What pages are linked to, by translation key: programmes, themes, countries, and the
    cities of a partnership and partnerships of a city (``partners``)."""

    programmes: dict = field(default_factory=dict)
    themes: dict = field(default_factory=dict)
    countries: dict = field(default_factory=dict)
    partners: dict = field(default_factory=dict)

    @staticmethod
    def add(target, key, value):
        if key and value:
            target.setdefault(key, set()).update(value if isinstance(value, set) else {value})


def partnership_links(keys=None):
    """The partnership-city rows, or with ``keys`` those whose partnership or city is one of them."""
    from cities.models import PartnershipCity

    rows = PartnershipCity.objects.all()
    if keys is not None:
        rows = rows.filter(Q(partnership__translation_key__in=keys) | Q(city__translation_key__in=keys))
    return list(
        rows.values_list(
            "partnership__translation_key",
            "city__translation_key",
            "partnership__programme__translation_key",
            "city__country",
        )
    )


def read_relations(keys=None, models=None, links=None):
    """The relations of every page, or of the pages with translation ``keys`` whose types are
    among ``models`` (the partnership-city rows ``links`` when already read)."""
    from cities.models import CityPage, PartnershipPage
    from news.models import NewsPage
    from programmes.models import ProgrammePage, TrainingModulePage

    def wanted(model):
        return models is None or model in models

    def own(model):
        rows = model.objects.all()
        return rows if keys is None else rows.filter(translation_key__in=keys)

    relations = Relations()
    add = relations.add
    for model in (PartnershipPage, NewsPage):
        if wanted(model):
            for key, programme in own(model).values_list("translation_key", "programme__translation_key"):
                add(relations.programmes, key, programme)
    if wanted(CityPage):
        for city, programme in _m2m_pairs(CityPage, "programmes", "translation_key", keys):
            add(relations.programmes, city, programme)
    if wanted(CityPage) or wanted(PartnershipPage):
        for partnership, city, programme, country in partnership_links(keys) if links is None else links:
            add(relations.programmes, city, programme)
            add(relations.countries, partnership, _codes(country))
            add(relations.partners, partnership, city)
            add(relations.partners, city, partnership)
    for model in (ProgrammePage, TrainingModulePage, CityPage, PartnershipPage, NewsPage):
        if wanted(model):
            for key, slug in _m2m_pairs(model, "themes", "slug", keys):
                add(relations.themes, key, slug)
    for model, field_name in (
        (CityPage, "country"),
        (TrainingModulePage, "country"),
        (ProgrammePage, "countries"),
    ):
        if wanted(model):
            for key, value in own(model).values_list("translation_key", field_name):
                add(relations.countries, key, _codes(value))
    return relations


def live_page_rows(keys=None):
    """(id, content type id, locale id, translation key, path, title) of the live pages below the
    root, or of those with translation ``keys``."""
    from wagtail.models import Page

    rows = Page.objects.live().filter(depth__gt=1)
    if keys is not None:
        rows = rows.filter(translation_key__in=keys)
    return rows.values_list("pk", "content_type_id", "locale_id", "translation_key", "path", "title")


def add_pages(facet_map, rows, relations):
    """Give ``facet_map`` the facets of the live pages ``rows`` (``live_page_rows``)."""
    from wagtail.models import Page

    type_by_content_type = {}
    for page_id, content_type_id, locale_id, key, path, _title in rows:
        if content_type_id not in type_by_content_type:
            type_by_content_type[content_type_id] = type_of_content_type(content_type_id)
        page_programmes = set(relations.programmes.get(key, ()))
        # Programmes, calls and training modules belong to the outermost programme above them.
        for depth in range(1, len(path) // Page.steplen + 1):
            programme = facet_map.programme_paths.get(path[: depth * Page.steplen])
            if programme:
                page_programmes.add(programme)
                break
        facet_map.pages[page_id] = PageFacets(
            type=type_by_content_type[content_type_id],
            locale_id=locale_id,
            programmes=frozenset(page_programmes),
            programme_codes=frozenset(
                facet_map.programmes[key]["code"] for key in page_programmes if key in facet_map.programmes
            ),
            themes=frozenset(relations.themes.get(key, ())),
            countries=frozenset(relations.countries.get(key, ())),
            key=key,
        )
        facet_map.keys.setdefault(key, set()).add(page_id)


def build_facet_map(rows):
    """The map of the live pages ``rows`` (``live_page_rows()``)."""
    from wagtail.models import Locale

    from base.models import Theme
    from programmes.models import ProgrammePage

    facet_map = FacetMap()
    facet_map.locales = dict(Locale.objects.values_list("pk", "language_code"))
    for key, locale_id, short_name, title, code, path in ProgrammePage.objects.live().values_list(
        "translation_key", "locale_id", "short_name", "title", "code", "path"
    ):
        info = facet_map.programmes.setdefault(key, {"code": code, "names": {}})
        info["names"][locale_id] = short_name or title
        facet_map.programme_by_code.setdefault(code, key)
        facet_map.programme_paths[path] = key
    for slug, locale_id, name in Theme.objects.values_list("slug", "locale_id", "name"):
        facet_map.themes.setdefault(slug, {})[locale_id] = name

    relations = read_relations()
    facet_map.partners = {key: frozenset(linked) for key, linked in relations.partners.items()}
    add_pages(facet_map, rows, relations)
    return facet_map


def updated_facet_map(facet_map, keys):
    """A copy of ``facet_map`` with the pages of the translation ``keys`` read again: what
    publishing, unpublishing or deleting them changed. The programmes and themes are kept (a
    change to those makes the caller build the whole map again).

    Returns the map, the keys read and their live pages (``live_page_rows``). The keys include
    the cities of a partnership read and the partnerships of a city read, before and after the
    change: their facets follow each other's.
    """
    from cities.models import CityPage, PartnershipPage

    keys = set(keys)
    rows = list(live_page_rows(keys))
    models = {ContentType.objects.get_for_id(row[1]).model_class() for row in rows}
    links = None
    if models & {CityPage, PartnershipPage} or any(key in facet_map.partners for key in keys):
        before = {other for key in keys for other in facet_map.partners.get(key, ())}
        links = partnership_links(keys | before)  # every row of these pages
        after = {city for partnership, city, *_rest in links if partnership in keys}
        after |= {partnership for partnership, city, *_rest in links if city in keys}
        if after - keys - before:  # a city new to a partnership: its other partnerships' rows too
            links += partnership_links(after - keys - before)
        if (before | after) - keys:
            rows += live_page_rows((before | after) - keys)
        keys |= before | after
        models |= {CityPage, PartnershipPage}
    relations = read_relations(keys, models, links)

    updated = replace(
        facet_map, pages=dict(facet_map.pages), keys=dict(facet_map.keys), partners=dict(facet_map.partners)
    )
    for key in keys:
        for page_id in updated.keys.pop(key, ()):
            updated.pages.pop(page_id, None)
        updated.partners.pop(key, None)
        if key in relations.partners:
            updated.partners[key] = frozenset(relations.partners[key])
    add_pages(updated, rows, relations)
    return updated, keys, rows
