from django.apps import AppConfig


class BaseConfig(AppConfig):
    """What every app of the site shares: the base page, blocks, the i18n helpers, text analysis."""

    name = "base"
