"""The admin's import page: permission, preview, confirmation, problems."""

import pytest

from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from indicators.models import IndicatorValue
from opendata.models import ImportRun
from tests.opendata.conftest import domain_snapshot

pytestmark = pytest.mark.usefixtures("seed_data")

URL = "/admin/opendata/importrun/inlezen/"
CSV = (
    "programma_begrotingsjaar;programma_nummer;indicator_slug;indicator;eenheid;"
    "begrotingsjaar;soort_waarde;waarde\r\n"
    "2018;1;uitstroom-overig;Uitstroom overig;personen;2018;Begroot;{}\r\n"
    "2018;1;uitstroom-overig;Uitstroom overig;personen;2019;Begroot;500\r\n"
)


def upload(client, value="480"):
    file = SimpleUploadedFile("waarden.csv", CSV.format(value).encode(), "text/csv")
    return client.post(URL, {"file": file})


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_user("redacteur", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="import_budget"))
    client.force_login(user)
    return user


def test_url_is_under_the_admin():
    assert reverse("admin:opendata_importrun_import") == URL


def test_staff_without_the_permission_may_not_import(client, django_user_model):
    user = django_user_model.objects.create_user("kijker", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert upload(client).status_code == 403


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_preview_then_confirm(client, editor):
    assert client.get(URL).status_code == 200
    before = domain_snapshot()
    response = upload(client)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Voorbeeld: waarden.csv" in html
    assert "Nieuw (2)" in html and "Begroting 2019" in html
    assert "Gewijzigd (1)" in html and "465 → 480" in html
    assert "Blijft gelijk" in html
    assert domain_snapshot() == before  # a preview writes nothing
    digest = response.context["digest"]

    response = client.post(URL, {"confirm": "1", "digest": digest})
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:opendata_importrun_changelist")
    assert (
        IndicatorValue.objects.get(
            indicator__slug="uitstroom-overig", budget__year=2018
        ).value
        == 480
    )
    run = ImportRun.objects.get()
    assert run.user == editor and run.file_name == "waarden.csv"
    assert "budget_import_upload" not in client.session


def test_problems_are_shown_and_nothing_can_be_confirmed(client, editor):
    before = domain_snapshot()
    html = upload(client, value="veel").content.decode()
    assert "is niet ingelezen" in html
    assert "rij 2, kolom waarde: &#x27;veel&#x27; is geen getal" in html
    assert "Bevestigen" not in html
    assert domain_snapshot() == before
    response = client.post(URL, {"confirm": "1", "digest": "x"}, follow=True)
    assert "Het voorbeeld is verlopen" in response.content.decode()
    assert not ImportRun.objects.exists()


def test_oversized_upload_is_refused_before_reading(client, editor, settings):
    file = SimpleUploadedFile("groot.csv", b"a" * (5 * 1024 * 1024 + 1))
    html = client.post(URL, {"file": file}).content.decode()
    assert "Het bestand is te groot: hoogstens 5 MB." in html


def test_history_lists_runs_and_links_to_the_import_page(client, editor):
    upload(client)
    client.post(
        URL,
        {"confirm": "1", "digest": client.session["budget_import_upload"]["digest"]},
    )
    html = client.get(reverse("admin:opendata_importrun_changelist")).content.decode()
    assert "waarden.csv" in html and "Bestand inlezen" in html
    run = ImportRun.objects.get()
    change = client.get(reverse("admin:opendata_importrun_change", args=[run.pk]))
    assert change.status_code == 200


def test_superuser_sees_the_import_history(admin_client):
    url = reverse("admin:opendata_importrun_changelist")
    assert admin_client.get(url).status_code == 200
    assert admin_client.get(url, {"q": "a"}).status_code == 200
