"""The API's URLs, included by the project's URLconf.

API responses are also finished with this URLconf (``PublicAPIMixin.dispatch`` in api/views.py):
it has no language prefixes, so Django's LocaleMiddleware leaves an API 404 as it is instead of
redirecting it to a language-prefixed HTML page. Reversing still uses the project's URLconf.
"""

from django.urls import path

from api.views import api_index, api_router

urlpatterns = [path("api/v2/", api_index, name="api_index"), path("api/v2/", api_router.urls)]

handler500 = "website.views.server_error"
