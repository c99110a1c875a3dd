from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IndicatorsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "indicators"
    verbose_name = _("Beleidsindicatoren")

    def ready(self):
        # Indicators join the programmes app's search and changes feed; that app
        # never imports this one.
        from programmes import feeds, search

        from .models import Indicator

        search.register(
            search.SearchField(
                queryset=lambda: Indicator.objects.public().select_related("programme"),
                fields=("name", "unit", "description"),
                snippet_field="name",
                kind=_("Beleidsindicator"),
                title=str,
                url=lambda i: i.get_absolute_url(),
                title_field="name",
                stored_vectors=("search_nl", "search_en"),
            )
        )
        feeds.register(
            lambda: Indicator.objects.public().order_by("-updated_at"),
            kind=_("Beleidsindicator"),
        )
