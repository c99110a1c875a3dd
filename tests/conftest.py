"""Shared test fixtures."""

import pytest

from django.core.management import call_command


@pytest.fixture
def seed_data(db):
    """Programme 1 of the Begroting 2018 and the glossary, as `make run` loads them."""
    call_command("load_initial_data", verbosity=0)
