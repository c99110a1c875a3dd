"""Agendas, glossary, the site-wide pages, security.txt and the changes feed."""

import re
from datetime import datetime, timedelta

import pytest

from django.utils import timezone

from programmes.models import Action, ActionLine, GlossaryTerm
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")


def test_agendas_list_their_lines_and_the_focus(client):
    text = page_text(client.get("/agendas/"))
    assert "Twente Werkt" in text and "Agenda voor Twente" in text
    assert "circulaire economie & duurzaamheid" in text
    assert text.count("gemeentelijke focus") == 3  # the intro and lines 2 and 3


def test_agenda_page_shows_which_actions_serve_each_line(client):
    response = client.get("/agendas/twente-werkt/")
    html = response.content.decode()
    line = ActionLine.objects.get(agenda__slug="twente-werkt", number=3)
    assert line.actions.exists()
    section = html.split('id="actielijn-3"')[1].split("</section>")[0]
    for action in line.actions.all():
        assert action.get_absolute_url() in section


def test_glossary_page_has_every_term(client):
    text = page_text(client.get("/begrippen/"))
    for term in GlossaryTerm.objects.all():
        assert term.term in text and term.meaning in text


@pytest.mark.parametrize(
    "path, heading",
    [
        ("/contact/", "Contact"),
        ("/privacy/", "Privacy"),
        ("/toegankelijkheid/", "Toegankelijkheid"),
        ("/kwetsbaarheid-melden/", "Kwetsbaarheid melden"),
    ],
)
def test_government_pages_are_linked_from_the_footer(client, path, heading):
    assert f'href="{path}"' in client.get("/").content.decode()
    assert f"<h1>{heading}</h1>" in client.get(path).content.decode()


def test_security_txt_follows_rfc_9116(client):
    response = client.get("/.well-known/security.txt")
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert re.search(r"^Contact: mailto:\S+@\S+$", body, re.M)
    expires = datetime.fromisoformat(re.search(r"^Expires: (.+)$", body, re.M)[1])
    assert timezone.now() < expires < timezone.now() + timedelta(days=366)


def test_changes_feed_lists_recent_changes(client):
    from indicators.models import Indicator

    # The seed's records all carry the seed's date; a changed indicator comes
    # before the other 30 (actions, parts, money) it would otherwise tie with.
    indicator = Indicator.objects.first()
    indicator.description = "Aangepast."
    indicator.save()
    action = Action.objects.get(title="XL Business Park")
    action.status = "in_progress"
    action.save()
    response = client.get("/wijzigingen/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    first_entry = body.split("<entry>")[1]
    assert "Actie: XL Business Park" in first_entry
    assert "Beleidsindicator:" in body
    assert 'rel="alternate"' in client.get("/").content.decode()


def test_changes_feed_announces_new_programmes_and_parts(client):
    from content.models import PublicationStatus
    from programmes.models import Budget
    from tests.programmes.factories import ProgrammeFactory, ThemeFactory

    budget = Budget.objects.get(year=2018)
    programme = ProgrammeFactory(
        budget=budget, number=10, title="Sociaal Domein", intro="Iedereen doet mee."
    )
    ThemeFactory(programme=programme, title="Meedoen")
    ThemeFactory(programme=programme, title="Nog niet af", publication_status="draft")
    ProgrammeFactory(
        budget=budget,
        number=11,
        title="Nog een concept",
        publication_status=PublicationStatus.DRAFT,
    )
    body = client.get("/wijzigingen/atom/").content.decode()
    entries = body.split("<entry>")[1:]
    titles = [re.search(r"<title>(.*?)</title>", e)[1] for e in entries]
    assert titles[:2] == [
        "Nieuw onderdeel: Meedoen",
        "Nieuw programma: Programma 10 Sociaal Domein",
    ]
    assert "/programmas/2018/sociaal-domein/#meedoen" in entries[0]
    assert "Iedereen doet mee." in entries[1]
    assert "Nog niet af" not in body and "Nog een concept" not in body


def test_home_shows_the_budget_programmes_highlights_and_search(client):
    response = client.get("/")
    text = page_text(response)
    assert "Begroting 2018 van de gemeente Hengelo" in text
    assert "Programma 1 Economie, Werk en Inkomen" in text
    assert "Beleidsindicatoren in het kort" in text
    assert 'role="search"' in response.content.decode()


def test_home_can_show_another_year_and_refuses_an_unknown_one(client):
    assert client.get("/", {"jaar": "2018"}).status_code == 200
    assert client.get("/", {"jaar": "1999"}).status_code == 404
