"""Tests run side by side (pytest-xdist, `make test`): each worker has a cache
and Redis databases of its own."""

import os
import subprocess
import sys

from django.conf import settings

from tests.production.servers import redis_url


def cache_dir(**env) -> str:
    """The cache directory the test settings choose in a new process."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import hengelo_portal.settings.test as s; print(s.CACHE_DIR)",
        ],
        cwd=settings.BASE_DIR,
        env={
            **{
                k: v
                for k, v in os.environ.items()
                if not k.startswith(("PORTAL_CACHE_DIR", "PYTEST_XDIST_WORKER"))
            },
            **env,
        },
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.strip()


def test_each_worker_has_a_cache_directory_of_its_own(tmp_path):
    first = str(tmp_path)
    # The workers inherit the first process's directory and choose their own…
    worker = cache_dir(PORTAL_CACHE_DIR=first, PYTEST_XDIST_WORKER="gw1")
    assert worker != first
    # …which the servers a worker starts inherit.
    assert (
        cache_dir(
            PORTAL_CACHE_DIR=worker,
            PORTAL_CACHE_DIR_OWNER="gw1",
            PYTEST_XDIST_WORKER="gw1",
        )
        == worker
    )
    # Without workers, a chosen directory is kept.
    assert cache_dir(PORTAL_CACHE_DIR=first) == first


def test_each_worker_has_redis_databases_of_its_own(monkeypatch):
    urls = []
    for worker in ("gw0", "gw1", "gw2"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        urls += [redis_url(0), redis_url(1)]
    assert len(set(urls)) == 6
    monkeypatch.delenv("PYTEST_XDIST_WORKER")
    assert redis_url(0) == "redis://127.0.0.1:6379/15"
