from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from base.choosers import TranslatableSnippetChooserViewSet
from base.models import Organisation, Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    chooser_viewset_class = TranslatableSnippetChooserViewSet  # in the page's language, else the source's


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "short_name", "kind", "locale"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name"]
    chooser_viewset_class = TranslatableSnippetChooserViewSet  # in the page's language, else the source's


class TaxonomyGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, OrganisationViewSet)
    menu_icon = "tag"
    menu_label = _("Themes and organisations")
    menu_name = "taxonomies"


register_snippet(TaxonomyGroup)
