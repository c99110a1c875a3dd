"""The staff preview (/voorvertoning/…) shows a draft to whom the admin's change
page would show it: the griffie, who may not open an action in the admin, does
not read it through the preview either."""

import pytest

from accounts.staff import portal_user_create
from indicators.models import Indicator
from programmes.models import Action, Programme
from tests.admin.conftest import PASSWORD
from tests.admin.helpers import signed_in

pytestmark = pytest.mark.usefixtures("seed_data")


@pytest.fixture
def clerk_client(db):
    return signed_in(
        portal_user_create(username="griffier", role="griffie", password=PASSWORD)
    )


def _previews():
    action = Action.objects.order_by("pk").first()
    action.publication_status = "draft"
    action.title = "Geheim concept van de redactie"
    action.save()
    programme = Programme.objects.select_related("budget").get(number=1)
    indicator = Indicator.objects.order_by("pk").first()
    return {
        f"/voorvertoning/acties/{action.pk}/": (
            f"/admin/programmes/action/{action.pk}/change/"
        ),
        (
            f"/voorvertoning/programmas/{programme.budget.year}/{programme.slug}/"
        ): f"/admin/programmes/programme/{programme.pk}/change/",
        f"/voorvertoning/indicatoren/{indicator.slug}/": (
            f"/admin/indicators/indicator/{indicator.pk}/change/"
        ),
    }


def test_the_griffie_reads_no_draft_through_the_preview(clerk_client):
    for preview, change_page in _previews().items():
        assert clerk_client.get(change_page).status_code == 403, change_page
        response = clerk_client.get(preview)
        assert response.status_code == 403, preview
        assert "Geheim concept" not in response.content.decode()


def test_an_editor_previews_what_she_may_open_in_the_admin(editor_client):
    for preview, change_page in _previews().items():
        assert editor_client.get(change_page).status_code == 200, change_page
        assert editor_client.get(preview).status_code == 200, preview
    action_preview = next(iter(_previews()))
    assert "Geheim concept" in editor_client.get(action_preview).content.decode()


def test_a_preview_of_nothing_is_a_404_and_anonymous_is_sent_to_the_login(
    editor_client, client
):
    assert editor_client.get("/voorvertoning/acties/999999/").status_code == 404
    response = client.get(next(iter(_previews())))
    assert response.status_code == 302 and "/login/" in response["Location"]
