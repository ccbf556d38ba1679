from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock


class BasePage(Page):
    """Fields, panels and translation rules shared by every page type of the site."""

    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences shown under the title and in listings."),
    )

    content_panels = Page.content_panels + [FieldPanel("introduction")]

    search_fields = Page.search_fields + [index.SearchField("introduction")]

    # Text is translated; everything else on a page is synchronised from its source.
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("introduction"),
        SynchronizedField("show_in_menus"),
    ]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The root of each language's tree: open calls, upcoming training and latest news."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "programmes.ProgrammeIndexPage",
        "cities.CityIndexPage",
        "cities.PartnershipIndexPage",
        "news.NewsIndexPage",
        "home.StandardPage",
    ]
    max_count_per_parent = None

    class Meta:
        verbose_name = _("home page")

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
