"""An upload the media storage cannot take: a message for the editor instead of the 500 page.

Wagtail's image and document views (add, edit, multiple upload, chooser upload) have no hook that
runs when saving the file fails, so this middleware, limited to the admin, turns the
``MediaStorageError`` of ``website.media_storage`` into an answer in the editor's admin language:
an admin page for a form, JSON ``{"success": false, "error_code", "error_message"}`` for the
uploaders' AJAX requests (shown by ``website/static/website/js/admin-media-errors.js``).

Status: 507 Insufficient Storage when the storage is full (RFC 4918: the server cannot store what
the request needs; a temporary condition), 503 Service Unavailable when it refuses the write or
cannot be reached. Neither is the editor's fault (not 4xx), both may succeed later, and neither is
a 500, which means a bug in the site.
"""

import logging

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from website.media_storage import MediaStorageError

logger = logging.getLogger(__name__)

FULL_STATUS = 507
UNAVAILABLE_STATUS = 503


def storage_error_message(error):
    if error.full:
        return gettext(
            "The file could not be stored: the media storage is full. "
            "Nothing was saved; please try again later or tell an administrator."
        )
    return gettext(
        "The file could not be stored: the media storage cannot be written to. "
        "Nothing was saved; please try again later or tell an administrator."
    )


def admin_language(request):
    """The language of the editor's admin (their Wagtail profile), as Wagtail's views use."""
    profile = getattr(getattr(request, "user", None), "wagtail_userprofile", None)
    if profile is not None:
        return profile.get_preferred_language()
    return translation.get_language()


def wants_json(request):
    return request.headers.get("X-Requested-With") == "XMLHttpRequest" or not request.accepts("text/html")


def back_url(request):
    referer = request.headers.get("Referer", "")
    if referer and url_has_allowed_host_and_scheme(
        referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return referer
    return settings.WAGTAIL_ADMIN_PATH_PREFIX


class MediaStorageErrorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, MediaStorageError):
            return None
        if not request.path_info.startswith(settings.WAGTAIL_ADMIN_PATH_PREFIX):
            return None
        logger.error(
            "Media storage fault on %s %s (%s)",
            request.method,
            request.path,
            "full" if exception.full else "not writable",
            exc_info=exception,
        )
        status = FULL_STATUS if exception.full else UNAVAILABLE_STATUS
        with translation.override(admin_language(request)):
            message = storage_error_message(exception)
            if wants_json(request):
                code = "storage_full" if exception.full else "storage_unavailable"
                return JsonResponse(
                    {"success": False, "error_code": code, "error_message": message}, status=status
                )
            return render(
                request,
                "website/admin/media_storage_error.html",
                {"message": message, "back_url": back_url(request)},
                status=status,
            )
