"""In-process measurements of one page: SQL queries, server time, bytes sent.

The Django test Client runs the whole request (middleware, view, templates) in this
process, so its time is the server's time without the network. Modes say how the
portal is set up while measuring: 'uncached' with the page cache off (as run.py
starts it), 'cached' with it on; a new mode is one more entry in MODES.
"""

import gzip
import re
import statistics
import time
from collections.abc import Callable
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext


# Mode name -> a context manager factory that sets the portal up for it, or None
# when the mode is not built yet (reported as 'not yet available').
@contextmanager
def _page_cache_on():
    """The portal as it runs in production: anonymous pages from the cache. The
    cache is emptied before and after, so that no page cached here is served in
    another mode or at another size (bulk_create sends no signals)."""
    cache.clear()
    with override_settings(PAGE_CACHE_SECONDS=600):
        yield
    cache.clear()


MODES: dict[str, Callable[[], AbstractContextManager] | None] = {
    "uncached": nullcontext,
    "cached": _page_cache_on,
}

# Time budget per page and mode: enough requests for a stable p95 on fast pages,
# bounded on slow ones.
MIN_REQUESTS = 5
MAX_REQUESTS = 40
MAX_SECONDS = 8.0

# Every CSS and JS file the page names: in <link>, <script src> and attributes such
# as data-plotly, from which a script loads another after the page has loaded.
_ASSET = re.compile(r'="([^"]+\.(?:css|js))"')


@dataclass
class Timing:
    requests: int
    median_ms: float
    p95_ms: float
    # CPU time of this process alone (not PostgreSQL's): steadier than the wall
    # clock when other jobs share the cores.
    cpu_median_ms: float


@dataclass
class Transfer:
    html: int
    html_gzip: int
    css_gzip: int
    js_gzip: int

    @property
    def total_gzip(self) -> int:
        return self.html_gzip + self.css_gzip + self.js_gzip


def _client() -> Client:
    return Client(HTTP_HOST="127.0.0.1")


# ATOMIC_REQUESTS wraps each request in a transaction (a savepoint pair inside a
# test's transaction): transaction control is not counted, as in
# tests/test_query_counts.py.
_TRANSACTION_CONTROL = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE SAVEPOINT")


def _is_query(sql: str) -> bool:
    return not sql.lstrip().upper().startswith(_TRANSACTION_CONTROL)


def query_count(url: str) -> int:
    client = _client()
    client.get(url)  # warm caches of the process (templates, URL resolver)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return sum(1 for query in queries if _is_query(query["sql"]))


def server_time(url: str) -> Timing:
    client = _client()
    client.get(url)
    durations, cpu = [], []
    started = time.perf_counter()
    while len(durations) < MAX_REQUESTS and (
        len(durations) < MIN_REQUESTS or time.perf_counter() - started < MAX_SECONDS
    ):
        before, cpu_before = time.perf_counter(), time.process_time()
        client.get(url)
        durations.append((time.perf_counter() - before) * 1000)
        cpu.append((time.process_time() - cpu_before) * 1000)
    p95 = statistics.quantiles(durations, n=20, method="inclusive")[-1]
    return Timing(
        len(durations), statistics.median(durations), p95, statistics.median(cpu)
    )


def _static_file(url: str) -> Path | None:
    if not url.startswith(settings.STATIC_URL):
        return None
    path = Path(settings.STATIC_ROOT) / url[len(settings.STATIC_URL) :]
    return path if path.is_file() else None


def _gzip_size(data: bytes) -> int:
    # Level 9, as whitenoise compresses static files ahead of time.
    return len(gzip.compress(data, compresslevel=9))


def transfer(url: str) -> Transfer:
    """Bytes a first visit downloads: the HTML and the CSS and JS it links."""
    html = _client().get(url).content
    css = js = 0
    for asset in dict.fromkeys(_ASSET.findall(html.decode())):
        path = _static_file(asset)
        if path is None:
            continue
        size = _gzip_size(path.read_bytes())
        if asset.split("?")[0].endswith(".css"):
            css += size
        else:
            js += size
    return Transfer(len(html), _gzip_size(html), css, js)
