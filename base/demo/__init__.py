"""Tools for the demo content each app builds (``<app>/demo.py``): texts in four languages, the
body blocks they use, and a translation step that leaves no string untranslated.

Every page and snippet is written in its source language (the language of its seed) and
translated into the other three through wagtail-localize (``base.factories.translate``), so an
editor can open each translation in the translation editor.
"""

from base.demo.text import LANGUAGES, strings
from base.factories import translate


def in_all_languages(obj, text, source):
    """``obj`` (written in ``source``) and its translations: {language code: object}.

    ``text`` holds the object's texts in the four languages; a string wagtail-localize extracts
    that ``text`` does not translate is an error, so no page is left partly untranslated.
    """
    result = {source: obj}
    for code in LANGUAGES:
        if code != source:
            result[code] = translate(obj, code, strings(text, source, code), strict=True)
    return result


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def call_to_action(text, url):
    return {"type": "call_to_action", "value": {"text": text, "url": url}}
