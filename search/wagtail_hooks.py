"""Tell editors when the search engine is down and the admin searches the database instead; the
report of what people search for, per language (search.admin_views)."""

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views
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


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_view(request.user)


@hooks.register("register_admin_urls")
def register_search_terms_url():
    return [
        path("reports/search-terms-by-language/", admin_views.search_terms, name="search_terms_by_language")
    ]


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return SearchTermsMenuItem(
        gettext_lazy("Search terms by language"),
        reverse("search_terms_by_language"),
        name="search-terms-by-language",
        icon_name="search",
        order=1310,
    )
