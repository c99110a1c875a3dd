"""The council's pages, downloads and API run the same number of queries however
many questions and notes there are."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from council.models import Note, NoteVisibility, Question, QuestionStatus
from programmes.models import Action, Paragraph
from tests.admin.helpers import signed_in

pytestmark = pytest.mark.django_db


def grow(size, *, members, programme):
    """`size` published questions (each with a duplicate) and notes per member,
    on paragraphs, the programme and an action."""
    paragraphs = list(Paragraph.objects.filter(theme__programme=programme))
    action = Action.objects.filter(theme__programme=programme).first()
    # Every kind of part from the start: a page reads the parts of its notes
    # with one query per kind (prefetch_related of a generic relation).
    targets = [programme, action, *paragraphs]
    for number in range(size):
        target = targets[number % len(targets)]
        where = {
            "target_type": ContentType.objects.get_for_model(target),
            "target_id": target.pk,
            "programme": programme,
        }
        for member in members:
            asked = Question.objects.create(
                asker=member.user,
                fractie=member.fractie,
                text=f"Vraag {number}",
                answer="Antwoord",
                status=QuestionStatus.PUBLISHED,
                published_at=timezone.now(),
                **where,
            )
            Question.objects.create(
                asker=member.user,
                fractie=member.fractie,
                text=f"Dubbel {number}",
                merged_into=asked,
                **where,
            )
            Note.objects.create(author=member.user, text=f"Notitie {number}", **where)
            Note.objects.create(
                author=member.user,
                text=f"Gedeeld {number}",
                visibility=NoteVisibility.FRACTIE,
                fractie=member.fractie,
                **where,
            )


def queries(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(captured)


PUBLIC = [
    "/programmas/2018/economie-werk-en-inkomen/",
    "/technische-vragen/2018/",
    "/open-data/technische-vragen.csv",
    "/api/v1/technische-vragen/",
    "/wijzigingen/atom/",
]
MEMBER = [*PUBLIC, "/raad/", "/raad/notities.xlsx", "/acties/1/"]


def test_queries_stay_the_same_as_questions_and_notes_grow(
    member, colleague, programme, deadline
):
    anonymous, signed = Client(), signed_in(member.user)
    members = [member, colleague]
    # What pages keep past changes of other content (the glossary) is read
    # before counting.
    queries(anonymous, PUBLIC[0])
    grow(3, members=members, programme=programme)
    small = {("anonymous", path): queries(anonymous, path) for path in PUBLIC} | {
        ("member", path): queries(signed, path) for path in MEMBER
    }
    grow(15, members=members, programme=programme)
    # The public pages are cached after a first visit: the cache is emptied by
    # the writes above (a new content version), so each is rendered again.
    large = {("anonymous", path): queries(anonymous, path) for path in PUBLIC} | {
        ("member", path): queries(signed, path) for path in MEMBER
    }
    assert large == small
    assert max(small.values()) <= 30


def without_savepoints(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200, path
    return sum("SAVEPOINT" not in q["sql"] for q in captured)


def test_programme_page_with_questions_and_notes(
    member, colleague, programme, deadline
):
    """Issue 24 and 26: at most 10 queries for the public programme page, also
    with published questions (and their merged duplicates) beside the text. A
    signed-in member's page adds 5: the session, the account, the member, the
    notes and the question round's closing date."""
    path = PUBLIC[0]
    queries(Client(), path)
    grow(15, members=[member, colleague], programme=programme)
    assert without_savepoints(Client(), path) <= 10
    assert without_savepoints(signed_in(member.user), path) <= 15
