"""A logging filter that keeps query strings (search terms, filters) out of the logs.

Django's request log puts the request itself on its records ("<WSGIRequest: GET
'/zoeken/?q=…'>", which the JSON formatter writes out), runserver and gunicorn
log the request line, and an error's traceback may quote a value from the query.
The filter takes the query strings out of the message, its arguments, the request
and the traceback, on every record that passes it; it leaves the path. Plain
Python, no Django: gunicorn's configuration imports it too.
"""

import logging
import re
from urllib.parse import unquote_plus

# A '?' right after a path or address, up to the end of the address.
_QUERY = re.compile(
    r"(?P<address>(?:[a-z][a-z0-9+.-]*://[^\s/?#'\"]*)?/[^\s?'\"]*)"
    r"\?[^\s'\"#]*"
)
# Values shorter than this are not looked for in tracebacks: '1' or '2018' would
# take out line numbers and code along with them.
_SHORTEST_SECRET = 4
REDACTED = "[…]"


def strip_query(text: str) -> str:
    """'GET /zoeken/?q=werk HTTP/1.1' -> 'GET /zoeken/ HTTP/1.1'."""
    return _QUERY.sub(r"\g<address>", text) if "?" in text else text


def _strip(value):
    return strip_query(value) if isinstance(value, str) else value


def _strip_args(args):
    if isinstance(args, dict):
        return {key: _strip(value) for key, value in args.items()}
    return tuple(_strip(value) for value in args)


class QueryStringFilter(logging.Filter):
    """Takes the query string out of every record; never drops a record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            try:
                # Whole: a query in the template may hold a placeholder ('%s').
                record.msg, record.args = record.getMessage(), None
            except (TypeError, ValueError):
                record.args = _strip_args(record.args)
        if isinstance(record.msg, str):
            record.msg = strip_query(record.msg)
        secrets = self._request(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text, secrets)
            # Formatters would write the traceback anew from exc_info.
            record.exc_info = None
        return True

    @staticmethod
    def _request(record) -> set[str]:
        """Replace the request on the record (Django's, or runserver's socket, whose
        text holds the visitor's address) by its method and path; return what of
        its query string must not show in a traceback."""
        request = getattr(record, "request", None)
        if request is None or isinstance(request, str):  # none, or done already
            return set()
        meta = getattr(request, "META", None)
        if meta is None:  # runserver puts its socket there
            record.request = None
            return set()
        record.request = f"{request.method} {request.path}"
        query = meta.get("QUERY_STRING", "")
        if not query:
            return set()
        secrets = {query, unquote_plus(query)}
        try:
            parameters = request.GET.lists()
        except Exception:  # noqa: BLE001 - e.g. too many fields: the raw query only
            return secrets
        for _name, values in parameters:
            for value in values:
                secrets.update((repr(value), repr(value.encode("utf-8", "replace"))))
                if len(value) >= _SHORTEST_SECRET:
                    secrets.add(value)
        return secrets

    @staticmethod
    def _redact(text: str, secrets: set[str]) -> str:
        text = strip_query(text)
        for secret in sorted(secrets, key=len, reverse=True):
            if secret and secret not in ("''", "b''"):
                text = text.replace(secret, REDACTED)
        return text
