"""Tell editors when the search engine is down and the admin searches the database instead."""

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail import hooks

from search.backends.elasticsearch import breaker


@hooks.register("construct_main_menu")
def warn_when_search_engine_is_down(request, menu_items):
    # The menu is built before the page's messages are shown, and after the view has searched,
    # so a search that just fell back to the database is announced on the same page.
    if breaker.any_open():
        messages.warning(
            request,
            _(
                "The search engine is not answering: searches use the database for now. Changes made "
                "meanwhile reach the search engine when update_index is run."
            ),
        )
