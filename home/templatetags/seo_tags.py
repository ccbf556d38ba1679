"""What search engines and link previews read from a page's <head>: the canonical address, Open
Graph and Twitter card tags, and one JSON-LD block (schema.org).

Built from what the page already has loaded: its live translations and ancestors come from
``website.family.page_family`` (shared with hreflang and breadcrumbs), a training module's
organiser from its context. Every address is absolute on settings.SITE_URL (website/links.py).
"""

import json

from django import template
from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.templatetags.static import static
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from home.models import HomePage
from news.models import NewsPage
from programmes.models import CallPage, TrainingModulePage
from website.family import page_family
from website.links import absolute_url

register = template.Library()

DEFAULT_IMAGE = "website/img/og-default.png"  # 1200×630, the size link previews ask for
DEFAULT_IMAGE_SIZE = (1200, 630)
IMAGE_RENDITION = "fill-1200x630"
DESCRIPTION_LENGTH = 200

# Open Graph wants a territory with the language (ll_TT).
OG_LOCALES = {"en": "en_GB", "ca": "ca_ES", "pl": "pl_PL", "el": "el_GR"}

# Characters that could end the <script> element or start a comment inside it, as JSON escapes
# (what Django's json_script does, for a script type it cannot emit).
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}

EVENT_ATTENDANCE = {
    TrainingModulePage.Mode.IN_PERSON: "https://schema.org/OfflineEventAttendanceMode",
    TrainingModulePage.Mode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    TrainingModulePage.Mode.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def site_name():
    return str(settings.WAGTAIL_SITE_NAME)


def home_url(language_code):
    return absolute_url(f"/{language_code}/")


def json_ld(data):
    """``data`` as JSON that cannot leave its <script> element, whatever the editors typed."""
    escaped = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(escaped)  # nosec B308 B703  # <, > and & are \u escapes: no tag can close the script


def page_number(context):
    """The number of the listing page shown, if the view paginates and it is not the first."""
    for value in context.flatten().values():
        if isinstance(value, PaginatorPage) and value.number > 1:
            return value.number
    return None


def canonical_url(context, page, translations, language_code):
    """This language's address of the page, without query string: filters and search terms make
    no page of their own. One exception: a later page of an unfiltered listing (``?page=3``) is its
    own canonical page, since its items are not on the first one."""
    request = context["request"]
    if page is None:
        return absolute_url(request.path)
    url = translations.get(language_code) or page.get_url(request) or request.path
    number = page_number(context) if set(request.GET) == {"page"} else None
    if number:
        url = f"{url}?page={number}"
    return absolute_url(url)


def image_url(page):
    """The page's own image (an ``image`` field, as a 1200×630 rendition) or the site's default."""
    image = getattr(page, "image", None)
    if isinstance(image, AbstractImage):
        rendition = image.get_rendition(IMAGE_RENDITION)
        return absolute_url(rendition.url), (rendition.width, rendition.height)
    return absolute_url(static(DEFAULT_IMAGE)), DEFAULT_IMAGE_SIZE


def description_of(page):
    if page is not None:
        text = page.search_description or getattr(page, "introduction", "")
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return gettext(
        "EU programmes for international city cooperation: programmes, calls, partnerships, cities and training."
    )


def organisation(language_code):
    return {
        "@type": "Organization",
        "@id": absolute_url("/#organization"),
        "name": site_name(),
        "url": home_url(language_code),
        "logo": absolute_url(static("website/favicon.svg")),
    }


def website(language_code):
    return {
        "@type": "WebSite",
        "@id": absolute_url(f"/{language_code}/#website"),
        "name": site_name(),
        "url": home_url(language_code),
        "inLanguage": language_code,
        "publisher": {"@id": absolute_url("/#organization")},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": absolute_url(f"/{language_code}/search/") + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(ancestors, title, url, language_code):
    items = [
        {
            "name": gettext("Home") if crumb["depth"] == 2 else crumb["title"],
            "url": absolute_url(crumb["url"]),
        }
        for crumb in ancestors
        if crumb["url"]
    ]
    if not items:
        items = [{"name": gettext("Home"), "url": home_url(language_code)}]
    items.append({"name": title, "url": url})
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": item["name"], "item": item["url"]}
            for position, item in enumerate(items, start=1)
        ],
    }


def training_event(page, context, url, image, language_code):
    event = {
        "@type": "Event",
        "name": page.title,
        "url": url,
        "image": [image],
        "inLanguage": language_code,
        "startDate": page.local_starts_at.isoformat(),
        "endDate": page.local_ends_at.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": EVENT_ATTENDANCE.get(page.mode, EVENT_ATTENDANCE[page.Mode.IN_PERSON]),
    }
    if page.introduction:
        event["description"] = page.introduction
    locations = []
    if page.mode != page.Mode.ONLINE:
        address = {"@type": "PostalAddress"}
        if page.city_name:
            address["addressLocality"] = page.city_name
        if page.country:
            address["addressCountry"] = page.country.code
        locations.append({"@type": "Place", "name": page.venue or page.city_name, "address": address})
    if page.mode != page.Mode.IN_PERSON:
        locations.append({"@type": "VirtualLocation", "url": page.registration_url or url})
    event["location"] = locations[0] if len(locations) == 1 else locations
    organiser = context.get("organiser")  # in the page's language (TrainingModulePage.get_context)
    if organiser is not None:
        event["organizer"] = {"@type": "Organization", "name": organiser.name}
        if organiser.website:
            event["organizer"]["url"] = organiser.website
    else:
        event["organizer"] = {"@id": absolute_url("/#organization")}
    return event


def call_event(page, url, image, language_code):
    """A call for applications as an online event: from its opening (if given) to its deadline."""
    deadline = page.local_deadline.isoformat()
    event = {
        "@type": "Event",
        "name": page.title,
        "url": url,
        "image": [image],
        "inLanguage": language_code,
        "startDate": page.local_opens_at.isoformat() if page.opens_at else deadline,
        "endDate": deadline,
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": EVENT_ATTENDANCE[TrainingModulePage.Mode.ONLINE],
        "location": {"@type": "VirtualLocation", "url": page.application_url or url},
        "organizer": {"@id": absolute_url("/#organization")},
    }
    if page.introduction:
        event["description"] = page.introduction
    return event


def news_article(page, url, image, description, language_code):
    modified = page.last_published_at
    return {
        "@type": "NewsArticle",
        "headline": Truncator(page.title).chars(110),  # the length search engines show
        "url": url,
        "mainEntityOfPage": url,
        "image": [image],
        "inLanguage": language_code,
        "datePublished": page.date.isoformat(),
        "dateModified": modified.isoformat() if modified else page.date.isoformat(),
        "author": {"@id": absolute_url("/#organization")},
        "publisher": {"@id": absolute_url("/#organization")},
        "description": description,
    }


@register.inclusion_tag("website/includes/seo_head.html", takes_context=True)
def seo_head(context, title=""):
    """Canonical link, Open Graph, Twitter card and JSON-LD for the page (or view) being shown.

    ``title``: what the <title> says before the site's name (the template's title block).
    """
    request = context["request"]
    page = context.get("page")
    page = page if isinstance(page, Page) else None
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    family = page_family(page, request) if page is not None else {"translations": {}, "ancestors": []}
    translations = family["translations"]

    url = canonical_url(context, page, translations, language_code)
    title = (page.seo_title or page.title) if page is not None else str(title).strip() or site_name()
    description = description_of(page)
    image, (image_width, image_height) = image_url(page)
    is_home = isinstance(page, HomePage)

    graph = [organisation(language_code), website(language_code)]
    if not is_home:
        graph.append(breadcrumbs(family["ancestors"], title, url, language_code))
    if isinstance(page, TrainingModulePage):
        graph.append(training_event(page, context, url, image, language_code))
    elif isinstance(page, CallPage):
        graph.append(call_event(page, url, image, language_code))
    elif isinstance(page, NewsPage):
        graph.append(news_article(page, url, image, description, language_code))

    return {
        "canonical": url,
        "title": title,
        "description": description,
        "image": image,
        "image_width": image_width,
        "image_height": image_height,
        "type": "article" if isinstance(page, NewsPage) else "website",
        "published": page.date.isoformat() if isinstance(page, NewsPage) else "",
        "modified": page.last_published_at.isoformat()
        if isinstance(page, NewsPage) and page.last_published_at
        else "",
        "locale": OG_LOCALES.get(language_code, language_code),
        "alternate_locales": [
            OG_LOCALES.get(code, code)
            for code in translations
            if code != language_code and code in OG_LOCALES
        ],
        "site_name": site_name(),
        "json_ld": json_ld({"@context": "https://schema.org", "@graph": graph}),
    }
