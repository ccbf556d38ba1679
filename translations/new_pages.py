"""A new page whose slug is taken says by which page, and links to it.

Wagtail's autosave turns an abandoned "Add page" form into a draft page as soon as it has a title.
An editor who comes back later and adds the page again with the same title is then told only
"The slug … is already in use within the parent page", about a page they may never have seen.
``explain_slug_clash``, a ``before_create_page`` hook, runs before the form is checked: when the
submitted slug belongs to a sibling, it adds a message naming that page, saying whether it is a
draft that was never published, with buttons to edit it and (if the editor may) delete it.
Wagtail then shows the form with its usual error under the slug field. Autosave requests (JSON)
get no message: the editor sees it when they save.
"""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin import messages


def clashing_sibling(parent_page, slug):
    """The child of ``parent_page`` that already has ``slug``, or None."""
    if not slug:
        return None
    return parent_page.get_children().filter(slug=slug).first()


def explain_slug_clash(request, parent_page, page_class):
    """``before_create_page`` hook: name the page that holds the slug of the page being added."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    sibling = clashing_sibling(parent_page, request.POST.get("slug", "").strip())
    if sibling is None:
        return None
    title = sibling.get_admin_display_title()
    if not sibling.live and sibling.first_published_at is None:
        message = _(
            "The slug “%(slug)s” belongs to “%(title)s”, a draft that was never published (perhaps saved "
            "automatically from a form left unfinished). Continue that draft, delete it, or choose "
            "another slug for this page."
        )
    else:
        message = _("The slug “%(slug)s” belongs to the page “%(title)s”. Choose another slug for this page.")
    buttons = []
    permissions = sibling.permissions_for_user(request.user)
    if permissions.can_edit():
        buttons.append(messages.button(reverse("wagtailadmin_pages:edit", args=[sibling.pk]), _("Edit it")))
    if not sibling.live and permissions.can_delete():
        buttons.append(
            messages.button(reverse("wagtailadmin_pages:delete", args=[sibling.pk]), _("Delete the draft"))
        )
    messages.error(request, message % {"slug": sibling.slug, "title": title}, buttons=buttons)
    return None
