"""Show synchronised relations in the reader's language.

Translations keep their relations pointing at the source-language objects (wagtail-localize
synchronises them as they are), so templates look up each object's translation in the active
locale by ``translation_key``. Themes and organisations are small tables: one cached map per
locale, cleared when a snippet is saved or deleted.
"""

from django.core.cache import cache
from wagtail.models import Locale

CACHE_SECONDS = 24 * 3600


def _map_key(model, locale_id):
    return f"localized-map:{model._meta.label_lower}:{locale_id}"


def snippet_map(model, locale_id):
    """{translation_key: object} for every object of ``model``, preferring ``locale_id``."""
    key = _map_key(model, locale_id)
    result = cache.get(key)
    if result is None:
        result = {}
        for obj in model.objects.all().order_by("pk"):
            if obj.locale_id == locale_id or obj.translation_key not in result:
                result[obj.translation_key] = obj
        cache.set(key, result, CACHE_SECONDS)
    return result


def clear_snippet_maps(model):
    cache.delete_many([_map_key(model, pk) for pk in Locale.objects.values_list("pk", flat=True)])


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


def localized_themes(page, field="themes"):
    from programmes.models import Theme

    return localize(getattr(page, field).all(), Theme, page.locale_id)
