"""Validation: bad input is refused with a Dutch message at the field, and nothing
of a refused save is written, not even the parts that were right."""

import datetime

import pytest

from django.urls import reverse

from indicators.models import UnitKind, ValueKind
from programmes.models import ActionStatus
from tests.admin.helpers import form_data
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import ActionFactory, KeyFigureFactory

pytestmark = pytest.mark.django_db

NEXT_YEAR = datetime.date.today().year + 1


def field_errors(response, field):
    return [str(e) for e in response.context["adminform"].form.errors.get(field, [])]


def test_a_done_action_cannot_be_in_a_future_year(editor_client):
    action = ActionFactory(year=NEXT_YEAR, status=ActionStatus.PLANNED)
    url = reverse("admin:programmes_action_change", args=[action.pk])
    form = form_data(editor_client.get(url).content.decode())
    form["status"] = ActionStatus.DONE
    response = editor_client.post(url, form)
    assert response.status_code == 200
    assert field_errors(response, "status") == [
        f"Een actie voor {NEXT_YEAR} kan nog niet afgerond zijn: dat jaar is nog "
        "niet begonnen. Kies een andere status of verander het jaar."
    ]
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED


def test_a_done_action_is_refused_from_the_list_too(editor_client):
    action = ActionFactory(year=NEXT_YEAR)
    changelist = reverse("admin:programmes_action_changelist")
    data = form_data(editor_client.get(changelist).content.decode())
    data["form-0-status"] = ActionStatus.DONE
    data["_save"] = "Opslaan"
    html = editor_client.post(changelist, data).content.decode()
    assert "kan nog niet afgerond zijn" in html
    action.refresh_from_db()
    assert action.status == ActionStatus.PLANNED


def test_key_figure_amount_not_negative_and_years_in_order(editor_client):
    figure = KeyFigureFactory(amount=450000)
    url = reverse("admin:programmes_keyfigure_change", args=[figure.pk])
    form = form_data(editor_client.get(url).content.decode())
    form.update(amount="-450000", year_from="2019", year_to="2018")
    response = editor_client.post(url, form)
    assert field_errors(response, "amount") == [
        "Een bedrag of aantal kan niet negatief zijn. Vul het getal in zonder minteken."
    ]
    assert field_errors(response, "year_to") == [
        "Het laatste jaar (2018) ligt vóór het eerste jaar (2019)."
    ]
    figure.refresh_from_db()
    assert figure.amount == 450000


def inline_errors(response):
    return [
        str(error)
        for formset in response.context["inline_admin_formsets"]
        for form_errors in formset.formset.errors
        for errors in form_errors.values()
        for error in errors
    ] + [
        str(e)
        for f in response.context["inline_admin_formsets"]
        for e in f.formset.non_form_errors()
    ]


def test_percentage_and_count_values_are_checked_and_nothing_is_half_saved(
    editor_client,
):
    indicator = IndicatorFactory(unit="%", unit_kind=UnitKind.PERCENTAGE, name="Oud")
    value = IndicatorValueFactory(indicator=indicator, value=17)
    url = reverse("admin:indicators_indicator_change", args=[indicator.pk])
    form = form_data(editor_client.get(url).content.decode())
    form["name"] = "Nieuwe naam"  # valid on its own
    form["values-0-value"] = "117"
    response = editor_client.post(url, form)
    assert response.status_code == 200
    assert "Een percentage ligt tussen 0 en 100." in inline_errors(response)
    indicator.refresh_from_db()
    value.refresh_from_db()
    assert (indicator.name, value.value) == ("Oud", 17)

    count = IndicatorValueFactory(value=5)
    url = reverse("admin:indicators_indicator_change", args=[count.indicator.pk])
    form = form_data(editor_client.get(url).content.decode())
    form["values-0-value"] = "-5"
    response = editor_client.post(url, form)
    assert "Een aantal of percentage kan niet negatief zijn." in inline_errors(response)


def test_one_value_per_indicator_budget_year_and_kind(editor_client):
    value = IndicatorValueFactory(kind=ValueKind.BUDGETED)
    url = reverse("admin:indicators_indicator_change", args=[value.indicator.pk])
    form = form_data(editor_client.get(url).content.decode())
    form.update(
        {
            "values-TOTAL_FORMS": "2",
            "values-1-budget": str(value.budget.pk),
            "values-1-kind": ValueKind.BUDGETED,
            "values-1-value": "12",
            "values-1-version": "1",
        }
    )
    response = editor_client.post(url, form)
    assert response.status_code == 200
    # The new row's empty year is the budget's own: the same as the first row's.
    assert (
        "Er staan twee waarden van dezelfde soort voor hetzelfde jaar uit dezelfde "
        "begroting. Per begroting, jaar en soort hoort er één waarde bij een "
        "indicator."
    ) in inline_errors(response)
    assert value.indicator.values.count() == 1
    # With a later year it is the budget's goal for that year.
    form["values-1-year"] = str(value.year + 1)
    response = editor_client.post(url, form)
    assert response.status_code == 302, inline_errors(response)
    assert sorted(value.indicator.values.values_list("year", flat=True)) == [
        value.year,
        value.year + 1,
    ]


def test_a_second_value_added_on_its_own_page_is_refused_in_dutch(editor_client):
    value = IndicatorValueFactory(kind=ValueKind.BUDGETED)
    response = editor_client.post(
        reverse("admin:indicators_indicatorvalue_add"),
        {
            "indicator": value.indicator.pk,
            "budget": value.budget.pk,
            "kind": ValueKind.BUDGETED,
            "value": "3",
            "version": "1",
        },
    )
    assert response.status_code == 200
    assert [str(e) for e in response.context["adminform"].form.non_field_errors()] == [
        "Deze indicator heeft in deze begroting al een waarde van deze soort voor "
        "dit jaar."
    ]


def test_a_key_figure_links_only_to_its_own_programme(editor_client):
    figure = KeyFigureFactory()
    elsewhere = ActionFactory()
    url = reverse("admin:programmes_keyfigure_change", args=[figure.pk])
    form = form_data(editor_client.get(url).content.decode())
    form.update(theme=str(elsewhere.theme.pk), action=str(elsewhere.pk))
    response = editor_client.post(url, form)
    assert field_errors(response, "theme") == [
        "Dit onderdeel hoort bij een ander programma."
    ]
    assert field_errors(response, "action") == [
        "Deze actie hoort bij een ander programma."
    ]
