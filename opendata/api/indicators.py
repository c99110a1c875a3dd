"""The read API of the policy indicators (/api/v1/indicatoren/, /api/v1/waarden/)."""

import django_filters
from rest_framework import serializers

from django.db.models import Prefetch

from indicators.models import Indicator, IndicatorValue, ValueKind
from programmes.filters import filter_programme
from web.params import YEAR, IntegerFilter

from .budget import PROGRAMME_HELP, BudgetYearFilter, ReadOnlyViewSet


class IndicatorValueSerializer(serializers.ModelSerializer):
    budget_year = serializers.IntegerField(source="budget.year", read_only=True)

    class Meta:
        model = IndicatorValue
        fields = [
            "budget",
            "budget_year",
            "year",
            "kind",
            "value",
            "note",
            "source",
        ]


class IndicatorSerializer(serializers.ModelSerializer):
    values = IndicatorValueSerializer(many=True, read_only=True)
    page = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Indicator
        fields = [
            "id",
            "programme",
            "order",
            "name",
            "slug",
            "unit",
            "unit_kind",
            "source",
            "description",
            "values",
            "page",
        ]


class FlatValueSerializer(IndicatorValueSerializer):
    indicator_slug = serializers.CharField(source="indicator.slug", read_only=True)

    class Meta(IndicatorValueSerializer.Meta):
        fields = [
            "id",
            "indicator",
            "indicator_slug",
            *IndicatorValueSerializer.Meta.fields,
        ]


class IndicatorFilter(BudgetYearFilter):
    budget_year_field = "programme__budget__year"
    programme_field = "programme"

    class Meta:
        model = Indicator
        fields = []


class ValueFilter(django_filters.FilterSet):
    """?begrotingsjaar=2019 (the budget that states the value), ?jaar=2020 (the
    year it is about), programma, indicator, soort."""

    begrotingsjaar = IntegerFilter(
        field_name="budget__year",
        min_value=YEAR["minimum"],
        max_value=YEAR["maximum"],
    )
    jaar = IntegerFilter(
        field_name="year",
        min_value=YEAR["minimum"],
        max_value=YEAR["maximum"],
    )
    programma = django_filters.CharFilter(
        method="filter_programma", help_text=PROGRAMME_HELP
    )
    indicator = django_filters.CharFilter(field_name="indicator__slug")
    soort = django_filters.ChoiceFilter(field_name="kind", choices=ValueKind.choices)

    class Meta:
        model = IndicatorValue
        fields = []

    def filter_programma(self, queryset, name, value):
        return filter_programme(queryset, "indicator__programme", value)


class IndicatorViewSet(ReadOnlyViewSet):
    """Beleidsindicatoren met hun waarden per begroting, jaar en soort."""

    serializer_class = IndicatorSerializer
    filterset_class = IndicatorFilter
    queryset = (
        Indicator.objects.public()
        .prefetch_related(
            Prefetch(
                "values",
                queryset=IndicatorValue.objects.public()
                .select_related("budget")
                .order_by("year", "budget__year", "kind"),
            )
        )
        .order_by("programme__budget__year", "programme__number", "order", "pk")
    )


class IndicatorValueViewSet(ReadOnlyViewSet):
    """Alle gepubliceerde waarden, één per indicator, begroting, jaar en soort."""

    serializer_class = FlatValueSerializer
    filterset_class = ValueFilter
    queryset = (
        IndicatorValue.objects.public()
        .select_related("budget", "indicator")
        .order_by(
            "indicator__programme__budget__year",
            "indicator__order",
            "indicator__pk",
            "year",
            "budget__year",
            "kind",
        )
    )
