"""Publication: the public site never shows drafts; staff preview them on the
public layout, with a banner that says so."""

import pytest

from django.urls import reverse

from content.models import PublicationStatus
from indicators.models import Indicator
from programmes.models import Action, Programme, Theme
from tests.html import normalise, page_text

pytestmark = pytest.mark.usefixtures("seed_data")

PROGRAMME_URL = "/programmas/2018/economie-werk-en-inkomen/"
PREVIEW_URL = "/voorvertoning/programmas/2018/economie-werk-en-inkomen/"
BANNER = "Voorvertoning (concept)"
UITSTROOM = "uitstroom-naar-werk-incl-zelfstandig-ondernemerschap"


def make_draft(obj):
    obj.publication_status = PublicationStatus.DRAFT
    obj.save()
    return obj


def test_public_pages_never_show_drafts(client):
    action = make_draft(Action.objects.first())
    theme = make_draft(Theme.objects.get(title="Economie"))
    indicator = make_draft(Indicator.objects.get(slug=UITSTROOM))
    html = client.get(PROGRAMME_URL).content.decode()
    assert action.text not in html
    assert f'id="{theme.slug}"' not in html
    assert "272 personen" not in html
    assert client.get(action.get_absolute_url()).status_code == 404
    assert client.get(indicator.get_absolute_url()).status_code == 404
    assert BANNER not in html

    make_draft(Programme.objects.get(budget__year=2018, number=1))
    assert client.get(PROGRAMME_URL).status_code == 404
    assert PROGRAMME_URL not in client.get("/").content.decode()


def test_preview_is_for_staff_only(client):
    action = Action.objects.first()
    for url in (PREVIEW_URL, action.get_preview_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


def test_staff_preview_shows_drafts_on_the_public_layout(editor_client):
    action = make_draft(Action.objects.first())
    theme = make_draft(Theme.objects.get(title="Economie"))
    indicator = make_draft(
        Indicator.objects.get(
            slug="uitstroom-naar-werk-incl-zelfstandig-ondernemerschap"
        )
    )
    make_draft(Programme.objects.get(budget__year=2018, number=1))

    response = editor_client.get(PREVIEW_URL)
    html = response.content.decode()
    assert BANNER in html
    assert f'id="{theme.slug}"' in html
    assert normalise(action.text) in page_text(response)
    assert "272 personen" in html  # the draft indicator's row in the table
    assert 'class="site-header"' in html  # the public layout, not the admin's

    html = editor_client.get(action.get_preview_url()).content.decode()
    assert BANNER in html and action.title in html
    html = editor_client.get(indicator.get_preview_url()).content.decode()
    assert BANNER in html and "332 personen" in html


def test_publishing_from_the_list_makes_drafts_public(editor_client, client):
    action = make_draft(Action.objects.first())
    response = editor_client.post(
        reverse("admin:programmes_action_changelist"),
        {"action": "publish", "_selected_action": [action.pk]},
    )
    assert response.status_code == 302
    assert client.get(action.get_absolute_url()).status_code == 200
    assert action.history.latest().publication_status == PublicationStatus.PUBLISHED
