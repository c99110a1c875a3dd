"""The read API of the council's published technical questions and answers
(/api/v1/technische-vragen/). Notes are never in the API."""

from rest_framework import serializers

from django.utils.translation import gettext_lazy as _

from council.models import Question, QuestionStatus
from council.selectors import public_questions
from council.targets import with_public_parts

from .budget import BudgetYearFilter, ReadOnlyViewSet


class AskerSerializer(serializers.Serializer):
    name = serializers.SerializerMethodField(help_text=_("Naam van het raadslid."))
    fractie = serializers.CharField(
        source="fractie.name",
        read_only=True,
        help_text=_("De fractie van het raadslid."),
    )

    def get_name(self, question) -> str:
        return question.asker.get_full_name() or question.asker.get_username()


class QuestionListSerializer(serializers.ListSerializer):
    def to_representation(self, data):
        # The parts of a whole page of questions at once, one query per kind.
        questions = data.all() if hasattr(data, "all") else data
        return super().to_representation(with_public_parts(questions))


class QuestionSerializer(serializers.ModelSerializer):
    budget_year = serializers.IntegerField(
        source="programme.budget.year",
        read_only=True,
        help_text=_("Het jaar van de begroting waarover de vraag gaat."),
    )
    part = serializers.SerializerMethodField(
        help_text=_(
            "Soort onderdeel: programme, paragraph, action, indicator of "
            "financialfigure (een regel van het overzicht van lasten en baten)."
        )
    )
    target_id = serializers.SerializerMethodField(
        help_text=_(
            "Het nummer (id) van het onderdeel; leeg als het onderdeel niet (meer) "
            "openbaar is."
        )
    )
    asked_by = serializers.SerializerMethodField(
        help_text=_("Het raadslid en de fractie die de vraag stelden.")
    )
    also_asked_by = serializers.SerializerMethodField(
        help_text=_("Wie dezelfde vraag stelde (samengevoegde vragen).")
    )
    status = serializers.ChoiceField(choices=QuestionStatus.choices, read_only=True)
    page = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Question
        fields = [
            "id",
            "budget_year",
            "programme",
            "part",
            "target_id",
            "text",
            "asked_by",
            "also_asked_by",
            "created_at",
            "status",
            "answer",
            "published_at",
            "page",
        ]
        list_serializer_class = QuestionListSerializer

    def get_target_id(self, question) -> int | None:
        if not hasattr(question, "public_part"):
            with_public_parts([question])
        return question.public_part.pk if question.public_part else None

    def get_part(self, question) -> str:
        return question.target_kind or ""

    def get_asked_by(self, question) -> dict:
        return AskerSerializer(question).data

    def get_also_asked_by(self, question) -> list[dict]:
        return [AskerSerializer(d).data for d in question.duplicates.all()]


class QuestionFilter(BudgetYearFilter):
    budget_year_field = "programme__budget__year"
    programme_field = "programme"

    class Meta:
        model = Question
        fields = []


class QuestionViewSet(ReadOnlyViewSet):
    """Gepubliceerde technische vragen van raadsleden, met hun antwoorden."""

    serializer_class = QuestionSerializer
    filterset_class = QuestionFilter
    queryset = public_questions().order_by(
        "programme__budget__year", "created_at", "pk"
    )
