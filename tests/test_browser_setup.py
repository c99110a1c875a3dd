"""Without Chromium the browser tests fail with advice, unless skipped on purpose;
the Nu HTML Checker they share."""

import os
import subprocess
import sys

import pytest

from django.conf import settings

from tests.browser import nu_checker, vnu_errors

TEST = "tests/browser_tests/test_accessibility.py::test_page_has_no_axe_violations"


def run_one_browser_test(tmp_path, **env):
    # Its own SQLite database: the child must never touch this run's test database.
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'child.sqlite3'}"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", TEST + "[/]"],
        cwd=settings.BASE_DIR,
        env={
            **{k: v for k, v in os.environ.items() if k != "SKIP_BROWSER_TESTS"},
            **env,
        },
        capture_output=True,
        text=True,
        # A child pytest on a machine busy with other work is slow to start.
        timeout=600,
    )


def test_missing_chromium_fails_with_install_advice(tmp_path):
    result = run_one_browser_test(
        tmp_path, CHROMIUM="/nonexistent/chromium", PATH="/usr/local/bin"
    )
    assert result.returncode != 0
    assert "apt-get install chromium chromium-driver" in result.stdout
    assert "SKIP_BROWSER_TESTS=1" in result.stdout


def test_browser_tests_can_be_skipped_on_purpose(tmp_path):
    result = run_one_browser_test(tmp_path, SKIP_BROWSER_TESTS="1")
    assert result.returncode == 0
    assert "1 skipped" in result.stdout


@pytest.mark.browser
def test_one_nu_checker_serves_every_check_of_a_process(tmp_path):
    valid, broken = tmp_path / "valid.html", tmp_path / "broken.html"
    head = '<!DOCTYPE html><html lang="nl"><head><title>t</title></head>'
    valid.write_text(head + "<body><p>Goed</p></body></html>", encoding="utf-8")
    broken.write_text(head + "<body>\n<p>Fout<div></body></html>", encoding="utf-8")
    assert vnu_errors([valid]) == []
    checker = nu_checker.process.pid
    errors = vnu_errors([valid, broken])
    assert "broken.html:2: Unclosed element “div”." in errors
    assert all(error.startswith("broken.html:2: ") for error in errors)
    assert nu_checker.process.pid == checker
