"""Every way into an object's history follows its change page: for every model in
the admin and every role, the history list, a version and a restore ("Deze
versie terugzetten") are allowed exactly when the change page is, and a restore
sets only the fields the change page lets that role set. New models are covered
by looping over the admin's registry."""

import pytest
from simple_history.admin import SimpleHistoryAdmin

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse

from accounts.staff import portal_user_create
from content.models import PublicationStatus
from council.models import Fractie, Question, QuestionDeadline
from council.services import council_member_create
from opendata.models import ImportJob, ImportRun
from programmes.models import Budget, Paragraph, Programme
from tests.admin.helpers import first_record, form_data, signed_in

pytestmark = pytest.mark.usefixtures("seed_data")

PASSWORD = "Begroting-Hengelo-2018"
ROLES = ["griffie", "redacteur", "andere redacteur", "beheerder"]
SECRET = "Geheimwoordvraagtekst"
DRAFT_ANSWER = "Conceptwoordantwoordtekst"


def url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.fixture
def people(db):
    made = {}
    for name, role in [
        ("griffie", "griffie"),
        ("redacteur", "redacteur"),
        ("andere redacteur", "redacteur"),
        ("beheerder", "beheerder"),
    ]:
        made[name] = portal_user_create(
            username=name.replace(" ", "-"), role=role, password=PASSWORD
        )
    return made


def _an_object(model, people):
    """One object of `model` for the matrix: the seed's, or one made here."""
    obj = first_record(model)
    if obj is not None:
        return obj
    if model is Question:
        return None  # made by the fixture below
    if model is Fractie:
        return Fractie.objects.create(name="Rode Partij")
    if model is QuestionDeadline:
        import datetime

        from django.utils import timezone

        return QuestionDeadline.objects.create(
            budget=Budget.objects.first(),
            closes_at=timezone.now() + datetime.timedelta(days=7),
        )
    if model is ImportRun:
        return ImportRun.objects.create(
            user=people["redacteur"], file_name="a.csv", file_size=1, summary="niets"
        )
    if model is ImportJob:
        return None  # needs an upload; the import tests open it
    if model._meta.label == "council.OutgoingMail":
        return model.objects.create(
            subject="Vraag ontvangen", body=SECRET, recipients=["griffie@hengelo.nl"]
        )
    if model._meta.label == "otp_totp.TOTPDevice":
        return model.objects.create(user=people["redacteur"], name="telefoon")
    if model._meta.label == "axes.AccessAttempt":
        return model.objects.create(username="x", failures_since_start=1)
    if model._meta.label in {"axes.AccessLog", "axes.AccessFailureLog"}:
        return model.objects.create(username="x")
    return None


@pytest.fixture
def objects(people):
    programme = Programme.objects.get(number=1)
    paragraph = Paragraph.objects.filter(theme__programme=programme).first()
    member = council_member_create(
        username="anna",
        password=PASSWORD,
        fractie=Fractie.objects.create(name="Blauwe Partij"),
        last_name="de Vries",
        email="anna@raad.hengelo.nl",
    )
    question = Question.objects.create(
        asker=member.user,
        fractie=member.fractie,
        text=SECRET,
        assigned_to=people["redacteur"],
        answer=DRAFT_ANSWER,
        target_type=ContentType.objects.get_for_model(paragraph),
        target_id=paragraph.pk,
        programme=programme,
    )
    found = {}
    for model in admin.site._registry:
        obj = question if model is Question else _an_object(model, people)
        if obj is None and model is ImportJob:
            continue
        assert obj is not None, f"add an object of {model._meta.label} to the matrix"
        found[model] = obj
    return found


def _saved(response) -> bool:
    """A save that went through: the admin sends one back to the list or form."""
    return response.status_code == 302 and response["Location"] != reverse(
        "admin:index"
    )


def _post_and_roll_back(client, path, data):
    with transaction.atomic():
        response = client.post(path, data)
        transaction.set_rollback(True)
    return response


@pytest.mark.parametrize("role", ROLES)
def test_history_list_version_and_restore_follow_the_change_page(role, people, objects):
    client = signed_in(people[role])
    problems = []
    for model, obj in objects.items():
        model_admin = admin.site._registry[model]
        label = model._meta.label
        change = url(model, "change", obj.pk)
        opened = client.get(change)
        may_change = _saved(
            _post_and_roll_back(client, change, form_data(opened.content.decode()))
        )
        history = client.get(url(model, "history", obj.pk))
        if history.status_code != opened.status_code:
            problems.append(
                f"{label}: change page {opened.status_code}, "
                f"history {history.status_code}"
            )
        if opened.status_code != 200 and SECRET in history.content.decode():
            problems.append(f"{label}: the history shows the question's text")
        if not isinstance(model_admin, SimpleHistoryAdmin):
            continue
        record = (
            model.history.filter(**{model._meta.pk.attname: obj.pk})
            .order_by("-history_date")
            .first()
        )
        version = url(model, "simple_history", obj.pk, record.history_id)
        shown = client.get(version)
        if shown.status_code != opened.status_code:
            problems.append(
                f"{label}: change page {opened.status_code}, "
                f"version {shown.status_code}"
            )
        if opened.status_code != 200 and DRAFT_ANSWER in shown.content.decode():
            problems.append(f"{label}: the version shows the draft answer")
        data = form_data(shown.content.decode()) if shown.status_code == 200 else {}
        restored = _saved(_post_and_roll_back(client, version, data))
        # Council questions are never restored from history: their publication
        # is the griffie's publish action only.
        expected = may_change and model is not Question
        if restored != expected:
            problems.append(f"{label}: may change {may_change}, restored {restored}")
    assert problems == []


def test_an_editor_cannot_unpublish_a_budget_through_its_history(people):
    budget = Budget.objects.get(year=2018)
    assert budget.publication_status == PublicationStatus.PUBLISHED
    record = budget.history.order_by("-history_date").first()
    client = signed_in(people["redacteur"])
    version = url(Budget, "simple_history", budget.pk, record.history_id)
    data = {
        "year": budget.year,
        "title": budget.title,
        "publication_status": PublicationStatus.DRAFT,
        "version": budget.version,
    }
    response = client.post(version, data)
    assert response.status_code == 403
    budget.refresh_from_db()
    assert budget.publication_status == PublicationStatus.PUBLISHED


def test_a_restore_sets_only_the_fields_the_change_page_lets_one_set(people):
    """An editor may change a programme but not move it to another budget: a
    restore that posts another budget leaves it where it is."""
    programme = Programme.objects.get(number=1)
    other = Budget.objects.create(year=2031, title="Begroting 2031")
    record = programme.history.order_by("-history_date").first()
    client = signed_in(people["redacteur"])
    version = url(Programme, "simple_history", programme.pk, record.history_id)
    data = form_data(client.get(version).content.decode())
    assert "budget" not in data
    data.update(budget=str(other.pk), title="Teruggezette titel")
    response = client.post(version, data)
    assert _saved(response), response.content.decode()
    programme.refresh_from_db()
    assert programme.title == "Teruggezette titel"
    assert programme.budget.year == 2018


def test_a_restore_keeps_the_fields_one_may_not_set(people):
    """An old version brings back only what the editor may set: the budget a
    Beheerder moved the programme to stays, whatever the old version said."""
    programme = Programme.objects.get(number=1)
    first = programme.history.order_by("history_date").first()
    moved_to = Budget.objects.create(year=2031, title="Begroting 2031")
    programme.budget = moved_to
    programme.save()
    client = signed_in(people["redacteur"])
    version = url(Programme, "simple_history", programme.pk, first.history_id)
    response = client.post(version, form_data(client.get(version).content.decode()))
    assert _saved(response), response.content.decode()
    programme.refresh_from_db()
    assert programme.budget == moved_to


def test_the_history_of_a_deleted_object_only_for_who_may_delete(people):
    from programmes.models import Place

    place = first_record(Place)
    pk = place.pk
    place.delete()
    history = url(Place, "history", pk)
    assert signed_in(people["redacteur"]).get(history).status_code == 302
    assert signed_in(people["beheerder"]).get(history).status_code == 200


def test_every_admin_is_covered():
    # Auth's group admin is covered too: Group is in the registry.
    assert Group in admin.site._registry
    assert get_user_model() in admin.site._registry
