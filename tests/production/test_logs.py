"""No query string in any log line: requests, errors with their tracebacks, the
development server and gunicorn."""

import io
import json
import logging
from contextlib import contextmanager

import pytest
from gunicorn.config import Config

from django.urls import path

from hengelo_portal.gunicorn import PortalLogger
from hengelo_portal.log_filters import QueryStringFilter, strip_query
from hengelo_portal.urls import urlpatterns as portal_urlpatterns

SECRET = "geheimzoekwoord"


def fails_with_the_query(request):
    # As int(request.GET["jaar"]) did: the value ends up in the error's text.
    raise ValueError(f"cannot read {request.GET['q']!r}")


urlpatterns = [path("kapot/", fails_with_the_query), *portal_urlpatterns]


@contextmanager
def captured_log():
    """What the portal's own log handler writes, as configured in the settings."""
    handler = next(
        h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler)
    )
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        yield stream
    finally:
        handler.setStream(previous)


def lines(stream) -> list[dict]:
    return [json.loads(line) for line in stream.getvalue().splitlines() if line]


@pytest.mark.urls("tests.production.test_logs")
def test_a_500_logs_neither_the_query_string_nor_its_values(client, db):
    client.raise_request_exception = False
    with captured_log() as stream:
        response = client.get("/kapot/", {"q": SECRET, "jaar": "²"})
    assert response.status_code == 500
    records = lines(stream)
    error = next(r for r in records if r["name"] == "django.request")
    assert error["levelname"] == "ERROR"
    assert error["request"] == "GET /kapot/"
    assert "ValueError" in error["exc_info"]
    assert "/kapot/" in stream.getvalue()
    assert SECRET not in stream.getvalue()
    assert "jaar=" not in stream.getvalue() and "q=" not in stream.getvalue()


def test_a_refused_request_logs_no_query_string(client, db, settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    with captured_log() as stream:
        client.get(f"/zoeken/?q={SECRET}", HTTP_HOST="evil.example")
    assert "Invalid HTTP_HOST header" in stream.getvalue()
    assert SECRET not in stream.getvalue()


def test_the_development_servers_request_line_loses_its_query_string():
    class Socket:  # what runserver puts on its records as 'request'
        def __str__(self):
            return "<socket raddr=('192.0.2.7', 50000)>"

    with captured_log() as stream:
        logging.getLogger("django.server").warning(
            '"%s" %s %s',
            f"GET /zoeken/?q={SECRET} HTTP/1.1",
            "404",
            "1234",
            extra={"request": Socket(), "status_code": 404},
        )
    (record,) = lines(stream)
    assert record["message"] == '"GET /zoeken/ HTTP/1.1" 404 1234'
    assert "192.0.2.7" not in stream.getvalue()


def test_gunicorns_error_and_access_lines_lose_the_query_string():
    config = Config()
    config.set("accesslog", "-")  # as hengelo_portal/gunicorn.py sets it
    logger = PortalLogger(config)
    stream = io.StringIO()
    for log in (logger.error_log, logger.access_log):
        for handler in log.handlers:
            handler.setStream(stream)
    logger.error_log.error("Error handling request %s", f"/zoeken/?q={SECRET}")
    logger.access_log.info("%(r)s", {"r": f"GET /zoeken/?q={SECRET} HTTP/1.1"})
    assert "Error handling request /zoeken/" in stream.getvalue()
    assert "GET /zoeken/ HTTP/1.1" in stream.getvalue()
    assert SECRET not in stream.getvalue()


@pytest.mark.parametrize(
    ("text", "stripped"),
    [
        ("GET /zoeken/?q=werk HTTP/1.1", "GET /zoeken/ HTTP/1.1"),
        ("<WSGIRequest: GET '/zoeken/?q=werk'>", "<WSGIRequest: GET '/zoeken/'>"),
        (
            "see https://begroting.hengelo.nl/?jaar=2018.",
            "see https://begroting.hengelo.nl/",
        ),
        ("Is dit een vraag?", "Is dit een vraag?"),
        ("/acties/", "/acties/"),
    ],
)
def test_strip_query(text, stripped):
    assert strip_query(text) == stripped


def test_a_placeholder_in_the_query_still_formats():
    record = logging.makeLogRecord({"msg": "GET /?q=%s done", "args": ("x",)})
    assert QueryStringFilter().filter(record) is True
    assert record.getMessage() == "GET / done"
