from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translation overview")

    def ready(self):
        from translations import changes, signals, slugs, workflow  # noqa: F401  (connect their signal handlers)
