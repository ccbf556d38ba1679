"""What a page indexes besides its own fields: its other names and the stems of its words.

``BasePage`` indexes, for every search engine alike:

- ``search_names``: what the page is called: its title, its "also known as" names (``also_known_as``
  on cities and programmes: Durban for eThekwini) and the titles of its live translations
  (Kopenhaga, Κοπεγχάγη, Copenhaguen for Copenhagen), with folded copies of accented words, so
  a name typed in any language finds the page in the visitor's language (their short and full
  names and, for training modules, the place's name too: Kopenhaga);
- ``search_stems_names``: the stems of the title and the names (each in its own language);
- ``search_stems_text``: the stems of the rest of its text in the page's language, and the name
  of its type ("Partnership", "Ciutat"...), so ``partnership Athens Gwangju`` finds the
  partnership.

A page's translations' titles change when a translation is published or unpublished, which
re-indexes only that translation: ``search.signals`` then re-indexes its live siblings.
"""

import re

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from base import stemming
from base.text import FOLDED_FIELD_PREFIX, _flatten, folded_words

# (key used in addresses, model label, label shown to visitors). "page" covers every other type.
TYPES = [
    ("programme", "programmes.programmepage", _("Programme")),
    ("call", "programmes.callpage", _("Call for applications")),
    ("training", "programmes.trainingmodulepage", _("Training module")),
    ("city", "cities.citypage", _("City")),
    ("partnership", "cities.partnershippage", _("Partnership")),
    ("news", "news.newspage", _("News")),
    ("page", None, _("Page")),
]
TYPE_LABELS = {key: label for key, _model, label in TYPES}
TYPE_BY_MODEL = {model: key for key, model, _label in TYPES if model}


def type_of_model(model):
    return TYPE_BY_MODEL.get(model._meta.label_lower, "page") if model else "page"


DERIVED_FIELDS = ("search_names", "search_stems_names", "search_stems_text")
ALIAS_SEPARATORS = re.compile(r"[,;\n]+")
MEMO = "search_memo"  # on the instance: the database backends read every field three to five times


def memoized(page, name, compute):
    """``compute()``, kept on the instance until it is saved again (``search.signals``
    forgets it on ``pre_save``) and only for the same page (Wagtail copies instances)."""
    memo = page.__dict__.get(MEMO)
    key = (page.pk, getattr(page, "translation_key", None))
    if memo is None or memo.get("key") != key:
        memo = page.__dict__[MEMO] = {"key": key}
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def forget(page):
    page.__dict__.pop(MEMO, None)


def is_derived(field_name):
    return field_name.startswith(FOLDED_FIELD_PREFIX) or field_name in DERIVED_FIELDS


_locale_codes = {}


def language_of(page):
    """The page's language code, from a per-process map of locales (reloaded for an unknown one)."""
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None:
        return ""
    if locale_id not in _locale_codes:
        from wagtail.models import Locale

        _locale_codes.update(Locale.objects.values_list("pk", "language_code"))
    return (_locale_codes.get(locale_id) or "").split("-")[0]


def aliases(page):
    """The page's "also known as" names, one string each."""
    text = getattr(page, "also_known_as", "") or ""
    return [name.strip() for name in ALIAS_SEPARATORS.split(text) if name.strip()]


# Fields that translators translate and that name the page (or, for a training module, its place).
TRANSLATED_NAME_FIELDS = ("short_name", "full_name", "city_name")


def translation_names(page):
    """(name, language) of the page's live translations: titles, short and full names, places."""
    if not page.pk or not getattr(page, "translation_key", None):
        return []
    return memoized(page, "translation_names", lambda: _read_translation_names(page))


def _read_translation_names(page):
    model = type(page)
    model_fields = {field.name for field in model._meta.get_fields()}
    fields = [name for name in TRANSLATED_NAME_FIELDS if name in model_fields]
    rows = (
        model.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(pk=page.pk)
        .order_by("locale_id")
        .values_list("locale__language_code", "title", *fields)
    )
    names = []
    for code, *values in rows:
        language = code.split("-")[0]
        names.extend((value, language) for value in dict.fromkeys(values) if value)
    return names


def name_fields(page):
    return memoized(page, "name_fields", lambda: _name_fields(page))


def _name_fields(page):
    """The values of the page's autocomplete fields (title, local name, short name) but the derived ones."""
    from modelsearch import index

    texts = []
    for field in type(page).get_search_fields():
        if isinstance(field, index.AutocompleteField) and not is_derived(field.field_name):
            texts.extend(_flatten(field.get_value(page)))
    return texts


def other_text(page):
    return memoized(page, "other_text", lambda: _other_text(page))


def _other_text(page):
    """The values of the page's search fields other than the title and the derived ones."""
    from modelsearch import index

    texts = []
    for field in type(page).get_search_fields():
        if (
            isinstance(field, index.SearchField)
            and field.field_name != "title"
            and not is_derived(field.field_name)
        ):
            texts.extend(_flatten(field.get_value(page)))
    return texts


def names_text(page):
    return memoized(page, "names_text", lambda: _names_text(page))


def _names_text(page):
    names = [page.title, *aliases(page)] + [name for name, _language in translation_names(page)]
    folded = folded_words(*names)
    return " ".join([*names, folded]).strip()


def stems_of_names(page):
    return memoized(page, "stems_of_names", lambda: _stems_of_names(page))


def _stems_of_names(page):
    language = language_of(page)
    parts = [stemming.stems_text([*name_fields(page), *aliases(page)], language)]
    for name, name_language in translation_names(page):
        parts.append(stemming.stems_text([name], name_language))
    return " ".join(dict.fromkeys(" ".join(parts).split()))


def type_label(page, language):
    kind = type_of_model(type(page))
    if kind == "page":
        return ""
    with translation.override(language or None):
        return str(TYPE_LABELS[kind])


def stems_of_text(page):
    return memoized(page, "stems_of_text", lambda: _stems_of_text(page))


def _stems_of_text(page):
    language = language_of(page)
    label = type_label(page, language)
    stems = stemming.stems_text([label, *other_text(page)], language)
    return " ".join(part for part in (label, folded_words(label), stems) if part)


def folded_names(page):
    """The folded accented words of the title and names (``search_folded_title``)."""
    return memoized(page, "folded_names", lambda: folded_words(*name_fields(page)))


def folded_text(page):
    """The folded accented words of the rest of the text (``search_folded_text``)."""
    return memoized(page, "folded_text", lambda: folded_words(*other_text(page)))
