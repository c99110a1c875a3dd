"""The read API of the narrative (/api/v1/teksten/): the paragraphs of every part,
in the order of the programme's page, with what follows each."""

import django_filters
from rest_framework import serializers

from programmes.models import Paragraph

from .budget import BudgetYearFilter, ReadOnlyViewSet


class ParagraphSerializer(serializers.ModelSerializer):
    theme_slug = serializers.CharField(source="theme.slug", read_only=True)
    followed_by_agenda_name = serializers.CharField(
        source="followed_by_agenda.name", read_only=True, default=""
    )

    class Meta:
        model = Paragraph
        fields = [
            "id",
            "theme",
            "theme_slug",
            "order",
            "heading",
            "text",
            "followed_by_actions",
            "followed_by_agenda",
            "followed_by_agenda_name",
        ]


class ParagraphFilter(BudgetYearFilter):
    """?begrotingsjaar=, programma, onderdeel (the part's slug)."""

    budget_year_field = "theme__programme__budget__year"
    programme_field = "theme__programme"
    onderdeel = django_filters.CharFilter(field_name="theme__slug")

    class Meta:
        model = Paragraph
        fields = []


class ParagraphViewSet(ReadOnlyViewSet):
    """De alinea's van de onderdelen, in de volgorde van de programmapagina."""

    serializer_class = ParagraphSerializer
    filterset_class = ParagraphFilter
    queryset = (
        Paragraph.objects.public()
        .select_related("theme", "followed_by_agenda")
        .order_by(
            "theme__programme__budget__year",
            "theme__programme__number",
            "theme__order",
            "theme__pk",
            "order",
            "pk",
        )
    )
