"""The minimal public pages show the programme faithfully, in few queries."""

from django.urls import reverse

from content.models import PublicationStatus
from programmes.models import Action, Paragraph, Programme
from tests.html import normalise, page_text

PROGRAMME_URL = "/programmas/2018/economie-werk-en-inkomen/"


def test_home_shows_the_newest_budget_and_its_programmes(client, seed_data):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>\n        \n            Begroting 2018" in html
    assert PROGRAMME_URL in html


def test_programme_page_shows_themes_narrative_actions_and_agendas(client, seed_data):
    response = client.get(PROGRAMME_URL)
    assert response.status_code == 200
    text = page_text(response)
    assert "Programma 1 Economie, Werk en Inkomen" in text
    assert "Wat zijn de belangrijkste nieuwe ontwikkelingen in 2018?" in text
    for paragraph in Paragraph.objects.all():
        assert normalise(paragraph.text) in text
    for action in Action.objects.all():
        assert normalise(action.text) in text
        assert action.get_absolute_url() in response.content.decode()
    assert "groei van het MKB" in text
    assert "gemeentelijke focus" in text


def test_programme_page_follows_the_bbv_structure(client, seed_data):
    text = page_text(client.get(PROGRAMME_URL))
    headings = ["Wat willen we bereiken?", "Wat gaan we daarvoor doen?"]
    headings.append("Wat mag het kosten?")
    positions = [
        text.index(heading, text.index("Op deze pagina") + 200) for heading in headings
    ]
    assert positions == sorted(positions)


def test_first_use_of_an_abbreviation_is_explained(client, seed_data):
    html = client.get(PROGRAMME_URL).content.decode()
    assert html.count('<abbr title="midden- en kleinbedrijf">MKB</abbr>') == 1


def test_programme_page_shows_the_indicator_table_with_both_years(client, seed_data):
    html = client.get(PROGRAMME_URL).content.decode()
    assert "Begroting 2017" in html and "Begroting 2018" in html
    assert "6.500 bedrijfscontacten" in html
    assert "550 bedrijfsbezoeken" in html
    assert "gemeten in 2015" in html
    assert "17,3%" in html
    assert "geen waarde" in html
    assert "€ 7,50 per inwoner per jaar" in html
    assert "circa € 40.000" in html


def test_programme_url_uses_year_and_slug(seed_data):
    programme = Programme.objects.get(number=1)
    assert programme.get_absolute_url() == PROGRAMME_URL


def test_action_page_is_a_permalink_with_theme_lines_and_references(client, seed_data):
    action = Action.objects.get(references__code="NB 1.2")
    response = client.get(reverse("programmes:action_detail", args=[action.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Economie" in html
    assert "NB 1.2" in html and "18-NB-1.2" in html
    assert "€ 100.000 per jaar" in html
    assert "Gepland" in html


def test_indicator_page_shows_its_values(client, seed_data):
    response = client.get(
        "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "272 personen" in html and "332 personen" in html


def test_drafts_are_not_shown(client, seed_data):
    action = Action.objects.first()
    action.publication_status = PublicationStatus.DRAFT
    action.save()
    assert client.get(action.get_absolute_url()).status_code == 404
    assert action.text not in client.get(PROGRAMME_URL).content.decode()


def test_unknown_programme_is_a_404(client, seed_data):
    assert client.get("/programmas/2018/bestaat-niet/").status_code == 404
