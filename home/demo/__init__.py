"""The demo site: facts from the programmes' public material, sentences of our own.

Each content app builds its own part (``base/demo/taxonomy.py``, ``programmes/demo.py``,
``cities/demo.py``, ``news/demo.py``, ``library/demo.py``); this module builds the home page, the
sections and the standard pages, then calls them in order. Section pages are translated before
the pages under them, so that a page written in Greek can live in the Greek tree and its English
translation lands under the English section. Safe to run twice: every builder finds what is
already there.
"""

from wagtail.models import Page, Site

from base.demo import in_all_languages
from base.demo.taxonomy import build_taxonomy
from base.demo.text import LANGUAGES, resolve
from base.factories import ensure_locales, search_index_deferred
from base.models import Organisation, Theme
from cities import factories as city_factories
from cities.demo import build_cities
from cities.models import CityPage, PartnershipPage
from home.demo import site as site_data
from home.factories import ensure_home, standard_page
from library.demo import build_library_demo
from news import factories as news_factories
from news.demo import build_news
from news.models import NewsPage
from programmes import factories as programme_factories
from programmes.demo import build_programmes
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.links import point_site_at_site_url


def build_site():
    """Home, the four section indexes and the standard pages, each in four languages."""
    home = ensure_home(title=site_data.HOME["title"]["en"])
    # Wagtail's own absolute links (page.full_url, the API's html_url) come from the Site record.
    point_site_at_site_url(Site.objects.get(is_default_site=True))
    if home.introduction != site_data.HOME["introduction"]["en"]:
        home.introduction = site_data.HOME["introduction"]["en"]
        home.save_revision().publish()
    sections = {"home": in_all_languages(home, site_data.HOME, "en")}
    for name, factory, text in (
        ("programmes", programme_factories.programme_index, site_data.PROGRAMMES),
        ("cities", city_factories.city_index, site_data.CITIES),
        ("partnerships", city_factories.partnership_index, site_data.PARTNERSHIPS),
        ("news", news_factories.news_index, site_data.NEWS),
    ):
        sections[name] = in_all_languages(
            factory(home, **resolve(text, "en"), show_in_menus=True), text, "en"
        )
    for text, in_menus in (
        (site_data.ABOUT, True),
        (site_data.ACCESSIBILITY, False),
        (site_data.PRIVACY, False),
    ):
        page = standard_page(home, **resolve(text, "en"), show_in_menus=in_menus)
        in_all_languages(page, text, "en")
    return sections










def build_demo():
    ensure_locales()
    with search_index_deferred():
        sections = build_site()
        themes, organisations = build_taxonomy()
        programmes = build_programmes(sections, themes, organisations)
        build_cities(sections, themes, programmes)
        build_news(sections, themes, programmes)
        build_library_demo(ensure_home())
    return summary()


def summary():
    counted = [
        ("pages", Page.objects.filter(depth__gt=1)),
        ("programmes", ProgrammePage.objects.all()),
        ("calls", CallPage.objects.all()),
        ("training modules", TrainingModulePage.objects.all()),
        ("cities", CityPage.objects.all()),
        ("partnerships", PartnershipPage.objects.all()),
        ("news items", NewsPage.objects.all()),
        ("themes", Theme.objects.all()),
        ("organisations", Organisation.objects.all()),
    ]
    per_language = len(LANGUAGES)
    parts = [f"{queryset.count() // per_language} {name}" for name, queryset in counted]
    return "Demo content ready in " + ", ".join(LANGUAGES) + " (each): " + ", ".join(parts) + "."
