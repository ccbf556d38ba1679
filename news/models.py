from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from base.api_fields import ProgrammeField, ThemesField
from base.blocks import BodyBlock
from base.models import BasePage, Theme, ThemedMixin, ThemeLink


class NewsIndexPage(RoutablePageMixin, BasePage):
    """News in the page's language, filterable by programme and theme, with RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index")

    @path("")
    def index_route(self, request):
        from news.listings import news_index_context

        return self.render(request, context_overrides=news_index_context(self, request))

    @path("feed/rss/", name="rss")
    def rss_feed(self, request):
        from news.feeds import NewsRssFeed, filtered_feed

        return filtered_feed(NewsRssFeed, self, request)

    @path("feed/atom/", name="atom")
    def atom_feed(self, request):
        from news.feeds import NewsAtomFeed, filtered_feed

        return filtered_feed(NewsAtomFeed, self, request)


class NewsPage(ThemedMixin, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    programme = models.ForeignKey(
        "programmes.ProgrammePage", verbose_name=_("programme"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="news",
    )
    themes = models.ManyToManyField(
        Theme, through="NewsPageTheme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("programme"),
        InlinePanel("theme_links", heading=_("Themes"), label=_("Theme")),
        FieldPanel("body"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("body"),
        index.SearchField("theme_names"),
        index.FilterField("date"),
    ]
    translatable_fields = BasePage.translatable_fields + [
        TranslatableField("body"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("programme", overridable=False),
        TranslatableField("theme_links"),
    ]

    api_fields = [
        APIField("introduction"),
        APIField("date"),
        APIField("programme", serializer=ProgrammeField()),
        APIField("themes", serializer=ThemesField()),
        APIField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def get_context(self, request, *args, **kwargs):
        from base.localize import localized_themes
        from programmes.listings import localized_programme

        context = super().get_context(request, *args, **kwargs)
        context["programme"] = localized_programme(self.programme_id, self.locale_id)
        context["themes"] = localized_themes(self)
        return context


class NewsPageTheme(ThemeLink):
    """A theme of a news item."""

    newspage = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="theme_links")
