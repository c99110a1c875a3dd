"""The admin of a programme's money: the figures in the layout of the budget's table.

The change list of figures is the table itself: filtered on a programme and
document it lists the lines in the budget's order and the years beside each other,
each amount editable in place (with the version check of every list), and names
every published total that is not the sum of its lines.
"""

from django.contrib import admin, messages
from django.db.models import Case, IntegerField, Value, When
from django.utils.translation import gettext

from content.admin import PortalAdmin

from .models import (
    FinancialFigure,
    FinancialLine,
    Population,
    ProductChange,
    SummaryFigure,
)
from .selectors import rounding_differences

LINE_ORDER = Case(
    *(When(line=line, then=Value(index)) for index, line in enumerate(FinancialLine)),
    output_field=IntegerField(),
)


@admin.register(FinancialFigure)
class FinancialFigureAdmin(PortalAdmin):
    list_display = ["line", "year", "kind", "amount", "unit", "document", "version"]
    list_display_links = ["line"]
    list_editable = ["kind", "amount", "unit", "version"]
    list_filter = ["programme", "document", "line", "kind", "year"]
    list_select_related = ["programme__budget", "document"]
    list_per_page = 200
    search_fields = ["programme__title", "year"]
    fields = [
        "programme",
        "document",
        "line",
        "year",
        "kind",
        "amount",
        "unit",
        "version",
    ]

    def get_ordering(self, request):
        # The budget's order of lines, not the alphabet's (an expression, so not
        # in `ordering`, which the admin's checks hold to field names).
        return ["programme", "-document__year", LINE_ORDER.asc(), "year"]

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None and request.method == "GET":
            self._flag_rounding(request, changelist.queryset)
        return response

    def _flag_rounding(self, request, queryset):
        """Name every total that differs from the sum of its lines in the list."""
        by_table = {}
        for figure in queryset.select_related(None).only(
            "programme_id", "document_id", "line", "year", "amount"
        ):
            by_table.setdefault((figure.programme_id, figure.document_id), []).append(
                figure
            )
        for figures in by_table.values():
            for difference in rounding_differences(figures):
                self.message_user(
                    request,
                    gettext(
                        "Controleer: %(difference)s. Klopt het met de begroting, "
                        "laat het dan zo: de portal toont totalen zoals gepubliceerd."
                    )
                    % {"difference": difference},
                    messages.WARNING,
                )


@admin.register(ProductChange)
class ProductChangeAdmin(PortalAdmin):
    list_display = ["product_code", "product_name", "document", "amount", "order"]
    list_filter = ["programme", "document"]
    list_select_related = ["document"]
    search_fields = ["product_code", "product_name", "explanation"]
    fields = [
        "programme",
        "document",
        "order",
        "product_code",
        ("product_name", "product_name_en"),
        "task_field_code",
        ("task_field_name", "task_field_name_en"),
        "amount",
        "unit",
        ("explanation", "explanation_en"),
        "version",
    ]


@admin.register(Population)
class PopulationAdmin(PortalAdmin):
    list_display = ["year", "inhabitants", "counted_on", "source"]
    fields = ["year", "inhabitants", "counted_on", "source", "version"]
    search_fields = ["year", "source"]


@admin.register(SummaryFigure)
class SummaryFigureAdmin(PortalAdmin):
    list_display = ["programme", "line", "year", "kind", "amount", "unit", "document"]
    list_filter = ["document", "line", "year"]
    list_select_related = ["programme__budget", "document"]
    search_fields = ["programme__title", "year"]
    fields = [
        "document",
        "programme",
        "line",
        "year",
        "kind",
        "amount",
        "unit",
        "version",
    ]
