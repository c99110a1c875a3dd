"""Technical questions: asked before the closing date on a published part, sent on
by the griffie, answered by an editor, published by the griffie, with e-mail at
each step through a real SMTP server, history, and no lost updates."""

import datetime

import pytest

from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from council.models import Note, Question, QuestionStatus
from council.selectors import day_and_time
from programmes.models import Paragraph, Theme
from tests.admin.helpers import form_data, signed_in
from tests.html import page_text

pytestmark = pytest.mark.django_db


def ask(client, target, text, kind="paragraph"):
    return client.post(
        "/raad/vragen/nieuw/",
        {"kind": kind, "target": target, "text": text, "next": "/"},
    )


def change(client, question, **fields):
    url = reverse("admin:council_question_change", args=[question.pk])
    data = form_data(client.get(url).content.decode())
    data.update(fields)
    return client.post(url, {k: v for k, v in data.items() if v is not None})


def assigned_on_dashboard(client) -> str:
    page = client.get("/admin/").content.decode()
    return page.split('id="dashboard-questions"')[1].split("</table>")[0]


def test_the_whole_flow_with_mail_through_smtp(
    smtp_server,
    member,
    clerk,
    editor,
    programme,
    paragraph,
    deadline,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(signed_in(member.user), paragraph.pk, "Hoeveel kost de pilot?")
    assert response.status_code == 200
    assert "Uw technische vraag is verstuurd" in page_text(response)
    question = Question.objects.get()
    assert (question.status, question.fractie, question.programme) == (
        QuestionStatus.RECEIVED,
        member.fractie,
        programme,
    )
    [received] = smtp_server.to("griffier@hengelo.nl")
    assert "Hoeveel kost de pilot?" in received["text"]
    assert "Anna de Vries (Rode Partij)" in received["text"]

    griffie = signed_in(clerk)
    with django_capture_on_commit_callbacks(execute=True):
        response = change(griffie, question, assigned_to=str(editor.pk))
    assert response.status_code == 302, page_text(response)
    question.refresh_from_db()
    assert question.status == QuestionStatus.ASSIGNED
    [assigned] = smtp_server.to("redacteur@hengelo.nl")
    assert "Hoeveel kost de pilot?" in assigned["text"]

    writer = signed_in(editor)
    assert "Hoeveel kost de pilot?" in assigned_on_dashboard(writer)
    with django_capture_on_commit_callbacks(execute=True):
        # Whatever the editor's form posts, she does not publish.
        response = change(
            writer,
            question,
            answer="Ongeveer 47.311 euro per jaar.",
            publish="on",
            _publish="1",
        )
    assert response.status_code == 302, page_text(response)
    question.refresh_from_db()
    assert question.published_at is None
    assert question.status == QuestionStatus.IN_PROGRESS
    assert smtp_server.to("anna@raad.hengelo.nl") == []
    assert "47.311" not in page_text(Client().get(programme.get_absolute_url()))

    with django_capture_on_commit_callbacks(execute=True):
        response = change(writer, question, _ready="1")
    assert response.status_code == 302, page_text(response)
    question.refresh_from_db()
    assert question.status == QuestionStatus.READY
    [_, ready] = smtp_server.to("griffier@hengelo.nl")
    assert "Ongeveer 47.311 euro per jaar." in ready["text"]
    assert "over alinea" in ready["text"] and "Begroting 2018" in ready["text"]
    front = griffie.get("/admin/").content.decode()
    waiting = front.split('id="dashboard-questions-ready"')[1].split("</table>")[0]
    assert "Hoeveel kost de pilot?" in waiting
    ready_list = griffie.get(
        reverse("admin:council_question_changelist"), {"status__exact": "ready"}
    )
    assert "Hoeveel kost de pilot?" in page_text(ready_list)

    with django_capture_on_commit_callbacks(execute=True):
        response = change(griffie, question, _publish="1")
    assert response.status_code == 302, page_text(response)
    question.refresh_from_db()
    assert question.status == QuestionStatus.PUBLISHED
    assert question.published_at is not None
    [answered] = smtp_server.to("anna@raad.hengelo.nl")
    assert "Ongeveer 47.311 euro per jaar." in answered["text"]
    assert "/technische-vragen/2018/#vraag-" in answered["text"]
    # Beside the paragraph, for everyone, and off the editor's dashboard.
    page = Client().get(programme.get_absolute_url()).content.decode()
    beside = page.split(f'id="alinea-{paragraph.pk}"')[1].split("</section>")[0]
    assert "Ongeveer 47.311 euro per jaar." in beside
    assert "Hoeveel kost de pilot?" not in assigned_on_dashboard(writer)

    # A plain "Opslaan" by the editor or the griffie changes nothing.
    with django_capture_on_commit_callbacks(execute=True):
        assert change(writer, question).status_code == 302
        assert change(griffie, question).status_code == 302
    question.refresh_from_db()
    assert question.published_at is not None
    assert question.status == QuestionStatus.PUBLISHED
    # A later change of the published answer: one more mail, saying so.
    with django_capture_on_commit_callbacks(execute=True):
        response = change(griffie, question, answer="Ongeveer 48.000 euro per jaar.")
    assert response.status_code == 302, page_text(response)
    [_, changed] = smtp_server.to("anna@raad.hengelo.nl")
    assert "gewijzigd" in changed["text"] and "48.000" in changed["text"]

    # Who received what, over the whole flow.
    assert [
        len(smtp_server.to(address))
        for address in (
            "anna@raad.hengelo.nl",
            "griffier@hengelo.nl",
            "redacteur@hengelo.nl",
        )
    ] == [2, 2, 1]
    # Who changed what and when.
    assert [r.history_user for r in question.history.order_by("history_date")] == [
        member.user,
        clerk,
        editor,
        editor,
        clerk,
        clerk,
    ]


def test_the_griffie_merges_a_duplicate_and_both_askers_hear_of_the_answer(
    smtp_server,
    member,
    opponent,
    clerk,
    editor,
    paragraph,
    deadline,
    django_capture_on_commit_callbacks,
):
    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    ask(signed_in(opponent.user), paragraph.pk, "Hoeveel geld is er nodig?")
    first, second = Question.objects.order_by("pk")
    griffie = signed_in(clerk)
    assert change(griffie, second, merged_into=str(first.pk)).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = change(griffie, first, answer="Een ton.", _publish="1")
    assert response.status_code == 302, page_text(response)
    assert smtp_server.to("anna@raad.hengelo.nl")
    assert smtp_server.to("carla@raad.hengelo.nl")
    page = page_text(Client().get("/technische-vragen/2018/"))
    assert "Anna de Vries (Rode Partij) en ook door Carla Smit (Blauwe Partij)" in page
    assert "Hoeveel geld is er nodig?" not in page
    assert [
        q["id"] for q in Client().get("/api/v1/technische-vragen/").json()["results"]
    ] == [first.pk]


def test_publishing_without_an_answer_is_refused(member, clerk, paragraph, deadline):
    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    question = Question.objects.get()
    response = change(signed_in(clerk), question, _publish="1")
    assert response.status_code == 200
    assert (
        "Een vraag zonder antwoord kan niet gepubliceerd of klaargezet worden."
        in page_text(response)
    )
    question.refresh_from_db()
    assert question.published_at is None


def test_two_who_opened_the_same_version_do_not_overwrite_each_other(
    member, clerk, editor, paragraph, deadline
):
    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    question = Question.objects.get()
    change(signed_in(clerk), question, assigned_to=str(editor.pk))
    url = reverse("admin:council_question_change", args=[question.pk])
    griffie, writer = signed_in(clerk), signed_in(editor)
    seen_by_griffie = form_data(griffie.get(url).content.decode())
    seen_by_editor = form_data(writer.get(url).content.decode())
    seen_by_editor["answer"] = "Antwoord van de redacteur."
    assert writer.post(url, seen_by_editor).status_code == 302
    seen_by_griffie["answer"] = "Antwoord van de griffie."
    response = griffie.post(url, seen_by_griffie)
    assert response.status_code == 200
    assert "Niet opgeslagen" in page_text(response)
    question.refresh_from_db()
    assert question.answer == "Antwoord van de redacteur."


def test_an_editor_opens_only_the_questions_assigned_to_them(
    member, editor, paragraph, deadline
):
    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    question = Question.objects.get()
    url = reverse("admin:council_question_change", args=[question.pk])
    response = signed_in(editor).get(url)
    assert response.status_code == 302  # the admin: "does not exist"
    assert "/admin/" in response["Location"]


# --- Closing date and bad input ----------------------------------------------------


def test_after_the_closing_date_no_question_is_taken(member, paragraph, deadline):
    deadline.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    deadline.save()
    client = signed_in(member.user)
    page = client.get(paragraph.theme.programme.get_absolute_url()).content.decode()
    assert "Technische vraag stellen" not in page
    assert "Notitie schrijven" in page
    # Where the form was, the round says it is closed, and since when.
    closed = "De ronde van technische vragen over Begroting 2018 is gesloten sinds"
    assert closed in page
    assert day_and_time(deadline.closes_at) in page
    response = ask(client, paragraph.pk, "Te laat?")
    assert response.status_code == 400
    assert closed + " " + day_and_time(deadline.closes_at) in page_text(response)
    assert "Te laat?" in page_text(response)  # what was typed is not lost
    assert not Question.objects.exists()


def test_without_a_closing_date_no_question_is_taken(member, paragraph):
    response = ask(signed_in(member.user), paragraph.pk, "Mag dit?")
    assert response.status_code == 400
    assert (
        "De ronde van technische vragen over Begroting 2018 is nog niet geopend"
        in page_text(response)
    )
    assert not Question.objects.exists()


def test_the_questions_page_shows_the_state_of_the_round(client, programme):
    from council.models import QuestionDeadline

    def shown():
        page = page_text(client.get("/technische-vragen/2018/"))
        return page.split("Vragenronde:")[1].split(".")[0]

    assert "nog niet geopend" in shown()
    closes = timezone.make_aware(datetime.datetime(2031, 11, 3, 17, 0))
    deadline = QuestionDeadline.objects.create(
        budget=programme.budget, closes_at=closes
    )
    assert (
        "Raadsleden kunnen technische vragen over Begroting 2018 stellen tot "
        "3 november 2031, 17:00" in page_text(client.get("/technische-vragen/2018/"))
    )
    deadline.closes_at = timezone.make_aware(datetime.datetime(2017, 11, 3, 17, 0))
    deadline.save()
    assert "is gesloten sinds 3 november 2017, 17:00" in page_text(
        client.get("/technische-vragen/2018/")
    )
    english = page_text(client.get("/en/technische-vragen/2018/"))
    assert "closed since 3 November 2017, 17:00" in english


def test_a_member_sees_until_when_the_round_is_open(member, paragraph, deadline):
    page = signed_in(member.user).get(paragraph.theme.programme.get_absolute_url())
    assert "Vragen kunnen gesteld worden tot" in page.content.decode()
    assert day_and_time(deadline.closes_at) in page.content.decode()


def test_an_empty_question_is_refused(member, paragraph, deadline):
    response = ask(signed_in(member.user), paragraph.pk, "   ")
    assert response.status_code == 400
    assert "Schrijf eerst uw vraag." in page_text(response)
    assert not Question.objects.exists()


def test_a_question_on_a_draft_part_is_refused(member, programme, deadline):
    theme = Theme.objects.filter(programme=programme).first()
    theme.publication_status = "draft"
    theme.save()
    draft = Paragraph.objects.filter(theme=theme).first()
    client = signed_in(member.user)
    for kind, target in [("paragraph", draft.pk), ("action", 999_999), ("budget", 1)]:
        response = ask(client, target, "Wat staat hier?", kind=kind)
        assert response.status_code == 400
        assert "bestaat niet of is nog niet gepubliceerd" in page_text(response)
    response = client.post(
        "/raad/notities/nieuw/",
        {"kind": "paragraph", "target": draft.pk, "text": "Notitie", "next": "/"},
    )
    assert response.status_code == 400
    assert not Question.objects.exists() and not Note.objects.exists()


def test_guessing_another_fractie_s_note_id_gives_nothing(
    member, colleague, opponent, paragraph
):
    note = Note.objects.create(
        author=member.user,
        text="Geheim van de Rode Partij",
        visibility="fractie",
        fractie=member.fractie,
        target_type=ContentType.objects.get_for_model(paragraph),
        target_id=paragraph.pk,
        programme=paragraph.theme.programme,
    )
    url = f"/raad/notities/{note.pk}/"
    for other in (opponent, colleague):  # a shared note is still hers to change
        client = signed_in(other.user)
        response = client.get(url)
        assert response.status_code == 404
        assert "Deze notitie bestaat niet of is niet van u." in page_text(response)
        assert "Geheim" not in page_text(response)
        response = client.post(url, {"delete": "1"})
        assert response.status_code == 404
        response = client.post(url, {"text": "Overschreven", "visibility": "private"})
        assert response.status_code == 404
    note.refresh_from_db()
    assert note.text == "Geheim van de Rode Partij"
    assert signed_in(member.user).get(url).status_code == 200


def test_a_member_changes_and_removes_her_own_note(member, paragraph):
    client = signed_in(member.user)
    client.post(
        "/raad/notities/nieuw/",
        {
            "kind": "paragraph",
            "target": paragraph.pk,
            "text": "Eerste gedachte",
            "visibility": "private",
            "next": "/",
        },
    )
    note = Note.objects.get()
    url = f"/raad/notities/{note.pk}/"
    response = client.post(url, {"text": "", "visibility": "private"})
    assert response.status_code == 400
    assert "Een notitie kan niet leeg zijn." in page_text(response)
    response = client.post(url, {"text": "Tweede gedachte", "visibility": "fractie"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert (note.text, note.visibility) == ("Tweede gedachte", "fractie")
    assert client.post(url, {"delete": "1"}).status_code == 302
    assert not Note.objects.exists()


def test_a_member_downloads_her_notes_as_csv_and_xlsx(member, paragraph):
    import io

    from openpyxl import load_workbook

    Note.objects.create(
        author=member.user,
        text="Vragen over de pilot",
        target_type=ContentType.objects.get_for_model(paragraph),
        target_id=paragraph.pk,
        programme=paragraph.theme.programme,
    )
    client = signed_in(member.user)
    csv = client.get("/raad/notities.csv")
    assert csv["Content-Disposition"] == 'attachment; filename="notities.csv"'
    assert "no-store" in csv["Cache-Control"]
    assert "Access-Control-Allow-Origin" not in csv
    text = csv.content.decode()
    assert "Vragen over de pilot" in text and "Alleen voor mij" in text
    assert f"#alinea-{paragraph.pk}" in text
    xlsx = client.get("/raad/notities.xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert "Vragen over de pilot" in [c.value for c in sheet[2]]
    assert Client().get("/raad/notities.csv").status_code == 403


def test_notes_and_answers_beside_an_action_and_an_indicator(
    member, clerk, programme, deadline
):
    from council.services import question_update
    from indicators.models import Indicator
    from programmes.models import Action

    action = Action.objects.public().filter(theme__programme=programme).first()
    indicator = Indicator.objects.public().filter(programme=programme).first()
    client = signed_in(member.user)
    for kind, part in (("action", action), ("indicator", indicator)):
        response = client.post(
            "/raad/notities/nieuw/",
            {
                "kind": kind,
                "target": part.pk,
                "text": f"Notitie bij {kind}",
                "visibility": "private",
                "next": part.get_absolute_url(),
            },
        )
        assert response.status_code == 302
        assert response["Location"].startswith(part.get_absolute_url() + "#notitie-")
        ask(client, part.pk, f"Vraag bij {kind}", kind=kind)
        question = Question.objects.get(text=f"Vraag bij {kind}")
        question_update(
            question=question,
            data={"answer": f"Antwoord bij {kind}", "publish": True},
        )
        mine = page_text(client.get(part.get_absolute_url()))
        assert f"Notitie bij {kind}" in mine and f"Antwoord bij {kind}" in mine
        public = page_text(Client().get(part.get_absolute_url()))
        assert f"Notitie bij {kind}" not in public and f"Antwoord bij {kind}" in public
    workspace = client.get("/raad/").content.decode()
    assert f'href="{action.get_absolute_url()}"' in workspace
    assert f'href="{indicator.get_absolute_url()}"' in workspace


def test_a_published_answer_is_changed_by_the_griffie_only(
    member, clerk, editor, paragraph, deadline
):
    from council.services import question_update

    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    question = Question.objects.get()
    question_update(
        question=question,
        data={"assigned_to": editor, "answer": "Een ton.", "publish": True},
    )
    url = reverse("admin:council_question_change", args=[question.pk])
    form = signed_in(editor).get(url).content.decode()
    assert 'name="answer"' not in form
    signed_in(editor).post(url, {**form_data(form), "answer": "Twee ton."})
    question.refresh_from_db()
    assert question.answer == "Een ton."
    assert 'name="answer"' in signed_in(clerk).get(url).content.decode()


def test_a_round_about_to_close_is_not_kept_open_in_the_page_cache(programme):
    from council.models import QuestionDeadline

    QuestionDeadline.objects.create(
        budget=programme.budget,
        closes_at=timezone.now() + datetime.timedelta(seconds=90),
    )
    response = Client().get("/technische-vragen/2018/")
    assert "max-age=" in response["Cache-Control"]
    assert int(response["Cache-Control"].split("max-age=")[1]) <= 90
    assert getattr(response, "portal_cache", "none") == "none"
