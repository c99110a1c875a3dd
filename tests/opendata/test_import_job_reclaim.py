"""Which running jobs the worker gives up: a worker on this machine by its process,
one elsewhere by its heartbeat in the shared cache; and previews nobody confirms."""

import subprocess
from datetime import timedelta

import pytest

from django.core.cache import cache
from django.utils import timezone

from opendata.jobs import (
    PREVIEW_KEPT,
    STALE_AFTER,
    _heartbeat_key,
    import_job_claim,
    import_job_create,
    import_jobs_reclaim,
    worker_name,
)
from opendata.models import ImportJob

pytestmark = pytest.mark.django_db


def running(worker: str) -> ImportJob:
    import_job_create(user=None, file_name="a.csv", content=b"x")
    return import_job_claim(worker=worker)


def test_a_worker_elsewhere_is_given_up_when_its_heartbeat_stops():
    job = running("elders:12")
    ImportJob.objects.filter(pk=job.pk).update(
        claimed_at=timezone.now() - STALE_AFTER - timedelta(seconds=1)
    )
    assert import_jobs_reclaim() == []  # its heartbeat is still there
    cache.delete(_heartbeat_key(job.pk))
    assert [j.pk for j in import_jobs_reclaim()] == [job.pk]
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert "Er is niets opgeslagen" in job.message


def test_a_worker_here_is_given_up_only_when_its_process_is_gone():
    process = subprocess.Popen(["sleep", "60"])
    try:
        host = worker_name().rpartition(":")[0]
        job = running(f"{host}:{process.pid}")
        cache.delete(_heartbeat_key(job.pk))
        ImportJob.objects.filter(pk=job.pk).update(
            claimed_at=timezone.now() - timedelta(days=1)
        )
        assert import_jobs_reclaim() == []  # it lives, heartbeat or not
    finally:
        process.kill()
        process.wait()
    assert [j.pk for j in import_jobs_reclaim()] == [job.pk]


def test_a_preview_nobody_confirms_is_emptied_after_a_day():
    import_job_create(user=None, file_name="a.csv", content=b"x")
    job = ImportJob.objects.get()
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.PREVIEWED,
        updated_at=timezone.now() - PREVIEW_KEPT - timedelta(minutes=1),
    )
    import_jobs_reclaim()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED and bytes(job.content) == b""
    assert "verlopen" in job.message


def test_a_job_given_up_while_it_runs_writes_nothing(seed_data):
    from opendata.imports.pipeline import budget_file_import
    from opendata.jobs import import_job_run
    from opendata.models import ImportRun
    from programmes.models import Action

    content = (
        b"programma_begrotingsjaar,programma_nummer,onderdeel,soort,status,jaar,"
        b"titel,tekst\r\n2018,1,Opgegeven,Actie,Gepland,2019,Opgegeven actie,Tekst\r\n"
    )
    # A file that imports (in a preview, which writes nothing).
    assert budget_file_import(content=content, file_name="a.csv", dry_run=True).ok
    import_job_create(user=None, file_name="a.csv", content=content)
    ImportJob.objects.update(step=ImportJob.Step.IMPORT)
    job = import_job_claim(worker="elders:1")
    # Another worker gave it up meanwhile (its heartbeat was lost).
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.FAILED)
    import_job_run(job=job, worker="elders:1")
    assert not Action.objects.filter(title="Opgegeven actie").exists()
    assert not ImportRun.objects.exists()
    assert ImportJob.objects.get().status == ImportJob.Status.FAILED
