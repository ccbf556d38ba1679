from django import forms
from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from alerts.choices import country_choices, programme_choices, theme_choices
from alerts.models import Kind


def normalise_email(address):
    """One form per address: surrounding spaces dropped, compared and stored lower-case."""
    return address.strip().lower()


class PreferencesForm(forms.Form):
    """What the alerts are about; an empty group (programmes, themes, countries) means all of them."""

    kinds = forms.MultipleChoiceField(
        label=_("What to receive"),
        choices=Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one kind of alert.")},
    )
    programmes = forms.MultipleChoiceField(
        label=_("Programmes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to follow every programme."),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked to follow every theme."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Programmes in which these countries take part, and training held there. Leave all unticked for every country."
        ),
    )
    language = forms.ChoiceField(label=_("Language of the e-mails"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programmes"].choices = programme_choices()
        self.fields["themes"].choices = theme_choices()
        self.fields["countries"].choices = country_choices()
        for name in ("programmes", "themes", "countries"):
            if not self.fields[name].choices:  # nothing to choose from yet: no empty group on the page
                del self.fields[name]
        if not self.is_bound and "language" not in self.initial:
            self.initial["language"] = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        if not self.is_bound and "kinds" not in self.initial:
            self.initial["kinds"] = list(Kind.values)

    def preferences(self):
        return {
            name: self.cleaned_data.get(name, [])
            for name in ("language", "programmes", "themes", "countries", "kinds")
        }


class SubscribeForm(PreferencesForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        max_length=254,  # the longest address SMTP can carry (RFC 5321)
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send a confirmation link to this address; nothing is sent until you follow it."),
    )

    field_order = ["email"]

    def clean_email(self):
        return normalise_email(self.cleaned_data["email"])
