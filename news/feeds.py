"""RSS 2.0 and Atom feeds of a language's news, with Django's syndication framework, filtered as
the news listing is (``?programme=icp-agir&theme=circular-economy&country=GR``: programmes.filters);
a filter value the listing would leave out is refused here with a 400.

Links are absolute on settings.SITE_URL (website/links.py): Django's Feed would otherwise
prefix them with the request's Host header.
"""

import uuid

from django.conf import settings
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from news.listings import NewsFilterSet, filter_news
from programmes.feeds import FilteredFeed
from programmes.filters import describe
from website.links import absolute_url
from website.listings import bad_request, filter_errors

FEED_SIZE = 20


def filtered_feed(feed_class, index, request):
    """``feed_class``'s answer for ``index`` with the filters in the address, or 400 for one not understood."""
    filterset = NewsFilterSet(request.GET, index.locale_id)
    if errors := filter_errors(filterset):
        return bad_request(errors)
    return feed_class(index, filterset)(request)


class NewsRssFeed(FilteredFeed):
    @property
    def chosen(self):
        return self.filters.chosen if self.filters else {}

    def with_query(self, url):
        query = self.filters.query() if self.filters else ""
        return f"{url}?{query}" if query else url

    def title(self):
        described = describe(self.chosen, self.index.locale_id)
        return f"{self.index.title} · {described}" if described else self.index.title

    def link(self):  # the listing with the same filters
        return self.with_query(absolute_url(self.index.get_url(self.request)))

    def feed_url(self):
        return self.with_query(absolute_url(self.request.path))

    def author_name(self):
        # RFC 4287: a feed whose entries name no author names one itself; both name the site.
        return str(settings.WAGTAIL_SITE_NAME)

    def author_link(self):
        return absolute_url(f"/{self.index.locale.language_code}/")  # the home page in the feed's language

    def description(self):
        return self.index.introduction or self.index.title

    @property
    def language(self):  # Feed passes it to the generator itself; feed_extra_kwargs would duplicate it
        return self.index.locale.language_code

    def items(self):
        from news.models import NewsPage

        queryset = NewsPage.objects.child_of(self.index).live()
        return filter_news(queryset, self.chosen).order_by("-date", "-pk")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # RSS descriptions and Atom summaries (type="html") are HTML to feed readers: the plain-text
        # introduction is escaped, so what an editor typed is shown, never run.
        return escape(item.introduction)

    def item_link(self, item):
        return absolute_url(item.get_url(self.request))

    def item_guid(self, item):
        """A UUID URN that outlives a changed slug; one per language (UUID5 of the translation key
        and the language), so readers do not merge the translations."""
        return f"urn:uuid:{uuid.uuid5(item.translation_key, self.language)}"

    def item_author_name(self, item):
        return self.author_name()

    def item_author_link(self, item):
        return self.author_link()

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return timezone.make_aware(timezone.datetime.combine(item.date, timezone.datetime.min.time()))

    def item_updateddate(self, item):
        return item.last_published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
