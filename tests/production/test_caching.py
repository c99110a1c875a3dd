"""Public pages come from the cache, an edit shows at once, and 304s are answered."""

import gzip

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from programmes.models import Action

pytestmark = pytest.mark.usefixtures("seed_data")

PAGE = "/acties/1/"


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
