"""Editors keep the money of a programme in the admin: in the layout of the table,
with the rounding of published totals named, and every change on the page at once."""

import pytest

from django.urls import reverse

from money.models import FinancialFigure
from tests.admin.helpers import form_data
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

PAGE = "/programmas/2018/economie-werk-en-inkomen/"
LIST = reverse("admin:money_financialfigure_changelist")


def _filtered(document_year=2018):
    figure = FinancialFigure.objects.filter(document__year=document_year).first()
    return (
        f"{LIST}?programme__id__exact={figure.programme_id}"
        f"&document__id__exact={figure.document_id}"
    )


def test_the_list_is_the_table_in_the_budgets_order(editor_client):
    response = editor_client.get(_filtered())
    assert response.status_code == 200
    shown = [(f.line, f.year) for f in response.context["cl"].result_list]
    lines = [line for line, _year in shown]
    # Lines in the budget's order (lasten first, resultaat last), years ascending.
    assert lines[0] == "lasten" and lines[-1] == "resultaat"
    assert shown[:6] == [("lasten", year) for year in range(2016, 2022)]


def test_totals_that_differ_through_rounding_are_named(editor_client):
    text = page_text(editor_client.get(_filtered()))
    assert text.count("Controleer:") == 5
    assert (
        "Saldo van lasten en baten 2019: gepubliceerd 29.071 tekort, som van de "
        "regels 29.070 tekort (afronding in de bron)"
    ) in text


def test_an_amount_edited_in_the_list_shows_on_the_page_at_once(client, editor_client):
    client.get(PAGE)  # the page is cached now
    url = _filtered()
    form = form_data(editor_client.get(url).content.decode())
    figure = FinancialFigure.objects.get(
        programme__number=1, document__year=2018, line="lasten", year=2018
    )
    index = next(
        key.split("-")[1]
        for key, value in form.items()
        if key.endswith("-id") and value == str(figure.pk)
    )
    form[f"form-{index}-amount"] = "-71300"
    form["_save"] = "Opslaan"
    response = editor_client.post(url, form)
    assert response.status_code == 302, page_text(response)[:2000]
    figure.refresh_from_db()
    assert figure.amount == -71300 and figure.version == 2
    assert figure.history.count() >= 1
    assert "71.300" in page_text(client.get(PAGE))


def test_a_word_where_an_amount_belongs_is_refused(editor_client):
    url = _filtered()
    form = form_data(editor_client.get(url).content.decode())
    first_amount = next(key for key in form if key.endswith("-amount"))
    form[first_amount] = "veel"
    form["_save"] = "Opslaan"
    before = list(FinancialFigure.objects.values_list("amount", flat=True))
    response = editor_client.post(url, form)
    assert response.status_code == 200
    assert "Voer een getal in." in page_text(response)
    assert list(FinancialFigure.objects.values_list("amount", flat=True)) == before


def test_a_year_twice_in_one_document_is_refused(editor_client):
    figure = FinancialFigure.objects.filter(document__year=2018).first()
    response = editor_client.post(
        reverse("admin:money_financialfigure_add"),
        {
            "programme": figure.programme_id,
            "document": figure.document_id,
            "line": figure.line,
            "year": figure.year,
            "kind": figure.kind,
            "amount": "1",
            "unit": "x1000",
            "version": 1,
        },
    )
    assert response.status_code == 200
    assert "bestaat al" in page_text(response)
