"""The read API of the programmes' money (/api/v1/financien/, /api/v1/verschillen/):
the exploitation figures as published and the explained changes per product."""

import django_filters
from rest_framework import serializers

from money.models import (
    FigureKind,
    FinancialFigure,
    FinancialLine,
    ProductChange,
)
from web.params import YEAR, IntegerFilter

from .budget import BudgetYearFilter, ReadOnlyViewSet


class FinancialFigureSerializer(serializers.ModelSerializer):
    document_year = serializers.IntegerField(source="document.year", read_only=True)
    euros = serializers.DecimalField(max_digits=18, decimal_places=2, read_only=True)

    class Meta:
        model = FinancialFigure
        fields = [
            "id",
            "programme",
            "document",
            "document_year",
            "line",
            "year",
            "kind",
            "amount",
            "unit",
            "euros",
        ]


class ProductChangeSerializer(serializers.ModelSerializer):
    document_year = serializers.IntegerField(source="document.year", read_only=True)

    class Meta:
        model = ProductChange
        fields = [
            "id",
            "programme",
            "document",
            "document_year",
            "order",
            "product_code",
            "product_name",
            "task_field_code",
            "task_field_name",
            "amount",
            "unit",
            "explanation",
        ]


class DocumentFilter(BudgetYearFilter):
    """?begrotingsjaar= (of the programme), programma, document (its year)."""

    budget_year_field = "programme__budget__year"
    programme_field = "programme"
    document = IntegerFilter(
        field_name="document__year",
        min_value=YEAR["minimum"],
        max_value=YEAR["maximum"],
    )


class FinancialFigureFilter(DocumentFilter):
    regel = django_filters.ChoiceFilter(
        field_name="line", choices=FinancialLine.choices
    )
    soort = django_filters.ChoiceFilter(field_name="kind", choices=FigureKind.choices)
    jaar = IntegerFilter(
        field_name="year", min_value=YEAR["minimum"], max_value=YEAR["maximum"]
    )

    class Meta:
        model = FinancialFigure
        fields = []


class ProductChangeFilter(DocumentFilter):
    class Meta:
        model = ProductChange
        fields = []


class FinancialFigureViewSet(ReadOnlyViewSet):
    """Lasten, baten, reserves en resultaat per programma, document en jaar, zoals
    gepubliceerd (lasten negatief; `unit` zegt of het bedrag × € 1.000 is)."""

    serializer_class = FinancialFigureSerializer
    filterset_class = FinancialFigureFilter
    queryset = (
        FinancialFigure.objects.public()
        .select_related("document")
        .order_by(
            "programme__budget__year",
            "programme__number",
            "-document__year",
            "line",
            "year",
        )
    )


class ProductChangeViewSet(ReadOnlyViewSet):
    """De toegelichte verschillen per product (in euro's; + is een voordeel)."""

    serializer_class = ProductChangeSerializer
    filterset_class = ProductChangeFilter
    queryset = (
        ProductChange.objects.public()
        .select_related("document")
        .order_by(
            "programme__budget__year", "programme__number", "-document__year", "order"
        )
    )
