"""Under gunicorn on PostgreSQL, as production runs: a control character stored
in a title breaks no download, and a thousand parameters get the 400 page."""

import io
import urllib.error
import urllib.request

import pytest
from openpyxl import load_workbook

from django.db import connection

from programmes.models import Action
from tests.production.servers import database_url, gunicorn

pytestmark = [
    pytest.mark.usefixtures("seed_data"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="server tests run against PostgreSQL (DATABASE_URL=postgres://…)",
    ),
    pytest.mark.django_db(transaction=True),
]


def fetch(url) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_a_stored_control_character_and_many_parameters_under_gunicorn():
    action = Action.objects.public().order_by("pk").first()
    # As the report found it: pasted from Word, stored before any cleaning.
    Action.objects.filter(pk=action.pk).update(title="Uit Word\x0bgeplakt\x01")
    env = {"DATABASE_URL": database_url(), "PORTAL_PAGE_CACHE_SECONDS": "0"}
    too_many = "&".join(["a"] * 1001)
    with gunicorn(env) as server:
        for name in ("acties", "begroting"):
            status, content = fetch(f"{server}/open-data/{name}.xlsx")
            assert status == 200, name
            titles = [
                row[list(next(sheet.iter_rows(values_only=True))).index("titel")]
                for sheet in load_workbook(io.BytesIO(content)).worksheets
                if sheet.title == "acties"
                for row in sheet.iter_rows(min_row=2, values_only=True)
            ]
            assert "Uit Word\ngeplakt" in titles
        for address in ("/", "/en/", "/zoeken/", "/open-data/acties.xlsx"):
            status, body = fetch(f"{server}{address}?{too_many}")
            assert status == 400, address
            assert b"De vraag klopt niet" in body or b"Bad request" in body
        status, body = fetch(f"{server}/api/v1/acties/?{too_many}")
        assert (status, body) == (400, b'{"detail":"Ongeldige vraag."}')
