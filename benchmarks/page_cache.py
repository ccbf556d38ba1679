"""How much of the page cache survives a publication: the demo site, every page warmed, one news
item published, then every page asked for again.

    .venv/bin/python benchmarks/page_cache.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/page_cache_scratch .venv/bin/python benchmarks/page_cache.py

It creates a throw-away test database (in memory for SQLite, ``test_<name>`` on PostgreSQL),
loads the demo content (``manage.py load_demo``'s ``build_demo``), turns the page cache on with
the local-memory cache, and requests every live page twice through Django's test client (the
second request must be a hit). It then publishes the newest English news item with a new title
and requests every page once more. It prints how many of the other pages were still served from
the cache, which pages were not, and whether each page that shows the item (the item, its
index, its home page, its programme) showed the new title.
"""

import os
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.test")


def page_urls():
    from wagtail.models import Page

    pages = Page.objects.live().public().filter(depth__gte=2).specific().order_by("path")
    return {page.pk: (page.get_url(), type(page).__name__) for page in pages if page.get_url()}


def warm(client, urls):
    """The URLs whose second request was a hit (the others are not cacheable)."""
    cached = {}
    for pk, (url, kind) in urls.items():
        client.get(url)
        if client.get(url).get("X-Page-Cache") == "hit":
            cached[pk] = (url, kind)
    return cached


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    folder = tempfile.TemporaryDirectory()
    try:
        from home.demo import build_demo
        from news.models import NewsPage

        print(f"Database: {connection.vendor} (scratch test database); demo: {build_demo()}")
        settings.PAGE_CACHE_ENABLED = True
        settings.PAGE_CACHE_GENERATION_FILE = Path(folder.name) / "generation"
        client = Client()
        cached = warm(client, page_urls())
        item = NewsPage.objects.live().filter(locale__language_code="en").order_by("-date", "-pk").first()
        new_title = f"{item.title} (updated)"
        item.title = new_title
        item.save_revision().publish()

        stale, shown = Counter(), {}
        for pk, (url, kind) in cached.items():
            response = client.get(url)
            if pk != item.pk and response.get("X-Page-Cache") != "hit":
                stale[kind] += 1
            shown[pk] = new_title in response.text
        others = len(cached) - 1
        kept = others - sum(stale.values())
        print(f"Pages cached before the publication: {len(cached)} (of {len(page_urls())} live pages)")
        print(f"Published: {cached[item.pk][0]} ({item.title!r})")
        print(f"Other pages still served from the cache: {kept} of {others} ({100 * kept / others:.1f} %)")
        print("Made stale, by type: " + ", ".join(f"{kind} {count}" for kind, count in sorted(stale.items())))
        showing = [item.pk, *item.get_ancestors().filter(depth__gte=2).values_list("pk", flat=True)]
        if item.programme is not None:  # the programme page in the item's language lists it
            showing.append(item.programme.get_translation(item.locale).pk)
        missing = [cached[pk][0] if pk in cached else pk for pk in showing if not shown.get(pk, False)]
        fresh = not missing
        print(
            f"The item, its index, its home page and its programme show the new title: {'no' if missing else 'yes'}"
        )
        for url in missing:
            print(f"  not shown on {url}")
        return 0 if fresh else 1
    finally:
        folder.cleanup()
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    sys.exit(main())
