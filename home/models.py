from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from base.blocks import BodyBlock
from base.models import BasePage


class HomePage(BasePage):
    """The root of each language's tree: open calls, upcoming training and latest news."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "programmes.ProgrammeIndexPage",
        "cities.CityIndexPage",
        "cities.PartnershipIndexPage",
        "news.NewsIndexPage",
        "home.StandardPage",
        "library.LibraryIndexPage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the deepest page matching the path in one query instead of one per level.

        The rest of the path (a RoutablePageMixin route such as ``feed/rss/``) is handed to that
        page's own ``route``, so behaviour is Wagtail's; only the number of queries changes.
        """
        if not path_components:
            return super().route(request, path_components)
        url_paths = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(len(path_components), 0, -1)
        ]
        page = (
            Page.objects.filter(url_path__in=url_paths, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if page is None:
            return super().route(request, path_components)
        return page.specific.route(request, path_components[page.depth - self.depth :])

    def get_context(self, request, *args, **kwargs):
        from home.listings import home_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(home_listings(self))
        return context


class StandardPage(BasePage):
    """A generic content page: about, privacy, accessibility statement."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    translatable_fields = BasePage.translatable_fields + [TranslatableField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
