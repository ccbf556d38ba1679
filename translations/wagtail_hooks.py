from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from translations import changes, new_pages, slugs, urls, views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls, namespace="translations"))]


@hooks.register("register_admin_urls", order=-1)
def register_localize_urls():
    """Our versions of wagtail-localize's Translate and Sync views at its URLs, ahead of its own so
    they answer (its URL names still point there): they only write into the user's languages."""
    return [
        path("localize/submit/page/<int:page_id>/", views.SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.SubmitSnippetTranslationView.as_view(),
        ),
        path("localize/update/<int:translation_source_id>/", views.UpdateTranslationsView.as_view()),
    ]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("translations:status"),
        name="translation-status",
        icon_name="site",
        order=250,
    )


class TranslationSummaryPanel(Component):
    """Dashboard: how many objects are missing, in progress, outdated or up to date in each language."""

    name = "translation_summary"
    template_name = "translations/dashboard_panel.html"
    order = 160

    def get_context_data(self, parent_context):
        from translations.status import SOURCE, STATUS_LABELS, STATUSES, cached_status

        report = cached_status()
        counts = report.counts()
        columns = [*STATUSES, SOURCE]
        return {
            "statuses": [(status, STATUS_LABELS[status]) for status in columns],
            "languages": [
                (code, name, [(status, counts[code][status]) for status in columns])
                for code, name in report.languages
            ],
            "status_url": reverse("translations:status"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_summary(request, panels):
    panels.append(TranslationSummaryPanel())


class OutdatedTranslationsPanel(Component):
    """Dashboard: the translations into the user's languages whose source text changed since the last sync."""

    name = "outdated_translations"
    template_name = "translations/outdated_panel.html"
    order = 150

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items, "status_url": reverse("translations:status")}


@hooks.register("construct_homepage_panels")
def add_outdated_translations(request, panels):
    items = changes.outdated_translations(request.user)
    if items:
        panels.append(OutdatedTranslationsPanel(items))


# Before wagtail-localize's own hook, which answers the translation editor's "Publish".
hooks.register("before_edit_page", slugs.before_publishing_translation, order=-1)
hooks.register("before_create_page", new_pages.explain_slug_clash)
