from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """The shared base of the content apps; it has no tables and knows no app."""

    name = "content"
    verbose_name = _("Inhoud")
