"""A small four-language tree for the translation tests: home and the programme and news indexes.

Lighter than the shared ``site`` fixture: each test builds only what it looks at, through the
project's factories (``home.factories``, ``programmes.factories``, ``news.factories``).
"""

import pytest
from wagtail.models import Locale

from base.factories import translate
from home.factories import ensure_home
from news.factories import news_index
from programmes.factories import programme_index
from tests.conftest import built_once_per_module

LANGUAGES = ["ca", "pl", "el"]


def translate_fully(page, code, extra=None):
    """Translate every string of ``page`` into ``code`` as "<text> [code]" (or ``extra``'s text)."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    strings = {
        segment.string.data: f"{segment.string.data} [{code}]"
        for segment in StringSegment.objects.filter(source=source).select_related("string")
    }
    strings.update(extra or {})
    return translate(page, code, strings, strict=True)


def build_small_tree():
    home = ensure_home()
    tree = {"home": {"en": home}}
    for code in LANGUAGES:
        tree["home"][code] = translate_fully(home, code)
    programmes = programme_index(home)
    news = news_index(home)
    tree["programmes"] = {"en": programmes}
    tree["news"] = {"en": news}
    for code in LANGUAGES:
        tree["programmes"][code] = translate_fully(programmes, code)
        tree["news"][code] = translate_fully(news, code)
    tree["locales"] = {locale.language_code: locale for locale in Locale.objects.all()}
    return tree


@pytest.fixture(scope="module")
def shared_small_tree(django_db_setup, django_db_blocker):
    """``build_small_tree()`` once per module, rolled back after it (each test runs in a savepoint)."""
    yield from built_once_per_module(django_db_blocker, build_small_tree)


@pytest.fixture
def tree(shared_small_tree, db):
    return shared_small_tree
