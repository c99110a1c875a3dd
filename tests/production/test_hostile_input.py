"""No query parameter, however odd, makes a public page, download or the API fail.

Each parameter of every public address (tests/addresses.py), in both languages,
gets a corpus of hostile values; hypothesis then tries combinations of its own.
A 400 or 404 is a fine answer, a 500 never is.
"""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.addresses import (
    API,
    API_DETAILS,
    DOWNLOADS,
    PAGES,
    english,
    every_address,
)
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

# Each as it is typed; sent percent-encoded as UTF-8.
HOSTILE_TEXTS = [
    "²",  # str.isdigit() says yes, int() says no
    "٢٠١٨",  # Arabic-Indic digits: int() reads them as 2018
    "werk\x00",
    "\x1b[31m",
    "\x85",
    "-1",
    "0",
    "+1",
    "1.5",
    "NaN",
    str(10**30),
    str(2**63),
    "x" * 10_000,
    "1' OR '1'='1'; DROP TABLE programmes_action; --",
    '"werk" OR -inkomen & !(a | b) <-> c:*',
    "\u202e🙂",
]
# Already encoded: bytes that are no UTF-8, like an unpaired surrogate.
HOSTILE_RAW = ["%ED%A0%80", "%C0%80", "%FF"]
CORPUS = [quote(text, safe="") for text in HOSTILE_TEXTS] + HOSTILE_RAW
# For a parameter no view reads, English pages (the same views as the Dutch),
# the other download formats and the slow schema.
SHORT_CORPUS = [
    quote(text, safe="")
    for text in ("²", "\x00", str(10**30), "-1", "x" * 10_000, HOSTILE_TEXTS[-2])
] + ["%ED%A0%80"]
UNKNOWN = "onbekend"


def answers(client, address: str, query: str) -> int:
    response = client.get(f"{address}?{query}" if query else address)
    return response.status_code


def failures(client, address: str, names, corpus) -> list[str]:
    failed = []
    for name in (*names, UNKNOWN):
        for value in corpus if name != UNKNOWN else SHORT_CORPUS:
            status = answers(client, address, f"{name}={value}")
            if status >= 500:
                failed.append(f"{address}?{name}={value[:40]} -> {status}")
    return failed


@pytest.fixture
def quiet_client(client):
    client.raise_request_exception = False
    return client


REPORTED = [
    ("/?jaar=%C2%B2", 200),
    ("/en/?jaar=%C2%B2", 200),
    ("/indicatoren/vergelijken/?van=%C2%B2", 200),
    ("/en/indicatoren/vergelijken/?van=%C2%B2", 200),
    ("/acties/?programma=%C2%B2", 200),
    ("/en/acties/?programma=%C2%B2", 200),
    ("/open-data/indicatoren.csv?jaar=%C2%B2", 400),
    ("/api/v1/acties/?programma=%C2%B2", 200),
    ("/api/v1/actielijnen/?agenda=%C2%B2", 200),
    ("/zoeken/?q=werk%00", 400),
    ("/en/zoeken/?q=werk%00", 400),
    ("/open-data/indicatoren.csv?programma=%00", 400),
    ("/acties/?per_page=-1", 200),
    ("/indicatoren/?per_page=-1", 200),
    ("/en/indicatoren/?per_page=-1", 200),
    (f"/open-data/indicatoren.csv?programma={10**30}", 200),
]


@pytest.mark.parametrize(("address", "status"), REPORTED)
def test_the_reported_addresses_no_longer_fail(quiet_client, address, status):
    assert quiet_client.get(address).status_code == status


def test_a_control_character_gets_the_400_page_in_the_pages_language(quiet_client):
    dutch = quiet_client.get("/zoeken/?q=werk%00")
    english = quiet_client.get("/en/zoeken/?q=werk%00")
    assert "De vraag klopt niet" in page_text(dutch)
    assert english.status_code == 400
    assert 'lang="en"' in english.content.decode()


def test_a_control_character_in_a_name_is_refused_too(quiet_client):
    assert quiet_client.get("/acties/?th%01ema=x").status_code == 400


def test_a_superscript_year_shows_the_newest_budget(quiet_client):
    assert "Begroting 2018" in page_text(quiet_client.get("/?jaar=%C2%B2"))


def test_a_page_past_the_end_is_the_last_and_the_page_size_is_capped(quiet_client):
    last = quiet_client.get("/acties/?per_page=5&page=999999")
    assert "Vorige" in page_text(last) and "Volgende" not in page_text(last)
    first = quiet_client.get("/acties/?per_page=5&page=-1")
    assert "Volgende" in page_text(first) and "Vorige" not in page_text(first)
    huge = quiet_client.get(f"/acties/?per_page={10**30}")
    assert huge.status_code == 200


@pytest.mark.parametrize("address", sorted(PAGES))
def test_no_parameter_of_a_page_fails(quiet_client, address):
    assert failures(quiet_client, address, PAGES[address], CORPUS) == []


@pytest.mark.parametrize("address", sorted(PAGES))
def test_no_parameter_of_an_english_page_fails(quiet_client, address):
    path = english(address)
    assert failures(quiet_client, path, PAGES[address], SHORT_CORPUS) == []


@pytest.mark.parametrize("address", sorted(DOWNLOADS))
def test_no_parameter_of_a_download_fails(quiet_client, address):
    assert failures(quiet_client, f"{address}.csv", DOWNLOADS[address], CORPUS) == []
    # The other formats share the parsing; a few values each.
    for suffix in ("-puntkomma.csv", ".xlsx", ".json"):
        assert (
            failures(
                quiet_client, f"{address}{suffix}", DOWNLOADS[address], SHORT_CORPUS
            )
            == []
        )


@pytest.mark.parametrize("address", sorted(API))
def test_no_parameter_of_the_api_fails(quiet_client, address):
    # The schema takes a quarter of a second each time: a short corpus for it.
    corpus = SHORT_CORPUS if "schema" in address else CORPUS
    assert failures(quiet_client, address, API[address], corpus) == []


PATH_VALUES = ["0", str(2**63), str(10**30), "9" * 400]


@pytest.mark.parametrize(
    "template",
    [
        "/acties/{}/",
        "/en/acties/{}/",
        "/programmas/{}/economie-werk-en-inkomen/",
        "/indicatoren/x{}/",
        "/agendas/x{}/",
    ],
)
def test_no_number_in_a_path_fails(quiet_client, template):
    for value in PATH_VALUES:
        assert quiet_client.get(template.format(value)).status_code == 404


@pytest.mark.parametrize("template", sorted(API_DETAILS))
def test_no_id_in_an_api_address_fails(quiet_client, template):
    for value in [*PATH_VALUES, *CORPUS]:
        assert answers(quiet_client, template.format(value), "") < 500, value


ADDRESSES = every_address()
NAMES = sorted({name for names in ADDRESSES.values() for name in names} | {UNKNOWN})
values = st.one_of(
    st.text(max_size=40),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(HOSTILE_TEXTS),
)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    address=st.sampled_from(sorted(ADDRESSES)),
    query=st.lists(st.tuples(st.sampled_from(NAMES), values), max_size=4),
)
def test_any_combination_of_parameters_never_fails(quiet_client, address, query):
    encoded = "&".join(
        f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in query
    )
    assert answers(quiet_client, address, encoded) < 500


# --- More parameters than Django reads (DATA_UPLOAD_MAX_NUMBER_FIELDS) ---------

# "a&a&…": short enough for gunicorn's request line (4094 bytes).
TOO_MANY = "&".join(["a"] * 1001)


def test_too_many_parameters_get_the_400_page_everywhere(quiet_client):
    for address in [*sorted(every_address()), "/admin/login/", "/raad/inloggen/"]:
        response = quiet_client.get(f"{address}?{TOO_MANY}")
        assert response.status_code == 400, address
        if address.startswith("/api/"):
            assert response.json() == {"detail": "Ongeldige vraag."}
        elif address.startswith("/en/"):
            assert "Bad request" in page_text(response), address
        else:
            assert "De vraag klopt niet" in page_text(response), address


def test_too_many_parameters_get_the_400_page_in_the_pages_language(quiet_client):
    response = quiet_client.get(f"/en/zoeken/?{TOO_MANY}")
    assert response.status_code == 400
    assert 'lang="en"' in response.content.decode()
    english_api = quiet_client.get(f"/api/v1/acties/?lang=en&{TOO_MANY}")
    assert english_api.status_code == 400
    assert english_api.json() == {"detail": "Ongeldige vraag."}  # ?lang= unread


def test_too_many_posted_fields_get_the_400_page(admin_client):
    admin_client.raise_request_exception = False
    response = admin_client.post(
        "/admin/programmes/action/1/change/?x=1", {f"f{n}": "x" for n in range(1001)}
    )
    assert response.status_code == 400
    assert "De vraag klopt niet" in page_text(response)
