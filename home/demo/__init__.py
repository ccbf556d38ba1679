"""The demo site: facts from the programmes' public material, sentences of our own.

Every page and snippet is written in its source language (the language of its seed) and
translated into the other three through wagtail-localize (``home.factories.translate``), so an
editor can open each translation in the translation editor. Section pages are translated
before the pages under them, so that a page written in Greek can live in the Greek tree and its
English translation lands under the English section. Safe to run twice: every builder finds
what is already there.
"""

from wagtail.models import Page, Site

from base.factories import ensure_locales, search_index_deferred, translate
from base.models import Organisation, Theme
from cities import factories as city_factories
from cities.models import CityPage, PartnershipPage
from home.demo import cities as city_data
from home.demo import news as news_data
from home.demo import programmes as programme_data
from home.demo import site as site_data
from home.demo import taxonomy as taxonomy_data
from home.demo.text import LANGUAGES, resolve, strings
from home.factories import ensure_home, standard_page
from library.demo import build_library_demo
from news import factories as news_factories
from news.models import NewsPage
from programmes import factories as programme_factories
from programmes.models import CallPage, ProgrammePage, TrainingModulePage
from website.links import point_site_at_site_url


def in_all_languages(obj, text, source):
    """``obj`` (written in ``source``) and its translations: {language code: object}.

    ``text`` holds the object's texts in the four languages; a string wagtail-localize extracts
    that ``text`` does not translate is an error, so no page is left partly untranslated.
    """
    result = {source: obj}
    for code in LANGUAGES:
        if code != source:
            result[code] = translate(obj, code, strings(text, source, code), strict=True)
    return result


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


def build_taxonomy():
    """Themes (written in English) and organisations (each in its source language)."""
    themes = {}
    for slug, text in taxonomy_data.THEMES.items():
        theme = programme_factories.theme(slug, **resolve(text, "en"), locale="en")
        themes[slug] = in_all_languages(theme, text, "en")
    organisations = {}
    for key, (source, text, facts) in taxonomy_data.ORGANISATIONS.items():
        values = resolve(text, source)
        organisation = programme_factories.organisation(values.pop("name"), locale=source, **values, **facts)
        organisations[key] = in_all_languages(organisation, text, source)
    return themes, organisations


def build_programmes(sections, themes, organisations):
    """The four programmes, the Small Giants initiative, two calls and two training modules."""
    data = programme_data
    index = sections["programmes"]

    def themed(slugs, code):
        return [themes[slug][code] for slug in slugs]

    def org(key, code):
        return organisations[key][code]

    programmes = {}
    icp = programme_factories.programme(
        index["en"],
        **resolve(data.ICP_AGIR, "en"),
        **data.ICP_AGIR_FACTS,
        themes=themed(data.ICP_AGIR_THEMES, "en"),
        managing_body=org("dg-regio", "en"),
        delivery_partners=[org("ramboll", "en")],
    )
    programmes["icp-agir"] = in_all_languages(icp, data.ICP_AGIR, "en")
    call_2021 = programme_factories.call(icp, **resolve(data.ICP_AGIR_CALL, "en"), **data.ICP_AGIR_CALL_FACTS)
    in_all_languages(call_2021, data.ICP_AGIR_CALL, "en")

    contact_points = [org(key, "pl") for key in ("iuc-coordination-unit", "urbact-poland", "zmp", "szgip")]
    iuc = programme_factories.programme(
        index["pl"],
        **resolve(data.IUC, "pl"),
        **data.IUC_FACTS,
        themes=themed(data.IUC_THEMES, "pl"),
        delivery_partners=contact_points,
    )
    programmes["iuc"] = in_all_languages(iuc, data.IUC, "pl")
    call_2017 = programme_factories.call(
        iuc, **resolve(data.IUC_CALL, "pl"), **data.IUC_CALL_FACTS, contact_points=contact_points
    )
    in_all_languages(call_2017, data.IUC_CALL, "pl")

    iurc = programme_factories.programme(
        index["el"],
        **resolve(data.IURC, "el"),
        **data.IURC_FACTS,
        themes=themed(data.IURC_THEMES, "el"),
        managing_body=org("dg-regio", "el"),
        delivery_partners=[org("fpi", "el")],
    )
    programmes["iurc"] = in_all_languages(iurc, data.IURC, "el")

    scm = programme_factories.programme(
        index["ca"],
        **resolve(data.SMART_CITIES_MARKETPLACE, "ca"),
        **data.SMART_CITIES_MARKETPLACE_FACTS,
        themes=themed(data.SMART_CITIES_MARKETPLACE_THEMES, "ca"),
        managing_body=org("european-commission", "ca"),
        delivery_partners=[org("smcnetzero", "ca"), org("diba-europe-office", "ca")],
    )
    programmes["smart-cities-marketplace"] = in_all_languages(scm, data.SMART_CITIES_MARKETPLACE, "ca")
    small_giants = programme_factories.programme(
        scm,
        **resolve(data.SMALL_GIANTS, "ca"),
        **data.SMALL_GIANTS_FACTS,
        themes=themed(data.SMALL_GIANTS_THEMES, "ca"),
        managing_body=org("european-commission", "ca"),
    )
    programmes["small-giants"] = in_all_languages(small_giants, data.SMALL_GIANTS, "ca")
    for text, facts in (
        (data.SMCNETZERO_COPENHAGEN, data.SMCNETZERO_COPENHAGEN_FACTS),
        (data.SMCNETZERO_ONLINE, data.SMCNETZERO_ONLINE_FACTS),
    ):
        module = programme_factories.training_module(
            scm,
            **resolve(text, "ca"),
            **facts,
            themes=themed(data.SMCNETZERO_THEMES, "ca"),
            organiser=org("smcnetzero", "ca"),
        )
        in_all_languages(module, text, "ca")
    return programmes


def build_cities(sections, themes, programmes):
    """The cities (written in English) and the partnerships (Piraeus–Puerto Montt in Greek)."""
    data = city_data
    cities = {}
    for item in data.CITIES:
        page = city_factories.city(
            sections["cities"]["en"],
            **resolve(item["text"], "en"),
            **item["facts"],
            themes=[themes[slug]["en"] for slug in item["themes"]],
            partner_themes=[themes[slug]["en"] for slug in item["partner_themes"]],
            programmes=[programmes[code]["en"] for code in item["programmes"]],
        )
        cities[item["key"]] = in_all_languages(page, item["text"], "en")

    partnership = city_factories.partnership(
        sections["partnerships"]["el"],
        [(cities[key]["el"], role) for key, role in data.PIRAEUS_PUERTO_MONTT_CITIES],
        **resolve(data.PIRAEUS_PUERTO_MONTT, "el"),
        **data.PIRAEUS_PUERTO_MONTT_FACTS,
        programme=programmes["iurc"]["el"],
        themes=[themes[slug]["el"] for slug in data.PIRAEUS_PUERTO_MONTT_THEMES],
    )
    in_all_languages(partnership, data.PIRAEUS_PUERTO_MONTT, "el")
    for pair in data.ICP_AGIR_PAIRS:
        partnership = city_factories.partnership(
            sections["partnerships"]["en"],
            [(cities[key]["en"], role) for key, role in pair["cities"]],
            **resolve(pair["text"], "en"),
            **data.ICP_AGIR_PAIR_FACTS,
            start_date=pair["start_date"],
            programme=programmes["icp-agir"]["en"],
            themes=[themes[slug]["en"] for slug in pair["themes"]],
        )
        in_all_languages(partnership, pair["text"], "en")
    return cities


def build_news(sections, themes, programmes):
    for item in news_data.NEWS:
        source = item["source"]
        page = news_factories.news_item(
            sections["news"][source],
            **resolve(item["text"], source),
            date=item["date"],
            programme=programmes[item["programme"]][source],
            themes=[themes[slug][source] for slug in item["themes"]],
        )
        in_all_languages(page, item["text"], source)


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
