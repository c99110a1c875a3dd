"""Notes and questions on a line of the table of lasten and baten: beside the money
for the member and their fractie, never for anyone else."""

import pytest

from money.models import FinancialFigure
from tests.admin.helpers import signed_in
from tests.html import page_text

pytestmark = pytest.mark.django_db

PAGE = "/programmas/2018/economie-werk-en-inkomen/"


@pytest.fixture
def costs_2018(programme):
    # The seed holds every programme of the Begroting 2018: the line of programme 1.
    return FinancialFigure.objects.get(
        programme=programme, document__year=2018, line="lasten", year=2018
    )


def test_a_note_on_a_line_of_the_money(client, member, colleague, opponent, costs_2018):
    writer = signed_in(member.user)
    response = writer.post(
        "/raad/notities/nieuw/",
        {
            "kind": "financialfigure",
            "target": costs_2018.pk,
            "text": "Waarom 1,8 miljoen meer lasten dan in 2017?",
            "visibility": "fractie",
            "next": PAGE,
        },
    )
    assert response.status_code == 302
    text = page_text(writer.get(PAGE))
    assert "Lasten 2018 (Begroting 2018)" in text
    assert "Waarom 1,8 miljoen meer lasten dan in 2017?" in text
    assert f'id="regel-{costs_2018.pk}"' in writer.get(PAGE).content.decode()
    # The fractie sees it; another fractie and the public do not.
    assert "Waarom 1,8 miljoen" in page_text(signed_in(colleague.user).get(PAGE))
    assert "Waarom 1,8 miljoen" not in page_text(signed_in(opponent.user).get(PAGE))
    assert "Waarom 1,8 miljoen" not in page_text(client.get(PAGE))


def test_a_question_on_a_line_of_a_draft_document_is_refused(
    member, programme, costs_2018
):
    from content.models import PublicationStatus
    from programmes.models import Budget

    hidden = FinancialFigure.objects.get(
        programme=programme, document__year=2017, line="lasten", year=2017
    )
    Budget.objects.filter(year=2017).update(publication_status=PublicationStatus.DRAFT)
    response = signed_in(member.user).post(
        "/raad/notities/nieuw/",
        {
            "kind": "financialfigure",
            "target": hidden.pk,
            "text": "Een notitie op iets wat niet openbaar is",
            "visibility": "private",
            "next": PAGE,
        },
    )
    assert response.status_code in (302, 400, 404)
    from council.models import Note

    assert not Note.objects.exists()
