"""Real servers for the production tests: gunicorn on loopback or on a unix
socket, nginx in front of it as the README's production set-up has it, and a TCP
proxy that can cut the line to the database."""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def redis_url(number: int = 0) -> str:
    """Redis database `number` (0 or 1) of this test process's own: 15 and 14,
    13 and 12 for pytest-xdist's second worker, and so on, so that a test's
    FLUSHDB never empties what a test beside it wrote."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    return f"redis://127.0.0.1:6379/{(15 - 2 * int(worker or 0) - number) % 16}"


def database_url() -> str:
    """The URL of this test run's database, for servers started beside it."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("postgresql"):
        user = db.get("USER") or "postgres"
        host = db.get("HOST") or "127.0.0.1"
        port = db.get("PORT") or 5432
        return f"postgres://{user}@{host}:{port}/{db['NAME']}"
    return f"sqlite:///{db['NAME']}"


def wait_for(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base",
    "DJANGO_SECRET_KEY": "production-test-" + "k" * 40,
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    "DJANGO_HTTPS": "0",
    "DJANGO_LOG_LEVEL": "WARNING",
    # The test settings switch it off in this process's environment, which a
    # server started from here would otherwise inherit.
    "PORTAL_REQUIRE_2FA": "1",
}
_static_root = None


def manage(*args: str, env: dict) -> str:
    """Run manage.py under production settings, as an operator does; its output."""
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, **PRODUCTION_ENV, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def collected_static() -> str:
    """Collect the static files once per test run, as a deployment does."""
    global _static_root
    if _static_root is None:
        _static_root = tempfile.mkdtemp(prefix="portal-static-")
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=BASE_DIR,
            env={**os.environ, **PRODUCTION_ENV, "DJANGO_STATIC_ROOT": _static_root},
            check=True,
            timeout=300,
        )
    return _static_root


@contextmanager
def gunicorn(env: dict, workers: int = 1, bind: str = ""):
    """Start the portal under gunicorn on a free loopback port, or on `bind` (a
    unix socket: `unix:/path`); yield its URL, or the socket's path."""
    port = free_port()
    bind = bind or f"127.0.0.1:{port}"
    environment = {
        **os.environ,
        **PRODUCTION_ENV,
        "DJANGO_STATIC_ROOT": collected_static(),
        **env,
    }
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "python:hengelo_portal.gunicorn",
            "--bind",
            bind,
            "--workers",
            str(workers),
            "hengelo_portal.wsgi",
        ],
        cwd=BASE_DIR,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        if bind.startswith("unix:"):
            socket_path = bind.removeprefix("unix:")
            wait_for_socket(socket_path)
            yield socket_path
        else:
            url = f"http://127.0.0.1:{port}"
            wait_for(url + "/health/")
            yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def wait_for_socket(path: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.connect(path)
            return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{path} did not answer within {timeout} s")


NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
# The repository's configuration, as production includes it.
NGINX_PROXY_CONF = BASE_DIR / "deploy" / "nginx" / "hengelo-portal-proxy.conf"


def nginx_config(prefix: Path, port: int, upstream: str) -> str:
    """A main configuration around deploy/nginx/hengelo-portal-proxy.conf: what
    deploy/nginx/hengelo-portal.conf and Debian's nginx.conf give it in
    production, with this test's port, upstream and own paths instead of TLS,
    /run and /var."""
    # As root nginx would hand its workers to another user, who could not
    # reach this user's socket and temporary directories.
    user = "user root;" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"    {kind}_temp_path {prefix / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""
{user}
daemon off;
worker_processes 1;
pid {prefix / "nginx.pid"};
error_log {prefix / "error.log"} warn;
events {{ worker_connections 256; }}
http {{
    access_log off;
{temp}
    upstream hengelo_portal {{
        server {upstream} fail_timeout=0;
    }}
    server {{
        listen 127.0.0.1:{port};
        server_name 127.0.0.1;
        include snippets/hengelo-portal-proxy.conf;
    }}
}}
"""


@contextmanager
def nginx(upstream: str):
    """nginx with the repository's proxy configuration on a free loopback port in
    front of `upstream` (`unix:/path` or `127.0.0.1:port`), run as this user with
    its own prefix, pid and temporary paths (no root needed); yield its URL and
    its prefix directory (where the request bodies it buffers would go)."""
    prefix = Path(tempfile.mkdtemp(prefix="portal-nginx-"))
    (prefix / "conf" / "snippets").mkdir(parents=True)
    shutil.copy(NGINX_PROXY_CONF, prefix / "conf" / "snippets")
    port = free_port()
    (prefix / "conf" / "nginx.conf").write_text(nginx_config(prefix, port, upstream))
    command = [NGINX, "-p", f"{prefix}/", "-c", "conf/nginx.conf"]
    command += ["-e", str(prefix / "error.log")]
    checked = subprocess.run([*command, "-t", "-q"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stderr
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_for(url + "/health/")
        yield url, prefix
    finally:
        process.terminate()
        process.wait(timeout=20)
        shutil.rmtree(prefix, ignore_errors=True)


@contextmanager
def production(env: dict, workers: int = 2):
    """The README's production set-up: gunicorn on a unix socket, nginx in front;
    yield nginx's URL, nginx's prefix and gunicorn's temporary directory (TMPDIR,
    where Django would write an upload it does not keep in memory)."""
    sockets = Path(tempfile.mkdtemp(prefix="portal-run-"))
    tmpdir = Path(tempfile.mkdtemp(prefix="portal-tmp-"))
    bind = f"unix:{sockets / 'gunicorn.sock'}"
    try:
        with gunicorn({"TMPDIR": str(tmpdir), **env}, workers, bind=bind) as path:
            with nginx(f"unix:{path}") as (url, prefix):
                yield url, prefix, tmpdir
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
        shutil.rmtree(tmpdir, ignore_errors=True)


class TcpProxy:
    """Forwards a loopback port to a target; `cut()` closes every connection and
    refuses new ones, `restore()` accepts them again."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.open = True
        self.connections = []
        self.server = socket.create_server(("127.0.0.1", self.port))
        self.server.settimeout(0.2)
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while self.running:
            try:
                client, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if not self.open:
                client.close()
                continue
            upstream = socket.create_connection(self.target)
            self.connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(
                    target=self._pipe, args=(source, sink), daemon=True
                ).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                try:
                    sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def cut(self):
        self.open = False
        for sock in self.connections:
            try:
                sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            except OSError:
                pass
        self.connections = []

    def restore(self):
        self.open = True

    def close(self):
        self.running = False
        self.cut()
        self.server.close()
