"""The published questions and answers in the API (with their place in the
OpenAPI schema) and as open data downloads."""

import io

import pytest
from openpyxl import load_workbook

from django.core.management import call_command
from django.test import Client

from council.models import Question
from council.services import question_update
from tests.admin.helpers import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(member, colleague, clerk, paragraph, deadline):
    from tests.council.test_questions import ask

    ask(signed_in(member.user), paragraph.pk, "Wat kost de pilot?")
    ask(signed_in(colleague.user), paragraph.pk, "Wat kost het?")
    ask(signed_in(member.user), paragraph.pk, "Nog niet beantwoord")
    first, second, _open = Question.objects.order_by("pk")
    question_update(question=second, data={"merged_into": first})
    first.refresh_from_db()
    question_update(question=first, data={"answer": "Een ton.", "publish": True})
    return first


def test_the_api_lists_published_questions_with_who_asked(answered, paragraph):
    data = Client().get("/api/v1/technische-vragen/").json()
    assert data["count"] == 1
    [item] = data["results"]
    assert item["text"] == "Wat kost de pilot?"
    assert item["answer"] == "Een ton."
    assert item["status"] == "published"
    assert item["part"] == "paragraph" and item["target_id"] == paragraph.pk
    assert item["asked_by"] == {"name": "Anna de Vries", "fractie": "Rode Partij"}
    assert item["also_asked_by"] == [{"name": "Bert Jansen", "fractie": "Rode Partij"}]
    assert item["budget_year"] == 2018
    one = Client().get(f"/api/v1/technische-vragen/{answered.pk}/").json()
    assert one == item
    unpublished = Question.objects.get(text="Nog niet beantwoord")
    response = Client().get(f"/api/v1/technische-vragen/{unpublished.pk}/")
    assert response.status_code == 404
    filtered = Client().get("/api/v1/technische-vragen/", {"begrotingsjaar": 2019})
    assert filtered.json()["count"] == 0
    # ?programma= is the programme's number or address, as on every list.
    programme = paragraph.theme.programme
    for name, count in ((programme.number, 1), (programme.slug, 1), (8, 0)):
        filtered = Client().get("/api/v1/technische-vragen/", {"programma": name})
        assert filtered.json()["count"] == count


def test_the_schema_describes_the_questions(tmp_path):
    schema = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(schema))
    text = schema.read_text()
    assert "/api/v1/technische-vragen/" in text
    assert "Het raadslid en de fractie die de vraag stelden." in text


def test_downloads_as_csv_and_xlsx(answered):
    csv = Client().get("/open-data/technische-vragen.csv", {"jaar": 2018})
    assert csv.status_code == 200
    text = csv.content.decode()
    assert text.splitlines()[0].startswith("nummer,begrotingsjaar,programma,onderdeel")
    assert "Wat kost de pilot?" in text and "Een ton." in text
    assert "Bert Jansen (Rode Partij)" in text and "Gepubliceerd" in text
    assert "Nog niet beantwoord" not in text
    xlsx = Client().get("/open-data/technische-vragen.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [c.value for c in sheet[2]][5] == "Wat kost de pilot?"
    assert sheet.max_row == 2
    bad = Client().get("/open-data/technische-vragen.csv", {"jaar": "vorig"})
    assert bad.status_code == 400
    assert "is geen jaartal" in bad.content.decode()


def test_the_feed_names_the_question_and_its_answer(answered):
    feed = Client().get("/wijzigingen/atom/").content.decode()
    assert "Technische vraag: Wat kost de pilot?" in feed
    assert "Antwoord: Een ton." in feed
    assert "Nog niet beantwoord" not in feed


def test_who_asked_is_followed_by_the_colon_without_a_space(answered, programme):
    """ "(Rode Partij): Wat kost …", not "(Rode Partij) : …" (issue 21, item 11)."""
    from tests.html import page_text

    text = page_text(Client().get(programme.get_absolute_url()))
    assert "van Anna de Vries (Rode Partij): Wat kost de pilot?" in text
    assert "(Rode Partij) :" not in text
