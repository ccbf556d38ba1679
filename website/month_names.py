"""Month names in the "alt. month" context, kept in our catalogues.

Django's date format character ``E`` uses these. Django 5.2's own Catalan catalogue gives them
without the preposition ("10 abril de 2024"); our Catalan catalogue overrides them
("10 d'abril de 2024"). Marking them here keeps ``makemessages`` from dropping the overrides.
"""

from django.utils.translation import pgettext_noop

ALT_MONTHS = [
    # Translators: month name as used inside a full date (Django's "E" format).
    pgettext_noop("alt. month", "January"),
    pgettext_noop("alt. month", "February"),
    pgettext_noop("alt. month", "March"),
    pgettext_noop("alt. month", "April"),
    pgettext_noop("alt. month", "May"),
    pgettext_noop("alt. month", "June"),
    pgettext_noop("alt. month", "July"),
    pgettext_noop("alt. month", "August"),
    pgettext_noop("alt. month", "September"),
    pgettext_noop("alt. month", "October"),
    pgettext_noop("alt. month", "November"),
    pgettext_noop("alt. month", "December"),
]
