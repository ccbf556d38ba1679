"""Builders for the news index and news items (demo content and tests), idempotent by slug."""

import datetime

from django.utils.text import slugify

from base.factories import add_page
from news.models import NewsIndexPage, NewsPage


def news_index(home, title="News", slug="news", introduction="", show_in_menus=True):
    return add_page(
        home, NewsIndexPage(title=title, slug=slug, introduction=introduction, show_in_menus=show_in_menus)
    )


def news_item(
    parent, title="Cities meet in Piraeus", slug=None, *, date=None, programme=None, themes=(), **fields
):
    """A news item under ``parent``; dated today unless ``date`` is given."""
    page = NewsPage(
        title=title,
        slug=slug or slugify(title),
        date=date or datetime.date.today(),
        programme=programme,
        **fields,
    )
    page.set_themes(themes)
    return add_page(parent, page)
