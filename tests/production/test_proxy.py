"""The README's production set-up, nginx (deploy/nginx/) in front of gunicorn on a
unix socket: slow clients hold nobody up, and a body over its limit is refused
before it is read, by nginx and by Django, without a temporary file."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from tests.production.servers import BASE_DIR, PRODUCTION_ENV, gunicorn, production

SLOW_CLIENTS = 10
MB = 1024 * 1024


@pytest.fixture(scope="module")
def portal_env(tmp_path_factory):
    """A portal of its own (SQLite file, file cache) with programme 1 loaded."""
    root = tmp_path_factory.mktemp("proxy")
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{root / 'portal.sqlite3'}",
        "PORTAL_CACHE_DIR": str(root / "cache"),
        "REDIS_URL": "",
    }
    for command in (["migrate", "--noinput", "-v0"], ["load_initial_data", "-v0"]):
        subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR,
            env={**os.environ, **env},
            check=True,
            capture_output=True,
            timeout=300,
        )
    return env


@pytest.fixture(scope="module")
def site(portal_env):
    """nginx's URL, nginx's prefix and gunicorn's TMPDIR."""
    with production(portal_env, workers=2) as running:
        yield running


def timed_get(url: str, timeout: float = 10) -> tuple[int, float]:
    start = time.monotonic()
    with urllib.request.urlopen(url, timeout=timeout) as response:
        response.read()
        return response.status, time.monotonic() - start


def address(url: str) -> tuple[str, int]:
    host, port = url.removeprefix("http://").split(":")
    return host, int(port)


class SlowClient(threading.Thread):
    """A socket that sends one header line every `interval` seconds and never
    finishes its request; `closed_after` is when the server hung up."""

    def __init__(self, url: str, interval: float = 5):
        super().__init__(daemon=True)
        self.sock = socket.create_connection(address(url))
        self.interval = interval
        self.started = time.monotonic()
        self.closed_after = None
        self.stop = threading.Event()

    def run(self):
        lines = [b"GET /acties/ HTTP/1.1\r\n", b"Host: 127.0.0.1\r\n"]
        lines += [b"X-Langzaam-%d: ja\r\n" % n for n in range(1000)]
        self.sock.settimeout(self.interval)
        try:
            for line in lines:
                if self.stop.is_set():
                    return
                self.sock.sendall(line)
                try:
                    self.sock.recv(4096)
                except TimeoutError:
                    continue
                break  # nothing (b"") or an answer: the server hung up
        except OSError:
            pass
        finally:
            self.closed_after = time.monotonic() - self.started
            self.sock.close()


def test_ten_slow_clients_hold_up_no_other_visitor(site):
    url, _prefix, _tmpdir = site
    assert timed_get(url + "/acties/")[0] == 200
    clients = [SlowClient(url) for _ in range(SLOW_CLIENTS)]
    for client in clients:
        client.start()
    try:
        time.sleep(1)
        # gunicorn has two sync workers; without nginx in front these ten
        # sockets hold both, and this request waits for gunicorn's 30 s timeout.
        for page in ("/acties/", "/", "/zoeken/?q=werk"):
            status, seconds = timed_get(url + page, timeout=10)
            assert status == 200 and seconds < 2, (page, seconds)
        # nginx cuts a header that does not finish (client_header_timeout 10s).
        for client in clients:
            client.join(timeout=15)
        assert all(
            client.closed_after and client.closed_after < 15 for client in clients
        )
    finally:
        for client in clients:
            client.stop.set()


def post_headers(path: str, length: int) -> bytes:
    return (
        f"POST {path} HTTP/1.1\r\n"
        "Host: 127.0.0.1\r\n"
        "Content-Type: multipart/form-data; boundary=grens\r\n"
        f"Content-Length: {length}\r\n"
        "Cookie: csrftoken=" + "x" * 32 + "\r\n"
        "Connection: close\r\n\r\n"
    ).encode()


def large_post(url: str, path: str, send: int, length: int = 300 * MB, on_the_way=None):
    """POST `length` declared bytes (a file in a multipart form) to `path`, of
    which `send` are sent, in the background as a client would; call
    `on_the_way()` while they arrive; the status line of the answer."""
    sock = socket.create_connection(address(url), timeout=10)
    body = (
        b'--grens\r\nContent-Disposition: form-data; name="file"; '
        b'filename="groot.csv"\r\nContent-Type: text/csv\r\n\r\n'
    )
    sock.sendall(post_headers(path, length))

    def send_body():
        try:
            sock.sendall(body + b"x" * (send - len(body)))
        except OSError:
            pass  # the server stopped reading: as it should

    sender = threading.Thread(target=send_body, daemon=True)
    sender.start()
    seen = on_the_way() if on_the_way else None
    answer = b""
    try:
        while b"\r\n" not in answer and (chunk := sock.recv(65536)):
            answer += chunk
        while chunk := sock.recv(65536):
            answer += chunk
    except OSError:
        pass
    finally:
        sock.close()
    return answer, seen


def files_in(*directories) -> list:
    return [
        os.path.join(root, name)
        for directory in directories
        for root, _dirs, names in os.walk(directory)
        for name in names
    ]


def test_nginx_refuses_a_large_anonymous_post_before_reading_it(site):
    url, prefix, tmpdir = site

    def temporary_files():
        time.sleep(1)
        return files_in(prefix / "client_body", tmpdir)

    answer, seen = large_post(
        url, "/raad/inloggen/", send=8 * MB, on_the_way=temporary_files
    )
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert seen == []
    # A public page takes no body at all; the admin's import page up to 6 MB.
    answer, _ = large_post(url, "/acties/", send=100_000, length=100_000)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    answer, _ = large_post(
        url, "/admin/opendata/importrun/inlezen/", send=7 * MB, length=7 * MB
    )
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]


def test_django_refuses_a_large_anonymous_post_before_reading_it(portal_env, tmp_path):
    """gunicorn without nginx: Django itself answers 413 with its Dutch page and
    writes nothing to disk (before, the body went to a temporary file on its
    way to the CSRF check's 403)."""
    with gunicorn({**portal_env, "TMPDIR": str(tmp_path)}) as url:

        def temporary_files():
            time.sleep(1)
            return files_in(tmp_path)

        answer, seen = large_post(
            url, "/raad/inloggen/", send=8 * MB, on_the_way=temporary_files
        )
        assert seen == []
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
        assert "Te veel gegevens" in answer.decode()
        assert files_in(tmp_path) == []
