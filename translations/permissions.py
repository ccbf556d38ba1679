"""Which languages a user may write into: those whose tree they can add pages to and edit.

A language's tree is its home page and everything under it, and Wagtail's page permissions there
(``PagePermissionPolicy``) decide for pages and snippets alike: snippets have no tree, and Django's
model permissions cannot tell one language's snippets from another's. So a member of "Translators
(Catalan)" translates into Catalan only; Moderators, whose permissions start at the root, and
superusers translate into every language.
"""

from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy


def writable_locales(user):
    """The locales whose home page ``user`` may add pages under and edit (every locale for superusers)."""
    if user.is_active and user.is_superuser:
        return Locale.objects.all()
    policy = PagePermissionPolicy()
    ids = {
        home.locale_id
        for home in Page.objects.filter(depth=2)
        if policy.user_has_permission_for_instance(user, "add", home)
        and policy.user_has_permission_for_instance(user, "change", home)
    }
    return Locale.objects.filter(pk__in=ids)


def writable_language_codes(user):
    return set(writable_locales(user).values_list("language_code", flat=True))
