from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def media_storage_error_messages():
    """Uploaders show the message of a media storage fault (website/media_errors.py)."""
    return format_html('<script src="{}"></script>', static("website/js/admin-media-errors.js"))
