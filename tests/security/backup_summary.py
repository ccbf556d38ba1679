"""What a restored site must have: run in the test and, after the restore, in a fresh process."""

import hashlib

from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site
from wagtail_localize.models import StringTranslation, Translation


def _digest(name):
    with default_storage.open(name, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


def summary():
    from programmes.models import Theme

    pages = Page.objects.filter(depth__gt=1).select_related("locale", "content_type").order_by("path")
    return {
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "sites": sorted(
            (site.hostname, site.root_page.url_path, site.is_default_site) for site in Site.objects.all()
        ),
        "pages": [
            [
                p.locale.language_code,
                p.url_path,
                p.title,
                p.content_type.model,
                p.live,
                p.has_unpublished_changes,
                str(p.translation_key),
            ]
            for p in pages
        ],
        "body_of_about": [
            [p.locale.language_code, [block.block_type for block in p.specific.body]]
            for p in pages
            if p.slug in ("about", "o-nas")
        ],
        "revisions": sorted(
            [r.object_str, r.content["title"], r.content_type.model, bool(r.approved_go_live_at)]
            for r in Revision.objects.select_related("content_type")
        ),
        "latest_revision_titles": sorted(
            [p.url_path, p.get_latest_revision().content["title"]] for p in pages
        ),
        "translations": sorted(
            [t.source.object_repr, t.target_locale.language_code, t.enabled]
            for t in Translation.objects.select_related("source", "target_locale")
        ),
        "string_translations": sorted(StringTranslation.objects.values_list("data", flat=True)),
        "themes": sorted(
            [t.locale.language_code, t.slug, t.name, str(t.translation_key)] for t in Theme.objects.all()
        ),
        "images": sorted(
            [i.title, i.file.name, i.width, i.height, _digest(i.file.name)]
            for i in get_image_model().objects.all()
        ),
        "documents": sorted(
            [d.title, d.file.name, _digest(d.file.name)] for d in get_document_model().objects.all()
        ),
        "users": sorted(get_user_model().objects.values_list("username", "is_superuser")),
    }
