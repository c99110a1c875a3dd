"""Reads of the budget domain that several pages share."""

from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404

from .models import Action, Agenda, Budget, Programme, Theme


def budget_on_show(*, year: int | None = None) -> Budget | None:
    """The budget a visitor asked for, or the newest published one with programmes."""
    budgets = Budget.objects.published().filter(programmes__isnull=False).distinct()
    if year is not None:
        return get_object_or_404(budgets, year=year)
    return budgets.order_by("-year").first()


# The programme page lists this many actions of each kind per theme and links to
# the action list for the rest: a theme with hundreds of actions would otherwise
# make the page grow without bound. The seed's largest list (11) fits.
ACTIONS_PER_KIND_ON_PAGE = 12
_NOT_LISTED = ("version", "created_at", "updated_at", "status", "status_changed_at")


def first_actions_per_kind(
    *, limit: int = ACTIONS_PER_KIND_ON_PAGE, published_only: bool = True
):
    """Published actions, at most `limit` per theme and kind, in the budget's order.

    Each carries `kind_total`: how many published actions of its kind its theme has.
    """
    partition = [F("theme_id"), F("kind")]
    return (
        _published(Action.objects.all(), published_only)
        # What the page does not show: fewer columns to read and convert.
        .defer(*_NOT_LISTED)
        .annotate(
            position=Window(
                RowNumber(), partition_by=partition, order_by=[F("order"), F("pk")]
            ),
            kind_total=Window(Count("pk"), partition_by=partition),
        )
        .filter(position__lte=limit)
        # The budget's order within a theme; the default order would join the
        # theme, programme and budget of every action for nothing.
        .order_by("theme_id", "kind", "order", "pk")
    )


def programme_with_content(
    *, year: int, slug: str, published_only: bool = True
) -> Programme:
    """A programme with what its page shows: themes, narrative, sums.

    Public pages show published content only; a staff preview passes
    published_only=False to see drafts in the same layout.
    """
    themes = _published(Theme.objects.all(), published_only).prefetch_related(
        "paragraphs",
        Prefetch(
            "actions",
            queryset=first_actions_per_kind(published_only=published_only),
        ),
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
