"""The worker process stops when told to, within seconds, and gives its job back;
a job that runs too long fails with a Dutch message. Nothing is half-written
either way. (The portal and its helpers: test_import_jobs.py.)"""

import signal
import subprocess
import sys
import time

from tests.opendata.test_import_jobs import (  # noqa: F401 (a fixture)
    ROWS,
    portal,
    values_csv,
    wait_for_progress,
)
from tests.production.servers import BASE_DIR

# Enough for the writing to last well beyond the moment the test sees it begin
# (on PostgreSQL 6,000 rows were written before the signal arrived).
MANY = 5 * ROWS


def test_sigterm_breaks_off_the_import_within_seconds_and_requeues_it(portal):  # noqa: F811
    pk = portal.queue(values_csv(MANY, "S"), step="import")
    before = portal.job(pk)["counts"]
    worker = portal.worker()
    try:
        wait_for_progress(pk, "writing", worker)
        worker.send_signal(signal.SIGTERM)  # in the middle of writing
        started = time.monotonic()
        out, err = worker.communicate(timeout=30)
        stopped_after = time.monotonic() - started
    finally:
        if worker.poll() is None:
            worker.kill()
    assert worker.returncode == 0, err
    assert stopped_after < 5
    assert "Verwerker gestopt na 0 verwerking(en)." in out
    job = portal.job(pk)
    assert job["counts"] == before  # rolled back
    assert job["status"] == "queued" and job["message"] == ""  # given back

    # The next worker takes it from the queue and imports it once.
    portal.manage("import_worker", "--once")
    job = portal.job(pk)
    assert job["status"] == "done"
    assert job["counts"]["values"] == before["values"] + MANY
    assert job["counts"]["runs"] == before["runs"] + 1


def test_a_job_over_its_time_limit_fails_with_a_message(portal):  # noqa: F811
    pk = portal.queue(values_csv(ROWS, "T"), step="import")
    before = portal.job(pk)["counts"]
    subprocess.run(
        [sys.executable, "manage.py", "import_worker", "--once"],
        cwd=BASE_DIR,
        env={**portal.env, "PORTAL_IMPORT_JOB_SECONDS": "1"},
        capture_output=True,
        timeout=120,
        check=True,
    )
    job = portal.job(pk)
    assert job["status"] == "failed", job
    assert "duurde langer dan 1 seconden" in job["message"]
    assert "Er is niets opgeslagen" in job["message"]
    assert job["counts"] == before
    assert job["file"] > 0  # kept: the editor may try again
