from django.apps import AppConfig, apps


class WebsiteConfig(AppConfig):
    name = "website"

    def ready(self):
        from django.db.models.signals import post_migrate

        from website import cdn, signals  # noqa: F401  (signals connects its handlers on import)
        from website.links import adopt_site_url

        cdn.connect()
        # The default Site takes SITE_URL's address (website has no models: no post_migrate of its own).
        post_migrate.connect(adopt_site_url, sender=apps.get_app_config("wagtailcore"))
