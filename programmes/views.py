"""Public pages of the budget: home, programme, actions, agendas, glossary, search."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from web.params import (
    TABLE_PARAMETERS,
    YEAR,
    TableConfig,
    int_param,
    reads_parameters,
    text_param,
)

from .filters import ActionPageFilter, actions_for_list
from .models import Action, Agenda, Budget, GlossaryTerm
from .parts import programme_parts
from .search import search as search_everything
from .selectors import (
    action_with_details,
    agendas_of_programme,
    agendas_with_lines,
    budget_on_show,
    other_budget_years,
    programme_with_content,
)
from .tables import ActionTable

ACTIONS_PER_PAGE = 25
KIND_PLURALS = {
    "action": gettext_lazy("acties"),
    "goal": gettext_lazy("doelen"),
    "pilot": gettext_lazy("pilots"),
}


@reads_parameters("jaar")
def home(request):
    budget = budget_on_show(year=int_param(request.GET, "jaar", **YEAR))
    budgets = Budget.objects.public().filter(programmes__isnull=False).distinct()
    programmes = budget.programmes.public() if budget else []
    return render(
        request,
        "programmes/home.html",
        {
            "budget": budget,
            "programmes": programmes,
            "budgets": budgets,
        },
    )


def programme_detail(request, year, slug):
    programme = programme_with_content(year=year, slug=slug)
    return render_programme(
        request, programme, agendas_of_programme(programme=programme)
    )


def render_programme(request, programme, agendas, *, preview=False):
    """The programme page in the BBV structure; also the staff preview's."""
    agendas = list(agendas)
    by_id = {agenda.pk: agenda for agenda in agendas}
    goals = []
    for theme in programme.themes.all():
        by_kind = {}
        for action in theme.listed_actions:
            by_kind.setdefault(action.kind, []).append(action)
        for paragraph in theme.paragraphs.all():
            paragraph.listed_agenda = by_id.get(paragraph.followed_by_agenda_id)
            kind = paragraph.followed_by_actions
            paragraph.listed_actions = listed = by_kind.get(kind, [])
            if listed:
                # One label per list, translated once: get_kind_display per action
                # was a tenth of the page's time at the benchmark's large size, and
                # a lazy label would be translated again for every action.
                paragraph.kind_label = str(listed[0].get_kind_display())
            # Only the first actions of a kind are listed; the rest are a link away.
            if listed and listed[0].kind_total > len(listed):
                total = listed[0].kind_total
                paragraph.more_actions = _("Alle %(total)s %(kind)s van %(theme)s") % {
                    "total": total,
                    "kind": KIND_PLURALS[kind],
                    "theme": theme.localized("title"),
                }
        goals += by_kind.get("goal", [])
    figures = list(programme.key_figures.all())
    # Whether the programme has more than its money (programmes 2 to 8 of the
    # seed have only that): the page says so instead of showing empty headings.
    own_content = bool(
        goals
        or figures
        or agendas
        or programme.intro
        or programme.themes.all()
        or getattr(programme, "has_indicators", True)
    )
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "agendas": agendas,
            "goals": goals,
            "money": [f for f in figures if f.is_money],
            "targets": [f for f in figures if not f.is_money],
            "preview": preview,
            "own_content": own_content,
            # The money (money/pages.py) and any other app's part of the page.
            **programme_parts(programme, public_only=not preview),
            "other_years": (
                programme.other_years
                if hasattr(programme, "other_years")
                else other_budget_years(programme, public_only=not preview)
            ),
        },
    )


@reads_parameters(ActionPageFilter.base_filters, TABLE_PARAMETERS)
def action_list(request):
    filterset = ActionPageFilter(request.GET, queryset=actions_for_list())
    table = ActionTable(filterset.qs)
    table.caption = _("Acties, doelen en pilots")
    TableConfig(request, per_page=ACTIONS_PER_PAGE).configure(table)
    # Downloads keep the filters that are set (not the sorting or the page).
    filters = request.GET.copy()
    for name in TABLE_PARAMETERS:
        filters.pop(name, None)
    return render(
        request,
        "programmes/action_list.html",
        {
            "filter": filterset,
            "table": table,
            "download_query": filters.urlencode(),
        },
    )


def action_detail(request, pk):
    action = action_with_details(pk=pk)
    return render(request, "programmes/action_detail.html", {"action": action})


def agenda_list(request):
    return render(
        request, "programmes/agenda_list.html", {"agendas": agendas_with_lines()}
    )


def agenda_detail(request, slug):
    agenda = get_object_or_404(Agenda.objects.public(), slug=slug)
    lines = agenda.lines.prefetch_related(
        Prefetch(
            "actions",
            queryset=Action.objects.public().select_related("theme__programme"),
        )
    )
    return render(
        request,
        "programmes/agenda_detail.html",
        {"agenda": agenda, "lines": lines},
    )


def glossary(request):
    return render(
        request, "programmes/glossary.html", {"terms": GlossaryTerm.objects.all()}
    )


@reads_parameters("q")
def search(request):
    query = text_param(request.GET, "q")
    results = search_everything(query) if query else []
    return render(
        request, "programmes/search.html", {"query": query, "results": results}
    )
