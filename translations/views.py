from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views import submit_translations, update_translations
from wagtail_localize.views.edit_translation import user_can_edit_instance

from translations.permissions import writable_language_codes, writable_locales
from translations.po import export_po, import_po, parse_po, target_language_codes
from translations.sections import section_translations, translate_section
from translations.slugs import fill_for_translation
from translations.status import SOURCE, STATUS_LABELS, STATUSES, cached_status, content_languages
from translations.workflow import send_news_for_translation

ROWS_PER_PAGE = 100


def _require_submit_permission(user):
    if not user.has_perm("wagtail_localize.submit_translation"):
        raise PermissionDenied


def _language_names(codes):
    names = dict(content_languages())
    return ", ".join(str(names.get(code, code)) for code in codes)


def refuse(request, message):
    """A 403 saying why, in the admin's layout: Wagtail's admin turns a ``PermissionDenied`` into a
    redirect to the dashboard with a generic message."""
    return TemplateResponse(
        request,
        "translations/refused.html",
        {
            "page_title": _("Not allowed"),
            "message": message,
            "back_url": get_valid_next_url_from_request(request) or reverse("translations:status"),
        },
        status=403,
    )


def refuse_languages(request, codes):
    return refuse(
        request,
        ngettext(
            "You may not write into %(languages)s: you cannot edit the pages in that language.",
            "You may not write into %(languages)s: you cannot edit the pages in those languages.",
            len(codes),
        )
        % {"languages": _language_names(codes)},
    )


def readable_time(value):
    """The date in the language's own format and a 24-hour time ("06/12/2026 19:12"): Django's
    DATETIME_FORMAT ends in "p.m." in some languages, which a sentence's full stop then doubles."""
    if value is None:
        return ""
    local = timezone.localtime(value)
    return f"{formats.date_format(local, 'DATE_FORMAT')} {formats.time_format(local, 'H:i')}"


class StatusView(WagtailAdminTemplateMixin, TemplateView):
    """Every page and translatable snippet against the four languages."""

    template_name = "translations/status.html"
    page_title = gettext_lazy("Translation status")
    header_icon = "site"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = cached_status(refresh="refresh" in self.request.GET)
        counts = report.counts()
        codes = [code for code, _name in report.languages]
        sections = dict(report.sections)
        params = self.request.GET
        language = params.get("language", "") if params.get("language", "") in codes else ""
        section = params.get("section", "") if params.get("section", "") in sections else ""
        status = params.get("status", "") if params.get("status", "") in [*STATUSES, SOURCE] else ""
        rows = report.filtered(language=language, section=section, status=status)
        shown = [(code, name) for code, name in report.languages if not language or code == language]
        page = Paginator(rows, ROWS_PER_PAGE).get_page(params.get("p"))
        query = {
            key: value
            for key, value in {"language": language, "section": section, "status": status}.items()
            if value
        }
        context.update(
            {
                "languages": report.languages,
                "shown_languages": shown,
                "rows": [(row, row.cell_list([code for code, _name in shown])) for row in page.object_list],
                "page_obj": page,
                "sections": report.sections,
                "statuses": [(value, STATUS_LABELS[value]) for value in [*STATUSES, SOURCE]],
                "chosen": {"language": language, "section": section, "status": status},
                "query": "&".join(f"{key}={value}" for key, value in query.items()),
                "count_rows": [
                    (code, name, [(value, counts[code][value]) for value in [*STATUSES, SOURCE]])
                    for code, name in report.languages
                ],
                "section_label": sections.get(section, ""),
                "computed_at": report.computed_at,
                "computed_at_text": readable_time(report.computed_at),
                "import_form": ImportPOForm(),
                "can_send_news": self.request.user.has_perm("wagtail_localize.submit_translation"),
                "writable_languages": writable_language_codes(self.request.user),
            }
        )
        return context


class TranslateSectionForm(forms.Form):
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        error_messages={
            "invalid_choice": gettext_lazy(
                "You may only translate into a language whose pages you can edit; %(value)s is not one."
            )
        },
    )
    sync_existing = forms.BooleanField(
        label=gettext_lazy("Also sync existing translations with the source"),
        required=False,
        help_text=gettext_lazy(
            "New and changed text then shows in the translation editor; nothing is published."
        ),
    )

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = languages


class ImportPOForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("PO file"))
    publish = forms.BooleanField(
        label=gettext_lazy("Publish the translated pages now"),
        required=False,
        help_text=gettext_lazy(
            "Otherwise the strings wait in the translation editor until someone publishes."
        ),
    )


class SectionView(WagtailAdminTemplateMixin, TemplateView):
    """A programme with its calls, training modules, news and documents: translate, export, import."""

    template_name = "translations/section.html"
    page_title = gettext_lazy("Translate a programme section")
    header_icon = "site"

    def dispatch(self, request, page_id, *args, **kwargs):
        from programmes.models import ProgrammePage

        self.programme = get_object_or_404(ProgrammePage, pk=page_id)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.programme.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("translations:status"), "label": _("Translation status")},
            {"url": "", "label": self.programme.title},
        ]

    def languages(self):
        """The languages the user may translate the section into."""
        codes = writable_language_codes(self.request.user)
        return [(code, name) for code, name in content_languages() if code in codes]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report = cached_status(refresh="refresh" in self.request.GET)
        key = f"programme:{self.programme.translation_key}"
        rows = report.filtered(section=key)
        codes = [code for code, _name in report.languages]
        context.update(
            {
                "programme": self.programme,
                "languages": report.languages,
                "rows": [(row, row.cell_list(codes)) for row in rows],
                "status_url": reverse("translations:status") + f"?section={key}",
                "translate_form": kwargs.get("translate_form")
                or TranslateSectionForm(languages=self.languages()),
                "import_form": ImportPOForm(),
                "can_translate": self.request.user.has_perm("wagtail_localize.submit_translation"),
                "writable_languages": writable_language_codes(self.request.user),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        _require_submit_permission(request.user)
        form = TranslateSectionForm(request.POST, languages=self.languages())
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(translate_form=form))
        result = translate_section(
            self.programme,
            form.cleaned_data["language"],
            user=request.user,
            sync_existing=form.cleaned_data["sync_existing"],
        )
        messages.success(
            request,
            _("%(created)d submitted for translation, %(synced)d synced, %(skipped)d already there.")
            % {"created": len(result.created), "synced": len(result.synced), "skipped": len(result.skipped)},
        )
        if result.failed:
            messages.warning(
                request,
                ngettext(
                    "%(count)d item could not be translated: %(names)s.",
                    "%(count)d items could not be translated: %(names)s.",
                    len(result.failed),
                )
                % {"count": len(result.failed), "names": ", ".join(str(obj) for obj in result.failed)},
            )
        return redirect("translations:section", self.programme.pk)


class SectionPOView(View):
    """One PO file with every translation of the section into a language the user may write.

    A language the user may not write is refused with a 403 rather than hidden behind a 404: the
    site's languages are no secret (the status view lists them) and the translator learns why.
    """

    def get(self, request, page_id, language_code):
        from programmes.models import ProgrammePage

        programme = get_object_or_404(ProgrammePage, pk=page_id)
        get_object_or_404(Locale, language_code=language_code)
        if language_code not in writable_language_codes(request.user):
            return refuse_languages(request, [language_code])
        translations = [
            translation
            for translation in section_translations(programme, language_code)
            if user_can_edit_instance(request.user, translation.get_target_instance())
        ]
        po = export_po(translations, section_title=programme.title)
        response = HttpResponse(str(po), content_type="text/x-gettext-translation; charset=utf-8")
        response["Content-Disposition"] = (
            f'attachment; filename="{slugify(programme.title)}-{language_code}.po"'
        )
        return response


class ImportPOView(View):
    """Upload a page or section PO file; its strings go to the translations it names."""

    def post(self, request):
        form = ImportPOForm(request.POST, request.FILES)
        next_url = get_valid_next_url_from_request(request) or reverse("translations:status")
        if not form.is_valid():
            messages.error(request, _("Choose a PO file to upload."))
            return redirect(next_url)
        try:
            po = parse_po(form.cleaned_data["file"].read())
        except ValueError:
            messages.error(request, _("Please upload a valid PO file."))
            return redirect(next_url)
        foreign = target_language_codes(po) - writable_language_codes(request.user)
        if foreign:
            return refuse_languages(request, sorted(foreign))
        publish = form.cleaned_data["publish"]

        def allowed(instance):
            if not user_can_edit_instance(request.user, instance):
                return False
            if publish and isinstance(instance, Page):
                return instance.permissions_for_user(request.user).can_publish()
            return True

        result = import_po(po, user=request.user, publish=publish, can_edit=allowed)
        if result.translations:
            messages.success(
                request,
                ngettext(
                    "Imported translations for %(count)d item.",
                    "Imported translations for %(count)d items.",
                    len(result.translations),
                )
                % {"count": len(result.translations)},
            )
        if result.refused:
            messages.warning(
                request,
                _("You may not change these translations: %(names)s.")
                % {"names": ", ".join(t.source.object_repr for t in result.refused)},
            )
        if result.unknown or not result.translations:
            messages.error(
                request, _("Some or all of the file does not belong to any translation on this site.")
            )
        return redirect(next_url)


class SendNewsView(View):
    """Draft translations of a news item and start each language's check."""

    def post(self, request, page_id):
        from news.models import NewsPage

        _require_submit_permission(request.user)
        page = get_object_or_404(NewsPage, pk=page_id)
        codes = request.POST.getlist("language")
        foreign = [code for code in codes if code not in writable_language_codes(request.user)]
        if foreign:
            return refuse_languages(request, foreign)
        states = send_news_for_translation(page, codes, user=request.user)
        started = [code for code, state in states.items() if state is not None]
        messages.success(
            request,
            _("Sent “%(title)s” to the translators: %(languages)s.")
            % {"title": page.title, "languages": ", ".join(started) or "–"},
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("translations:status"))


class OwnLocalesMixin:
    """wagtail-localize's "Translate" form offering only the locales the user may write.

    wagtail-localize offers every locale and has no hook or setting to change that, so these
    views answer its URLs instead (``wagtail_hooks`` registers them ahead of its own).
    """

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        field.queryset = field.queryset.filter(pk__in=writable_locales(self.request.user))
        field.error_messages["invalid_choice"] = _(
            "You may only translate into languages whose pages you can edit."
        )
        if len(field.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form


class SubmitPageTranslationView(OwnLocalesMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(OwnLocalesMixin, submit_translations.SubmitSnippetTranslationView):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", for users who may write every language it syncs.

    It refreshes, and may publish, the translation into every language at once.
    """

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        foreign = (
            source.translations.filter(enabled=True)
            .exclude(target_locale__in=writable_locales(request.user))
            .values_list("target_locale__language_code", flat=True)
        )
        if foreign:
            return refuse_languages(request, sorted(foreign))
        return super().dispatch(request, *args, **kwargs)

    @transaction.atomic
    def form_valid(self, form):
        # wagtail-localize takes the source's new text and writes the pages in one step: take the
        # text first, so each language's slug is translated (translations.slugs) before the write.
        self.object.update_from_db()
        for translation in self.object.translations.filter(enabled=True):
            fill_for_translation(translation)
        return super().form_valid(form)
