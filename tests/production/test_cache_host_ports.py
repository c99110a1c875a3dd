"""Any port in the Host header passes ALLOWED_HOSTS (Django ignores ports there);
it must not make cached pages of its own, in the real caches (the embedded
default's files, and Redis)."""

import pytest

from tests.production.test_caching import (  # noqa: F401 (a fixture)
    page_entries,
    real_cache,
)

pytestmark = pytest.mark.usefixtures("seed_data")

FEED = "/wijzigingen/atom/"


def test_ports_in_the_host_header_make_no_entries(client, settings, real_cache):  # noqa: F811
    settings.ALLOWED_HOSTS = ["begroting.hengelo.nl"]
    client.get(FEED, HTTP_HOST="begroting.hengelo.nl")
    assert page_entries(real_cache) == 1
    for port in range(8001, 8031):
        response = client.get(FEED, HTTP_HOST=f"begroting.hengelo.nl:{port}")
        assert response.status_code == 200
    assert page_entries(real_cache) == 1
    # Answered in full all the same, with the address it was asked under.
    odd = client.get(FEED, HTTP_HOST="begroting.hengelo.nl:8007").content.decode()
    assert "http://begroting.hengelo.nl:8007/" in odd


def test_the_port_the_server_listens_on_is_cached(client, settings, real_cache):  # noqa: F811
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    host = {"HTTP_HOST": "127.0.0.1:8123", "SERVER_PORT": "8123"}
    client.get(FEED, **host)
    assert page_entries(real_cache) == 1
    assert client.get(FEED, **host).status_code == 200
    assert page_entries(real_cache) == 1
