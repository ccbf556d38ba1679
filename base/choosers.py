"""The chooser modal of a translatable snippet (a page's themes, its managing body, organiser,
delivery partners or contact points) lists each one once, in the page's language.

Wagtail's chooser already opens filtered on the language of the page being edited: its script sends
the page's locale (``ACTIVE_CONTENT_LOCALE``), and the modal keeps a language filter with "All".
Filtered that way it hides what has no translation in that language yet, so an editor writing in
Polish would not find an organisation entered only in English. Here a chosen language means "each
object once: in that language, else in the default language, else the oldest"
(``base.forms.one_per_translation``, as a library document's themes list); "All" still lists every row.

Used through ``SnippetViewSet.chooser_viewset_class`` (base/wagtail_hooks.py).
"""

from django import forms
from wagtail.models import Locale
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet

from base.forms import one_per_translation


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
