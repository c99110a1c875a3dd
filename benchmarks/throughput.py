"""Throughput under gunicorn (2 workers) against PostgreSQL, measured with wrk.

Every page is compared with a static file served by the same server (whitenoise),
in the same run: the ratio travels between machines, the absolute figures do not.
"""

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
PORT = 8765
WORKERS = 2
# Concurrent clients and duration per page; wrk shares the 2 cores with gunicorn.
CONNECTIONS = 8
DURATION_SECONDS = 8


@dataclass
class Throughput:
    requests_per_second: float
    latency_p50_ms: float | None
    errors: int


@contextmanager
def gunicorn(env: dict, root: Path):
    """gunicorn serving the portal on loopback until the block ends."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "hengelo_portal.wsgi:application",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{PORT}",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=root, env=env)
    try:
        # Small, and not one of the measured pages.
        _wait_until_up(f"http://{HOST}:{PORT}/robots.txt", process)
        yield f"http://{HOST}:{PORT}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


def _wait_until_up(url: str, process: subprocess.Popen) -> None:
    for _ in range(60):
        if process.poll() is not None:
            raise RuntimeError("gunicorn stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=5):
                return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer within 30 seconds")


def _milliseconds(text: str) -> float | None:
    """wrk's '812.00us', '1.20ms', '2.00s', '1.00m'; None for what it cannot say."""
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:  # e.g. '-nan' when no request finished in time
        return None
    number, unit = match.groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60_000}[unit]


def warm(url: str) -> None:
    """Ask for the page once, as wrk does, so a cached run measures only hits."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def measure(url: str) -> Throughput:
    # Browsers ask for gzip; whitenoise then sends the pre-compressed static file.
    output = subprocess.run(
        [
            "wrk",
            "--threads",
            "1",
            "--connections",
            str(CONNECTIONS),
            "--duration",
            f"{DURATION_SECONDS}s",
            "--timeout",
            "10s",
            "--latency",
            "--header",
            "Accept-Encoding: gzip",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=DURATION_SECONDS + 30,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    match = re.search(r"^\s+50%\s+(\S+)", output, re.M)
    p50 = _milliseconds(match.group(1)) if match else None
    errors = 0
    for pattern in (r"Non-2xx or 3xx responses:\s+(\d+)", r"timeout (\d+)"):
        match = re.search(pattern, output)
        errors += int(match.group(1)) if match else 0
    return Throughput(rate, p50, errors)


def server_environment(base: dict) -> dict:
    env = dict(os.environ)
    env.update(base)
    return env


def empty_redis(url: str) -> None:
    """Empty the benchmark's own Redis database, so no page of an earlier run is
    served and none is left behind."""
    import redis

    redis.Redis.from_url(url).flushdb()
