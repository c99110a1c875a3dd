from django.contrib import admin

from .models import Indicator, IndicatorValue


class IndicatorValueInline(admin.TabularInline):
    model = IndicatorValue
    fields = ["budget", "kind", "value", "measured_year", "note"]
    extra = 0


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["name", "unit", "programme", "publication_status"]
    list_filter = ["programme", "unit_kind"]
    search_fields = ["name", "unit", "source"]
    prepopulated_fields = {"slug": ["name", "unit"]}
    inlines = [IndicatorValueInline]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(admin.ModelAdmin):
    list_display = ["indicator", "budget", "kind", "value", "note"]
    list_filter = ["budget", "kind"]
    search_fields = ["indicator__name", "note"]
