"""The editors' dashboard on the admin's front page."""

import datetime

import pytest

from django.urls import reverse
from django.utils import timezone

from admin_site.dashboard import (
    actions_without_status_update,
    indicators_missing_value,
    newest_budget,
    recent_changes,
)
from content.models import PublicationStatus
from programmes.models import Action, ActionStatus
from tests.admin.helpers import form_data
from tests.indicators.factories import IndicatorFactory, IndicatorValueFactory
from tests.programmes.factories import ActionFactory, BudgetFactory

pytestmark = pytest.mark.django_db


def test_status_changed_at_is_set_when_the_status_changes_only():
    action = ActionFactory(status=ActionStatus.PLANNED)
    first = action.status_changed_at
    assert first is not None
    action = Action.objects.get(pk=action.pk)
    action.title = "Andere titel"
    action.save()
    assert action.status_changed_at == first
    action.status = ActionStatus.IN_PROGRESS
    action.save()
    assert action.status_changed_at > first


def test_open_actions_without_a_status_update_this_year():
    last_year = timezone.now() - datetime.timedelta(days=400)
    stale = ActionFactory(status=ActionStatus.IN_PROGRESS)
    Action.objects.filter(pk=stale.pk).update(status_changed_at=last_year)
    never = ActionFactory()
    Action.objects.filter(pk=never.pk).update(status_changed_at=None)
    ActionFactory(status=ActionStatus.PLANNED)  # updated just now
    done = ActionFactory(status=ActionStatus.DONE, year=2018)
    Action.objects.filter(pk=done.pk).update(status_changed_at=last_year)

    assert set(actions_without_status_update()) == {stale, never}


def test_indicators_missing_a_value_for_the_newest_budget():
    # Years past the factories' sequence, and every indicator in the old budget:
    # another budget made along the way must not become the newest.
    old, newest = BudgetFactory(year=9040), BudgetFactory(year=9041)
    complete = IndicatorFactory(programme__budget=old)
    IndicatorValueFactory(indicator=complete, budget=newest)
    # The budget's "-": present, no number.
    empty_but_present = IndicatorFactory(programme__budget=old)
    IndicatorValueFactory(indicator=empty_but_present, budget=newest, value=None)
    missing = IndicatorFactory(programme__budget=old)
    IndicatorValueFactory(indicator=missing, budget=old)

    assert newest_budget() == newest
    assert set(indicators_missing_value(budget=newest)) == {missing}


def test_recent_changes_say_who_changed_what(editor, editor_client):
    action = ActionFactory(title="Bedrijfsbezoeken")
    url = reverse("admin:programmes_action_change", args=[action.pk])
    form = form_data(editor_client.get(url).content.decode())
    form["status"] = ActionStatus.IN_PROGRESS
    assert editor_client.post(url, form).status_code == 302

    newest = recent_changes(user=editor)[0]
    assert (newest.title, newest.who, newest.what) == (
        "Bedrijfsbezoeken",
        "redacteur",
        "gewijzigd",
    )
    assert newest.fields == ["status"]
    assert newest.url == url


def test_the_admin_front_page_shows_the_dashboard(editor_client, seed_data):
    stale = Action.objects.first()
    html = " ".join(editor_client.get(reverse("admin:index")).content.decode().split())
    assert "Begroting Hengelo: beheer" in html
    assert "Recent gewijzigd" in html
    assert "Acties zonder statusupdate dit jaar" in html
    assert stale.title in html  # the seed's actions have had no update this year
    assert "Indicatoren zonder waarde voor Begroting 2018 (0)" in html


def test_a_beheerder_is_shown_the_budgets_in_draft(
    administrator_client, editor_client, seed_data
):
    # As after an editor's import of a whole budget into a new portal.
    draft = BudgetFactory(year=2019, publication_status=PublicationStatus.DRAFT)
    html = " ".join(
        administrator_client.get(reverse("admin:index")).content.decode().split()
    )
    assert "Begrotingen in concept (1)" in html
    assert reverse("admin:programmes_budget_change", args=[draft.pk]) in html
    assert "tot u de begroting publiceert" in html
    # An editor cannot publish it: no list of what she cannot change.
    html = editor_client.get(reverse("admin:index")).content.decode()
    assert "Begrotingen in concept" not in html
    draft.publication_status = PublicationStatus.PUBLISHED
    draft.save()
    html = administrator_client.get(reverse("admin:index")).content.decode()
    assert "Begrotingen in concept" not in html
