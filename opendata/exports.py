"""The published budget as open data: frames of actions and of indicator values,
ready for any file format (spreadsheets.py).

What a frame holds never depends on the page it is downloaded from: choices are
written as the file's Dutch words (content.cells.choice_text), titles in their
Dutch fields, so that any download imports unchanged.
"""

import pandas as pd

from django.db.models import Prefetch, QuerySet
from django.utils import timezone, translation

from content.cells import FILE_LANGUAGE, choice_text, dutch_number
from content.models import PublicationStatus
from council.models import NoteVisibility, QuestionStatus
from council.selectors import notes_of, public_questions
from council.targets import with_public_parts
from indicators.models import IndicatorValue, UnitKind, ValueKind
from money.models import (
    FigureKind,
    FinancialFigure,
    FinancialLine,
    MoneyUnit,
    Population,
    ProductChange,
)
from programmes.filters import filter_programme
from programmes.models import (
    Action,
    ActionKind,
    ActionLine,
    ActionStatus,
    Agenda,
    AmountUnit,
    Budget,
    GlossaryTerm,
    KeyFigure,
    Paragraph,
    Programme,
    Reference,
    ReferenceKind,
)
from programmes.selectors import agendas_of_programmes

from .columns import (
    ACTION_COLUMNS,
    AGENDA_COLUMNS,
    BUDGET_COLUMNS,
    CHANGE_COLUMNS,
    GLOSSARY_COLUMNS,
    INDICATOR_COLUMNS,
    MONEY_COLUMNS,
    POPULATION_COLUMNS,
    PROGRAMME_TEXT_COLUMNS,
    REFERENCE_COLUMNS,
    SUM_COLUMNS,
    TEXT_COLUMNS,
)


def action_line_label(line: ActionLine) -> str:
    return f"{line.agenda.name} {line.number}. {line.title}"


def reference_label(reference: Reference) -> str:
    text = f"{choice_text(ReferenceKind, reference.kind)}: {reference.code}"
    return f"{text} – {reference.description}" if reference.description else text


def key_figure_label(figure: KeyFigure) -> str:
    circa = "circa " if figure.approximate else ""
    text = (
        f"{figure.label}: {circa}{dutch_number(figure.amount)} "
        f"{choice_text(AmountUnit, figure.unit)}"
    )
    if figure.year_from or figure.year_to:
        text += f" ({figure.year_from or ''}-{figure.year_to or ''})"
    return text


def actions_frame(*, actions: QuerySet | None = None) -> pd.DataFrame:
    """One row per public action with its lines, places, references and amounts.

    `actions` narrows the public actions (e.g. by ActionFilter); drafts never end
    up in the frame.
    """
    queryset = Action.objects.public()
    if actions is not None:
        queryset = queryset.filter(pk__in=actions.values("pk"))
    queryset = (
        queryset.select_related("theme__programme__budget")
        .prefetch_related(
            Prefetch(
                "action_lines",
                queryset=ActionLine.objects.public()
                .select_related("agenda")
                # By name, not the agendas' own order: that order is not in the
                # file, and an import into a new portal must give the same text.
                .order_by("agenda__name", "number"),
            ),
            "places",
            Prefetch("references", queryset=Reference.objects.public()),
            Prefetch(
                "key_figures",
                queryset=KeyFigure.objects.public().order_by("order", "pk"),
            ),
        )
        .order_by(
            "theme__programme__budget__year",
            "theme__programme__number",
            "theme__order",
            "theme__pk",
            "kind",
            "order",
            "pk",
        )
    )
    rows = []
    for action in queryset:
        theme = action.theme
        programme = theme.programme
        rows.append(
            {
                "id": action.pk,
                "programma_begrotingsjaar": programme.budget.year,
                "programma_nummer": programme.number,
                "programma": programme.title,
                "onderdeel_slug": theme.slug,
                "onderdeel": theme.title,
                "onderdeel_en": theme.title_en,
                "onderdeel_volgorde": theme.order,
                "soort": choice_text(ActionKind, action.kind),
                "status": choice_text(ActionStatus, action.status),
                "jaar": action.year,
                "volgorde": action.order,
                "titel": action.title,
                "titel_en": action.title_en,
                "tekst": action.text,
                "tekst_en": action.text_en,
                "actielijnen": "\n".join(
                    action_line_label(line) for line in action.action_lines.all()
                ),
                "plekken": "\n".join(
                    place.name
                    for place in sorted(action.places.all(), key=lambda p: p.name)
                ),
                "verwijzingen": "\n".join(
                    reference_label(reference)
                    for reference in sorted(
                        action.references.all(),
                        key=lambda r: (r.kind, r.code, r.description),
                    )
                ),
                "bedragen": "\n".join(
                    key_figure_label(figure) for figure in action.key_figures.all()
                ),
            }
        )
    return pd.DataFrame(
        rows, columns=[column.name for column in ACTION_COLUMNS], dtype=object
    )


def indicator_values_for(
    *,
    programme: str = "",
    year: int | None = None,
    budget_year: int | None = None,
    indicator: str = "",
) -> QuerySet:
    """The public values a download asks for with ?programma=&jaar=&begrotingsjaar=
    &indicator=: `jaar` is the year a value is about, `begrotingsjaar` the budget
    that states it."""
    values = IndicatorValue.objects.public()
    values = filter_programme(values, "indicator__programme", programme)
    if year is not None:
        values = values.filter(year=year)
    if budget_year is not None:
        values = values.filter(budget__year=budget_year)
    if indicator.strip():
        values = values.filter(indicator__slug=indicator.strip())
    return values


def indicator_values_frame(*, values: QuerySet | None = None) -> pd.DataFrame:
    """One row per public value, with everything needed to import it back."""
    values = (
        values if values is not None else IndicatorValue.objects.public()
    ).select_related("budget", "indicator__programme__budget")
    values = values.order_by(
        "indicator__programme__budget__year",
        "indicator__programme__number",
        "indicator__order",
        "indicator__pk",
        "budget__year",
        "year",
        "kind",
    )
    rows = []
    for value in values:
        indicator = value.indicator
        programme = indicator.programme
        rows.append(
            {
                "programma_begrotingsjaar": programme.budget.year,
                "programma_nummer": programme.number,
                "programma": programme.title,
                "indicator_slug": indicator.slug,
                "indicator": indicator.name,
                "indicator_en": indicator.name_en,
                "volgorde": indicator.order,
                "eenheid": indicator.unit,
                "eenheid_en": indicator.unit_en,
                "soort_getal": choice_text(UnitKind, indicator.unit_kind),
                "bron": indicator.source,
                "bron_en": indicator.source_en,
                "toelichting": indicator.description,
                "toelichting_en": indicator.description_en,
                "begrotingsjaar": value.budget.year,
                "jaar": value.year,
                "soort_waarde": choice_text(ValueKind, value.kind),
                "waarde": value.value,
                "opmerking": value.note,
                "opmerking_en": value.note_en,
                "bron_waarde": value.source,
                "bron_waarde_en": value.source_en,
            }
        )
    return pd.DataFrame(
        rows, columns=[column.name for column in INDICATOR_COLUMNS], dtype=object
    )


def financial_figures_for(*, programme: str = "", year: int | None = None) -> QuerySet:
    """The public figures a download asks for with ?programma=&begrotingsjaar=."""
    figures = filter_programme(FinancialFigure.objects.public(), "programme", programme)
    if year is not None:
        figures = figures.filter(programme__budget__year=year)
    return figures


def financial_figures_frame(*, figures: QuerySet | None = None) -> pd.DataFrame:
    """One row per published figure, as the import reads it back."""
    figures = (
        figures if figures is not None else FinancialFigure.objects.public()
    ).select_related("document", "programme__budget")
    lines = list(FinancialLine)
    rows = [
        {
            "programma_begrotingsjaar": figure.programme.budget.year,
            "programma_nummer": figure.programme.number,
            "programma": figure.programme.title,
            "document": figure.document.year,
            "regel": choice_text(FinancialLine, figure.line),
            "jaar": figure.year,
            "soort": choice_text(FigureKind, figure.kind),
            "bedrag": figure.amount,
            "eenheid": choice_text(MoneyUnit, figure.unit),
        }
        for figure in sorted(
            figures,
            key=lambda f: (
                f.programme.budget.year,
                f.programme.number,
                -f.document.year,
                lines.index(f.line),
                f.year,
            ),
        )
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in MONEY_COLUMNS], dtype=object
    )


def programme_texts_frame(*, programmes: QuerySet | None = None) -> pd.DataFrame:
    """One row per public programme with its title, address and headings."""
    programmes = (
        programmes if programmes is not None else Programme.objects.public()
    ).select_related("budget")
    rows = [
        {
            "programma_begrotingsjaar": programme.budget.year,
            "programma_nummer": programme.number,
            "programma": programme.title,
            "programma_en": programme.title_en,
            "webadres": programme.slug,
            "inleiding": programme.intro,
            "inleiding_en": programme.intro_en,
            "kop_ontwikkelingen": programme.developments_heading,
            "kop_ontwikkelingen_en": programme.developments_heading_en,
            "opmerking_indicatoren": programme.indicators_note,
            "opmerking_indicatoren_en": programme.indicators_note_en,
            "verantwoordelijken": programme.responsible,
            "verantwoordelijken_en": programme.responsible_en,
            "beleidsnotas": programme.policy_documents,
            "beleidsnotas_en": programme.policy_documents_en,
        }
        for programme in programmes.order_by("budget__year", "number")
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in PROGRAMME_TEXT_COLUMNS], dtype=object
    )


def texts_frame(*, paragraphs: QuerySet | None = None) -> pd.DataFrame:
    """One row per public paragraph, in the order of the programme's page."""
    paragraphs = (
        paragraphs if paragraphs is not None else Paragraph.objects.public()
    ).select_related("theme__programme__budget", "followed_by_agenda")
    rows = []
    for paragraph in paragraphs.order_by(
        "theme__programme__budget__year",
        "theme__programme__number",
        "theme__order",
        "theme__pk",
        "order",
        "pk",
    ):
        theme = paragraph.theme
        programme = theme.programme
        rows.append(
            {
                "programma_begrotingsjaar": programme.budget.year,
                "programma_nummer": programme.number,
                "programma": programme.title,
                "onderdeel_slug": theme.slug,
                "onderdeel": theme.title,
                "onderdeel_en": theme.title_en,
                "onderdeel_volgorde": theme.order,
                "volgorde": paragraph.order,
                "tussenkop": paragraph.heading,
                "tussenkop_en": paragraph.heading_en,
                "tekst": paragraph.text,
                "tekst_en": paragraph.text_en,
                "gevolgd_door": choice_text(ActionKind, paragraph.followed_by_actions)
                if paragraph.followed_by_actions
                else "",
                "gevolgd_door_agenda": paragraph.followed_by_agenda.name
                if paragraph.followed_by_agenda
                else "",
            }
        )
    return pd.DataFrame(
        rows, columns=[column.name for column in TEXT_COLUMNS], dtype=object
    )


def budget_frames(*, programme: str = "", year: int | None = None) -> dict:
    """Every table of a budget (or of one programme), as the sheets of one workbook
    that the import reads back. The import writes them in its own order (budgets,
    agendas and texts before what refers to them), whatever the sheets' order."""
    programmes = filter_programme(Programme.objects.public(), "", programme)
    if year is not None:
        programmes = programmes.filter(budget__year=year)
    chosen = programmes.values("pk")
    whole = not programme.strip() and year is None
    return {
        "begrotingen": budgets_frame(
            budgets=Budget.objects.public()
            if whole
            else Budget.objects.public().filter(programmes__in=chosen).distinct()
        ),
        "programmas": programme_texts_frame(programmes=programmes),
        # The whole portal's file holds every public agenda, also one that no
        # programme uses yet; one budget's or programme's file the ones it uses.
        "agendas": agendas_frame(
            agendas=Agenda.objects.public()
            if whole
            else agendas_of_programmes(programmes=chosen)
        ),
        "teksten": texts_frame(
            paragraphs=Paragraph.objects.public().filter(theme__programme__in=chosen)
        ),
        "acties": actions_frame(
            actions=Action.objects.public().filter(theme__programme__in=chosen)
        ),
        "verwijzingen": references_frame(
            references=Reference.objects.public().filter(
                action__isnull=True, theme__programme__in=chosen
            )
        ),
        "indicatoren": indicator_values_frame(
            values=IndicatorValue.objects.public().filter(
                indicator__programme__in=chosen
            )
        ),
        "bedragen": sums_frame(
            figures=KeyFigure.objects.public().filter(programme__in=chosen)
        ),
        "financien": financial_figures_frame(
            figures=FinancialFigure.objects.public().filter(programme__in=chosen)
        ),
        "verschillen": product_changes_frame(
            changes=ProductChange.objects.public().filter(programme__in=chosen)
        ),
        # The inhabitants and the glossary belong to no one programme.
        "inwoners": population_frame(),
        "begrippen": glossary_frame(),
    }


def budgets_frame(*, budgets: QuerySet | None = None) -> pd.DataFrame:
    """One row per public budget: its year, titles and publication."""
    budgets = budgets if budgets is not None else Budget.objects.public()
    rows = [
        {
            "begrotingsjaar": budget.year,
            "titel": budget.title,
            "titel_en": budget.title_en,
            "omschrijving": budget.description,
            "omschrijving_en": budget.description_en,
            "publicatie": choice_text(PublicationStatus, budget.publication_status),
        }
        for budget in budgets.order_by("year")
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in BUDGET_COLUMNS], dtype=object
    )


def agendas_frame(*, agendas: QuerySet | None = None) -> pd.DataFrame:
    """One row per public action line, and one for an agenda without lines."""
    agendas = (agendas if agendas is not None else Agenda.objects.public()).order_by(
        "order", "name", "pk"
    )
    agendas = agendas.prefetch_related(None).prefetch_related(
        Prefetch("lines", queryset=ActionLine.objects.order_by("number"))
    )
    rows = []
    for agenda in agendas:
        about = {
            "agenda_slug": agenda.slug,
            "agenda": agenda.name,
            "agenda_en": agenda.name_en,
            "afkorting": agenda.abbreviation,
            "coordinatie": agenda.coordinator,
            "omschrijving": agenda.description,
            "omschrijving_en": agenda.description_en,
            "vanaf_jaar": agenda.start_year,
            "looptijd_jaren": agenda.duration_years,
            "agenda_volgorde": agenda.order,
        }
        lines = [
            {
                "actielijn_nummer": line.number,
                "actielijn": line.title,
                "actielijn_en": line.title_en,
                "gemeentelijke_focus": "ja" if line.municipal_focus else "",
            }
            for line in agenda.lines.all()
        ]
        rows += [about | line for line in lines] or [about]
    return pd.DataFrame(
        rows, columns=[column.name for column in AGENDA_COLUMNS], dtype=object
    )


def references_frame(*, references: QuerySet | None = None) -> pd.DataFrame:
    """One row per public reference in the text of a part (not of an action)."""
    references = (
        (references if references is not None else Reference.objects.public())
        .filter(action__isnull=True, theme__isnull=False)
        .select_related("theme__programme__budget")
    )
    rows = [
        {
            "programma_begrotingsjaar": reference.theme.programme.budget.year,
            "programma_nummer": reference.theme.programme.number,
            "programma": reference.theme.programme.title,
            "onderdeel_slug": reference.theme.slug,
            "soort": choice_text(ReferenceKind, reference.kind),
            "kenmerk": reference.code,
            "omschrijving": reference.description,
            "omschrijving_en": reference.description_en,
        }
        for reference in references.order_by(
            "theme__programme__budget__year",
            "theme__programme__number",
            "theme__order",
            "theme__pk",
            "kind",
            "code",
            "pk",
        )
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in REFERENCE_COLUMNS], dtype=object
    )


def population_frame() -> pd.DataFrame:
    """The inhabitants per year (public: the amounts per inhabitant use them)."""
    rows = [
        {
            "jaar": population.year,
            "inwoners": population.inhabitants,
            "peildatum": population.counted_on.isoformat(),
            "bron": population.source,
        }
        for population in Population.objects.order_by("year")
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in POPULATION_COLUMNS], dtype=object
    )


def glossary_frame() -> pd.DataFrame:
    """Every term of the glossary (all of it is public)."""
    rows = [
        {
            "term": term.term,
            "begrip_slug": term.slug,
            "betekenis": term.meaning,
            "betekenis_en": term.meaning_en,
            "toelichting": term.description,
            "toelichting_en": term.description_en,
        }
        for term in GlossaryTerm.objects.order_by("term", "pk")
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in GLOSSARY_COLUMNS], dtype=object
    )


def product_changes_frame(*, changes: QuerySet | None = None) -> pd.DataFrame:
    """One row per public explained change of a product."""
    changes = (
        changes if changes is not None else ProductChange.objects.public()
    ).select_related("document", "programme__budget")
    rows = [
        {
            "programma_begrotingsjaar": change.programme.budget.year,
            "programma_nummer": change.programme.number,
            "programma": change.programme.title,
            "document": change.document.year,
            "volgorde": change.order,
            "productcode": change.product_code,
            "product": change.product_name,
            "product_en": change.product_name_en,
            "taakveld_code": change.task_field_code,
            "taakveld": change.task_field_name,
            "taakveld_en": change.task_field_name_en,
            "verschil": change.amount,
            "eenheid": choice_text(MoneyUnit, change.unit),
            "toelichting": change.explanation,
            "toelichting_en": change.explanation_en,
        }
        for change in changes.order_by(
            "programme__budget__year",
            "programme__number",
            "-document__year",
            "order",
            "product_code",
        )
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in CHANGE_COLUMNS], dtype=object
    )


def sums_frame(*, figures: QuerySet | None = None) -> pd.DataFrame:
    """One row per public sum the text names outside an action."""
    figures = (
        (figures if figures is not None else KeyFigure.objects.public())
        .filter(action__isnull=True)
        .select_related("programme__budget", "theme", "agenda")
    )
    rows = [
        {
            "programma_begrotingsjaar": figure.programme.budget.year,
            "programma_nummer": figure.programme.number,
            "programma": figure.programme.title,
            "onderdeel_slug": figure.theme.slug if figure.theme else "",
            "volgorde": figure.order,
            "omschrijving": figure.label,
            "omschrijving_en": figure.label_en,
            "bedrag": figure.amount,
            "eenheid": choice_text(AmountUnit, figure.unit),
            "circa": "ja" if figure.approximate else "",
            "vanaf": figure.year_from,
            "tot_en_met": figure.year_to,
            "agenda": figure.agenda.name if figure.agenda else "",
        }
        for figure in figures.order_by(
            "programme__budget__year", "programme__number", "order", "pk"
        )
    ]
    return pd.DataFrame(
        rows, columns=[column.name for column in SUM_COLUMNS], dtype=object
    )


# --- The council's technical questions and a member's notes -----------------------


def _person(user) -> str:
    return user.get_full_name() or user.get_username()


def council_questions_frame(*, year: int | None = None) -> pd.DataFrame:
    """One row per published technical question with its answer; never one
    that is not published (Question.objects.public(), via public_questions)."""
    questions = public_questions()
    if year is not None:
        questions = questions.filter(programme__budget__year=year)
    with translation.override(FILE_LANGUAGE):
        rows = _question_rows(questions)
    # Objects, not floats: an empty part id keeps the others whole numbers.
    return pd.DataFrame(rows, columns=QUESTION_COLUMNS, dtype=object)


def _question_rows(questions) -> list[dict]:
    return [
        {
            "nummer": question.pk,
            "begrotingsjaar": question.programme.budget.year,
            "programma": question.programme.number,
            "onderdeel": str(question.target_label),
            # Only a part the public may see: no id of one gone back to draft.
            "onderdeel_id": question.public_part.pk if question.public_part else None,
            "vraag": question.text,
            "gesteld_door": _person(question.asker),
            "fractie": question.fractie.name,
            "ook_gesteld_door": "; ".join(
                f"{_person(d.asker)} ({d.fractie.name})"
                for d in question.duplicates.all()
            ),
            "gesteld_op": timezone.localtime(question.created_at).date().isoformat(),
            "status": choice_text(QuestionStatus, question.status),
            "antwoord": question.answer,
            "beantwoord_op": timezone.localtime(question.published_at)
            .date()
            .isoformat(),
        }
        for question in with_public_parts(
            questions.order_by("programme__budget__year", "created_at", "pk")
        )
    ]


QUESTION_COLUMNS = [
    "nummer",
    "begrotingsjaar",
    "programma",
    "onderdeel",
    "onderdeel_id",
    "vraag",
    "gesteld_door",
    "fractie",
    "ook_gesteld_door",
    "gesteld_op",
    "status",
    "antwoord",
    "beantwoord_op",
]
NOTE_COLUMNS = [
    "begrotingsjaar",
    "programma",
    "onderdeel",
    "adres",
    "notitie",
    "van",
    "zichtbaar_voor",
    "geschreven_op",
]


def council_notes_frame(*, member, base_url: str) -> pd.DataFrame:
    """The notes `member` may read (their own and their fractie's shared ones),
    for their own download only."""
    with translation.override(FILE_LANGUAGE):
        rows = _note_rows(member, base_url)
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)


def _note_rows(member, base_url: str) -> list[dict]:
    return [
        {
            "begrotingsjaar": note.programme.budget.year,
            "programma": str(note.programme),
            "onderdeel": str(note.target_label),
            "adres": base_url + note.part_url if note.part_url else "",
            "notitie": note.text,
            "van": _person(note.author),
            "zichtbaar_voor": choice_text(NoteVisibility, note.visibility),
            "geschreven_op": timezone.localtime(note.created_at).date().isoformat(),
        }
        for note in with_public_parts(notes_of(member))
    ]
