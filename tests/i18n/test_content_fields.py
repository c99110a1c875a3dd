"""The English versions of budget titles, agenda names and descriptions, action
lines, sums, references, indicator sources and value notes: shown on English
pages where filled, Dutch with the note where not, and kept in the history and
the version check like every other field."""

import re

import pytest

from django.urls import reverse
from django.utils import translation

from indicators.models import Indicator, IndicatorValue
from programmes.models import ActionLine, Agenda, Budget, KeyFigure, Reference
from tests.admin.helpers import form_data
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

NOTE = '<small class="only-in-dutch" lang="en">(Only in Dutch)</small>'


def fill_in_english():
    """English for the seed's Twente Werkt, its first line and action 1's sums."""
    agenda = Agenda.objects.get(slug="twente-werkt")
    agenda.name_en = "Twente Works"
    agenda.description_en = "The document with the principles of working together."
    agenda.save()
    line = agenda.lines.get(number=1)
    line.title_en = "a strong High Tech Systems and Materials sector"
    line.save()
    figure = KeyFigure.objects.get(pk=1)
    figure.label_en = "Yearly budget for working together in Twente"
    figure.save()
    reference = Reference.objects.get(pk=1)
    reference.description_en = "New policy intentions of the 2016 budget"
    reference.save()
    budget = Budget.objects.get(year=2018)
    budget.title_en = "Budget 2018"
    budget.save()


def test_english_pages_show_the_english_versions(client):
    fill_in_english()
    agenda = client.get("/en/agendas/twente-werkt/").content.decode()
    assert "<h1>Twente Works</h1>" in agenda
    assert '<p class="lead">The document with the principles' in agenda
    assert "1. a strong High Tech Systems and Materials sector" in agenda
    assert re.search(r"<title>\s*Twente Works –", agenda)

    action = client.get("/en/acties/1/").content.decode()
    assert "<dt>Yearly budget for working together in Twente</dt>" in action
    assert "(New policy intentions of the 2016 budget)" in action
    assert "Budget 2018</p>" in action.replace("\n", "").replace("    ", "")

    home = page_text(client.get("/en/"))
    assert "Budget 2018 of the municipality of Hengelo" in home
    programme = client.get("/en/programmas/2018/economie-werk-en-inkomen/")
    text = page_text(programme)
    assert "Twente Works" in text
    assert "Yearly budget for working together in Twente" in text


def test_dutch_pages_keep_the_dutch_when_english_is_filled_in(client):
    fill_in_english()
    agenda = client.get("/agendas/twente-werkt/").content.decode()
    assert "<h1>Twente Werkt</h1>" in agenda
    assert "Twente Works" not in agenda
    action = page_text(client.get("/acties/1/"))
    assert "Jaarlijks budget voor samenwerking" in action
    assert "Yearly budget" not in action
    assert "Begroting 2018 van de gemeente Hengelo" in page_text(client.get("/"))


def test_without_english_the_dutch_shows_with_the_note(client):
    agenda = client.get("/en/agendas/twente-werkt/").content.decode()
    assert f'<h1><span lang="nl">Twente Werkt</span> {NOTE}</h1>' in agenda
    line = ActionLine.objects.get(agenda__slug="twente-werkt", number=1)
    assert f'<span lang="nl">{line.title}</span> {NOTE}' in agenda

    action = client.get("/en/acties/1/").content.decode()
    figure = KeyFigure.objects.get(pk=1)
    assert f'<dt><span lang="nl">{figure.label}</span> {NOTE}</dt>' in action


def test_a_budget_title_inside_a_heading_is_marked_dutch_without_a_note(client):
    """'Begroting 2018 (Only in Dutch) of the municipality …' would read badly."""
    home = client.get("/en/").content.decode()
    heading = home.split("<h1>")[1].split("</h1>")[0]
    assert '<span lang="nl">Begroting 2018</span>' in heading
    assert "Only in Dutch" not in heading


def test_indicator_source_and_value_note_in_english(client):
    indicator = Indicator.objects.get(slug="uitstroom-overig")
    indicator.source = "Eigen registratie"
    indicator.source_en = "Own records"
    indicator.save()
    value = IndicatorValue.objects.filter(indicator=indicator).first()
    value.note = "voorlopig cijfer"
    value.note_en = "provisional figure"
    value.save()
    english = page_text(client.get("/en/indicatoren/uitstroom-overig/"))
    assert "Source: Own records" in english
    assert "provisional figure" in english
    dutch = page_text(client.get("/indicatoren/uitstroom-overig/"))
    assert "Bron: Eigen registratie" in dutch
    assert "voorlopig cijfer" in dutch


def test_str_follows_the_page_language():
    fill_in_english()
    agenda = Agenda.objects.get(slug="twente-werkt")
    line = agenda.lines.get(number=1)
    with translation.override("en"):
        assert str(agenda) == "Twente Works"
        assert str(line).startswith("Twente Works 1. a strong High Tech")
    with translation.override("nl"):
        assert str(agenda) == "Twente Werkt"
        assert str(line).startswith("Twente Werkt 1. een sterke sector")


def test_an_english_field_is_kept_in_the_history(admin_client):
    agenda = Agenda.objects.get(slug="twente-werkt")
    url = reverse("admin:programmes_agenda_change", args=[agenda.pk])
    data = form_data(admin_client.get(url).content.decode())
    data["name_en"] = "Twente Works"
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()
    newest, previous = agenda.history.all()[:2]
    assert newest.name_en == "Twente Works"
    assert previous.name_en == ""
    history = admin_client.get(
        reverse("admin:programmes_agenda_history", args=[agenda.pk])
    )
    assert "Twente Works" in history.content.decode()


def test_a_stale_english_edit_is_refused_with_what_changed(admin_client, client):
    figure = KeyFigure.objects.get(pk=1)
    url = reverse("admin:programmes_keyfigure_change", args=[figure.pk])
    first = form_data(admin_client.get(url).content.decode())
    second = dict(first)
    first["label_en"] = "Yearly budget"
    assert admin_client.post(url, first).status_code == 302
    second["label_en"] = "Annual budget"
    response = admin_client.post(url, second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Niet opgeslagen" in html
    change = re.search(r"<li>Omschrijving \(Engels\):([^<]*)</li>", html)
    assert change and change.group(1).endswith("→ Yearly budget")
    figure.refresh_from_db()
    assert figure.label_en == "Yearly budget"
