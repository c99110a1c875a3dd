"""Public pages come from the cache, an edit shows at once, and 304s are answered."""

import gzip
import pickle
import zlib

import pytest
import redis

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.signals import content_written
from programmes.models import Action, GlossaryTerm
from tests.production.servers import redis_url
from web.caching import (
    BULK_VERSION_KEY,
    CONTENT_ENTRY_KEY,
    MODEL_VERSION_KEY,
    VERSION_KEY,
)

pytestmark = pytest.mark.usefixtures("seed_data")

PAGE = "/acties/1/"
# Its own database, as in tests/production/test_servers.py (which uses 15).
REDIS_URL = redis_url(1)


def queries_for(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    return response, len(queries)


def test_second_visit_is_served_from_the_cache(client):
    first, first_queries = queries_for(client, PAGE)
    second, second_queries = queries_for(client, PAGE)
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


def test_an_edit_is_visible_on_the_next_request(client):
    client.get(PAGE)
    action = Action.objects.get(pk=1)
    action.title = "Gewijzigde titel door een redacteur"
    action.save()
    assert "Gewijzigde titel door een redacteur" in client.get(PAGE).content.decode()


def test_a_many_to_many_change_also_invalidates(client):
    client.get(PAGE)
    Action.objects.get(pk=1).places.clear()
    response, queries = queries_for(client, PAGE)
    assert queries > 0


def test_conditional_request_gets_304(client):
    etag = client.get(PAGE)["ETag"]
    response, queries = queries_for(client, PAGE, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert queries == 0


def test_logged_in_visitors_are_not_served_from_the_cache(client, admin_user):
    client.get(PAGE)
    client.force_login(admin_user)
    _, queries = queries_for(client, PAGE)
    assert queries > 0


def test_compressed_and_plain_pages_are_cached_apart(client):
    plain = client.get(PAGE)
    compressed = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip, deflate")
    again, queries = queries_for(client, PAGE, HTTP_ACCEPT_ENCODING="gzip")
    assert queries == 0
    assert compressed["Content-Encoding"] == again["Content-Encoding"] == "gzip"
    assert again.content == compressed.content
    assert gzip.decompress(again.content) == plain.content
    assert "Accept-Encoding" in again["Vary"]
    assert not client.get(PAGE).has_header("Content-Encoding")


def test_a_cached_page_keeps_its_security_headers(client):
    first = client.get(PAGE)
    second, queries = queries_for(client, PAGE)
    assert queries == 0
    for header in ("Content-Security-Policy", "X-Content-Type-Options", "ETag"):
        assert second[header] == first[header]


def test_a_cached_compressed_page_answers_304(client):
    etag = client.get(PAGE, HTTP_ACCEPT_ENCODING="gzip")["ETag"]
    response, queries = queries_for(
        client, PAGE, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=etag
    )
    assert (response.status_code, queries) == (304, 0)


def test_a_cached_page_answers_if_modified_since(client):
    # Feed readers often send only If-Modified-Since.
    feed = "/wijzigingen/atom/"
    last_modified = client.get(feed)["Last-Modified"]
    response, queries = queries_for(client, feed, HTTP_IF_MODIFIED_SINCE=last_modified)
    assert (response.status_code, queries) == (304, 0)


def test_each_host_has_its_own_cached_pages(client, settings):
    settings.ALLOWED_HOSTS = ["begroting.hengelo.nl", "testserver"]
    feed = "/wijzigingen/atom/"
    client.get(feed, HTTP_HOST="begroting.hengelo.nl")
    other = client.get(feed).content.decode()
    assert "begroting.hengelo.nl" not in other


def test_a_change_is_announced_again_after_its_commit(
    client, django_capture_on_commit_callbacks
):
    client.get(PAGE)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        action = Action.objects.get(pk=1)
        action.title = "Gewijzigd"
        action.save()
    # What a request in between would cache is of the version before the commit.
    client.get(PAGE)
    for callback in callbacks:
        callback()
    _, queries = queries_for(client, PAGE)
    assert queries > 0


# --- The glossary is read once, and again only after it changed ----------------

PROGRAMME = "/programmas/2018/economie-werk-en-inkomen/"


def glossary_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return sum('"programmes_glossaryterm"' in q["sql"] for q in queries)


def test_the_glossary_is_read_once_past_other_changes(client):
    assert glossary_queries(client, PROGRAMME) == 1
    Action.objects.filter(pk=1).first().save()
    assert glossary_queries(client, PROGRAMME) == 0
    assert glossary_queries(client, PAGE) == 0


def first_explained_term(page: str) -> GlossaryTerm:
    return next(
        term
        for term in GlossaryTerm.objects.all()
        if f'<abbr title="{term.meaning}">{term.term}</abbr>' in page
    )


def test_a_glossary_change_shows_on_the_next_request(client):
    term = first_explained_term(client.get(PROGRAMME).content.decode())
    term.meaning = "Een nieuwe uitleg van de redactie"
    term.save()
    page = client.get(PROGRAMME).content.decode()
    assert f'<abbr title="Een nieuwe uitleg van de redactie">{term.term}</abbr>' in page


def test_a_bulk_write_reads_the_glossary_again(client):
    term = first_explained_term(client.get(PROGRAMME).content.decode())
    # As an import writes: no model signals, one content_written after it.
    GlossaryTerm.objects.filter(pk=term.pk).update(meaning="Uit de import")
    content_written.send(sender=None)
    page = client.get(PROGRAMME).content.decode()
    assert f'<abbr title="Uit de import">{term.term}</abbr>' in page


# --- Only the parameters a page reads make entries -----------------------------


# What the cache holds beside pages: the versions and the glossary's rows.
NOT_PAGES = (
    VERSION_KEY,
    BULK_VERSION_KEY,
    MODEL_VERSION_KEY.format(model="programmes.glossaryterm"),
    CONTENT_ENTRY_KEY.format(name="glossary"),
)


def page_entries(backend) -> int:
    """How many cached pages the cache holds (not the versions or the glossary)."""
    if isinstance(backend, FileBasedCache):  # the embedded default
        # Its files are named by a hash of the key, so what a file holds tells:
        # a page is (version, page); a version is a number, and what
        # cached_for_content keeps is (versions, value), versions a tuple.
        others = {backend._key_to_file(key) for key in NOT_PAGES}
        return sum(
            path not in others and _is_page(_file_value(path))
            for path in backend._list_cache_files()
        )
    if isinstance(backend, LocMemCache):
        keys = list(backend._cache)
    else:
        keys = [key.decode() for key in backend._cache.get_client().keys("*")]
    return sum(":portal:page:" in key for key in keys)


def _file_value(path):
    """The value of one file of Django's file cache (its expiry, then the
    compressed pickle); None for a file removed meanwhile."""
    try:
        with open(path, "rb") as file:
            pickle.load(file)
            return pickle.loads(zlib.decompress(file.read()))
    except FileNotFoundError:
        return None


def _is_page(value) -> bool:
    return isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int)


@pytest.fixture(params=["files", "redis"])
def real_cache(request, settings):
    """The tests' own cache (the embedded default's files) and Redis, as in
    production."""
    if request.param == "redis":
        client = redis.Redis.from_url(REDIS_URL)
        try:
            client.ping()
        except redis.ConnectionError:
            pytest.skip(f"no Redis at {REDIS_URL}")
        client.flushdb()
        settings.CACHES = {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": REDIS_URL,
            }
        }
        yield caches["default"]
        client.flushdb()
    else:
        yield caches["default"]


def test_unknown_parameters_make_no_entries(client, real_cache):
    client.get(PAGE)
    # 200 as in the report; the action list itself (slower) 20 times below.
    for number in range(200):
        assert client.get(f"{PAGE}?x={number}").status_code == 200
    assert page_entries(real_cache) == 1
    for number in range(20):
        assert client.get(f"/acties/?x={number}").status_code == 200
    assert page_entries(real_cache) == 1
    # Nor does an unknown parameter beside known ones, or on the API.
    client.get("/acties/?soort=goal&x=1")
    client.get("/api/v1/acties/?x=1")
    client.get("/?utm_source=nieuwsbrief")
    assert page_entries(real_cache) == 1


def test_a_page_with_unknown_parameters_is_still_answered_in_full(client):
    plain = client.get("/acties/")
    odd, queries = queries_for(client, "/acties/?x=1")
    assert queries > 0
    assert odd.status_code == 200 and "/acties/" in odd.content.decode()
    assert len(odd.content) >= len(plain.content) * 0.9


def test_known_parameters_are_cached_in_any_order(client, real_cache):
    client.get("/acties/?soort=goal&jaar=2018")
    response, queries = queries_for(client, "/acties/?jaar=2018&soort=goal")
    assert queries == 0
    assert response.status_code == 200
    assert page_entries(real_cache) == 1
    client.get("/api/v1/acties/?soort=goal&lang=en")
    _, queries = queries_for(client, "/api/v1/acties/?lang=en&soort=goal")
    assert queries == 0


def test_a_long_address_makes_a_short_key(client, real_cache):
    client.get("/zoeken/", {"q": "werk " * 2000})
    client.get("/zoeken/", {"q": "werk " * 2000})
    assert page_entries(real_cache) == 1
