"""The read API of the budget (/api/v1/): public budgets, programmes, themes,
agendas, action lines and actions, each list in a fixed number of queries."""

import django_filters
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers, viewsets

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from programmes.filters import ActionFilter, filter_programme
from programmes.models import (
    Action,
    ActionLine,
    Agenda,
    Budget,
    KeyFigure,
    Place,
    Programme,
    Reference,
    Theme,
)
from web.params import YEAR, IntegerFilter, Pagination, filter_by_id_or_slug


class PortalPagination(Pagination):
    """?pagina=2&per_pagina=100: Dutch like the rest of the portal's addresses."""

    page_size = 50
    page_query_param = "pagina"
    page_size_query_param = "per_pagina"
    max_page_size = 500


# --- Serializers -------------------------------------------------------------------


class BudgetSerializer(serializers.ModelSerializer):
    class Meta:
        model = Budget
        fields = ["id", "year", "title", "description"]


class ProgrammeSerializer(serializers.ModelSerializer):
    budget_year = serializers.IntegerField(source="budget.year", read_only=True)
    page = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Programme
        fields = [
            "id",
            "budget",
            "budget_year",
            "number",
            "title",
            "slug",
            "intro",
            "developments_heading",
            "indicators_note",
            "responsible",
            "policy_documents",
            "page",
        ]


class ThemeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Theme
        fields = ["id", "programme", "order", "title", "slug"]


class ActionLineSerializer(serializers.ModelSerializer):
    agenda_name = serializers.CharField(source="agenda.name", read_only=True)

    class Meta:
        model = ActionLine
        fields = ["id", "agenda", "agenda_name", "number", "title", "municipal_focus"]


class AgendaLineSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionLine
        fields = ["id", "number", "title", "municipal_focus"]


class AgendaSerializer(serializers.ModelSerializer):
    lines = AgendaLineSerializer(many=True, read_only=True)

    class Meta:
        model = Agenda
        fields = [
            "id",
            "name",
            "slug",
            "abbreviation",
            "coordinator",
            "description",
            "start_year",
            "duration_years",
            "lines",
        ]


class ReferenceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Reference
        fields = ["kind", "code", "description"]


class KeyFigureSerializer(serializers.ModelSerializer):
    class Meta:
        model = KeyFigure
        fields = ["label", "amount", "unit", "approximate", "year_from", "year_to"]


class PlaceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Place
        fields = ["name", "slug"]


class ActionSerializer(serializers.ModelSerializer):
    programme = serializers.IntegerField(source="theme.programme_id", read_only=True)
    theme_title = serializers.CharField(source="theme.title", read_only=True)
    action_lines = ActionLineSerializer(many=True, read_only=True)
    places = PlaceSerializer(many=True, read_only=True)
    references = ReferenceSerializer(many=True, read_only=True)
    amounts = KeyFigureSerializer(source="key_figures", many=True, read_only=True)
    page = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Action
        fields = [
            "id",
            "programme",
            "theme",
            "theme_title",
            "kind",
            "status",
            "year",
            "order",
            "title",
            "text",
            "action_lines",
            "places",
            "references",
            "amounts",
            "updated_at",
            "page",
        ]


# --- Filters -----------------------------------------------------------------------

PROGRAMME_HELP = _(
    "Het nummer van het programma, zoals 8 (programma 8 van elke begroting; met "
    "begrotingsjaar van één), of het webadres-deel, zoals economie-werk-en-inkomen."
)


class BudgetYearFilter(django_filters.FilterSet):
    """?begrotingsjaar=2018&programma=1 (or the programme's slug)."""

    begrotingsjaar = IntegerFilter(
        method="filter_budget_year",
        min_value=YEAR["minimum"],
        max_value=YEAR["maximum"],
    )
    programma = django_filters.CharFilter(
        method="filter_programma", help_text=PROGRAMME_HELP
    )

    budget_year_field = "budget__year"
    programme_field = ""

    def filter_budget_year(self, queryset, name, value):
        return queryset.filter(**{self.budget_year_field: value})

    def filter_programma(self, queryset, name, value):
        return filter_programme(queryset, self.programme_field, value)


class ProgrammeFilter(BudgetYearFilter):
    class Meta:
        model = Programme
        fields = []


class ThemeFilter(BudgetYearFilter):
    budget_year_field = "programme__budget__year"
    programme_field = "programme"

    class Meta:
        model = Theme
        fields = []


class ActionLineFilter(django_filters.FilterSet):
    agenda = django_filters.CharFilter(method="filter_agenda")

    class Meta:
        model = ActionLine
        fields = []

    def filter_agenda(self, queryset, name, value):
        return filter_by_id_or_slug(queryset, "agenda", value)


# --- Views -------------------------------------------------------------------------


class ReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    pagination_class = PortalPagination
    filter_backends = [DjangoFilterBackend]


class BudgetViewSet(ReadOnlyViewSet):
    """Begrotingen (Begroting 2018, …)."""

    serializer_class = BudgetSerializer
    queryset = Budget.objects.public().order_by("year")


class ProgrammeViewSet(ReadOnlyViewSet):
    """Programma's van gepubliceerde begrotingen."""

    serializer_class = ProgrammeSerializer
    filterset_class = ProgrammeFilter
    queryset = (
        Programme.objects.public()
        .select_related("budget")
        .order_by("budget__year", "number")
    )


class ThemeViewSet(ReadOnlyViewSet):
    """Onderdelen (thema's) van programma's."""

    serializer_class = ThemeSerializer
    filterset_class = ThemeFilter
    queryset = Theme.objects.public().order_by(
        "programme__budget__year", "programme__number", "order", "pk"
    )


def public_lines():
    return ActionLine.objects.public().select_related("agenda")


class AgendaViewSet(ReadOnlyViewSet):
    """Regionale agenda's met hun genummerde actielijnen."""

    serializer_class = AgendaSerializer
    queryset = Agenda.objects.public().prefetch_related("lines")


class ActionLineViewSet(ReadOnlyViewSet):
    """Actielijnen van de agenda's."""

    serializer_class = ActionLineSerializer
    filterset_class = ActionLineFilter
    queryset = public_lines().order_by("agenda__order", "agenda__name", "number")


class ActionViewSet(ReadOnlyViewSet):
    """Acties, doelen en pilots, met actielijnen, plekken, verwijzingen en bedragen."""

    serializer_class = ActionSerializer
    filterset_class = ActionFilter
    queryset = (
        Action.objects.public()
        .select_related("theme")
        .prefetch_related(
            Prefetch("action_lines", queryset=public_lines()),
            "places",
            Prefetch("references", queryset=Reference.objects.public()),
            Prefetch(
                "key_figures", queryset=KeyFigure.objects.public().order_by("order")
            ),
        )
        .order_by(
            "theme__programme__budget__year",
            "theme__programme__number",
            "theme__order",
            "kind",
            "order",
            "pk",
        )
    )
