"""Roles: the groups come from a data migration; a Redacteur edits content but may
not delete programmes, budgets or indicators, nor manage accounts."""

import pytest

from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from accounts.roles import (
    ADMINISTRATOR,
    EDITOR,
    EDITOR_EXTRA_PERMISSIONS,
    EDITOR_PERMISSIONS,
)
from indicators.models import Indicator
from programmes.models import Budget, Programme

pytestmark = pytest.mark.django_db


def test_the_migration_creates_both_groups_with_their_permissions():
    editor = Group.objects.get(name=EDITOR)
    codenames = set(editor.permissions.values_list("codename", flat=True))
    assert {"add_action", "change_action", "view_action"} <= codenames
    assert {"add_indicatorvalue", "change_indicatorvalue"} <= codenames
    assert {"add_glossaryterm", "change_theme", "add_paragraph"} <= codenames
    assert "change_indicator" in codenames and "add_indicator" not in codenames
    assert "change_programme" in codenames and "add_programme" not in codenames
    assert "change_budget" not in codenames
    assert "import_budget" in codenames
    assert not {c for c in codenames if c.startswith("delete_")}
    assert not {c for c in codenames if c.endswith(("_user", "_group"))}
    assert len(codenames) == sum(len(a) for a in EDITOR_PERMISSIONS.values()) + len(
        EDITOR_EXTRA_PERMISSIONS
    )
    administrator = Group.objects.get(name=ADMINISTRATOR)
    assert administrator.permissions.filter(codename="delete_programme").exists()
    assert administrator.permissions.filter(codename="change_user").exists()


def test_editor_may_not_delete_a_programme_budget_or_indicator(
    editor_client, seed_data
):
    programme = Programme.objects.get(budget__year=2018, number=1)
    for model, obj in [
        ("programmes_programme", programme),
        ("programmes_budget", programme.budget),
        ("indicators_indicator", Indicator.objects.first()),
    ]:
        url = reverse(f"admin:{model}_delete", args=[obj.pk])
        assert editor_client.get(url).status_code == 403
        assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert Programme.objects.filter(pk=programme.pk).exists()
    assert Budget.objects.filter(pk=programme.budget.pk).exists()


def test_editor_cannot_reach_user_management(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403
    assert "auth/user" not in editor_client.get(reverse("admin:index")).content.decode()


def test_administrator_may_delete_and_manage_users(administrator_client, seed_data):
    programme = Programme.objects.get(budget__year=2018, number=1)
    url = reverse("admin:programmes_programme_delete", args=[programme.pk])
    assert administrator_client.get(url).status_code == 200
    users = reverse("admin:auth_user_changelist")
    assert administrator_client.get(users).status_code == 200


def test_create_portal_user_makes_a_staff_user_in_the_role(capsys):
    call_command(
        "create_portal_user",
        "jan",
        role="redacteur",
        email="jan@hengelo.nl",
        password="Begroting-Hengelo-2018",
    )
    from django.contrib.auth import get_user_model

    jan = get_user_model().objects.get(username="jan")
    assert jan.is_staff and not jan.is_superuser
    assert jan.email == "jan@hengelo.nl"
    assert list(jan.groups.values_list("name", flat=True)) == [EDITOR]
    assert jan.check_password("Begroting-Hengelo-2018")
    assert jan.has_perm("programmes.change_action")
    assert not jan.has_perm("programmes.delete_programme")
    assert "aangemaakt met de rol Redacteur" in capsys.readouterr().out


def test_create_portal_user_reads_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("PORTAL_USER_PASSWORD", "Begroting-Hengelo-2019")
    call_command("create_portal_user", "marieke", role="beheerder")
    from django.contrib.auth import get_user_model

    marieke = get_user_model().objects.get(username="marieke")
    assert marieke.check_password("Begroting-Hengelo-2019")
    assert marieke.has_perm("auth.change_user")


def test_create_portal_user_refuses_a_weak_password_or_a_taken_name(monkeypatch):
    monkeypatch.delenv("PORTAL_USER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="te kort|te algemeen"):
        call_command("create_portal_user", "piet", role="redacteur", password="1234")
    call_command(
        "create_portal_user", "piet", role="redacteur", password="Begroting-2018-ok"
    )
    with pytest.raises(CommandError, match="bestaat al"):
        call_command(
            "create_portal_user", "piet", role="beheerder", password="Anders-2018-ok"
        )


def test_create_portal_user_without_password_or_terminal_says_how(monkeypatch):
    monkeypatch.delenv("PORTAL_USER_PASSWORD", raising=False)
    monkeypatch.setattr("os.isatty", lambda fd: False)
    with pytest.raises(CommandError, match="PORTAL_USER_PASSWORD"):
        call_command("create_portal_user", "kees", role="redacteur")


def test_the_council_roles_exist_and_create_portal_user_makes_a_griffie():
    from accounts.roles import CLERK, COUNCIL_MEMBER

    assert Group.objects.filter(name=COUNCIL_MEMBER).exists()
    assert not Group.objects.get(name=COUNCIL_MEMBER).permissions.exists()
    call_command(
        "create_portal_user", "greet", role="griffie", password="Begroting-Hengelo-2018"
    )
    from django.contrib.auth import get_user_model

    greet = get_user_model().objects.get(username="greet")
    assert greet.is_staff and list(greet.groups.values_list("name", flat=True)) == [
        CLERK
    ]
    assert greet.has_perm("council.add_councilmember")
    assert greet.has_perm("council.change_question")
    assert not greet.has_perm("programmes.change_action")
    assert not greet.has_perm("auth.change_user")


def test_editor_may_finish_a_programme_but_not_change_its_budget(
    editor_client, seed_data
):
    from tests.admin.helpers import form_data

    programme = Programme.objects.get(budget__year=2018, number=1)
    url = reverse("admin:programmes_programme_change", args=[programme.pk])
    html = editor_client.get(url).content.decode()
    form = form_data(html)
    assert "budget" not in form  # shown, not editable
    form["intro"] = "Een nieuwe inleiding."
    form["developments_heading"] = "Wat speelt er"
    form["_save"] = "Opslaan"
    response = editor_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    programme.refresh_from_db()
    assert programme.intro == "Een nieuwe inleiding."
    assert programme.developments_heading == "Wat speelt er"
    budget_url = reverse("admin:programmes_budget_change", args=[programme.budget.pk])
    budget_form = form_data(editor_client.get(budget_url).content.decode())
    assert "title" not in budget_form  # a Redacteur only views a budget
    assert editor_client.post(budget_url, {"title": "Anders"}).status_code == 403
    assert Budget.objects.get(pk=programme.budget.pk).title == "Begroting 2018"
    add = reverse("admin:programmes_programme_add")
    assert editor_client.get(add).status_code == 403
