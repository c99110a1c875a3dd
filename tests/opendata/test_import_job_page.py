"""What a job's page says about its worker: one that died (its progress stands
still), one busy with another editor's file; and who may see a job."""

import subprocess
from datetime import timedelta

import pytest

from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.staff import portal_user_create
from opendata.jobs import (
    _heartbeat_key,
    _progress_key,
    import_job_claim,
    import_job_create,
    worker_name,
)
from opendata.models import ImportJob

pytestmark = pytest.mark.usefixtures("seed_data")

PASSWORD = "Begroting-Hengelo-2018"
HOST = worker_name().rpartition(":")[0]


@pytest.fixture
def editor(client):
    user = portal_user_create(username="redacteur", role="redacteur", password=PASSWORD)
    client.force_login(user)
    return user


def queued(user, name="waarden.csv", waited=timedelta(0)) -> ImportJob:
    job = import_job_create(user=user, file_name=name, content=b"a,b\r\n1,2\r\n")
    ImportJob.objects.filter(pk=job.pk).update(updated_at=timezone.now() - waited)
    return job


@pytest.fixture
def living_process():
    process = subprocess.Popen(["sleep", "60"])
    yield process
    process.kill()
    process.wait()


def test_the_page_of_a_job_whose_worker_died_says_so(client, editor):
    process = subprocess.Popen(["sleep", "60"])
    queued(editor)
    job = import_job_claim(worker=f"{HOST}:{process.pid}")
    cache.set(_progress_key(job.pk), {"step": "writing", "done": 10, "total": 40})
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Stap 3 van 3" in html and "is gestopt" not in html
    process.kill()
    process.wait()
    # The progress it left in the cache stands still: the page says why.
    html = client.get(job.get_absolute_url()).content.decode()
    assert "De verwerker van dit bestand is gestopt" in html
    assert "Er is niets opgeslagen" in html
    assert "Stap 3 van 3" not in html


def test_a_job_elsewhere_without_heartbeat_is_shown_as_stopped(client, editor):
    queued(editor)
    job = import_job_claim(worker="elders:12")
    cache.delete(_heartbeat_key(job.pk))
    ImportJob.objects.filter(pk=job.pk).update(
        claimed_at=timezone.now() - timedelta(minutes=5)
    )
    html = client.get(job.get_absolute_url()).content.decode()
    assert "De verwerker van dit bestand is gestopt" in html


def test_a_waiting_file_says_the_worker_is_busy_with_another(
    client, editor, living_process
):
    other = portal_user_create(username="collega", role="redacteur", password=PASSWORD)
    queued(other, "groot.xlsx", waited=timedelta(minutes=5))
    import_job_claim(worker=f"{HOST}:{living_process.pid}")
    mine = queued(editor, waited=timedelta(minutes=2))
    html = client.get(mine.get_absolute_url()).content.decode()
    assert "De verwerker is bezig met een ander bestand" in html
    assert "Draait de verwerker wel?" not in html

    # Once that worker is gone, the hint asks after the worker again.
    living_process.kill()
    living_process.wait()
    html = client.get(mine.get_absolute_url()).content.decode()
    assert "Draait de verwerker wel?" in html
    assert "bezig met een ander bestand" not in html


def test_a_beheerder_sees_and_lists_the_editors_jobs(client, editor):
    job = queued(editor)
    administrator = portal_user_create(
        username="beheerder", role="beheerder", password=PASSWORD
    )
    assert not administrator.is_superuser
    client.force_login(administrator)
    response = client.get(job.get_absolute_url())
    assert response.status_code == 200
    assert "Wacht op de verwerker" in response.content.decode()
    jobs = client.get(reverse("admin:opendata_importjob_changelist"))
    assert "waarden.csv" in jobs.content.decode()


def test_an_editor_still_sees_only_her_own_jobs(client, editor):
    other = portal_user_create(username="collega", role="redacteur", password=PASSWORD)
    job = queued(other)
    assert client.get(job.get_absolute_url()).status_code == 404
    jobs = client.get(reverse("admin:opendata_importjob_changelist"))
    assert "waarden.csv" not in jobs.content.decode()
