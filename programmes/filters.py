"""Filters on actions by the query parameters the public pages and downloads share.

The names are Dutch because they show in addresses: ?thema=economie&soort=action&
status=planned&actielijn=3&jaar=2018&programma=economie-werk-en-inkomen.
"""

import django_filters

from django.db.models import QuerySet

from .models import Action, ActionKind, ActionStatus


def filter_programme(queryset: QuerySet, prefix: str, value: str) -> QuerySet:
    """A programme named by its id (1) or by the slug in its address.

    `prefix` is the path to the programme ('theme__programme'); empty when the
    queryset holds programmes themselves.
    """
    value = (value or "").strip()
    if not value:
        return queryset
    if value.isdigit():
        return queryset.filter(**{prefix or "pk": int(value)})
    return queryset.filter(**{f"{prefix}__slug" if prefix else "slug": value})


class ActionFilter(django_filters.FilterSet):
    thema = django_filters.CharFilter(field_name="theme__slug", label="onderdeel")
    soort = django_filters.ChoiceFilter(
        field_name="kind", choices=ActionKind.choices, label="soort"
    )
    status = django_filters.ChoiceFilter(
        field_name="status", choices=ActionStatus.choices, label="status"
    )
    actielijn = django_filters.NumberFilter(
        field_name="action_lines", label="actielijn"
    )
    jaar = django_filters.NumberFilter(field_name="year", label="jaar")
    programma = django_filters.CharFilter(method="filter_programma", label="programma")
    begrotingsjaar = django_filters.NumberFilter(
        field_name="theme__programme__budget__year", label="begrotingsjaar"
    )

    class Meta:
        model = Action
        fields = []

    def filter_programma(self, queryset, name, value):
        return filter_programme(queryset, "theme__programme", value)
