"""Shared test fixtures, including headless Chromium for the browser tests."""

import os
import shutil

import pytest

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from tests.browser import nu_checker
from tests.seed import load_seed

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: rolled-back data sends no signals."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def dutch_after_each_test():
    """The test client leaves the last request's language active in this thread;
    after an English page, the tests that follow must still run in Dutch."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def seed_data(db):
    """Programme 1 of the Begroting 2018 and the glossary, as `make run` loads them
    (the command once per process, then a copy of its rows: tests/seed.py)."""
    load_seed()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM") or shutil.which("chromium") or ""
    return path if path and os.path.exists(path) else ""


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; no browser download needed."""
    if os.environ.get("SKIP_BROWSER_TESTS") == "1":
        pytest.skip("browser tests skipped: SKIP_BROWSER_TESTS=1")
    executable = chromium_path()
    if not executable:
        pytest.fail(
            "Chromium is needed for the browser tests and was not found. Install "
            "it with `apt-get install chromium chromium-driver` (Debian/Ubuntu), or "
            "set CHROMIUM=/path/to/chromium, or skip these tests explicitly with "
            "SKIP_BROWSER_TESTS=1.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the Django ORM
    # calls the tests make around it are still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # The browser tests that check their pages' HTML need the Nu HTML Checker;
    # it loads while the first of them run.
    nu_checker.start()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()
    nu_checker.stop()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab; only loopback traffic is let through.

    It bypasses the Content Security Policy so that tests can inject axe-core;
    tests/browser_tests/test_security.py checks the pages under the policy.
    """
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", bypass_csp=True
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://localhost", "http://127.0.0.1"))
            else route.abort()
        ),
    )
    tab = context.new_page()
    yield tab
    context.close()
