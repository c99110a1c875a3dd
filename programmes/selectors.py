"""Reads of the budget domain that several pages share."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from .models import Action, Agenda, Budget, Programme, Theme


def budget_on_show(*, year: int | None = None) -> Budget | None:
    """The budget a visitor asked for, or the newest published one with programmes."""
    budgets = Budget.objects.published().filter(programmes__isnull=False).distinct()
    if year is not None:
        return get_object_or_404(budgets, year=year)
    return budgets.order_by("-year").first()


def programme_with_content(*, year: int, slug: str) -> Programme:
    """A published programme with what its page shows: themes, narrative, sums."""
    themes = Theme.objects.published().prefetch_related(
        "paragraphs",
        Prefetch("actions", queryset=Action.objects.published()),
    )
    return get_object_or_404(
        Programme.objects.published()
        .select_related("budget")
        .prefetch_related(
            Prefetch("themes", queryset=themes),
            "key_figures",
        ),
        budget__year=year,
        slug=slug,
        budget__publication_status="published",
    )


def agendas_with_lines():
    return Agenda.objects.published().prefetch_related("lines")
