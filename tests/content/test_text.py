"""Text in and out (content/text.py): a control character pasted from Word never
breaks a download, and a text too long for a field, the import or PostgreSQL's
search vector is refused with a message naming the field and the limit."""

import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from django.db import DatabaseError, connection, transaction
from django.test import RequestFactory

from content.database import is_busy, is_outage
from content.text import TEXT_MAX_LENGTH, fit_text
from opendata.exports import actions_frame
from opendata.imports.pipeline import budget_file_import
from opendata.spreadsheets import frame_to_csv
from programmes.models import Action, Paragraph
from tests.admin.helpers import form_data
from tests.html import page_text
from web.middleware import DatabaseUnavailableMiddleware

pytestmark = pytest.mark.usefixtures("seed_data")

# Every C0 control character, DEL and the C1 block.
CONTROL = [chr(n) for n in range(32)] + [chr(n) for n in range(0x7F, 0xA0)]
# What a spreadsheet (XML 1.0) cannot hold.
UNFIT = [c for c in CONTROL if c < " " and c not in "\t\n\r"]
DOWNLOADS = [
    "/open-data/acties.xlsx",
    "/open-data/begroting.xlsx",
    "/open-data/acties.csv",
    "/open-data/acties-puntkomma.csv",
    "/open-data/acties.json",
    "/api/v1/acties/",
]


def test_fit_text_keeps_tab_and_line_breaks_and_turns_word_breaks_into_lines():
    assert fit_text("a\tb\nc\rd") == "a\tb\nc\rd"
    assert fit_text("regel\x0bnieuwe regel\x0cpagina") == "regel\nnieuwe regel\npagina"
    assert fit_text("".join(CONTROL)) == "\t\n\n\n\r" + "".join(CONTROL[32:])
    assert fit_text("\ud800x\uffff") == "x"


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _text_of(response) -> str:
    """Every text a download holds, as its reader sees it."""
    content_type = response["Content-Type"]
    if "spreadsheetml" in content_type:
        workbook = load_workbook(io.BytesIO(response.content), read_only=True)
        return "".join(
            str(value)
            for sheet in workbook.worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    if "json" in content_type:
        return "".join(_strings(json.loads(response.content)))
    return response.content.decode("utf-8-sig")


def test_stored_control_characters_break_no_download(client):
    """Values stored before the cleaning (or written past it) still go out:
    every character a spreadsheet cannot hold, each in another action."""
    actions = list(Action.objects.public().order_by("pk"))
    stored = [c for c in UNFIT if c != "\x00" or connection.vendor != "postgresql"]
    for number, character in enumerate(stored):
        action = actions[number % len(actions)]
        action.title += f"Uit Word{character}geplakt"
        action.text += f"tekst{character}"
        Action.objects.filter(pk=action.pk).update(title=action.title, text=action.text)
    for address in DOWNLOADS:
        response = client.get(address)
        assert response.status_code == 200, address
        text = _text_of(response)
        assert not set(stored) & set(text), address
        assert "Uit Word\ngeplakt" in text, address  # \x0b: Word's line break
    for action in actions:
        page = client.get(f"/acties/{action.pk}/")
        assert page.status_code == 200
        assert not set(stored) & set(page.content.decode())


def test_a_title_pasted_from_word_is_cleaned_in_the_admin(admin_client):
    action = Action.objects.order_by("pk").first()
    url = f"/admin/programmes/action/{action.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["title"] = "Regel een\x0bregel twee\x01"
    data["text"] = "Tekst\x0bmet\x1fstuurtekens\tтаб\r\n"
    response = admin_client.post(url, data)
    assert response.status_code == 302, page_text(response)[:800]
    action.refresh_from_db()
    assert action.title == "Regel een\nregel twee"
    assert action.text == "Tekst\nmetstuurtekens\tтаб"
    assert admin_client.get("/open-data/acties.xlsx").status_code == 200
    assert admin_client.get("/open-data/begroting.xlsx").status_code == 200


def test_a_nul_in_the_admin_is_refused_with_the_field_named(admin_client):
    action = Action.objects.order_by("pk").first()
    url = f"/admin/programmes/action/{action.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["text"] = "Tekst\x00"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "bevat een teken dat niet bewaard kan worden (een nulteken" in page_text(
        response
    )


def test_a_title_with_control_characters_is_cleaned_by_the_import(client):
    frame = actions_frame()
    frame.loc[0, "titel"] = "Geïmporteerd\x0bmet\x07bel"
    frame.loc[0, "tekst"] = "Tekst\x1b[31m rood"
    for dutch in (False, True):
        result = budget_file_import(
            content=frame_to_csv(frame, dutch=dutch), file_name="acties.csv"
        )
        assert result.ok, [str(p) for p in result.problems]
    action = Action.objects.get(pk=frame.loc[0, "id"])
    assert action.title == "Geïmporteerd\nmetbel"
    assert action.text == "Tekst[31m rood"
    for address in DOWNLOADS:
        assert client.get(address).status_code == 200, address


# --- Limits -------------------------------------------------------------------


def test_a_text_beyond_the_limit_is_refused_in_the_admin_with_field_and_limit(
    admin_client,
):
    action = Action.objects.order_by("pk").first()
    url = f"/admin/programmes/action/{action.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["text"] = "woord " * 300_000  # 1.8 MB, as in the report
    response = admin_client.post(url, data)
    assert response.status_code == 200
    text = page_text(response)
    assert "Tekst is te lang: 1.799.999 tekens, terwijl hoogstens 32.767 kan." in text
    action.refresh_from_db()
    assert not action.text.startswith("woord woord")


def test_a_text_beyond_the_limit_is_a_problem_of_the_import_naming_the_column():
    # A CSV: an Excel cell holds no more than the limit (32,767 characters).
    frame = actions_frame()
    frame.loc[0, "tekst"] = "woord " * 100_000
    result = budget_file_import(content=frame_to_csv(frame), file_name="acties.csv")
    assert not result.ok
    messages = [str(p) for p in result.problems]
    assert any(
        "tekst" in m and "is te lang: 599999 tekens, hoogstens 32767" in m
        for m in messages
    ), messages


def test_the_longest_text_fits_the_search_vector(db):
    """The worst text of TEXT_MAX_LENGTH characters (a different one-letter word
    of four bytes at every other character) in title and text of an action."""
    if connection.vendor != "postgresql":
        pytest.skip("the search vector is PostgreSQL's")
    letters = [chr(c) for c in range(0x1D400, 0x1D6A4) if chr(c).isalpha()]
    words = " ".join(
        letters[i % len(letters)] + letters[i // len(letters) % len(letters)]
        for i in range(TEXT_MAX_LENGTH // 3)
    )[:TEXT_MAX_LENGTH]
    action = Action.objects.order_by("pk").first()
    Action.objects.filter(pk=action.pk).update(text=words, text_en=words)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_size(search_nl), pg_column_size(search_en) "
            "FROM programmes_action WHERE id = %s",
            [action.pk],
        )
        sizes = cursor.fetchone()
    assert max(sizes) < 1024 * 1024 / 2


def _tsvector_error() -> DatabaseError:
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT to_tsvector('simple', string_agg(md5(g::text), ' ')) "
                "FROM generate_series(1, 40000) g"
            )
    except DatabaseError as error:
        return error
    raise AssertionError("PostgreSQL took a tsvector over 1 MB")


def test_a_value_beyond_postgresqls_limits_is_no_outage(db):
    """'string is too long for tsvector' is PostgreSQL's OperationalError; it
    gave the 503 outage page and, in the import, 'another file is being read'."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's error")
    error = _tsvector_error()
    assert "too long for tsvector" in str(error)
    assert not is_outage(error) and not is_busy(error)
    request = RequestFactory().get("/admin/")
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(request, error) is None


def test_a_mistake_in_a_query_is_neither_busy_nor_an_outage(db):
    # The outage itself (a cut connection) is tested with a real server in
    # tests/production/test_servers.py.
    with pytest.raises(DatabaseError) as raised:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT * FROM no_such_table")
    assert not is_busy(raised.value)
    if connection.vendor == "postgresql":
        assert not is_outage(raised.value)


def test_an_action_text_at_the_limit_is_saved_and_searched(admin_client):
    action = Action.objects.order_by("pk").first()
    url = f"/admin/programmes/action/{action.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["text"] = ("Zwembadrenovatie " + "woord " * 6000)[:TEXT_MAX_LENGTH]
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert admin_client.get("/zoeken/?q=zwembadrenovatie").status_code == 200


def test_paragraphs_have_the_same_limit(admin_client):
    paragraph = Paragraph.objects.order_by("pk").first()
    url = f"/admin/programmes/paragraph/{paragraph.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data["text"] = "x" * (TEXT_MAX_LENGTH + 1)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "is te lang: 32.768 tekens, terwijl hoogstens 32.767 kan." in page_text(
        response
    )


# --- Any text in an admin form ----------------------------------------------------


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=st.lists(
        st.one_of(st.sampled_from(CONTROL), st.text(max_size=8)), max_size=10
    ).map("".join),
    text=st.lists(
        st.one_of(st.sampled_from(CONTROL), st.text(max_size=8)), max_size=10
    ).map("".join),
)
def test_no_text_typed_in_the_admin_fails_or_is_stored_unfit(admin_client, title, text):
    admin_client.raise_request_exception = False
    action = Action.objects.order_by("pk").first()
    url = f"/admin/programmes/action/{action.pk}/change/"
    data = form_data(admin_client.get(url).content.decode())
    data.update(title=title, text=text)
    response = admin_client.post(url, data)
    assert response.status_code in (200, 302)
    action.refresh_from_db()
    assert not set(action.title + action.text) & set(UNFIT)
