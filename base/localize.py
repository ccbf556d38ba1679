"""Show a page's relations in the reader's language.

A page's snippets are translated links: its themes, delivery partners and contact points are
inline rows that wagtail-localize translates with the page, its managing body or organiser a
foreign key it translates (a translation points at the snippet's translation as it was when the
page was translated or synced). They are read through the maps below, so that a theme or
organisation translated after the page shows at once. Themes and organisations are small tables:
one map per locale, kept until one is saved. Relations to pages (a city's programmes, a news
item's programme) are synchronised as they are and looked up by ``translation_key``.
"""

from modelcluster.fields import ParentalManyToManyField

from website.derived import generation_cached


def _build_snippet_map(model, locale_id):
    result = {}
    for obj in model.objects.all().order_by("pk"):
        if obj.locale_id == locale_id or obj.translation_key not in result:
            result[obj.translation_key] = obj
    return result


def snippet_map(model, locale_id):
    """{translation_key: object} for every object of ``model``, preferring ``locale_id``: kept
    until an object of ``model`` is saved or deleted (website/signals.py)."""
    return generation_cached(
        "snippet-map",
        lambda: _build_snippet_map(model, locale_id),
        model._meta.label_lower,
        locale_id,
        depends_on=(model,),
    )


def localize(objs, model, locale_id):
    mapping = snippet_map(model, locale_id)
    return sorted(
        (mapping.get(obj.translation_key, obj) for obj in objs),
        key=lambda obj: obj.name.casefold(),
    )


def localize_one(obj, locale_id):
    if obj is None:
        return None
    return snippet_map(type(obj), locale_id).get(obj.translation_key, obj)


def link_rows(page, name):
    """The inline rows (``base.models.ThemeLink``, ``OrganisationLink``) that hold ``page``'s
    many-to-many field ``name``, as the page holds them, and their foreign key's name."""
    field = page._meta.get_field(name)
    parent = field.remote_field.through._meta.get_field(field.m2m_field_name())
    return getattr(page, parent.remote_field.get_accessor_name()), field.m2m_reverse_field_name()


def localized_related(page, name):
    """The snippets of ``page``'s many-to-many field ``name`` (themes, organisations) in the page's
    language, by name as every listing shows them; read from the page's inline rows as it holds them,
    so a preview shows its own, and named through the cached maps (no query for them)."""
    rows, target = link_rows(page, name)
    model = page._meta.get_field(name).related_model
    found = (localize_id(model, getattr(row, f"{target}_id"), page.locale_id) for row in rows.all())
    return sorted((obj for obj in found if obj is not None), key=lambda obj: obj.name.casefold())


def localized_themes(page, field="themes"):
    """The themes of ``page``'s ``field`` in the page's language (``localized_related``)."""
    return localized_related(page, field)


def related_in_memory(page, name):
    """The objects of ``page``'s many-to-many field ``name`` as the page holds them (a preview's
    or a revision's, not yet saved): through its inline rows where the field has them."""
    if isinstance(page._meta.get_field(name), ParentalManyToManyField):  # held in memory itself
        return list(getattr(page, name).all())
    rows, target = link_rows(page, name)
    return [getattr(row, target) for row in rows.all()]


def snippet_keys(model):
    """{pk: translation_key} for every object of ``model`` in every language."""
    return generation_cached(
        f"snippet-keys:{model._meta.label_lower}",
        lambda: dict(model.objects.values_list("pk", "translation_key")),
        depends_on=(model,),
    )


def localize_id(model, pk, locale_id):
    """The object of ``model`` whose primary key is ``pk``, in ``locale_id``, without a query
    when the maps are cached: for foreign keys (an organiser, a managing body) read as ``<name>_id``."""
    if pk is None:
        return None
    key = snippet_keys(model).get(pk)
    found = snippet_map(model, locale_id).get(key) if key else None
    if found is None:  # newer than the cached maps
        obj = model.objects.filter(pk=pk).first()
        return localize_one(obj, locale_id)
    return found


def localize_keys(keys, model, locale_id, mapping=None):
    """Objects of ``model`` given by translation key, in ``locale_id``, sorted by name as ``localize`` does.

    ``mapping`` is ``snippet_map(model, locale_id)`` when the caller already has it.
    """
    mapping = snippet_map(model, locale_id) if mapping is None else mapping
    missing = {key for key in keys if key not in mapping}
    if missing:  # newer than the cached map: chosen as snippet_map would choose
        mapping = dict(mapping)
        for obj in model.objects.filter(translation_key__in=missing).order_by("pk"):
            if obj.locale_id == locale_id or obj.translation_key not in mapping:
                mapping[obj.translation_key] = obj
    return sorted(
        (mapping[key] for key in keys if key in mapping),
        key=lambda obj: obj.name.casefold(),
    )


def localized_pages(pages, locale_id, queryset=None):
    """The live translation in ``locale_id`` of each page (the page itself where there is none)."""
    pages = [page for page in pages if page is not None]
    if not pages:
        return []
    model = type(pages[0])
    queryset = queryset if queryset is not None else model.objects.all()
    found = {
        page.translation_key: page
        for page in queryset.live().filter(
            locale_id=locale_id, translation_key__in={page.translation_key for page in pages}
        )
    }
    return [found.get(page.translation_key, page) for page in pages]
