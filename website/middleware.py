from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import SESSION_KEY


class SiteCSPMiddleware(CSPMiddleware):
    """The strict policy of settings.CONTENT_SECURITY_POLICY for the public site; the Wagtail
    admin, whose page editor relies on inline scripts and styles, gets ADMIN_CSP_REPLACE on top."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.WAGTAIL_ADMIN_PATH_PREFIX):
            parts.replace = {**settings.ADMIN_CSP_REPLACE, **(parts.replace or {})}
        return parts


class PrivateForSignedInMiddleware:
    """A response to a signed-in session is ``Cache-Control: private, no-store``, whatever the
    view said: no browser cache shared on a desk and no CDN keeps what an editor saw (drafts,
    previews, the admin, a page with the editor's name). Checked on the session, not on
    ``request.user``, so a session still waiting for its second factor counts too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY):
            response["Cache-Control"] = "private, no-store"
            del response["Expires"]
        return response
