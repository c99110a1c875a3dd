"""The import's worker as a process of its own (`manage.py import_worker`), on a
database of the kind this test run uses (a SQLite file, or a PostgreSQL database
of its own): a job's whole life, a killed worker, a stopped one.

The test process reads the worker's progress from the shared cache (the test
run's PORTAL_CACHE_DIR, which the processes inherit) and everything else through
`manage.py shell`, as the worker sees it."""

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import pytest

from django.conf import settings
from django.core.cache import cache
from django.db import connection

from opendata.jobs import _progress_key
from tests.production.servers import BASE_DIR

ROWS = 6_000  # enough for the writing to last while the test kills the worker


def values_csv(count: int, name: str) -> bytes:
    """`count` values of new indicators, ten budget years each."""
    lines = [
        "programma_begrotingsjaar,programma_nummer,indicator,eenheid,"
        "begrotingsjaar,soort_waarde,waarde"
    ]
    lines += [
        f"2018,1,Werkermeting {name} {n // 10},personen,{2019 + n % 10},Begroot,{n}"
        for n in range(count)
    ]
    return "\r\n".join(lines).encode()


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    """A migrated portal with the seed, and a way to run code in it."""
    work = tmp_path_factory.mktemp("worker")
    db = settings.DATABASES["default"]
    if connection.vendor == "postgresql":
        name = f"test_jobs_worker_{uuid.uuid4().hex[:8]}"
        server = (
            f"postgres://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}"
            f":{db.get('PORT') or 5432}"
        )
        server_sql(server, f'CREATE DATABASE "{name}"')
        url = f"{server}/{name}"
    else:
        url = f"sqlite:///{work / 'portal.sqlite3'}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.test",
        "DATABASE_URL": url,
        "REDIS_URL": "",
    }
    portal = Portal(env, work)
    portal.manage("migrate", "--noinput", "-v0")
    portal.manage("load_initial_data", "-v0")
    portal.run(
        "from django.contrib.auth import get_user_model;"
        "get_user_model().objects.create_user('redacteur', is_staff=True)"
    )
    yield portal
    if connection.vendor == "postgresql":
        server_sql(server, f'DROP DATABASE "{name}" WITH (FORCE)')


def server_sql(server: str, sql: str) -> None:
    """A statement outside any transaction, on the test run's PostgreSQL server."""
    import psycopg2

    admin = psycopg2.connect(f"{server}/postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql)
    finally:
        admin.close()


class Portal:
    def __init__(self, env, work):
        self.env, self.work = env, work

    def manage(self, *args, timeout=300):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )

    def worker(self, *args):
        return subprocess.Popen(
            [sys.executable, "manage.py", "import_worker", "--poll", "0.2", *args],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(self, code: str):
        """Run Python in the portal; what it assigns to `out` comes back."""
        script = f"import json\nout = None\n{code}\nprint(json.dumps(out))"
        output = self.manage("shell", "-c", script).stdout
        return json.loads(output.strip().splitlines()[-1])

    def job(self, pk: int) -> dict:
        """The job as the worker left it, and what the domain holds."""
        return self.run(
            "from indicators.models import Indicator, IndicatorValue\n"
            "from opendata.models import ImportJob, ImportRun\n"
            f"job = ImportJob.objects.get(pk={pk})\n"
            "out = {'status': job.status, 'step': job.step, 'message': job.message,"
            " 'summary': job.result.get('summary'), 'run': job.import_run_id,"
            " 'file': len(job.content), 'counts': {"
            "'indicators': Indicator.objects.filter("
            "name__startswith='Werkermeting').count(),"
            " 'values': IndicatorValue.objects.filter("
            "indicator__name__startswith='Werkermeting').count(),"
            " 'runs': ImportRun.objects.count()}}"
        )

    def queue(self, content: bytes, *, step="preview") -> int:
        path = self.work / f"{uuid.uuid4().hex}.csv"
        path.write_bytes(content)
        return self.run(
            "from pathlib import Path\n"
            "from django.contrib.auth import get_user_model\n"
            "from opendata.jobs import import_job_create\n"
            "job = import_job_create(user=get_user_model().objects.get("
            f"username='redacteur'), file_name='waarden.csv', content=Path("
            f"{str(path)!r}).read_bytes())\n"
            f"job.step = {step!r}\n"
            "job.save()\n"
            "out = job.pk"
        )

    def confirm_twice(self, pk: int) -> list[bool]:
        return self.run(
            "from opendata.jobs import import_job_confirm\n"
            "from opendata.models import ImportJob\n"
            f"out = [import_job_confirm(job=ImportJob.objects.get(pk={pk})),"
            f" import_job_confirm(job=ImportJob.objects.get(pk={pk}))]"
        )


def test_a_job_from_upload_to_import(portal):
    pk = portal.queue(values_csv(100, "A"))
    before = portal.job(pk)["counts"]
    portal.manage("import_worker", "--once")
    job = portal.job(pk)
    # 100 values, 10 indicators, 10 budget years
    assert job["status"] == "previewed" and job["summary"].startswith("120 nieuw")
    assert job["file"] > 0  # kept for the import
    assert job["counts"] == before  # a preview writes nothing

    # A second confirmation (a double click, another tab) queues nothing.
    assert portal.confirm_twice(pk) == [True, False]
    portal.manage("import_worker", "--once")
    job = portal.job(pk)
    assert job["status"] == "done" and job["run"] is not None
    assert job["file"] == 0  # the file is not kept once done
    assert job["counts"]["values"] == before["values"] + 100
    assert job["counts"]["runs"] == before["runs"] + 1


def wait_for_progress(pk: int, step: str, worker, timeout=180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = cache.get(_progress_key(pk))
        if state and state["step"] == step and 0 < state["done"] < state["total"]:
            return state
        assert worker.poll() is None, worker.communicate()
        time.sleep(0.02)
    raise AssertionError(f"the worker did not reach {step} in time")


def test_a_killed_worker_leaves_nothing_written_and_the_job_failed(portal):
    pk = portal.queue(values_csv(ROWS, "B"), step="import")
    before = portal.job(pk)["counts"]
    worker = portal.worker()
    try:
        wait_for_progress(pk, "writing", worker)
        worker.send_signal(signal.SIGKILL)  # in the middle of writing
        worker.wait(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    job = portal.job(pk)
    assert job["counts"] == before  # its transaction died with it
    assert job["status"] == "running"

    # The next worker finds it without a living worker: failed, in Dutch.
    portal.manage("import_worker", "--once")
    job = portal.job(pk)
    assert job["status"] == "failed"
    assert "De verwerking is afgebroken" in job["message"]
    assert "Er is niets opgeslagen" in job["message"]
    assert job["counts"] == before

    # The file was kept: the editor retries, and it is imported once.
    assert portal.run(
        "from opendata.jobs import import_job_retry\n"
        "from opendata.models import ImportJob\n"
        f"out = import_job_retry(job=ImportJob.objects.get(pk={pk}))"
    )
    portal.manage("import_worker", "--once")
    job = portal.job(pk)
    assert job["status"] == "done"
    assert job["counts"]["values"] == before["values"] + ROWS
    assert job["counts"]["runs"] == before["runs"] + 1


def test_a_running_worker_takes_new_jobs_and_stops_on_sigterm(portal):
    worker = portal.worker()
    try:
        pk = portal.queue(values_csv(10, "C"))
        deadline = time.monotonic() + 120
        while portal.job(pk)["status"] != "previewed":
            assert time.monotonic() < deadline, "the worker did not take the job"
            assert worker.poll() is None, worker.communicate()
        worker.send_signal(signal.SIGTERM)
        out, err = worker.communicate(timeout=30)
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, err
    assert "Verwerker gestopt na 1 verwerking(en)." in out
