"""What a change makes stale in the page cache (website.pagecache, docs/caching.md).

A page published, unpublished, moved, renamed or deleted makes stale the pages that show it: the
page and its translations, their descendants (breadcrumbs, addresses), their ancestors (the
listings above them and the home page's latest items), the pages that refer to them and the
pages they refer to (Wagtail's reference index: a news item names its programme, whose page
lists the news about it), plus, for a few types, every page of a type that lists them across
the tree (``SHOWN_ACROSS``). Everything else stays cached.

When the reach of a change is not known, every cached page is made stale instead: a snippet
(themes, organisations: shown on many pages), a page in the menu and footer (``MENU_DEPTH``), a
page of a type not in ``SHOWN_ACROSS``, a page referred to by something other than a page (a
library document), a subtree larger than ``MAX_PAGES``, a site or a privacy setting.
"""

import logging

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from modelcluster.fields import ParentalKey
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site, TranslatableMixin, get_page_models
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from website.derived import MENU, PAGES, TREE, scope_key
from website.pagecache import pages_stale_now_and_after_commit, stale_now_and_after_commit

logger = logging.getLogger(__name__)

# Page types whose pages are shown only where the rules above find them, with the types that list
# them elsewhere too: a city's possible partners are ranked among every city, partnerships included.
SHOWN_ACROSS = {
    "home.standardpage": (),
    "news.newspage": (),
    "programmes.callpage": (),
    "programmes.trainingmodulepage": (),
    "cities.citypage": ("cities.citypage",),
    "cities.partnershippage": ("cities.citypage",),
}
# The home page and its children are in every page's menu or footer (site_tags.build_menu).
MENU_DEPTH = 3
# Past this many pages changed at once, every page is made stale rather than each one.
MAX_PAGES = 500


def site_changed():
    """Cached pages, menus, routes and derived data are stale (website.pagecache)."""
    stale_now_and_after_commit()


def page_type(content_type_id):
    return ContentType.objects.get_for_id(content_type_id).model_class()._meta.label_lower


def page_content_type_id():
    return ContentType.objects.get_for_model(Page).pk


def referenced_pages(page_ids):
    """The ids of the pages that the pages ``page_ids`` refer to (reference index)."""
    rows = ReferenceIndex.objects.filter(
        base_content_type_id=page_content_type_id(),
        object_id__in=[str(pk) for pk in page_ids],
        to_content_type_id=page_content_type_id(),
    ).values_list("to_object_id", flat=True)
    return {int(pk) for pk in rows}


def pages_showing(pages, extra_paths=(), referenced=()):
    """The ids of the pages that show ``pages``, or None when that is not known (see the module).

    ``extra_paths``: tree paths the pages were at before (a move); ``referenced``: ids of pages
    they referred to before the change.
    """
    keys = {page.translation_key for page in pages}
    fields = ("pk", "path", "depth", "content_type_id", "translation_key")
    group = list(
        Page.objects.filter(Q(pk__in=[page.pk for page in pages]) | Q(translation_key__in=keys)).values_list(
            *fields
        )
    )
    prefixes = Q()
    for _pk, path, *_rest in group:
        prefixes |= Q(path__startswith=path)
    subtree = list(Page.objects.filter(prefixes).values_list(*fields)[: MAX_PAGES + 1]) if group else []
    if len(subtree) > MAX_PAGES:
        return None
    types = set()
    for _pk, _path, depth, content_type_id, _key in subtree:
        types.add(page_type(content_type_id))
        if depth <= MENU_DEPTH:
            return None
    if not types <= set(SHOWN_ACROSS):
        return None
    shown = {row[0] for row in subtree}

    paths = [row[1] for row in subtree] + list(extra_paths)
    steplen = Page.steplen
    ancestors = {path[:end] for path in paths for end in range(2 * steplen, len(path) + 1, steplen)}
    shown.update(Page.objects.filter(path__in=ancestors).values_list("pk", flat=True))

    referrers = (
        ReferenceIndex.objects.filter(
            to_content_type_id=page_content_type_id(), to_object_id__in=[str(row[0]) for row in subtree]
        )
        .values_list("base_content_type_id", "object_id")
        .distinct()
    )
    for content_type_id, object_id in referrers:
        if content_type_id != page_content_type_id():
            return None  # a snippet (a library document...) names it: where it is shown is not known
        shown.add(int(object_id))

    # A page lists what refers to it (a programme its news): the pages referred to, in every language.
    named = referenced_pages({row[0] for row in group}) | set(referenced)
    if named:
        named_keys = Page.objects.filter(pk__in=named).values("translation_key")
        shown.update(
            Page.objects.filter(Q(pk__in=named) | Q(translation_key__in=named_keys)).values_list(
                "pk", flat=True
            )
        )

    listing_types = {label for page_label in types for label in SHOWN_ACROSS[page_label]}
    if listing_types:
        content_types = ContentType.objects.get_for_models(
            *(apps.get_model(label) for label in listing_types)
        )
        shown.update(
            Page.objects.filter(content_type__in=content_types.values()).values_list("pk", flat=True)
        )
    return shown if len(shown) <= MAX_PAGES else None


def scopes_changed(page):
    """The derived data scoped to ``page``'s type is stale (website.derived), and to every page
    type when it has descendants (a move or a new slug changes their addresses)."""
    scopes = [PAGES, page.specific_class or Page]
    if page.depth <= MENU_DEPTH:
        scopes.append(MENU)
    if page.numchild:
        scopes.extend([TREE, MENU, *get_page_models()])
    for scope in dict.fromkeys(scopes):
        stale_now_and_after_commit(scope_key(scope))


def pages_changed(page, extra_paths=(), referenced=()):
    """Make the cached copies of the pages that show ``page`` stale, or every page if that is not
    known; the pages it refers to once committed (the reference index as saved) are added then."""
    scopes_changed(page)
    try:
        shown = pages_showing([page], extra_paths, referenced)
    except Exception:  # never a failed publish for this; every page is made stale instead
        logger.exception("Could not work out the pages showing page %s", page.pk)
        shown = None
    if shown is None:
        site_changed()
        return
    page_id = page.pk
    pages_stale_now_and_after_commit(shown, lambda: referenced_pages({page_id}))


@receiver(pre_save)
def remember_references(sender, instance, raw=False, **kwargs):
    """The pages a page refers to before it is saved (published): they may list it and no longer do.
    Kept on the instance, which Wagtail's publish signal then carries."""
    if isinstance(instance, Page) and instance.pk and not raw:
        instance.page_cache_references_before = referenced_pages({instance.pk})


@receiver(page_published)
def page_published_changed(sender, instance, **kwargs):
    before = getattr(instance, "page_cache_references_before", None)
    if before is None:  # saved by another path: what it referred to before is not known
        site_changed()
    else:
        pages_changed(instance, referenced=before)


@receiver(page_unpublished)
@receiver(page_slug_changed)
def page_hidden_or_renamed(sender, instance, **kwargs):
    pages_changed(instance)


@receiver(post_page_move)
def page_moved(sender, instance, parent_page_before=None, **kwargs):
    # Its old place may have been in the menu or under a privacy setting (``restricted-paths``).
    for scope in (MENU, TREE):
        stale_now_and_after_commit(scope_key(scope))
    pages_changed(instance, extra_paths=[parent_page_before.path] if parent_page_before is not None else [])


@receiver(pre_delete)
def page_deleted(sender, instance, **kwargs):
    """Before the row goes (and its references with it); a page with descendants stales every page."""
    if isinstance(instance, Page):
        if instance.numchild:
            site_changed()
        else:
            pages_changed(instance)


def owning_page_field(model):
    """The ``ParentalKey`` to a page of an inline (a programme's phase, a partnership's activity)."""
    for field in model._meta.get_fields():
        if isinstance(field, ParentalKey) and issubclass(field.related_model, Page):
            return field
    return None


@receiver(post_save)
@receiver(post_delete)
def snippet_changed(sender, instance, **kwargs):
    """Themes, organisations, library documents and other translatable snippets are shown on
    pages; an inline (a programme's phase, a page's theme row) is part of its page. Every
    translatable model that is not a page is one of these, whichever app declares it."""
    if not isinstance(instance, TranslatableMixin) or isinstance(instance, Page):
        return
    stale_now_and_after_commit(scope_key(sender))
    field = owning_page_field(sender)
    if field is None:
        site_changed()
        return
    page = Page.objects.filter(pk=getattr(instance, field.attname)).first()
    if page is not None:  # else the page is being deleted, which counts for it
        pages_changed(page)


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def routing_changed(sender, **kwargs):
    """A site's hostname or root, or a page's privacy: routes and cached pages are stale."""
    site_changed()
