"""Fixtures of the language tests."""

import pytest

from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def dutch_after_each_test():
    """The test client leaves the last request's language active in this thread;
    after an English page, the tests that follow must still run in Dutch."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
