"""The chooser modal of a translatable snippet (a page's or a library document's themes, a page's
managing body, organiser, delivery partners or contact points) lists each one once, in the
language of what is being edited.

Wagtail's chooser already opens filtered on the language of the page being edited: its script sends
the page's locale (``ACTIVE_CONTENT_LOCALE``), and the modal keeps a language filter with "All".
Filtered that way it hides what has no translation in that language yet, so an editor writing in
Polish would not find an organisation entered only in English. Here a chosen language means "each
object once: in that language, else in the default language, else the oldest"
(``one_per_translation``); "All" still lists every row.

Used through ``SnippetViewSet.chooser_viewset_class`` (base/wagtail_hooks.py).
"""

from django import forms
from wagtail.models import Locale
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet


def one_per_translation(model, locale_id):
    """The primary keys of ``model``'s objects, one per translation key: the object in
    ``locale_id``, else the one in the default locale, else the oldest."""
    default_id = Locale.get_default().pk

    def preference(row):
        _pk, _key, row_locale = row
        return (row_locale != locale_id, row_locale != default_id)

    chosen = {}
    for row in model.objects.order_by("pk").values_list("pk", "translation_key", "locale_id"):
        key = row[1]
        if key not in chosen or preference(row) < preference(chosen[key]):
            chosen[key] = row
    return {key: row[0] for key, row in chosen.items()}


class PreferLocaleFilterMixin(forms.Form):
    """Put before a chooser filter form that has Wagtail's ``LocaleFilterMixin``."""

    def filter(self, objects):
        code = self.cleaned_data.get("locale")
        locale_id = (
            Locale.objects.filter(language_code=code).values_list("pk", flat=True).first() if code else None
        )
        if locale_id is not None:
            objects = objects.filter(pk__in=one_per_translation(objects.model, locale_id).values())
            # Done here with the fallback: Wagtail's locale filter would keep only that language.
            self.cleaned_data["locale"] = ""
        return super().filter(objects)


class PreferLocaleChooseMixin:
    def get_filter_form_class(self):
        form_class = super().get_filter_form_class()
        if not self.i18n_enabled:
            return form_class
        return type("FilterForm", (PreferLocaleFilterMixin, form_class), {})


class TranslatableSnippetChooseView(PreferLocaleChooseMixin, ChooseView):
    pass


class TranslatableSnippetChooseResultsView(PreferLocaleChooseMixin, ChooseResultsView):
    pass


class TranslatableSnippetChooserViewSet(SnippetChooserViewSet):
    choose_view_class = TranslatableSnippetChooseView
    choose_results_view_class = TranslatableSnippetChooseResultsView
