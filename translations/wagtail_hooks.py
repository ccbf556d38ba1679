from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from translations import urls


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("translations/", include(urls, namespace="translations"))]


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
