"""Public pages of the budget: home, programme and action; the actions download."""

from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from .exports import actions_frame
from .filters import ActionFilter
from .models import Action, Budget
from .selectors import agendas_with_lines, budget_on_show, programme_with_content
from .spreadsheets import download_response


def home(request):
    year = request.GET.get("jaar")
    budget = budget_on_show(year=int(year) if year and year.isdigit() else None)
    programmes = budget.programmes.published() if budget else []
    budgets = Budget.objects.published().filter(programmes__isnull=False).distinct()
    return render(
        request,
        "programmes/home.html",
        {"budget": budget, "programmes": programmes, "budgets": budgets},
    )


def programme_detail(request, year, slug):
    programme = programme_with_content(year=year, slug=slug)
    return render(
        request,
        "programmes/programme_detail.html",
        {"programme": programme, "agendas": agendas_with_lines()},
    )


def action_detail(request, pk):
    action = get_object_or_404(
        Action.objects.published()
        .select_related("theme__programme__budget")
        .prefetch_related("action_lines__agenda", "places", "references"),
        pk=pk,
    )
    return render(request, "programmes/action_detail.html", {"action": action})


def actions_download(request, suffix):
    """/open-data/acties.csv?thema=economie&…: the filtered actions as a file."""
    filters = ActionFilter(request.GET, queryset=Action.objects.all())
    if not filters.is_valid():
        # A typo in a filter must not quietly give every action.
        return HttpResponseBadRequest(
            "\n".join(
                f"{name}: {' '.join(errors)}" for name, errors in filters.errors.items()
            ),
            content_type="text/plain; charset=utf-8",
        )
    return download_response(
        actions_frame(actions=filters.qs), name="acties", suffix=suffix
    )
