from django.apps import AppConfig


class BaseConfig(AppConfig):
    """What every app of the site shares: the base page, blocks, themes and organisations, the i18n
    helpers, text analysis, the demo data's tools."""

    name = "base"
