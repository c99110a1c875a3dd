from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The base of the web layer: how requests are read and answered, the page
    cache and its invalidation. It has no tables and knows no app."""

    name = "web"
    verbose_name = _("Website")

    def ready(self):
        from . import caching

        caching.connect_invalidation()
