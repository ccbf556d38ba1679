"""Lists of translatable snippets (themes, organisations) in the language of what is edited.

Every translation of a theme is a row of its own, so a plain multi-select offers each theme once
per language (Mobility, Mobilitat, Mobilność...). ``LocalizedChoicesSnippetForm`` offers each one
once on a translatable snippet's form (a library document's themes): in the snippet's language, or
in the default language where it has no translation yet. Pages choose their snippets in inline
rows with the chooser, which does the same (``base.choosers``, ``one_per_translation``).
"""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.models import Locale, Page, TranslatableMixin


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


def lists_translatable_snippets(field):
    """A choice field whose widget lists its choices itself (not a chooser modal) of a translatable
    snippet model."""
    model = getattr(getattr(field, "queryset", None), "model", None)
    return (
        isinstance(field, forms.ModelChoiceField)
        and isinstance(field.widget, forms.widgets.ChoiceWidget)
        and model is not None
        and issubclass(model, TranslatableMixin)
        and not issubclass(model, Page)
    )


class LocalizedChoicesMixin:
    def localize_all_choices(self, locale_id):
        for name, field in self.fields.items():
            if lists_translatable_snippets(field):
                self.localize_choices(name, field, locale_id)

    def localize_choices(self, name, field, locale_id):
        model = field.queryset.model
        by_key = one_per_translation(model, locale_id)
        field.queryset = model.objects.filter(pk__in=by_key.values())
        # A translation keeps the source page's snippets (synchronised fields): show them as
        # their counterparts in the list, so saving keeps the same themes.
        initial = self.initial.get(name)
        if initial:
            many = not (isinstance(initial, (str, int)) or hasattr(initial, "pk"))  # a list or queryset
            pks = [getattr(value, "pk", value) for value in (initial if many else [initial])]
            keys = dict(model.objects.filter(pk__in=pks).values_list("pk", "translation_key"))
            mapped = [by_key.get(keys.get(pk), pk) for pk in pks]
            self.initial[name] = mapped if many else mapped[0]


class LocalizedChoicesSnippetForm(LocalizedChoicesMixin, WagtailAdminModelForm):
    """For a translatable snippet's ``base_form_class``: its lists in the snippet's language (a new
    snippet has the locale of the "add" view's language already)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.localize_all_choices(getattr(self.instance, "locale_id", None) or Locale.get_default().pk)
