"""The admin in Dutch form: years without a thousands separator, sums as
100.000,00, the import's preview with 8,9, messages without a wrong article
(issue 14)."""

import re

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from opendata.jobs import import_jobs_work
from programmes.models import Budget, KeyFigure
from tests.admin.helpers import form_data

pytestmark = pytest.mark.usefixtures("seed_data")

GROUPED_YEAR = re.compile(r"\b20\.1\d\b")


def test_years_have_no_thousands_separator_read_only_or_in_lists(
    editor_client, administrator_client
):
    budget = Budget.objects.get(year=2018)
    view = editor_client.get(
        reverse("admin:programmes_budget_change", args=[budget.pk])
    ).content.decode()
    assert '<div class="readonly">2018</div>' in view
    for client in (editor_client, administrator_client):
        for name in ("programmes_budget", "indicators_indicatorvalue"):
            html = client.get(reverse(f"admin:{name}_changelist")).content.decode()
            assert not GROUPED_YEAR.search(html), name
        url = reverse("admin:indicators_indicatorvalue_changelist")
        values = client.get(url).content.decode()
        assert '<td class="field-year_shown">2015</td>' in values
    # Sorting by the year still works on the column that shows it.
    sorted_list = administrator_client.get(
        reverse("admin:programmes_budget_changelist"), {"o": "2"}
    )
    assert sorted_list.status_code == 200


def test_sums_are_shown_and_read_in_dutch(administrator_client):
    figure = KeyFigure.objects.get(amount=100000)
    url = reverse("admin:programmes_keyfigure_change", args=[figure.pk])
    html = administrator_client.get(url).content.decode()
    assert 'value="100.000,00"' in html
    form = form_data(html)
    form["amount"] = "150.000,50"
    form["_save"] = "Opslaan"
    response = administrator_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    figure.refresh_from_db()
    assert str(figure.amount) == "150000.50"
    listed = administrator_client.get(reverse("admin:programmes_keyfigure_changelist"))
    assert "150.000,50" in listed.content.decode()


def test_the_import_preview_writes_numbers_in_dutch(administrator_client):
    content = (
        b"programma_begrotingsjaar;programma_nummer;indicator;eenheid;begrotingsjaar;"
        b"soort_waarde;waarde\r\n"
        b"2018;1;Werkloze jongeren;%;2018;Begroot;8,9\r\n"
        b"2018;1;Uitkeringen;uitkeringen;2018;Begroot;2.253,5\r\n"
    )
    file = SimpleUploadedFile("waarden.csv", content, "text/csv")
    response = administrator_client.post(
        "/admin/opendata/importrun/inlezen/", {"file": file}
    )
    # The upload is a job; the worker makes its preview (here in this process).
    assert import_jobs_work(once=True) == 1
    html = administrator_client.get(response["Location"]).content.decode()
    assert "Begroot: 8,9" in html and "Begroot: 2.253,5" in html
    assert "8.9" not in html and "2253.5" not in html


def test_messages_need_no_article(administrator_client):
    """Django's Dutch would say 'De onderdeel', 'De programma' (het onderdeel, het
    programma): the portal's wording needs no article."""
    from programmes.models import Theme

    theme = Theme.objects.first()
    url = reverse("admin:programmes_theme_change", args=[theme.pk])
    form = form_data(administrator_client.get(url).content.decode())
    form["_save"] = "Opslaan"
    response = administrator_client.post(url, form, follow=True)
    text = " ".join(str(m) for m in response.context["messages"])
    assert f'Gewijzigd: onderdeel ‘<a href="{url}">{theme}</a>’.' in text
    assert "De onderdeel" not in text and "De programma" not in text
