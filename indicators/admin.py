"""The admin of the policy indicators: their values per budget year in one table."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import PortalAdmin, RowsNamedFormSet, VersionedTabularInline
from programmes.admin import publish, unpublish

from .models import Indicator, IndicatorValue


class IndicatorValueFormSet(RowsNamedFormSet):
    def get_unique_error_message(self, unique_check):
        # Django's default names the fields by code ("budget en kind").
        return _(
            "Er staan twee waarden van dezelfde soort voor dezelfde begroting. "
            "Per begroting en soort hoort er één waarde bij een indicator."
        )


class IndicatorValueInline(VersionedTabularInline):
    model = IndicatorValue
    formset = IndicatorValueFormSet
    fields = [
        "budget",
        "kind",
        "value",
        "measured_year",
        "note",
        "note_en",
        "source",
        "version",
    ]
    verbose_name = _("waarde per begroting")
    verbose_name_plural = _("waarden per begroting")


@admin.register(Indicator)
class IndicatorAdmin(PortalAdmin):
    list_display = ["name", "unit", "programme", "publication_status", "updated_at"]
    list_filter = ["programme", "unit_kind", "publication_status"]
    list_select_related = ["programme__budget"]
    search_fields = ["name", "unit", "source"]
    prepopulated_fields = {"slug": ["name", "unit"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "programme",
                    "order",
                    ("name", "name_en"),
                    "slug",
                    ("unit", "unit_en"),
                    "unit_kind",
                    ("source", "source_en"),
                    ("description", "description_en"),
                    "version",
                ]
            },
        ),
        (_("Publicatie"), {"fields": ["publication_status"]}),
    ]
    inlines = [IndicatorValueInline]
    actions = [publish, unpublish]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(PortalAdmin):
    list_display = ["indicator", "budget", "kind", "value", "measured_year", "note"]
    list_filter = ["budget", "kind", "indicator__programme"]
    list_select_related = ["indicator", "budget"]
    search_fields = ["indicator__name", "note", "source"]
    autocomplete_fields = ["indicator"]
    fields = [
        "indicator",
        "budget",
        "kind",
        ("value", "measured_year"),
        ("note", "note_en"),
        ("source", "source_en"),
        "version",
    ]
