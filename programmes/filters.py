"""Filters on actions by the query parameters the public pages and downloads share.

The names are Dutch because they show in addresses: ?thema=economie&soort=action&
status=planned&actielijn=3&jaar=2018&programma=economie-werk-en-inkomen.
"""

import django_filters

from django import forms
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from web.params import (
    YEAR,
    IntegerFilter,
    filter_by_number_or_slug,
    is_number,
)

from .models import Action, ActionKind, ActionLine, ActionStatus, Programme, Theme


def filter_programme(queryset: QuerySet, prefix: str, value: str) -> QuerySet:
    """A programme named by its number (8: programme 8 of every budget) or by the
    slug in its address, as every page, download and API list reads ?programma=.

    `prefix` is the path to the programme ('theme__programme'); empty when the
    queryset holds programmes themselves.
    """
    return filter_by_number_or_slug(queryset, prefix, value)


class ActionFilter(django_filters.FilterSet):
    thema = django_filters.ChoiceFilter(
        field_name="theme__slug", label=_("Onderdeel"), empty_label=_("Alle")
    )
    soort = django_filters.ChoiceFilter(
        field_name="kind",
        choices=ActionKind.choices,
        label=_("Soort"),
        empty_label=_("Alle"),
    )
    status = django_filters.ChoiceFilter(
        field_name="status",
        choices=ActionStatus.choices,
        label=_("Status"),
        empty_label=_("Alle"),
    )
    actielijn = django_filters.ModelChoiceFilter(
        field_name="action_lines",
        queryset=ActionLine.objects.public().select_related("agenda"),
        label=_("Actielijn"),
        empty_label=_("Alle"),
    )
    # Any year is a valid question (2019 may simply have no actions yet); the
    # form offers the years that have actions.
    jaar = IntegerFilter(
        field_name="year",
        label=_("Jaar"),
        widget=forms.Select,
        min_value=YEAR["minimum"],
        max_value=YEAR["maximum"],
    )
    # The API and the downloads take a programme's number or slug.
    programma = django_filters.CharFilter(
        method="filter_programma",
        label=_("Programma"),
        help_text=_(
            "Het nummer van het programma, zoals 8 (programma 8 van elke begroting; "
            "met begrotingsjaar van één), of het webadres-deel, zoals "
            "economie-werk-en-inkomen."
        ),
    )
    begrotingsjaar = IntegerFilter(
        field_name="theme__programme__budget__year",
        label=_("Begrotingsjaar"),
        min_value=YEAR["minimum"],
        max_value=YEAR["maximum"],
    )

    class Meta:
        model = Action
        fields = []

    def filter_programma(self, queryset, name, value):
        return filter_programme(queryset, "theme__programme", value)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        themes = dict(
            Theme.objects.public()
            .order_by("order", "title")
            .values_list("slug", "title")
        )
        self.filters["thema"].extra["choices"] = list(themes.items())
        years = (
            Action.objects.public()
            .values_list("year", flat=True)
            .distinct()
            .order_by("year")
        )
        self.form.fields["jaar"].widget.choices = [("", _("Alle"))] + [
            (y, str(y)) for y in years
        ]


class _ProgrammeChoiceField(django_filters.fields.ChoiceField):
    """The form offers the programmes by slug; an address may also name one by
    its number (?programma=8), as the downloads and the API take it."""

    def valid_value(self, value):
        return super().valid_value(value) or is_number(str(value))


class _ProgrammeChoiceFilter(django_filters.ChoiceFilter):
    field_class = _ProgrammeChoiceField


class ActionPageFilter(ActionFilter):
    """The filters of the action list's form: the programme is a choice of the
    public programmes by the slug of their address (the programme page's links
    say ?programma=<slug>&begrotingsjaar=<year>), not a box for an id."""

    programma = _ProgrammeChoiceFilter(
        method="filter_programma", label=_("Programma"), empty_label=_("Alle")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = {}
        # The newest budget's programme names a slug that several years share.
        for programme in Programme.objects.public().order_by("-budget__year", "number"):
            programmes.setdefault(programme.slug, (programme.number, str(programme)))
        choices = [
            (slug, label)
            for slug, (_number, label) in sorted(
                programmes.items(), key=lambda choice: choice[1]
            )
        ]
        # The form exists already (ActionFilter set its years): set both.
        self.filters["programma"].extra["choices"] = choices
        self.form.fields["programma"].choices = choices  # with its empty label


_first_line_number = (
    ActionLine.objects.public()
    .filter(actions=OuterRef("pk"))
    .order_by("number")
    .values("number")[:1]
)


def actions_for_list():
    """Public actions with what the list shows, in the budget's order."""
    return (
        Action.objects.public()
        .select_related("theme__programme__budget")
        .prefetch_related(
            Prefetch(
                "action_lines",
                queryset=ActionLine.objects.public().select_related("agenda"),
            )
        )
        # A subquery, not Min() over the join: the aggregate grouped every action
        # by all its columns, 0.1 s per request on 38,400 actions (benchmarks/).
        .annotate(first_line=Subquery(_first_line_number))
        .order_by("theme__programme__budget__year", "theme__order", "kind", "order")
    )
