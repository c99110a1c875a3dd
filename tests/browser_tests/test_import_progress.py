"""The admin's import in headless Chromium: upload, the progress page (which
reloads itself, without JavaScript), the preview, confirmation and the result;
the progress page checked with axe and the Nu HTML checker.

The worker's loop runs in the test's thread (the live server shares its
database); tests/opendata/test_import_jobs.py runs it as a process."""

import pytest

from django.core.management import call_command

from indicators.models import IndicatorValue
from opendata import admin_views
from opendata.jobs import import_jobs_work
from opendata.models import ImportJob
from tests.browser import axe_violations, vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PASSWORD = "Begroting-Hengelo-2018"
CSV = (
    "programma_begrotingsjaar;programma_nummer;indicator_slug;indicator;eenheid;"
    "begrotingsjaar;soort_waarde;waarde\r\n"
    "2018;1;uitstroom-overig;Uitstroom overig;personen;2018;Begroot;481\r\n"
)


def test_upload_progress_preview_confirm_result(page, tmp_path, monkeypatch):
    # No reload while the checkers look at the page; below, a quick one.
    monkeypatch.setattr(admin_views, "REFRESH_SECONDS", 600)
    call_command(
        "create_portal_user", "anouk", role="redacteur", password=PASSWORD, verbosity=0
    )
    page.goto("/admin/login/")
    page.fill("#id_username", "anouk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.goto("/admin/opendata/importrun/inlezen/")
    page.set_input_files(
        "#id_file",
        files=[{"name": "waarden.csv", "mimeType": "text/csv", "buffer": CSV.encode()}],
    )
    page.click("input[type=submit][value=Controleren]")
    page.wait_for_url("**/inlezen/*/")
    job = ImportJob.objects.get()
    assert page.url.endswith(job.get_absolute_url())
    page.get_by_role("progressbar", name="Wacht op de verwerker.").wait_for()
    files = [tmp_path / "progress.html"]
    files[0].write_text(page.content(), encoding="utf-8")
    # The page reloads itself: WCAG 2.2.1 asks that this can be turned off, which
    # the first link of the page does; axe cannot know that, so its meta-refresh
    # rule is left to the page without the reload, checked in full below.
    assert [v for v in axe_violations(page) if not v.startswith("meta-refresh ")] == []
    page.get_by_role("link", name="Niet meer automatisch verversen").click()
    # Under load the new page may still be arriving: wait for it, whole.
    page.wait_for_url("**?vernieuwen=uit")
    page.wait_for_load_state("load")
    assert page.locator('meta[http-equiv="refresh"]').count() == 0
    files.append(tmp_path / "progress-still.html")
    files[1].write_text(page.content(), encoding="utf-8")  # before axe is added
    assert axe_violations(page) == []
    assert vnu_errors(files) == []

    # Back to the reloading page; the worker makes the preview meanwhile.
    monkeypatch.setattr(admin_views, "REFRESH_SECONDS", 1)
    page.get_by_role("link", name="Weer automatisch verversen").click()
    assert import_jobs_work(once=True) == 1
    heading = page.get_by_role("heading", name="Voorbeeld: waarden.csv")
    heading.wait_for(timeout=15_000)  # no click: the page reloaded by itself
    assert "465 → 481" in page.content()
    assert axe_violations(page) == []

    page.get_by_role("button", name="Bevestigen en opslaan").click()
    page.get_by_role("heading", name="Het bestand wordt ingelezen").wait_for()
    assert import_jobs_work(once=True) == 1
    page.get_by_role("heading", name="Ingelezen: waarden.csv").wait_for(timeout=15_000)
    value = IndicatorValue.objects.get(
        indicator__slug="uitstroom-overig", budget__year=2018, kind="budgeted"
    )
    assert value.value == 481
    page.get_by_role("link", name="Bekijk de import").click()
    assert "waarden.csv" in page.content()
