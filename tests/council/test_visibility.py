"""Who sees what of the council's workspace: every kind of user against every
surface, for private notes, fractie notes, unpublished and published questions.
Only those who should see something see it."""

import re

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from council.models import Note, NoteVisibility, Question, QuestionStatus
from tests.admin.helpers import signed_in
from web.caching import page_key

pytestmark = pytest.mark.django_db

# One word per kind of thing, so that a page's text shows which it holds.
PRIVATE = "Privéwoordnotitie"
SHARED = "Fractiewoordnotitie"
UNPUBLISHED = "Onbeantwoordwoordvraag"
PUBLISHED = "Gepubliceerdwoordvraag"
ANSWER = "Antwoordwoordgepubliceerd"
EVERYTHING = (PRIVATE, SHARED, UNPUBLISHED, PUBLISHED, ANSWER)


@pytest.fixture
def workspace(member, colleague, opponent, clerk, editor, programme, paragraph):
    """Anna's private and shared notes, her unpublished question (assigned to the
    editor) and her published question, all beside one paragraph."""
    target = {
        "target_type": ContentType.objects.get_for_model(paragraph),
        "target_id": paragraph.pk,
        "programme": programme,
    }
    Note.objects.create(author=member.user, text=PRIVATE, **target)
    Note.objects.create(
        author=member.user,
        text=SHARED,
        visibility=NoteVisibility.FRACTIE,
        fractie=member.fractie,
        **target,
    )
    Question.objects.create(
        asker=member.user,
        fractie=member.fractie,
        text=UNPUBLISHED,
        assigned_to=editor,
        status=QuestionStatus.IN_PROGRESS,
        answer="Concept van een antwoord",
        **target,
    )
    Question.objects.create(
        asker=member.user,
        fractie=member.fractie,
        text=PUBLISHED,
        answer=ANSWER,
        status=QuestionStatus.PUBLISHED,
        published_at=timezone.now(),
        **target,
    )


def surfaces(client, programme) -> dict[str, str]:
    """What each surface of the portal shows this client, as text."""
    shown = {
        "programme page": client.get(programme.get_absolute_url()),
        "questions page": client.get("/technische-vragen/2018/"),
        "workspace": client.get("/raad/", follow=True),
        "feed": client.get("/wijzigingen/atom/"),
        "questions download": client.get("/open-data/technische-vragen.csv"),
        "questions download xlsx": client.get("/open-data/technische-vragen.json"),
        "notes download": client.get("/raad/notities.csv"),
        "API": client.get("/api/v1/technische-vragen/"),
        "admin": client.get("/admin/council/question/", follow=True),
    }
    texts = {name: response.content.decode() for name, response in shown.items()}
    for word in EVERYTHING:
        # The search page repeats the query: only what it found counts.
        found = client.get("/zoeken/", {"q": word}).content.decode()
        texts[f"search {word}"] = " ".join(re.findall(r"<mark>(.*?)</mark>", found))
    return texts


def seen(client, programme) -> dict[str, set]:
    return {
        word: {
            name for name, text in surfaces(client, programme).items() if word in text
        }
        for word in EVERYTHING
    }


PUBLIC = {
    "programme page",
    "questions page",
    "feed",
    "questions download",
    "questions download xlsx",
    "API",
    f"search {PUBLISHED}",
}
# Search finds a question by its answer too, but marks only words of the question
# (test_search_finds_a_published_question_by_its_answer).
PUBLIC_ANSWER = PUBLIC - {f"search {PUBLISHED}"}


def test_anonymous_sees_published_questions_only(workspace, programme):
    assert seen(Client(), programme) == {
        PRIVATE: set(),
        SHARED: set(),
        UNPUBLISHED: set(),
        PUBLISHED: PUBLIC,
        ANSWER: PUBLIC_ANSWER,
    }


def test_the_author_sees_her_notes_and_questions(workspace, member, programme):
    own = {"programme page", "workspace", "notes download"}
    assert seen(signed_in(member.user), programme) == {
        PRIVATE: own,
        SHARED: own,
        UNPUBLISHED: {"workspace"},  # her own questions, with their status
        PUBLISHED: PUBLIC | {"workspace"},
        ANSWER: PUBLIC_ANSWER | {"workspace"},  # and their published answers
    }


def test_a_member_of_the_same_fractie_sees_the_shared_note_only(
    workspace, colleague, programme
):
    assert seen(signed_in(colleague.user), programme) == {
        PRIVATE: set(),
        SHARED: {"programme page", "workspace", "notes download"},
        UNPUBLISHED: set(),
        PUBLISHED: PUBLIC,
        ANSWER: PUBLIC_ANSWER,
    }


def test_a_member_of_another_fractie_sees_no_note(workspace, opponent, programme):
    assert seen(signed_in(opponent.user), programme) == {
        PRIVATE: set(),
        SHARED: set(),
        UNPUBLISHED: set(),
        PUBLISHED: PUBLIC,
        ANSWER: PUBLIC_ANSWER,
    }


def test_the_assigned_editor_sees_the_question_in_the_admin_but_no_note(
    workspace, editor, programme
):
    assert seen(signed_in(editor), programme) == {
        PRIVATE: set(),
        SHARED: set(),
        UNPUBLISHED: {"admin"},
        PUBLISHED: PUBLIC,
        ANSWER: PUBLIC_ANSWER,
    }


def test_another_editor_sees_no_unpublished_question(workspace, programme):
    from accounts.staff import portal_user_create

    other = portal_user_create(
        username="andere", role="redacteur", password="Begroting-Hengelo-2018"
    )
    assert seen(signed_in(other), programme)[UNPUBLISHED] == set()


def test_the_griffie_sees_every_question_but_no_note(workspace, clerk, programme):
    assert seen(signed_in(clerk), programme) == {
        PRIVATE: set(),
        SHARED: set(),
        UNPUBLISHED: {"admin"},
        PUBLISHED: PUBLIC | {"admin"},
        ANSWER: PUBLIC_ANSWER,
    }


def test_an_administrator_sees_no_note_and_no_unpublished_question(
    workspace, administrator, programme
):
    assert seen(signed_in(administrator), programme) == {
        PRIVATE: set(),
        SHARED: set(),
        UNPUBLISHED: set(),
        PUBLISHED: PUBLIC,
        ANSWER: PUBLIC_ANSWER,
    }


def test_search_finds_a_published_question_by_its_answer(workspace):
    found = Client().get("/zoeken/", {"q": ANSWER}).content.decode()
    published = Question.objects.get(text=PUBLISHED)
    assert published.get_absolute_url() in found
    draft = Client().get("/zoeken/", {"q": "Concept van een antwoord"}).content
    assert "technische-vragen" not in draft.decode()


# --- The page cache ----------------------------------------------------------------


def cached_entries(request_path) -> list[bytes]:
    from django.test import RequestFactory

    request = RequestFactory().get(request_path)
    return [
        entry[1][0]
        for gzip in (True, False)
        if (entry := cache.get(page_key(request, gzip=gzip))) is not None
    ]


def test_nothing_personal_enters_the_page_cache(workspace, member, programme):
    path = programme.get_absolute_url()
    response = signed_in(member.user).get(path)
    assert PRIVATE in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert cached_entries(path) == []
    # The public's page is stored, without any note, and stays so.
    public = Client().get(path)
    assert public.portal_cache == "miss"
    assert [PRIVATE in e.decode() for e in cached_entries(path)] == [False]
    again = signed_in(member.user).get(path)
    assert getattr(again, "portal_cache", "none") == "none"
    assert PRIVATE in again.content.decode()
    for entry in cached_entries(path):
        assert PRIVATE not in entry.decode() and SHARED not in entry.decode()


def test_nothing_personal_comes_out_of_the_page_cache(workspace, member, programme):
    path = programme.get_absolute_url()
    Client().get(path)  # stored for the public
    response = signed_in(member.user).get(path)
    assert getattr(response, "portal_cache", "none") == "none"
    assert PRIVATE in response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    hit = Client().get(path)
    assert hit.portal_cache == "hit"
    assert PRIVATE not in hit.content.decode()
    assert "csrfmiddlewaretoken" not in hit.content.decode()


def test_a_published_answer_reaches_the_cached_page_at_once(
    workspace, clerk, programme
):
    from council.services import question_update

    path = programme.get_absolute_url()
    assert UNPUBLISHED not in Client().get(path).content.decode()
    assert Client().get(path).portal_cache == "hit"
    question = Question.objects.get(text=UNPUBLISHED)
    question_update(question=question, data={"publish": True})
    response = Client().get(path)
    assert response.portal_cache == "miss"
    assert UNPUBLISHED in response.content.decode()


# --- A member moving to another fractie (issue 21, item 5) ------------------------


def move(member, fractie):
    """The griffie moves a member, as the README says: in the admin."""
    from django.contrib.auth import get_user_model

    from tests.admin.helpers import form_data

    clerk = get_user_model().objects.get(username="griffier")
    client = signed_in(clerk)
    url = f"/admin/council/councilmember/{member.pk}/change/"
    data = form_data(client.get(url).content.decode())
    data["fractie"] = str(fractie.pk)
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    member.refresh_from_db()
    assert member.fractie == fractie
    return response


def test_a_shared_note_stays_with_its_fractie_when_its_author_moves(
    workspace, member, colleague, opponent, fracties, programme
):
    move(member, fracties[1])
    own = {"programme page", "workspace", "notes download"}
    # The old fractie keeps the note; the new one does not get it.
    assert seen(signed_in(colleague.user), programme)[SHARED] == own
    assert seen(signed_in(opponent.user), programme)[SHARED] == set()
    # The author still reads her own notes.
    assert seen(signed_in(member.user), programme)[SHARED] == own


def test_a_member_who_moves_loses_the_notes_of_the_old_fractie(
    workspace, member, colleague, opponent, fracties, paragraph, programme
):
    from council.services import note_create

    note_create(
        member=colleague,
        kind="paragraph",
        target_id=paragraph.pk,
        text="Gedeeld door Bert",
        visibility=NoteVisibility.FRACTIE,
    )
    note_create(
        member=opponent,
        kind="paragraph",
        target_id=paragraph.pk,
        text="Gedeeld door Carla",
        visibility=NoteVisibility.FRACTIE,
    )
    anna = signed_in(member.user)
    assert "Gedeeld door Bert" in anna.get("/raad/").content.decode()
    move(member, fracties[1])
    member.refresh_from_db()
    workspace_page = anna.get("/raad/").content.decode()
    assert "Gedeeld door Bert" not in workspace_page
    assert "Gedeeld door Carla" in workspace_page
    # What she shares from now on, her new fractie reads, her old one does not.
    note_create(
        member=member,
        kind="paragraph",
        target_id=paragraph.pk,
        text="Gedeeld na de overstap",
        visibility=NoteVisibility.FRACTIE,
    )
    assert "Gedeeld na de overstap" in (
        signed_in(opponent.user).get("/raad/").content.decode()
    )
    assert "Gedeeld na de overstap" not in (
        signed_in(colleague.user).get("/raad/").content.decode()
    )


def test_changing_an_old_note_after_a_move_keeps_it_with_its_fractie(
    workspace, member, colleague, opponent, fracties
):
    from council.services import note_update

    move(member, fracties[1])
    member.refresh_from_db()
    note = Note.objects.get(text=SHARED)
    note_update(
        member=member,
        note_id=note.pk,
        text=SHARED + " (aangevuld)",
        visibility=NoteVisibility.FRACTIE,
    )
    assert SHARED in signed_in(colleague.user).get("/raad/").content.decode()
    assert SHARED not in signed_in(opponent.user).get("/raad/").content.decode()
    # Made private and shared again: now with the fractie she is in.
    for visibility in (NoteVisibility.PRIVATE, NoteVisibility.FRACTIE):
        note_update(member=member, note_id=note.pk, text=SHARED, visibility=visibility)
    assert SHARED not in signed_in(colleague.user).get("/raad/").content.decode()
    assert SHARED in signed_in(opponent.user).get("/raad/").content.decode()


def test_moving_a_member_tells_the_griffie_what_the_member_no_longer_sees(
    workspace, member, colleague, fracties, paragraph
):
    from council.services import note_create

    for number in (1, 2):
        note_create(
            member=colleague,
            kind="paragraph",
            target_id=paragraph.pk,
            text=f"Gedeeld {number}",
            visibility=NoteVisibility.FRACTIE,
        )
    form = signed_in(_clerk()).get(f"/admin/council/councilmember/{member.pk}/change/")
    assert "blijven bij de fractie waarmee ze gedeeld zijn" in form.content.decode()
    response = move(member, fracties[1])
    text = " ".join(str(message) for message in response.context["messages"])
    assert "van Rode Partij naar Blauwe Partij verplaatst" in text
    assert "ziet de 2 notities die in Rode Partij gedeeld zijn niet meer" in text
    assert "De 1 notitie die Anna de Vries met Rode Partij deelde" in text
    # Counts only: the griffie reads no note.
    assert SHARED not in response.content.decode()
    assert "Gedeeld 1" not in response.content.decode()


def _clerk():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="griffier")


# --- A referenced part going back to draft (issue 21, item 6) ---------------------


def test_a_published_question_shows_nothing_of_a_part_gone_back_to_draft(
    member, programme
):
    import csv
    import io

    from content.models import PublicationStatus
    from programmes.models import Action

    action = Action.objects.public().filter(theme__programme=programme).first()
    Question.objects.create(
        asker=member.user,
        fractie=member.fractie,
        text=PUBLISHED,
        answer=ANSWER,
        status=QuestionStatus.PUBLISHED,
        published_at=timezone.now(),
        target_type=ContentType.objects.get_for_model(action),
        target_id=action.pk,
        programme=programme,
    )

    def shown():
        page = Client().get("/technische-vragen/2018/").content.decode()
        rows = list(
            csv.DictReader(
                io.StringIO(
                    Client().get("/open-data/technische-vragen.csv").content.decode()
                )
            )
        )
        api = Client().get("/api/v1/technische-vragen/").json()["results"]
        one = Client().get(f"/api/v1/technische-vragen/{api[0]['id']}/").json()
        return page, rows, api, one

    page, rows, api, one = shown()
    assert action.title[:40] in page and action.get_absolute_url() in page
    assert [row["onderdeel_id"] for row in rows] == [str(action.pk)]
    assert api[0]["target_id"] == one["target_id"] == action.pk

    action.publication_status = PublicationStatus.DRAFT
    action.save()
    page, rows, api, one = shown()
    # The question and its answer stay public; of the part only its kind.
    assert PUBLISHED in page and ANSWER in page
    assert action.title[:40] not in page
    assert action.get_absolute_url() not in page
    assert "Actie (niet openbaar)" in page
    assert [row["onderdeel_id"] for row in rows] == [""]
    assert [row["onderdeel"] for row in rows] == ["actie"]
    assert api[0]["target_id"] is None and one["target_id"] is None
    assert api[0]["part"] == "action"


# --- What a role may post ------------------------------------------------------------


@pytest.mark.parametrize(
    "posted",
    [
        {"publish": "on"},
        {"_publish": "1"},
        {"published_at": "2018-01-01 00:00"},
        {"status": "published"},
        {"assigned_to": "other"},
        {"merged_into": "published"},
    ],
    ids=lambda posted: next(iter(posted)),
)
def test_the_assigned_editor_sets_none_of_the_griffie_s_fields(
    workspace, editor, programme, posted
):
    """Posted to the change page and to every version page: publication,
    status, assignment and merging stay as they were."""
    from django.urls import reverse

    from accounts.staff import portal_user_create
    from tests.admin.helpers import form_data

    other = portal_user_create(
        username="andere", role="redacteur", password="Begroting-Hengelo-2018"
    )
    question = Question.objects.get(text=UNPUBLISHED)
    published = Question.objects.get(text=PUBLISHED)
    values = {"other": str(other.pk), "published": str(published.pk)}
    posted = {name: values.get(value, value) for name, value in posted.items()}
    before = Question.objects.values().get(pk=question.pk)
    client = signed_in(editor)
    change = reverse("admin:council_question_change", args=[question.pk])
    data = {**form_data(client.get(change).content.decode()), **posted}
    client.post(change, data)
    for record in question.history.all():
        version = reverse(
            "admin:council_question_simple_history",
            args=[question.pk, record.history_id],
        )
        client.post(version, data)
    after = Question.objects.values().get(pk=question.pk)
    for name in ("published_at", "status", "assigned_to_id", "merged_into_id"):
        assert after[name] == before[name], name
    assert UNPUBLISHED not in page_text_of(Client().get("/technische-vragen/2018/"))


def page_text_of(response) -> str:
    return response.content.decode()


@pytest.mark.parametrize("who", ["other editor", "administrator"])
def test_history_pages_show_nothing_of_a_question_that_is_not_theirs(
    workspace, administrator, who
):
    from django.urls import reverse

    from accounts.staff import portal_user_create

    user = (
        administrator
        if who == "administrator"
        else portal_user_create(
            username="andere", role="redacteur", password="Begroting-Hengelo-2018"
        )
    )
    question = Question.objects.get(text=UNPUBLISHED)
    client = signed_in(user)
    pages = [reverse("admin:council_question_history", args=[question.pk])] + [
        reverse(
            "admin:council_question_simple_history",
            args=[question.pk, record.history_id],
        )
        for record in question.history.all()
    ]
    for path in pages:
        response = client.get(path)
        assert response.status_code == 302, path
        assert UNPUBLISHED not in response.content.decode()
        response = client.post(path, {"answer": "Overschreven", "version": "1"})
        assert response.status_code == 302, path
    question.refresh_from_db()
    assert question.answer == "Concept van een antwoord"


def test_view_on_site_only_for_a_published_question(workspace, clerk):
    from django.urls import reverse

    client = signed_in(clerk)
    draft = Question.objects.get(text=UNPUBLISHED)
    published = Question.objects.get(text=PUBLISHED)
    page = client.get(reverse("admin:council_question_change", args=[draft.pk]))
    assert "viewsitelink" not in page.content.decode()
    page = client.get(reverse("admin:council_question_change", args=[published.pk]))
    assert "viewsitelink" in page.content.decode()


def test_the_griffie_posts_no_status_or_publication_date(workspace, clerk):
    """The state follows from what happened; no form sets it, not even hers."""
    from django.urls import reverse

    from tests.admin.helpers import form_data

    question = Question.objects.get(text=UNPUBLISHED)
    client = signed_in(clerk)
    change = reverse("admin:council_question_change", args=[question.pk])
    data = form_data(client.get(change).content.decode())
    data.update(status="published", published_at="2018-01-01 00:00", publish="on")
    assert client.post(change, data).status_code == 302
    question.refresh_from_db()
    assert (question.status, question.published_at) == (
        QuestionStatus.IN_PROGRESS,
        None,
    )
