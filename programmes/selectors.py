"""Reads of the budget domain that several pages share."""

from dataclasses import dataclass

from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Window,
    prefetch_related_objects,
)
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404

from content.translations import TranslatedContentMixin
from web.permalinks import permalinks

from .models import (
    Action,
    ActionKind,
    ActionLine,
    Agenda,
    Budget,
    KeyFigure,
    Paragraph,
    Programme,
    Reference,
    Theme,
)


def budget_on_show(*, year: int | None = None) -> Budget | None:
    """The budget a visitor asked for, or the newest published one with programmes."""
    budgets = Budget.objects.public().filter(programmes__isnull=False).distinct()
    if year is not None:
        return get_object_or_404(budgets, year=year)
    return budgets.order_by("-year").first()


# The programme page lists this many actions of each kind per theme and links to
# the action list for the rest: a theme with hundreds of actions would otherwise
# make the page grow without bound. The seed's largest list (11) fits.
ACTIONS_PER_KIND_ON_PAGE = 12


def first_actions_per_kind(
    *, limit: int = ACTIONS_PER_KIND_ON_PAGE, public_only: bool = True
):
    """Public actions, at most `limit` per theme and kind, in the budget's order.

    Each carries `kind_total`: how many public actions of its kind its theme has.
    """
    partition = [F("theme_id"), F("kind")]
    return (
        _public(Action.objects.all(), public_only)
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


@dataclass
class ListedAction(TranslatedContentMixin):
    """An action as the programme page lists it.

    Read as plain values rather than as a model instance with its prefetch: at the
    benchmark's large size the page lists 288 actions, and building them as
    models was a tenth of its time (benchmarks/RESULTS.md).
    """

    pk: int
    kind: str
    title: str
    title_en: str
    text: str
    text_en: str
    kind_total: int
    theme: Theme | None = None
    url: str = ""

    def get_absolute_url(self) -> str:
        return self.url

    def get_kind_display(self) -> str:
        return ActionKind(self.kind).label


def _listed_actions(themes, *, public_only: bool) -> None:
    """Give every theme its `listed_actions`, in one query for all of them."""
    by_theme = {theme.pk: theme for theme in themes}
    for theme in themes:
        theme.listed_actions = []
    rows = (
        first_actions_per_kind(public_only=public_only)
        .filter(theme_id__in=list(by_theme))
        .values_list(
            "theme_id",
            "pk",
            "kind",
            "title",
            "title_en",
            "text",
            "text_en",
            "kind_total",
        )
    )
    address = permalinks("programmes:action_detail", "pk")
    for theme_id, pk, *values in rows:
        theme = by_theme[theme_id]
        theme.listed_actions.append(
            ListedAction(pk, *values, theme=theme, url=address(pk))
        )


def programme_with_content(
    *, year: int, slug: str, public_only: bool = True
) -> Programme:
    """A programme with what its page shows: themes, narrative, sums, and on each
    theme its `listed_actions`.

    Public pages show public content only (content.models.PublicQuerySet); a
    staff preview passes public_only=False to see drafts in the same layout.
    """
    programmes = _public(Programme.objects.all(), public_only)
    # Whether it has indicators, asked in the same query: the indicators app reads
    # the budget, not the other way round, so its model comes from the relation.
    indicators = _public(
        Programme._meta.get_field("indicators").related_model.objects.all(),
        public_only,
    ).filter(programme=OuterRef("pk"))
    # The programme and the same programme (its number) in the other budgets, in
    # one query; the page links to those.
    asked = programmes.filter(budget__year=year, slug=slug).values("number")[:1]
    same_number = list(
        programmes.filter(number=Subquery(asked))
        .select_related("budget")
        .annotate(has_indicators=Exists(indicators))
        .order_by("-budget__year")
    )
    programme = next(
        (p for p in same_number if p.budget.year == year and p.slug == slug), None
    )
    if programme is None:
        raise Http404
    programme.other_years = [p for p in same_number if p is not programme]
    themes = with_children(
        _public(Theme.objects.filter(programme=programme), public_only).order_by(
            "order", "pk", "paragraphs__order", "paragraphs__pk"
        ),
        "paragraphs",
    )
    _set_prefetched(programme, "themes", themes)
    prefetch_related_objects(
        [programme],
        # A sum named in a draft theme or action is as hidden as its text.
        Prefetch("key_figures", queryset=_public(KeyFigure.objects.all(), public_only)),
    )
    _listed_actions(list(programme.themes.all()), public_only=public_only)
    return programme


def other_budget_years(programme: Programme, *, public_only: bool = True):
    """The programme with the same number in the other budgets, newest first."""
    return list(
        _public(Programme.objects.all(), public_only)
        .filter(number=programme.number)
        .exclude(pk=programme.pk)
        .select_related("budget")
        .order_by("-budget__year")
    )


def action_with_details(*, pk: int, public_only: bool = True) -> Action:
    """An action with what its page shows; drafts only for a staff preview."""
    return get_object_or_404(
        _public(Action.objects.all(), public_only)
        .select_related("theme__programme__budget")
        .prefetch_related(
            Prefetch(
                "action_lines",
                queryset=_public(ActionLine.objects.all(), public_only).select_related(
                    "agenda"
                ),
            ),
            "places",
            Prefetch(
                "references", queryset=_public(Reference.objects.all(), public_only)
            ),
            Prefetch(
                "key_figures", queryset=_public(KeyFigure.objects.all(), public_only)
            ),
        ),
        pk=pk,
    )


def agendas_with_lines(*, public_only: bool = True):
    return _public(Agenda.objects.all(), public_only).prefetch_related("lines")


def agendas_of_programme(*, programme, public_only: bool = True) -> list[Agenda]:
    """The agendas a programme uses: those whose lines its actions contribute to,
    that a paragraph of it lists, or that a sum of it names, with their lines.
    Agendas are shared by programmes; each programme page shows only its own."""
    used = agendas_of_programmes(programmes=[programme], public_only=public_only)
    return with_children(
        Agenda.objects.filter(pk__in=used.values("pk")).order_by(
            "order", "name", "pk", "lines__number", "lines__pk"
        ),
        "lines",
    )


def agendas_of_programmes(*, programmes, public_only: bool = True):
    """The agendas any of `programmes` (a list or QuerySet) uses."""
    actions = _public(
        Action.objects.filter(theme__programme__in=programmes), public_only
    )
    listed = _public(
        Paragraph.objects.filter(
            theme__programme__in=programmes, followed_by_agenda__isnull=False
        ),
        public_only,
    ).values("followed_by_agenda")
    named = _public(
        KeyFigure.objects.filter(programme__in=programmes, agenda__isnull=False),
        public_only,
    ).values("agenda")
    # Each way as a subquery of agenda ids: joined, the lines' actions of every
    # programme were read and then made distinct (38,000 rows at the
    # benchmark's large size for a handful of agendas).
    contributed = ActionLine.objects.filter(actions__in=actions).values("agenda")
    return agendas_with_lines(public_only=public_only).filter(
        Q(pk__in=contributed) | Q(pk__in=listed) | Q(pk__in=named)
    )


def with_children(parents, relation: str) -> list:
    """`parents` (a QuerySet, ordered by parent, then child) with the objects of
    `relation`, a reverse foreign key, read in the same query (a left join), as
    prefetch_related leaves them: one query where the prefetch takes two.

    For children that have no public rule of their own (a public parent's
    paragraphs or action lines are public).
    """
    model = parents.model
    foreign_key = model._meta.get_field(relation).field
    own = [field.attname for field in model._meta.concrete_fields]
    theirs = [field.attname for field in foreign_key.model._meta.concrete_fields]
    parent_pk = own.index(model._meta.pk.attname)
    child_pk = len(own) + theirs.index(foreign_key.model._meta.pk.attname)
    found: dict = {}
    for row in parents.values_list(*own, *(f"{relation}__{name}" for name in theirs)):
        parent, children = found.get(row[parent_pk], (None, None))
        if parent is None:
            parent = model.from_db(parents.db, own, row[: len(own)])
            found[row[parent_pk]] = parent, (children := [])
        if row[child_pk] is not None:
            child = foreign_key.model.from_db(parents.db, theirs, row[len(own) :])
            foreign_key.set_cached_value(child, parent)
            children.append(child)
    for parent, children in found.values():
        _set_prefetched(parent, relation, children)
    return [parent for parent, _children in found.values()]


def _set_prefetched(instance, relation: str, objects: list) -> None:
    """`instance.<relation>.all()` gives `objects` without a query, as after
    prefetch_related."""
    queryset = getattr(instance, relation).get_queryset()
    queryset._result_cache = objects
    queryset._prefetch_done = True
    cache_name = instance._meta.get_field(relation).field.remote_field.cache_name
    if not hasattr(instance, "_prefetched_objects_cache"):
        instance._prefetched_objects_cache = {}
    instance._prefetched_objects_cache[cache_name] = queryset


def _public(queryset, public_only):
    """The one rule, or for the staff preview (its only exception) everything."""
    return queryset.public() if public_only else queryset
