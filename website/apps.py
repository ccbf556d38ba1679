from django.apps import AppConfig


class WebsiteConfig(AppConfig):
    name = "website"

    def ready(self):
        from website import cdn, signals  # noqa: F401  (signals connects its handlers on import)

        cdn.connect()
