"""Builders for the home page and standard pages, shared by the tests and the demo-content command."""

from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Page, Site

from base.factories import add_page, ensure_locales
from home.models import HomePage, StandardPage


@transaction.atomic
def ensure_home(title="City Cooperation", source_language="en"):
    """The home page of the source language as the default site's root, replacing Wagtail's welcome page."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(depth=2, locale=locales[source_language]).first()
    if home is None:
        welcome = root.get_children().filter(slug="home").exclude(content_type__model="homepage").first()
        if welcome is not None:  # Wagtail's "Welcome to your new Wagtail site!" page, removed below
            Page.objects.filter(pk=welcome.pk).update(slug="wagtail-welcome")
        home = root.add_child(instance=HomePage(title=title, slug="home", locale=locales[source_language]))
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", root_page=home, is_default_site=True, site_name=title
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.save()
        if old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
    return home


def standard_page(parent, title, slug=None, introduction="", body=None, show_in_menus=False, **fields):
    """An about, privacy or accessibility page; ``body`` is a list of (block type, value) pairs."""
    return add_page(
        parent,
        StandardPage(
            title=title,
            slug=slug or slugify(title),
            introduction=introduction,
            body=body or [],
            show_in_menus=show_in_menus,
            **fields,
        ),
    )
