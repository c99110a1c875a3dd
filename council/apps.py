from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "council"
    verbose_name = _("Gemeenteraad")

    def ready(self):
        # Published questions join the programmes app's search and changes feed,
        # and the page cache follows them; programmes never imports this app.
        from programmes import feeds, search

        from . import account_events, signals
        from .models import Question

        signals.connect()
        account_events.connect()
        search.register(
            search.SearchField(
                queryset=lambda: Question.objects.public().select_related(
                    "programme__budget"
                ),
                fields=("text", "answer"),
                snippet_field="text",
                kind=_("Technische vraag"),
                title=str,
                url=lambda q: q.get_absolute_url(),
            )
        )
        feeds.register(
            lambda: (
                Question.objects.public()
                .select_related("programme__budget", "asker", "fractie")
                .order_by("-published_at")
            ),
            kind=_("Technische vraag"),
        )
