"""The admin's import pages: permission, upload -> progress -> preview ->
confirm -> progress -> result, problems, the list of jobs. The worker's loop runs
in this process between the requests (test_import_jobs.py runs it as a process of
its own)."""

import re

import pytest

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from indicators.models import IndicatorValue
from opendata.jobs import (
    STALE_AFTER,
    _heartbeat_key,
    _progress_key,
    import_job_claim,
    import_jobs_reclaim,
    import_jobs_work,
)
from opendata.models import ImportJob, ImportRun
from tests.opendata.conftest import domain_snapshot

pytestmark = pytest.mark.usefixtures("seed_data")

URL = "/admin/opendata/importrun/inlezen/"
CSV = (
    "programma_begrotingsjaar;programma_nummer;indicator_slug;indicator;eenheid;"
    "begrotingsjaar;soort_waarde;waarde\r\n"
    "2018;1;uitstroom-overig;Uitstroom overig;personen;2018;Begroot;{}\r\n"
    "2018;1;uitstroom-overig;Uitstroom overig;personen;2019;Begroot;500\r\n"
)


def upload(client, value="480"):
    file = SimpleUploadedFile("waarden.csv", CSV.format(value).encode(), "text/csv")
    return client.post(URL, {"file": file})


@pytest.fixture
def editor(django_user_model, client):
    user = django_user_model.objects.create_user("redacteur", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="import_budget"))
    client.force_login(user)
    return user


def test_url_is_under_the_admin():
    assert reverse("admin:opendata_importrun_import") == URL
    assert reverse("admin:opendata_importrun_job", args=[7]) == f"{URL}7/"


def test_staff_without_the_permission_may_not_import(client, django_user_model):
    user = django_user_model.objects.create_user("kijker", is_staff=True)
    client.force_login(user)
    assert client.get(URL).status_code == 403
    assert upload(client).status_code == 403
    assert not ImportJob.objects.exists()


def test_anonymous_visitors_are_sent_to_the_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_upload_progress_preview_confirm_result(client, editor):
    assert client.get(URL).status_code == 200
    before = domain_snapshot()
    response = upload(client)
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert response["Location"] == job.get_absolute_url()
    assert job.user == editor and job.status == ImportJob.Status.QUEUED
    assert bytes(job.content) == CSV.format("480").encode()

    # The request only queued it: a progress page that reloads itself.
    html = client.get(job.get_absolute_url()).content.decode()
    assert '<meta http-equiv="refresh" content="3">' in html
    assert "<progress" in html and "Wacht op de verwerker." in html
    assert "Niet meer automatisch verversen" in html
    quiet = client.get(job.get_absolute_url(), {"vernieuwen": "uit"}).content.decode()
    assert 'http-equiv="refresh"' not in quiet and "Vernieuwen" in quiet

    assert import_jobs_work(once=True) == 1
    html = client.get(job.get_absolute_url()).content.decode()
    assert 'http-equiv="refresh"' not in html
    assert "Voorbeeld: waarden.csv" in html
    assert "Nieuw (2)" in html and "Begroting 2019" in html
    assert "Gewijzigd (1)" in html and "465 → 480" in html
    assert "Blijft gelijk" in html
    # The new budget is a draft, and the preview says what that means.
    assert "Deze begrotingen worden concept: Begroting 2019." in html
    assert "tot een beheerder de begroting publiceert" in html
    assert "blijven concept" not in html
    assert domain_snapshot() == before  # a preview writes nothing
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED

    response = client.post(
        job.get_absolute_url(), {"confirm": "1", "digest": job.digest}
    )
    assert response.status_code == 302
    assert response["Location"] == job.get_absolute_url()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Het bestand wordt ingelezen" in html and "<progress" in html
    assert domain_snapshot() == before  # not yet: the worker imports it

    assert import_jobs_work(once=True) == 1
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Ingelezen: waarden.csv" in html and "Bekijk de import" in html
    assert (
        IndicatorValue.objects.get(
            indicator__slug="uitstroom-overig", budget__year=2018
        ).value
        == 480
    )
    run = ImportRun.objects.get()
    assert run.user == editor and run.file_name == "waarden.csv"
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.import_run == run
    assert bytes(job.content) == b""  # the file is not kept once done
    # The result stays reachable: from the import log and the list of jobs.
    change = client.get(reverse("admin:opendata_importrun_change", args=[run.pk]))
    assert job.get_absolute_url() in change.content.decode()
    jobs = client.get(reverse("admin:opendata_importjob_changelist"))
    assert job.get_absolute_url() in jobs.content.decode()


def test_two_confirmations_import_once(client, editor):
    upload(client)
    import_jobs_work(once=True)
    job = ImportJob.objects.get()
    for _ in range(2):
        client.post(job.get_absolute_url(), {"confirm": "1", "digest": job.digest})
    response = client.get(job.get_absolute_url())
    assert "al bevestigd" in response.content.decode()
    assert import_jobs_work(once=True) == 1
    assert ImportRun.objects.count() == 1
    # Confirming again after the import queues nothing either.
    client.post(job.get_absolute_url(), {"confirm": "1", "digest": job.digest})
    assert import_jobs_work(once=True) == 0
    assert ImportRun.objects.count() == 1


def test_a_confirmation_must_name_the_previewed_file(client, editor):
    upload(client)
    import_jobs_work(once=True)
    job = ImportJob.objects.get()
    client.post(job.get_absolute_url(), {"confirm": "1", "digest": "0" * 64})
    job.refresh_from_db()
    assert job.status == ImportJob.Status.PREVIEWED


def test_problems_are_shown_and_nothing_can_be_confirmed(client, editor):
    before = domain_snapshot()
    upload(client, value="veel")
    import_jobs_work(once=True)
    job = ImportJob.objects.get()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "is niet ingelezen" in html
    assert "rij 2, kolom waarde: &#x27;veel&#x27; is geen getal" in html
    assert "Bevestigen" not in html
    assert domain_snapshot() == before
    client.post(job.get_absolute_url(), {"confirm": "1", "digest": job.digest})
    assert import_jobs_work(once=True) == 0
    assert not ImportRun.objects.exists()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.REFUSED and bytes(job.content) == b""


def test_oversized_upload_is_refused_before_reading(client, editor, settings):
    file = SimpleUploadedFile("groot.csv", b"a" * (5 * 1024 * 1024 + 1))
    html = client.post(URL, {"file": file}).content.decode()
    assert "Het bestand is te groot: hoogstens 5 MB." in html
    assert not ImportJob.objects.exists()


def test_an_editor_sees_only_her_own_jobs(client, editor, django_user_model):
    upload(client)
    job = ImportJob.objects.get()
    other = django_user_model.objects.create_user("ander", is_staff=True)
    other.user_permissions.add(Permission.objects.get(codename="import_budget"))
    client.force_login(other)
    assert client.get(job.get_absolute_url()).status_code == 404
    assert client.post(job.get_absolute_url(), {"retry": "1"}).status_code == 404
    jobs = client.get(reverse("admin:opendata_importjob_changelist"))
    assert "waarden.csv" not in jobs.content.decode()


def test_the_running_step_shows_its_progress(client, editor):
    upload(client)
    job = import_job_claim(worker="elders:1")
    cache.set(_progress_key(job.pk), {"step": "checking", "done": 1000, "total": 4000})
    html = client.get(job.get_absolute_url()).content.decode()
    assert re.search(r"Stap 2 van 3: de rijen controleren\s+\(1.000 van 4.000\)", html)
    assert '<progress id="import-progress" max="4000" value="1000">' in html


def test_jobs_and_runs_lists(client, editor, admin_client):
    upload(client)
    for url in (
        reverse("admin:opendata_importrun_changelist"),
        reverse("admin:opendata_importjob_changelist"),
    ):
        assert client.get(url).status_code == 200
        assert admin_client.get(url, {"q": "a"}).status_code == 200
    job = ImportJob.objects.get()
    change = admin_client.get(reverse("admin:opendata_importjob_change", args=[job.pk]))
    assert change.status_code == 200
    assert (
        "Bestand inlezen"
        in client.get(reverse("admin:opendata_importrun_changelist")).content.decode()
    )


def test_a_failed_job_can_be_retried_from_its_page(client, editor):
    upload(client)
    job = import_job_claim(worker="elders:1")
    # Its worker elsewhere stopped beating long ago.
    cache.delete(_heartbeat_key(job.pk))
    ImportJob.objects.filter(pk=job.pk).update(
        claimed_at=timezone.now() - 2 * STALE_AFTER
    )
    import_jobs_reclaim()
    html = client.get(job.get_absolute_url()).content.decode()
    assert "De verwerking is afgebroken" in html and "Opnieuw proberen" in html
    response = client.post(job.get_absolute_url(), {"retry": "1"})
    assert response.status_code == 302
    assert import_jobs_work(once=True) == 1
    html = client.get(job.get_absolute_url()).content.decode()
    assert "Voorbeeld: waarden.csv" in html
