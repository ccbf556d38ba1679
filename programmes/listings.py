"""What a programme page lists, in a fixed number of queries.

Programme pages are few: the live ones of each language, with what pages show of their
synchronised relations (themes, managing body, delivery partners), are kept as one small map
per language and content generation (``programme_map``), which the home page, the news and
the programme pages read instead of querying.
"""

from collections import defaultdict
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Window
from wagtail.models import Page

from base.localize import localize_id, localize_keys, localized_pages, related_in_memory
from base.models import Organisation, Theme
from base.sections import home_sections
from programmes.models import CallPage, ProgrammeIndexPage, ProgrammePage, TrainingModulePage
from website.derived import generation_cached

# How many partnerships a programme page lists; the partnership index lists them all.
PARTNERSHIPS_SHOWN = 12

# The fields programme cards, kickers and filters read (programmes/includes/programme_card.html).
PROGRAMME_FIELDS = (
    "id",
    "title",
    "path",
    "depth",
    "url_path",
    "locale_id",
    "translation_key",
    "content_type_id",
    "code",
    "short_name",
    "full_name",
    "introduction",
    "start_date",
    "end_date",
)
# What call and training cards read (programmes/includes/call_card.html, training_card.html).
CALL_FIELDS = ("introduction", "timezone", "opens_at", "deadline")
TRAINING_FIELDS = (
    "introduction",
    "timezone",
    "stage",
    "starts_at",
    "ends_at",
    "mode",
    "city_name",
    "country",
)
# What any listed page needs for its address and translations.
PAGE_FIELDS = ("id", "title", "path", "depth", "url_path", "locale_id", "translation_key", "content_type_id")
# What cities/includes/partnership_item.html and news/includes/news_item.html read.
PARTNERSHIP_FIELDS = (*PAGE_FIELDS, "introduction", "status", "start_date", "duration_months")
NEWS_FIELDS = (*PAGE_FIELDS, "introduction", "date")


def _build_programme_map(locale_id):
    pages = list(
        ProgrammePage.objects.live().filter(locale_id=locale_id).only(*PROGRAMME_FIELDS).order_by("short_name")
    )
    ids = [page.pk for page in pages]
    themes = {pk: [] for pk in ids}
    partners = {pk: [] for pk in ids}
    for pk, key in ProgrammePage.themes.through.objects.filter(programmepage_id__in=ids).values_list(
        "programmepage_id", "theme__translation_key"
    ):
        themes[pk].append(key)
    for pk, key in ProgrammePage.delivery_partners.through.objects.filter(programmepage_id__in=ids).values_list(
        "programmepage_id", "organisation__translation_key"
    ):
        partners[pk].append(key)
    return {
        "by_short_name": pages,  # the database's order, as the news filter lists them
        "keys": dict(ProgrammePage.objects.values_list("pk", "translation_key")),  # every language
        "themes": themes,
        "partners": partners,
    }


def programme_map(locale_id):
    """The live programme pages of ``locale_id`` (card fields only) and their relations, cached."""
    data = generation_cached(
        "programme-map", lambda: _build_programme_map(locale_id), locale_id, depends_on=(ProgrammePage,)
    )
    data["by_path"] = sorted(data["by_short_name"], key=lambda page: page.path)
    data["by_path_key"] = {page.path: page for page in data["by_short_name"]}
    data["by_translation_key"] = {page.translation_key: page for page in data["by_short_name"]}
    return data


def localized_programme(programme_id, locale_id, data=None):
    """The live programme page in ``locale_id`` that a synchronised ``programme`` foreign key
    (which points at the source page) stands for; the source page itself where it has no live
    translation, as ``base.localize.localized_pages`` does. No query when the map knows it."""
    if programme_id is None:
        return None
    data = data or programme_map(locale_id)
    key = data["keys"].get(programme_id)
    found = data["by_translation_key"].get(key) if key else None
    if found is None:
        source = ProgrammePage.objects.filter(pk=programme_id).first()
        return localized_pages([source], locale_id)[0] if source else None
    return found


def _relation_keys(programme, name, cached):
    """Translation keys of ``programme``'s ``name`` relation: as edited on a preview (kept in
    memory by modelcluster), else from the map, else from the database."""
    in_memory = getattr(programme, "previewing", False)
    if not in_memory and programme.pk in cached:
        return cached[programme.pk]
    return [obj.translation_key for obj in related_in_memory(programme, name)]


def children_paths(page):
    """The range of tree paths of ``page``'s children (with ``depth=page.depth + 1``): unlike
    ``child_of`` (``path LIKE``, which SQLite cannot look up in its index), a range uses the index."""
    steplen, alphabet = Page.steplen, Page.alphabet
    return (page.path + alphabet[0] * steplen, page.path + alphabet[-1] * steplen)


def _relatives(programme):
    """The live children (calls, training modules, initiatives) and the ancestors of
    ``programme``, each as its specific page with the fields shown, in one query."""
    steplen = Page.steplen
    ancestor_paths = [programme.path[:end] for end in range(2 * steplen, len(programme.path), steplen)]
    only = [
        *PAGE_FIELDS,
        "live",
        *(f"callpage__{name}" for name in CALL_FIELDS),
        *(f"trainingmodulepage__{name}" for name in TRAINING_FIELDS),
        *(f"programmepage__{name}" for name in PROGRAMME_FIELDS if name not in PAGE_FIELDS),
    ]
    pages = (
        Page.objects.filter(
            Q(path__range=children_paths(programme), depth=programme.depth + 1, live=True)
            | Q(path__in=ancestor_paths)
        )
        .select_related("callpage", "trainingmodulepage", "programmepage")
        .only(*only)
        .order_by("path")
    )
    types = {
        ContentType.objects.get_for_model(model).pk: name
        for model, name in (
            (CallPage, "callpage"),
            (TrainingModulePage, "trainingmodulepage"),
            (ProgrammePage, "programmepage"),
        )
    }
    children, ancestors = defaultdict(list), []
    for page in pages:
        specific = getattr(page, types[page.content_type_id]) if page.content_type_id in types else page
        if page.depth > programme.depth:
            children[type(specific)].append(specific)
        else:
            ancestors.append(specific)
    return children, ancestors


def about_model(related_name):
    """The page model whose ``programme`` foreign key has ``related_name`` ("partnerships", "news"):
    those apps sit above this one, so their models are reached through the relation, not imported."""
    return ProgrammePage._meta.get_field(related_name).related_model


def _about_programme(model, versions, locale_id):
    """Live pages of ``model`` in ``locale_id`` whose ``programme`` is one of ``versions``.

    As a subquery, the programme's pages are found through the index on ``programme_id``, then
    kept if in the language; a join lets SQLite walk every page of the language instead.
    """
    in_programme = model.objects.filter(programme_id__in=versions).values("pk")
    return model.objects.live().filter(locale_id=locale_id, pk__in=in_programme)


def _listed_rows(programme, versions, locale_id):
    children, ancestors = _relatives(programme)
    partnerships = list(
        _about_programme(about_model("partnerships"), versions, locale_id)
        .annotate(total=Window(Count("pk")))  # how many in all, in the same query
        .only(*PARTNERSHIP_FIELDS)
        .order_by("-start_date", "-pk")[:PARTNERSHIPS_SHOWN]
    )
    news = list(_about_programme(about_model("news"), versions, locale_id).only(*NEWS_FIELDS).order_by("-date", "-pk")[:6])
    return children, ancestors, partnerships, news


def programme_listings(programme):
    locale_id = programme.locale_id
    data = programme_map(locale_id)
    # Synchronised relations point at the source page: match every version of the programme.
    versions = [pk for pk, key in data["keys"].items() if key == programme.translation_key] or [programme.pk]
    # The rows listed, kept until the programme page gets a new version: a change to one of them
    # gives it one (calls' states are worked out from their dates when the page is rendered, so
    # they stay right in between).
    children, ancestors, partnerships, news = generation_cached(
        "programme-listings", lambda: _listed_rows(programme, versions, locale_id), locale_id, page=programme
    )
    # The language's home page is the top of its tree, right under Wagtail's root.
    home = next((page for page in ancestors if page.depth == 2), None)
    index_type = ContentType.objects.get_for_model(ProgrammeIndexPage).pk
    index = next((page for page in ancestors if page.content_type_id == index_type and page.live), None)
    parent = ancestors[-1] if ancestors else None
    parent_programme = parent if isinstance(parent, ProgrammePage) else None
    if parent_programme is not None and parent_programme.locale_id != locale_id:
        parent_programme = localized_pages([parent_programme], locale_id)[0]

    index_url = index is not None and index.url
    only_this = urlencode({"programme": programme.code})
    countries = programme.countries
    return {
        # The participating countries' names in the reader's language, sorted by name (what
        # ``countries|dictsort:"name"`` gives), looked up once.
        "country_names": [country.name for country in sorted(countries, key=lambda country: country.name)],
        "calls": sorted(children[CallPage], key=lambda page: page.deadline, reverse=True),
        "training_modules": sorted(children[TrainingModulePage], key=lambda page: page.starts_at),
        "initiatives": children[ProgrammePage],  # in tree order
        "partnerships": partnerships,
        "partnership_count": partnerships[0].total if partnerships else 0,
        # Linked to when the list is cut.
        "partnership_index": home_sections(home).get("partnershipindexpage") if home is not None else None,
        "news": news,
        "themes": localize_keys(_relation_keys(programme, "themes", data["themes"]), Theme, locale_id),
        "managing_body": localize_id(Organisation, programme.managing_body_id, locale_id),
        "delivery_partners": localize_keys(
            _relation_keys(programme, "delivery_partners", data["partners"]), Organisation, locale_id
        ),
        "parent_programme": parent_programme,
        # The index's calendar and feed of calls and training, for this programme only (programmes.filters).
        "calendar_url": f"{index.url}calendar.ics?{only_this}" if index_url else "",
        "feed_url": f"{index.url}feed/rss/?{only_this}" if index_url else "",
    }
