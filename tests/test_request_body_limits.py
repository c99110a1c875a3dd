"""Request bodies over their limit get 413 before they are read: small for visitors
who are not signed in, Django's form limit for signed-in users, and the import's
file only for staff on the import page (web.middleware.
RequestBodyLimitMiddleware). tests/production/test_proxy.py sends them to real
servers, with and without nginx."""

import pytest

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from accounts.staff import portal_user_create
from council.services import council_member_create
from tests.admin.helpers import signed_in

KB = 1024
MB = 1024 * KB
IMPORT = "admin:opendata_importrun_import"
PASSWORD = "Begroting-Hengelo-2018"


def post(client, path, size):
    return client.post(path, b"x" * size, content_type="application/octet-stream")


def upload(client, size):
    file = SimpleUploadedFile("begroting.csv", b"x" * size, content_type="text/csv")
    return client.post(reverse(IMPORT), {"file": file})


@pytest.fixture
def editor(db):
    return portal_user_create(username="redacteur", role="redacteur", password=PASSWORD)


@pytest.fixture
def member(db):
    from council.models import Fractie

    return council_member_create(
        username="anna",
        password=PASSWORD,
        fractie=Fractie.objects.create(name="Rode Partij"),
        first_name="Anna",
        last_name="de Vries",
        email="anna@raad.hengelo.nl",
    )


@pytest.mark.django_db
def test_a_visitor_may_post_a_login_form_but_no_more():
    client = Client()
    assert post(client, "/raad/inloggen/", 10 * KB).status_code != 413
    response = post(client, "/raad/inloggen/", 100 * KB)
    assert response.status_code == 413
    assert "Te veel gegevens" in response.content.decode()
    assert response["Cache-Control"] == "no-store"
    response = post(client, "/en/raad/inloggen/", 100 * KB)
    assert response.status_code == 413
    assert "Too much data" in response.content.decode()
    # With a session cookie that belongs to nobody: still a visitor.
    client.cookies[settings.SESSION_COOKIE_NAME] = "verzonnen"
    assert post(client, "/raad/inloggen/", 100 * KB).status_code == 413


@pytest.mark.django_db
def test_the_api_says_so_in_its_own_format():
    response = post(Client(), "/api/v1/acties/", 100 * KB)
    assert response.status_code == 413
    assert response.json() == {"detail": "De vraag is te groot."}


@pytest.mark.django_db
def test_a_visitor_cannot_upload_to_the_import_page():
    assert upload(Client(), 1 * MB).status_code == 413


def test_a_council_member_posts_forms_but_uploads_nothing(member):
    client = signed_in(member.user)
    note = reverse("council:note_add")
    assert post(client, note, 1 * MB).status_code != 413
    assert post(client, note, 3 * MB).status_code == 413
    assert upload(client, 3 * MB).status_code == 413


def test_staff_upload_a_budget_file_on_the_import_page_only(editor):
    client = signed_in(editor)
    assert upload(client, 3 * MB).status_code != 413
    assert upload(client, 7 * MB).status_code == 413
    change = reverse("admin:programmes_action_changelist")
    assert post(client, change, 3 * MB).status_code == 413
    english = "/en" + reverse(IMPORT)
    file = SimpleUploadedFile("begroting.csv", b"x" * 3 * MB, content_type="text/csv")
    assert client.post(english, {"file": file}).status_code != 413


def test_every_body_allowed_stays_in_memory():
    """No request writes a temporary file: only the memory handler, and every
    limit within what it keeps."""
    assert settings.FILE_UPLOAD_HANDLERS == [
        "django.core.files.uploadhandler.MemoryFileUploadHandler"
    ]
    largest = max(
        settings.REQUEST_BODY_MAX_BYTES,
        settings.REQUEST_BODY_MAX_BYTES_ANONYMOUS,
        *settings.REQUEST_BODY_UPLOAD_LIMITS.values(),
    )
    assert largest <= settings.FILE_UPLOAD_MAX_MEMORY_SIZE
