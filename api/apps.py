from django.apps import AppConfig


class ApiConfig(AppConfig):
    """The public open-data API at /api/v2/ (docs/open-data.md)."""

    name = "api"
