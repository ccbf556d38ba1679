"""ASCII slugs for titles in the site's four languages: the same address rules for the demo
content and for translations whose slug is made from their translated title."""

import unicodedata

from django.utils.text import slugify

# Slugs are ASCII: wagtail-localize passes translated slugs through Django's slugify, which
# drops Greek letters and the Polish ł. Greek follows ELOT 743 in a simplified form.
GREEK = {
    "αι": "ai",
    "ει": "ei",
    "οι": "oi",
    "ου": "ou",
    "αυ": "av",
    "ευ": "ev",
    "μπ": "b",
    "ντ": "nt",
    "γκ": "gk",
    "γγ": "ng",
    "θ": "th",
    "χ": "ch",
    "ψ": "ps",
    "ξ": "x",
    "α": "a",
    "β": "v",
    "γ": "g",
    "δ": "d",
    "ε": "e",
    "ζ": "z",
    "η": "i",
    "ι": "i",
    "κ": "k",
    "λ": "l",
    "μ": "m",
    "ν": "n",
    "ο": "o",
    "π": "p",
    "ρ": "r",
    "σ": "s",
    "ς": "s",
    "τ": "t",
    "υ": "y",
    "φ": "f",
    "ω": "o",
}
OTHER = {"ł": "l", "ß": "ss", "·": "", "'": "-", "’": "-"}


def slug_for(text):
    """An ASCII slug for a title in any of the four languages."""
    text = "".join(
        char for char in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(char) != "Mn"
    )
    for table in (GREEK, OTHER):
        for letters in sorted(table, key=len, reverse=True):
            text = text.replace(letters, table[letters])
    return slugify(text)
