"""History and undo: every change is recorded with who and when, and an earlier
version can be restored from the admin; the public page then shows it again."""

import pytest

from django.urls import reverse

from programmes.models import Action
from tests.admin.helpers import form_data, signed_in
from tests.html import normalise, page_text

pytestmark = pytest.mark.usefixtures("seed_data")


def test_change_then_restore_shows_the_restored_text_on_the_public_page(editor, client):
    action = Action.objects.get(references__code="NB 1.2")
    original_text = action.text
    editing = signed_in(editor)
    change_url = reverse("admin:programmes_action_change", args=[action.pk])

    form = form_data(editing.get(change_url).content.decode())
    form["text"] = "Een verkeerd ingevoerde tekst."
    assert editing.post(change_url, form).status_code == 302
    assert (
        "Een verkeerd ingevoerde tekst."
        in client.get(action.get_absolute_url()).content.decode()
    )

    history_url = reverse("admin:programmes_action_history", args=[action.pk])
    history_page = editing.get(history_url).content.decode()
    assert "redacteur" in history_page  # who
    records = list(action.history.order_by("history_date"))
    assert len(records) == 2  # the seed's record and the change
    assert records[1].history_user == editor
    assert records[1].text == "Een verkeerd ingevoerde tekst."

    # Restore the seed's version: open it from the history and save it.
    revert_url = reverse(
        "admin:programmes_action_simple_history",
        args=[action.pk, records[0].history_id],
    )
    revert_form = form_data(editing.get(revert_url).content.decode())
    assert revert_form["text"] == original_text
    # The old record says version 1; the form starts from the current one.
    assert (records[0].version, revert_form["version"]) == (1, "2")
    response = editing.post(revert_url, revert_form)
    assert response.status_code == 302, response.content.decode()

    action.refresh_from_db()
    assert action.text == original_text
    assert action.history.count() == 3
    public = page_text(client.get(action.get_absolute_url()))
    assert normalise(original_text) in public
    assert "Een verkeerd ingevoerde tekst." not in public


def test_restoring_over_a_newer_version_is_refused(editor):
    action = Action.objects.first()
    editing = signed_in(editor)
    seed_record = action.history.get()
    revert_url = reverse(
        "admin:programmes_action_simple_history",
        args=[action.pk, seed_record.history_id],
    )
    revert_form = form_data(editing.get(revert_url).content.decode())
    newer = Action.objects.get(pk=action.pk)
    newer.title = "Intussen gewijzigd"
    newer.save()

    response = editing.post(revert_url, revert_form)

    assert response.status_code == 200
    assert "Niet opgeslagen" in response.content.decode()
    action.refresh_from_db()
    assert action.title == "Intussen gewijzigd"


def test_history_is_kept_for_every_edited_model():
    from django.apps import apps

    expected = {
        "Budget",
        "Programme",
        "Theme",
        "Paragraph",
        "Agenda",
        "ActionLine",
        "Action",
        "Reference",
        "KeyFigure",
        "GlossaryTerm",
        "Indicator",
        "IndicatorValue",
    }
    for name in expected:
        app = "indicators" if name.startswith("Indicator") else "programmes"
        model = apps.get_model(app, name)
        assert model.history.exists(), f"the seed has no history for {name}"
