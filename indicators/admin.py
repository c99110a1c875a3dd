"""The admin of the policy indicators: their values per document and year in one
table."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from content.admin import PortalAdmin, RowsNamedFormSet, VersionedTabularInline
from programmes.admin import publish, unpublish

from .models import Indicator, IndicatorValue


class IndicatorValueFormSet(RowsNamedFormSet):
    def clean(self):
        # An empty year is the budget's own (the model's clean fills it in on the
        # instance): the check of two rows against each other must see it too.
        for form in self.forms:
            data = getattr(form, "cleaned_data", None)
            if data and data.get("year") is None and form.instance.year is not None:
                data["year"] = form.instance.year
        super().clean()

    def get_unique_error_message(self, unique_check):
        # Django's default names the fields by code ("budget, year en kind").
        return _(
            "Er staan twee waarden van dezelfde soort voor hetzelfde jaar uit "
            "dezelfde begroting. Per begroting, jaar en soort hoort er één waarde "
            "bij een indicator."
        )


class IndicatorValueInline(VersionedTabularInline):
    model = IndicatorValue
    formset = IndicatorValueFormSet
    fields = [
        "budget",
        "year",
        "kind",
        "value",
        "note",
        "note_en",
        "source",
        "version",
    ]
    verbose_name = _("waarde per begroting en jaar")
    verbose_name_plural = _("waarden per begroting en jaar")


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
    list_display = ["indicator", "year", "kind", "value", "budget", "note"]
    list_filter = ["budget", "kind", "indicator__programme"]
    list_select_related = ["indicator", "budget"]
    search_fields = ["indicator__name", "note", "source"]
    autocomplete_fields = ["indicator"]
    fields = [
        "indicator",
        ("budget", "year"),
        "kind",
        "value",
        ("note", "note_en"),
        ("source", "source_en"),
        "version",
    ]
