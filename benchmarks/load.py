"""Load test: many concurrent visitors on the public pages for a fixed time, against
gunicorn with PostgreSQL and Redis, as in production. Only loopback traffic.

    make load                       # 60 s, 100 connections
    LOAD_SECONDS=30 LOAD_CONNECTIONS=50 make load

Reports throughput, latency percentiles and errors from wrk, checks that every
table holds exactly the same rows afterwards, and writes benchmarks/LOAD.md.
Exits non-zero when a request failed or the data changed.
"""

import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import psycopg2

ROOT = Path(__file__).resolve().parent.parent
DATABASE = os.environ.get("LOAD_DATABASE", "hengelo_load")
PG = {"host": "127.0.0.1", "port": 5432, "user": "postgres"}
REDIS_URL = os.environ.get("LOAD_REDIS_URL", "redis://127.0.0.1:6379/14")
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("LOAD_CONNECTIONS", "100"))
PORT = 8766
PATHS = [
    "/",
    "/programmas/2018/economie-werk-en-inkomen/",
    "/acties/",
    "/acties/?soort=action&sort=-year",
    "/acties/1/",
    "/agendas/twente-werkt/",
    "/indicatoren/",
    "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/",
    "/indicatoren/vergelijken/?van=2017&naar=2018",
    "/zoeken/?q=werk",
    "/begrippen/",
    "/api/v1/acties/",
    "/open-data/indicatoren.csv",
    "/static/css/portal.css",
]
WRK_SCRIPT = """
local paths = {%s}
local counter = 0
wrk.headers["Accept-Encoding"] = "gzip"
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "connect": %%d, "read": %%d, ' ..
    '"write": %%d, "status": %%d, "timeout": %%d, "p50": %%.1f, "p90": %%.1f, ' ..
    '"p99": %%.1f, "max": %%.1f}\\n',
    summary.requests, summary.duration, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status,
    summary.errors.timeout, latency:percentile(50) / 1000,
    latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
"""


def environment(static_root: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base",
        "DJANGO_SECRET_KEY": "load-test-" + "x" * 40,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_HTTPS": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "REDIS_URL": REDIS_URL,
        "DJANGO_STATIC_ROOT": static_root,
    }


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def prepare(env) -> None:
    conn = psycopg2.connect(dbname="postgres", **PG)
    conn.autocommit = True  # CREATE DATABASE cannot run in a transaction
    with conn.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{DATABASE}"')
        cursor.execute(f'CREATE DATABASE "{DATABASE}"')
    conn.close()
    manage(env, "migrate", "-v0")
    manage(env, "load_initial_data")
    manage(env, "collectstatic", "--noinput", "-v0")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def snapshot() -> dict:
    """Per table: the number of rows and a digest of all of them."""
    result = {}
    with psycopg2.connect(dbname=DATABASE, **PG) as conn, conn.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")
        for (table,) in sorted(cursor.fetchall()):
            if table in ("django_session", "axes_accesslog"):
                continue  # bookkeeping of visits, not content
            cursor.execute(f'SELECT * FROM "{table}"')
            rows = sorted(map(repr, cursor.fetchall()))
            digest = hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16]
            result[table] = (len(rows), digest)
    conn.close()
    return result


def wait_until_up(url: str) -> None:
    for _ in range(150):
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"gunicorn did not answer at {url}")


def run_wrk(script: Path) -> dict:
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "2",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{SECONDS}s",
            "--timeout",
            "10s",
            "--script",
            str(script),
            f"http://127.0.0.1:{PORT}",
        ],
        capture_output=True,
        text=True,
        timeout=SECONDS + 60,
        check=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def report(result: dict, intact: bool, before: dict) -> str:
    errors = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    seconds = result["duration_us"] / 1e6
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    latency = " / ".join(f"{result[p]:.1f}" for p in ("p50", "p90", "p99", "max"))
    kinds = ("connect", "read", "write", "status", "timeout")
    failures = f"{errors} ({', '.join(str(result[k]) for k in kinds)})"
    verdict = "yes" if intact else "NO"
    rows = "\n".join(
        f"| `{table}` | {count} | {'same' if intact else 'see above'} |"
        for table, (count, _) in before.items()
        if count
    )
    return f"""# Load test

Run by `make load` ({Path(__file__).name}) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.
Machine: {os.cpu_count()} cores, {cpu}; Python {platform.python_version()}.

gunicorn (`hengelo_portal/gunicorn.py`, {os.cpu_count() * 2 + 1} workers) with
production settings (debug off, whitenoise, page cache in Redis) against PostgreSQL,
on 127.0.0.1. wrk: 2 threads, {CONNECTIONS} connections for {SECONDS} s, cycling
through {len(PATHS)} addresses (pages, API, CSV export, a static file) with
`Accept-Encoding: gzip`. wrk runs on the same 2 cores as the server.

| figure | value |
|---|---|
| requests | {result["requests"]} |
| throughput | {result["requests"] / seconds:.0f} requests/s |
| latency p50 / p90 / p99 / max | {latency} ms |
| failed requests (connect, read, write, status ≥ 400, timeout) | {failures} |
| data intact afterwards (every table: same rows, same digest) | {verdict} |

Rows per table before and after:

| table | rows | after |
|---|---|---|
{rows}
"""


def main() -> int:
    static_root = tempfile.mkdtemp(prefix="portal-load-static-")
    env = environment(static_root)
    prepare(env)
    before = snapshot()
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in PATHS))
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "-c",
            "python:hengelo_portal.gunicorn",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--access-logfile",
            "/dev/null",
            "hengelo_portal.wsgi",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/health/")
        result = run_wrk(script)
    finally:
        server.terminate()
        server.wait(timeout=30)
    after = snapshot()
    intact = before == after
    text = report(result, intact, before)
    (ROOT / "benchmarks" / "LOAD.md").write_text(text)
    print(text)
    failed = sum(result[k] for k in ("connect", "read", "write", "status", "timeout"))
    return 0 if failed == 0 and intact else 1


if __name__ == "__main__":
    raise SystemExit(main())
