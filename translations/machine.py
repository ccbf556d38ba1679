"""Machine translation in wagtail-localize's translation editor: DeepL or LibreTranslate, off by default.

``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` (website/settings/base.py) names one of the translators
below when ``DEEPL_API_KEY`` or ``LIBRETRANSLATE_URL`` is set; the editor then shows "Translate
with DeepL", which pre-fills the strings not translated yet (a translator still reviews them).

They are wagtail-localize's own translators with two additions:

- ``API_URL`` for DeepL: wagtail-localize picks DeepL's free or paid address from the key; a
  DeepL-compatible proxy (or a test server) is named here instead.
- A provider that cannot be reached, refuses the key or answers something else than
  translations raises ``MachineTranslationError``; ``MachineTranslationErrorMiddleware`` sends
  the editor back to the translation with a message saying so, instead of the 500 page
  (wagtail-localize's view does not catch the provider's errors).
"""

import logging

import requests
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import translation
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import deepl, libretranslate
from wagtail_localize.strings import StringValue

from website.media_errors import admin_language, back_url

logger = logging.getLogger(__name__)


class MachineTranslationError(Exception):
    def __init__(self, tool_name, reason):
        super().__init__(f"{tool_name}: {reason}")
        self.tool_name = tool_name
        self.reason = reason


UNREADABLE = _("the service's answer could not be read")


def http_reason(error):
    """What went wrong with a request to the provider, in the editor's words (translated when shown)."""
    if isinstance(error, requests.HTTPError) and error.response is not None:
        status = error.response.status_code
        if status in (401, 403):
            return _("the service refused the API key")
        if status in (429, 456):  # DeepL answers 456 when the month's characters are used up
            return _("the service's quota or rate limit is reached; try again later")
        return format_lazy(_("the service answered with an error (HTTP {status})"), status=status)
    if isinstance(error, requests.Timeout):
        return _("the service did not answer in time")
    if isinstance(error, requests.JSONDecodeError) or not isinstance(error, requests.RequestException):
        return UNREADABLE
    return _("the service could not be reached")


class DeepLTranslator(deepl.DeepLTranslator):
    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        timeout = int(self.options.get("TIMEOUT", 30))
        try:
            response = requests.post(
                self.get_api_endpoint(),
                self.get_parameters(source_locale, target_locale, strings),
                timeout=timeout,
                headers=self.get_headers(),
            )
            response.raise_for_status()
            texts = [item["text"] for item in response.json()["translations"]]
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            raise MachineTranslationError(self.display_name, http_reason(error)) from error
        if len(texts) != len(strings):
            raise MachineTranslationError(self.display_name, UNREADABLE)
        return {string: StringValue(text) for string, text in zip(strings, texts, strict=True)}


class LibreTranslator(libretranslate.LibreTranslator):
    def get_api_endpoint(self):
        return super().get_api_endpoint().rstrip("/")

    def translate(self, source_locale, target_locale, strings):
        strings = list(strings)
        try:
            result = super().translate(source_locale, target_locale, strings)
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            # ValueError covers both an answer that is not JSON and one with fewer translations.
            raise MachineTranslationError(self.display_name, http_reason(error)) from error
        return result


class MachineTranslationErrorMiddleware:
    """Back to the translation editor with a message when the machine translator failed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationError):
            return None
        if not request.path_info.startswith(settings.WAGTAIL_ADMIN_PATH_PREFIX):
            return None
        logger.warning("Machine translation failed: %s", exception, exc_info=exception)
        with translation.override(admin_language(request)):
            messages.error(
                request,
                gettext("%(tool)s could not translate: %(reason)s. Nothing was changed.")
                % {"tool": exception.tool_name, "reason": exception.reason},
            )
        return redirect(get_valid_next_url_from_request(request) or back_url(request))
