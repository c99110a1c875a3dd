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


def programme_with_content(
    *, year: int, slug: str, published_only: bool = True
) -> Programme:
    """A programme with what its page shows: themes, narrative, sums.

    Public pages show published content only; a staff preview passes
    published_only=False to see drafts in the same layout.
    """
    themes = _published(Theme.objects.all(), published_only).prefetch_related(
        "paragraphs",
        Prefetch("actions", queryset=_published(Action.objects.all(), published_only)),
    )
    programmes = _published(Programme.objects.all(), published_only)
    if published_only:
        programmes = programmes.filter(budget__publication_status="published")
    return get_object_or_404(
        programmes.select_related("budget").prefetch_related(
            Prefetch("themes", queryset=themes),
            "key_figures",
        ),
        budget__year=year,
        slug=slug,
    )


def action_with_details(*, pk: int, published_only: bool = True) -> Action:
    """An action with what its page shows; drafts only for a staff preview."""
    return get_object_or_404(
        _published(Action.objects.all(), published_only)
        .select_related("theme__programme__budget")
        .prefetch_related(
            "action_lines__agenda", "places", "references", "key_figures"
        ),
        pk=pk,
    )


def agendas_with_lines(*, published_only: bool = True):
    return _published(Agenda.objects.all(), published_only).prefetch_related("lines")


def _published(queryset, published_only):
    return queryset.published() if published_only else queryset
