from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project package as an app, so that cache invalidation is always wired."""

    name = "hengelo_portal"
    verbose_name = "Begrotingsportaal"

    def ready(self):
        from . import caching

        caching.connect_invalidation()
