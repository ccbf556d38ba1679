"""An RSS 2.0 feed of the open and upcoming calls and training modules of a language, filtered by
programme, theme, country and kind as programmes.filters reads them; the calendar file beside it
(ProgrammeIndexPage.calendar) takes the same filters.

Newest first by first publication, so a reader shows a new call at the top. Links are absolute on
settings.SITE_URL (website/links.py), as in news.feeds.
"""

import uuid

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape

from programmes.filters import describe, filter_events
from programmes.models import CallPage, TrainingModulePage
from website import clock
from website.links import absolute_url

FEED_SIZE = 50


def upcoming_events(index, chosen):
    """The live calls whose deadline and training modules whose end is still ahead, under ``index``,
    narrowed to ``chosen``: what the calendar and the feed list."""
    now = timezone.now()
    calls = filter_events(
        CallPage.objects.live().descendant_of(index).filter(deadline__gte=now),
        CallPage,
        chosen,
        index.locale_id,
    )
    training = filter_events(
        TrainingModulePage.objects.live().descendant_of(index).filter(ends_at__gte=now),
        TrainingModulePage,
        chosen,
        index.locale_id,
    )
    pages = list(calls) + list(training)
    for page in pages:  # the calendar and the feed change when one of them closes or ends
        clock.changes_at(getattr(page, "deadline", None), getattr(page, "ends_at", None))
    return pages


class FilteredFeed(Feed):
    """A feed of one index page's items with the filters from its address (``programmes.filters``);
    it keeps the request, for absolute links on the site's address."""

    feed_type = Rss201rev2Feed

    def __init__(self, index, filters=None):
        super().__init__()
        self.index = index
        self.filters = filters

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)


class EventsRssFeed(FilteredFeed):
    item_guid_is_permalink = False

    def with_query(self, url):
        query = self.filters.query()
        return f"{url}?{query}" if query else url

    def title(self):
        described = describe(self.filters.chosen, self.index.locale_id)
        return f"{self.index.title} · {described}" if described else self.index.title

    def link(self):
        return absolute_url(self.index.get_url(self.request))

    def feed_url(self):
        return self.with_query(absolute_url(self.request.path))

    def description(self):
        return self.index.introduction or self.index.title

    @property
    def language(self):
        return self.index.locale.language_code

    def items(self):
        pages = upcoming_events(self.index, self.filters.chosen)
        return sorted(pages, key=lambda page: (page.first_published_at, page.pk), reverse=True)[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.introduction)  # plain text, shown as HTML by readers: escaped

    def item_link(self, item):
        return absolute_url(item.get_url(self.request))

    def item_guid(self, item):
        """As news.feeds: one stable UUID URN per page and language."""
        return f"urn:uuid:{uuid.uuid5(item.translation_key, self.language)}"

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return str(settings.WAGTAIL_SITE_NAME)
