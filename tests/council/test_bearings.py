"""A member keeps their bearings (issue 21, item 9): every note and question names
its part with a link, the workspace shows one's questions with their state and
published answer, saves and log-outs are confirmed where a screen reader hears
them, the header leads back to the workspace and out, and the forms of the money
table sit at their lines."""

import re

import pytest

from council.models import NoteVisibility
from council.services import note_create, question_ask, question_update
from indicators.models import Indicator
from money.models import FinancialFigure
from programmes.models import Action
from tests.admin.helpers import signed_in
from tests.html import page_text

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db

PAGE = "/programmas/2018/economie-werk-en-inkomen/"


@pytest.fixture
def parts(programme, paragraph):
    return {
        "paragraph": paragraph,
        "action": Action.objects.public().filter(theme__programme=programme).first(),
        "indicator": Indicator.objects.public().filter(programme=programme).first(),
        "financialfigure": FinancialFigure.objects.get(
            programme=programme, document__year=2018, line="lasten", year=2018
        ),
    }


def link_to(html: str, href: str) -> str:
    """The text of the link to `href` (the first), or ""."""
    found = re.search(rf'<a href="{re.escape(href)}">(.*?)</a>', html, re.S)
    return " ".join(found.group(1).split()) if found else ""


def test_every_note_and_question_names_its_part_with_a_link(
    member, parts, programme, deadline
):
    for kind, part in parts.items():
        note_create(
            member=member,
            kind=kind,
            target_id=part.pk,
            text=f"Notitie bij {kind}",
            visibility=NoteVisibility.PRIVATE,
        )
        question_ask(member=member, kind=kind, target_id=part.pk, text=f"Vraag {kind}")
    client = signed_in(member.user)
    html = client.get("/raad/").content.decode()
    expected = {
        "paragraph": (
            f"{PAGE}#alinea-{parts['paragraph'].pk}",
            "Alinea: " + parts["paragraph"].text[:20],
        ),
        "action": (
            parts["action"].get_absolute_url(),
            "Actie: " + parts["action"].title,
        ),
        "indicator": (
            parts["indicator"].get_absolute_url(),
            "Beleidsindicator: " + str(parts["indicator"]),
        ),
        "financialfigure": (
            f"{PAGE}#regel-{parts['financialfigure'].pk}",
            "Financieel bedrag: Lasten 2018 (Begroting 2018)",
        ),
    }
    for kind, (href, text) in expected.items():
        shown = link_to(html, href)
        assert shown.startswith(text[:60]), (kind, shown)
        # Once for the note, once for the question.
        assert html.count(f'<a href="{href}">') == 2, kind
    # And on the note's own page.
    for note in member.user.council_notes.all():
        page = client.get(f"/raad/notities/{note.pk}/").content.decode()
        href, text = expected[note.target_kind]
        assert link_to(page, href).startswith(text[:60])


def test_the_workspace_shows_one_s_questions_with_state_and_published_answer(
    member, clerk, paragraph, deadline
):
    waiting = question_ask(
        member=member, kind="paragraph", target_id=paragraph.pk, text="Nog open?"
    )
    question_update(question=waiting, data={"answer": "Concept, nog niet klaar"})
    answered = question_ask(
        member=member, kind="paragraph", target_id=paragraph.pk, text="Hoeveel?"
    )
    question_update(question=answered, data={"answer": "Een ton.", "publish": True})
    text = page_text(signed_in(member.user).get("/raad/"))
    assert "Antwoord" in text
    assert "Een ton." in text
    assert "Nog geen gepubliceerd antwoord." in text
    # A draft answer is the editor's and the griffie's, not yet the member's.
    assert "Concept, nog niet klaar" not in text


def test_saves_and_log_outs_are_confirmed_for_screen_readers(member, paragraph):
    client = signed_in(member.user)
    response = client.post(
        "/raad/notities/nieuw/",
        {
            "kind": "paragraph",
            "target": paragraph.pk,
            "text": "Navragen",
            "visibility": "private",
            "next": PAGE,
        },
        follow=True,
    )
    status = re.search(
        r'<div class="messages" role="status">(.*?)</div>', _html(response), re.S
    )
    assert status and "Uw notitie is opgeslagen." in status.group(1)
    note = member.user.council_notes.get()
    response = client.post(
        f"/raad/notities/{note.pk}/",
        {"text": "Navragen bij de wethouder", "visibility": "fractie"},
        follow=True,
    )
    assert 'role="status"' in _html(response)
    assert "Uw notitie is opgeslagen." in page_text(response)
    response = client.post(f"/raad/notities/{note.pk}/", {"delete": "1"}, follow=True)
    assert "Uw notitie is verwijderd." in page_text(response)
    response = client.post("/raad/uitloggen/", follow=True)
    assert 'role="status"' in _html(response)
    assert "U bent uitgelogd." in page_text(response)
    # Shown once.
    assert "U bent uitgelogd." not in page_text(client.get("/raad/inloggen/"))


def _html(response) -> str:
    return response.content.decode()


def test_the_header_leads_a_member_back_to_the_workspace_and_out(
    client, member, clerk, programme
):
    def header(c):
        html = c.get(programme.get_absolute_url()).content.decode()
        return html.split("<header")[1].split("</header>")[0]

    own = header(signed_in(member.user))
    assert 'href="/raad/"' in own
    assert 'action="/raad/uitloggen/"' in own
    assert "Ingelogd als Anna de Vries" in own
    for other in (client, signed_in(clerk)):
        assert 'action="/raad/uitloggen/"' not in header(other)
    # Logged in through the form as well (the real session, not force_login).
    from django.test import Client

    browser = Client()
    browser.post("/raad/inloggen/", {"username": "anna", "password": PASSWORD})
    assert 'href="/raad/"' in header(browser)


def test_the_forms_of_the_money_table_sit_at_their_lines(member, parts):
    line = parts["financialfigure"]
    html = signed_in(member.user).get(PAGE).content.decode()
    table = html.split('<table class="money">')[1].split("</table>")[0]
    row = table.split(f'id="regel-{line.pk}"')[1]
    # The next row of the table is the line's own box, with its forms.
    following = row.split("</tr>", 1)[1].lstrip()
    assert following.startswith('<tr class="council-row">')
    box = following.split("</tr>")[0]
    assert 'name="kind" value="financialfigure"' in box
    assert f'name="target" value="{line.pk}"' in box
    # Nothing stacked under the table any more.
    after = html.split('<table class="money">')[1].split("</table>", 1)[1]
    assert 'value="financialfigure"' not in after
