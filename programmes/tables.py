"""django-tables2 table of the public action list."""

import django_tables2 as tables

from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _

from .models import Action
from .templatetags.programme_tags import translated


class ActionTable(tables.Table):
    title = tables.Column(verbose_name=_("Actie"), linkify=True)
    theme = tables.Column(
        verbose_name=_("Onderdeel"),
        accessor="theme__title",
        order_by=("theme__order", "theme__title"),
    )
    kind = tables.Column(verbose_name=_("Soort"))
    status = tables.Column(verbose_name=_("Status"))
    year = tables.Column(verbose_name=_("Jaar"), localize=False)
    action_lines = tables.Column(
        verbose_name=_("Actielijnen"), empty_values=(), order_by=("first_line",)
    )

    class Meta:
        model = Action
        fields = ["title", "theme", "kind", "status", "year", "action_lines"]
        attrs = {"class": "data-table"}
        empty_text = _("Geen acties gevonden met deze filters.")

    def render_title(self, record):
        # The English title where an editor gave one, else the Dutch with a note.
        return translated(record, "title")

    def render_year(self, value):
        return str(value)

    def render_action_lines(self, record):
        lines = record.action_lines.all()
        if not lines:
            return "–"
        return format_html_join(
            ", ", "{} {}", ((line.agenda, line.number) for line in lines)
        )
