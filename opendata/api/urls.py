"""The read API, version 1: the viewsets on one router, plus the schema."""

from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import DefaultRouter

from django.urls import path

from .budget import (
    ActionLineViewSet,
    ActionViewSet,
    AgendaViewSet,
    BudgetViewSet,
    ProgrammeViewSet,
    ThemeViewSet,
)
from .council import QuestionViewSet
from .indicators import IndicatorValueViewSet, IndicatorViewSet
from .money import FinancialFigureViewSet, ProductChangeViewSet
from .narrative import ParagraphViewSet

router = DefaultRouter()
router.register("begrotingen", BudgetViewSet, basename="budget")
router.register("programmas", ProgrammeViewSet, basename="programme")
router.register("onderdelen", ThemeViewSet, basename="theme")
router.register("teksten", ParagraphViewSet, basename="paragraph")
router.register("agendas", AgendaViewSet, basename="agenda")
router.register("actielijnen", ActionLineViewSet, basename="actionline")
router.register("acties", ActionViewSet, basename="action")
router.register("indicatoren", IndicatorViewSet, basename="indicator")
router.register("waarden", IndicatorValueViewSet, basename="indicatorvalue")
router.register("financien", FinancialFigureViewSet, basename="financialfigure")
router.register("verschillen", ProductChangeViewSet, basename="productchange")
router.register("technische-vragen", QuestionViewSet, basename="question")

app_name = "api"

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    *router.urls,
]
