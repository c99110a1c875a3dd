"""The griffie's admin: every council ModelAdmin opens (changelist, search, add,
change); council accounts are made with their fractie; an editor and an
administrator do not manage them; notes have no admin at all."""

import re

import pytest

from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from accounts.roles import CLERK, CLERK_PERMISSIONS, COUNCIL_MEMBER
from council.models import CouncilMember, Fractie, Note, Question, QuestionDeadline
from tests.admin.helpers import form_data, signed_in
from tests.html import page_text

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db


def url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.parametrize(
    "model", [Fractie, CouncilMember, QuestionDeadline, Question], ids=str
)
def test_every_council_admin_opens_for_the_griffie(
    model, clerk, member, deadline, paragraph
):
    from tests.council.test_questions import ask

    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    client = signed_in(clerk)
    assert client.get(url(model, "changelist")).status_code == 200
    assert client.get(url(model, "changelist"), {"q": "a"}).status_code == 200
    may_add = model is not Question
    assert client.get(url(model, "add")).status_code == (200 if may_add else 403)
    obj = model.objects.first()
    assert client.get(url(model, "change", obj.pk)).status_code == 200


def test_notes_have_no_admin():
    assert Note not in admin.site._registry


def test_the_griffie_makes_a_council_account_in_a_fractie(
    clerk, fracties, mailoutbox, django_capture_on_commit_callbacks
):
    client = signed_in(clerk)
    assert (
        'name="password"' not in client.get(url(CouncilMember, "add")).content.decode()
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(CouncilMember, "add"),
            {
                "username": "dirk",
                "first_name": "Dirk",
                "last_name": "Bakker",
                "email": "dirk@raad.hengelo.nl",
                "password": "Begroting-Hengelo-2018-dirk",  # ignored: no such field
                "fractie": fracties[1].pk,
            },
        )
    assert response.status_code == 302, page_text(response)
    dirk = CouncilMember.objects.get(user__username="dirk")
    assert dirk.fractie == fracties[1]
    assert not dirk.user.is_staff
    assert list(dirk.user.groups.values_list("name", flat=True)) == [COUNCIL_MEMBER]
    # Nobody but Dirk chooses his password: he gets a link to do so.
    assert not dirk.user.has_usable_password()
    [mail] = mailoutbox
    assert mail.to == ["dirk@raad.hengelo.nl"]
    assert "/account/koppelen/" in mail.body


def test_a_taken_name_is_refused_in_dutch(clerk, member, fracties):
    client = signed_in(clerk)
    response = client.post(
        url(CouncilMember, "add"),
        {
            "username": "ANNA",
            "last_name": "Anders",
            "email": "anders@raad.hengelo.nl",
            "fractie": fracties[0].pk,
        },
    )
    assert response.status_code == 200
    text = page_text(response)
    assert "Er is al een account met deze gebruikersnaam." in text
    assert CouncilMember.objects.count() == 1


def test_the_griffie_moves_a_member_to_another_fractie_and_switches_her_off(
    clerk, member, fracties
):
    client = signed_in(clerk)
    change = url(CouncilMember, "change", member.pk)
    data = form_data(client.get(change).content.decode())
    data.update(fractie=str(fracties[1].pk))
    data.pop("is_active", None)
    assert client.post(change, data).status_code == 302
    member.refresh_from_db()
    member.user.refresh_from_db()
    assert member.fractie == fracties[1]
    assert not member.user.is_active


def test_editors_do_not_manage_council_accounts_administrators_may(
    editor, administrator, member
):
    client = signed_in(editor)
    assert client.get(url(CouncilMember, "changelist")).status_code == 403
    assert client.get(url(Fractie, "changelist")).status_code == 403
    # A Beheerder may do everything in the admin, but still opens no question
    # that is not assigned to them (test_visibility.py).
    client = signed_in(administrator)
    assert client.get(url(CouncilMember, "changelist")).status_code == 200


def test_the_griffie_has_exactly_its_permissions_and_nothing_of_auth(db):
    clerk = Group.objects.get(name=CLERK)
    codenames = set(clerk.permissions.values_list("codename", flat=True))
    assert len(codenames) == sum(len(a) for a in CLERK_PERMISSIONS.values())
    assert not {c for c in codenames if c.endswith(("_user", "_group", "_note"))}
    assert not Group.objects.get(name=COUNCIL_MEMBER).permissions.exists()


def test_a_member_cannot_enter_the_admin(member):
    client = signed_in(member.user)
    assert client.get("/admin/").status_code == 302
    response = Client().post(
        "/admin/login/", {"username": "anna", "password": PASSWORD}
    )
    assert response.status_code == 200  # not staff: the admin's login refuses


def test_the_history_of_a_question_speaks_dutch(
    clerk, editor, member, deadline, paragraph, django_capture_on_commit_callbacks
):
    from django.utils import timezone
    from django.utils.formats import date_format

    from council.services import question_update
    from tests.council.test_questions import ask, change

    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    question = Question.objects.get()
    griffie = signed_in(clerk)
    assert change(griffie, question, assigned_to=str(editor.pk)).status_code == 302
    question.refresh_from_db()
    question_update(question=question, data={"answer": "Een ton.", "publish": True})
    question.refresh_from_db()
    text = page_text(griffie.get(url(Question, "history", question.pk)))
    for raw in ("Deleted", "pk=None", "None", "received", "in_progress", "+00:00"):
        assert raw not in text, raw
    assert "Toegewezen aan: leeg → redacteur" in text
    assert (
        "Status: Ontvangen: griffie wijst toe → Toegewezen: redacteur schrijft "
        "antwoord" in text
    )
    published = date_format(timezone.localtime(question.published_at), "j F Y H:i")
    assert f"Antwoord gepubliceerd op: leeg → {published}" in text


def test_the_griffie_s_front_page_offers_only_what_she_may_open(clerk, programme):
    client = signed_in(clerk)
    page = client.get("/admin/").content.decode()
    for header in ("Model name", "Add link", "Change or view list link"):
        assert header not in page
    links = set(re.findall(r'href="(/admin/[^"]+)"', page))
    assert links
    refused = [link for link in links if client.get(link).status_code == 403]
    assert refused == []


def test_the_english_admin_calls_a_question_s_part_a_part_of_the_budget(
    clerk, member, deadline, paragraph
):
    from tests.council.test_questions import ask

    ask(signed_in(member.user), paragraph.pk, "Wat kost het?")
    question = Question.objects.get()
    page = page_text(
        signed_in(clerk).get(f"/en/admin/council/question/{question.pk}/change/")
    )
    assert "Part of the budget" in page
    assert "Theme" not in page


def test_the_closing_date_s_date_and_time_boxes_are_named(clerk, deadline):
    """axe: 'Form elements must have labels' (critical) on the time box
    (issue 21, item 12)."""
    page = signed_in(clerk).get(url(QuestionDeadline, "change", deadline.pk))
    html = page.content.decode()
    assert 'aria-label="Sluitingsdatum: datum"' in html
    assert 'aria-label="Sluitingsdatum: tijd"' in html
