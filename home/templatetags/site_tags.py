from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from website.derived import MENU, generation_cached
from website.family import page_family
from website.links import absolute_url

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """The current page in each language: its URL where a live translation exists, else None, and
    whether a translation exists that is not published (``unpublished``).

    For a Wagtail page, its live translations come with its breadcrumbs in one query
    (``website.family.page_family``); other views' URLs are translated by their language prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        family = page_family(page, request)
        translations = family["translations"]
        unpublished = family.get("unpublished", ())  # absent from a family cached before it was added
        for code, name in settings.LANGUAGES:
            url = translations.get(code)
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "full_url": absolute_url(url) if url else None,
                    "current": code == current,
                    "unpublished": code in unpublished,
                }
            )
    else:
        path = request.get_full_path()
        for code, name in settings.LANGUAGES:
            url = translate_url(path, code)
            links.append(
                {
                    "code": code,
                    "name": name,
                    "url": url,
                    "full_url": absolute_url(url),
                    "current": code == current,
                }
            )
    return links


@register.simple_tag
def site_url(path):
    """``path`` on the site's public address (settings.SITE_URL)."""
    return absolute_url(path)


@register.simple_tag
def x_default(languages):
    """The URL for hreflang x-default: the English version if live, else the first live one."""
    live = [link for link in languages if link["full_url"]]
    for link in live:
        if link["code"] == settings.LANGUAGE_CODE:
            return link["full_url"]
    return live[0]["full_url"] if live else ""


def build_menu(language_code):
    from home.models import StandardPage

    pages = (
        Page.objects.live()
        .filter(depth__in=(2, 3), locale__language_code=language_code)
        .only("id", "title", "url_path", "depth", "show_in_menus", "content_type_id", "locale_id", "path")
        .order_by("path")
    )
    standard_type = ContentType.objects.get_for_model(StandardPage).id
    menu = {"home": None, "main": [], "footer": []}
    for page in pages:
        item = {"title": page.title, "url": page.get_url(), "id": page.id}
        if page.depth == 2:
            menu["home"] = menu["home"] or item
        elif page.show_in_menus:
            menu["main"].append(item)
        elif page.content_type_id == standard_type:
            menu["footer"].append(item)
    return menu


@register.simple_tag
def site_menu():
    """Header and footer links of the active language, cached until the next publish (its generation)."""
    language_code = translation.get_language() or settings.LANGUAGE_CODE
    return generation_cached("site-menu", lambda: build_menu(language_code), language_code, depends_on=(MENU,))
