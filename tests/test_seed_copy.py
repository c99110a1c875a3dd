"""The seed fixture's copy (tests/seed.py) gives a test what the command gives it."""

import datetime

import pytest

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone

from programmes.models import GlossaryTerm, Programme
from tests import seed
from web.caching import VERSION_KEY


def every_row(since) -> dict:
    """Every row of every table; times after `since` (the load's) as "recent"."""
    rows = {}
    for model in seed._models():
        table = []
        for row in seed._rows(model).values():
            table.append(
                {
                    name: (
                        "recent"
                        if isinstance(value, datetime.datetime) and value >= since
                        else value
                    )
                    for name, value in row.items()
                }
            )
        rows[model._meta.db_table] = sorted(table, key=repr)
    return rows


def loaded(since) -> dict:
    """Load the seed in a transaction that is rolled back; every row it left."""
    with transaction.atomic():
        seed.load_seed()
        rows = every_row(since)
        version = cache.get(VERSION_KEY)
        transaction.set_rollback(True)
    return rows, version


@pytest.mark.django_db
def test_the_copy_holds_the_rows_and_times_the_command_wrote(monkeypatch):
    monkeypatch.setattr(seed, "_snapshots", {})
    command_start = timezone.now()
    by_command, _ = loaded(command_start)
    assert len(seed._snapshots) == 1, "the command's rows were not remembered"
    assert by_command["programmes_programme"], "the command loaded nothing"

    cache.clear()
    by_copy, version = loaded(command_start)
    assert by_copy == by_command
    assert version is not None, "the copy set no content version"
    # The history's times are those of the copy, not of the command, and none
    # lies ahead: what the test writes next is the newest.
    with transaction.atomic():
        copy_start = timezone.now()
        seed.load_seed()
        now = timezone.now()
        times = [
            value
            for model in seed._models()
            for row in seed._rows(model).values()
            for value in row.values()
            if isinstance(value, datetime.datetime)
        ]
        assert max(times) <= now
        # Moved by the time from the command's end to the copy.
        (snapshot,) = seed._snapshots.values()
        model = Programme.history.model
        then = {row["history_id"]: row for row in snapshot.rows[model]}
        for key, row in seed._rows(model).items():
            moved = row["history_date"] - then[key]["history_date"]
            assert copy_start - snapshot.finished <= moved <= now - snapshot.finished
        transaction.set_rollback(True)


@pytest.mark.django_db
def test_after_the_copy_new_rows_get_new_keys(monkeypatch):
    monkeypatch.setattr(seed, "_snapshots", {})
    loaded(timezone.now())
    seed.load_seed()  # the copy
    # Keys the copy wrote are taken: the sequences are past them (PostgreSQL).
    created = GlossaryTerm.objects.create(
        term="Een nieuw begrip", slug="een-nieuw-begrip", meaning="Iets nieuws"
    )
    assert created.history.count() == 1


@pytest.mark.django_db
def test_a_database_that_already_holds_something_gets_the_command(monkeypatch):
    monkeypatch.setattr(seed, "_snapshots", {})
    loaded(timezone.now())
    calls = []
    monkeypatch.setattr(seed, "call_command", lambda *args, **kw: calls.append(args))
    apps.get_model("auth", "Group").objects.create(name="Iets van de test")
    seed.load_seed()
    assert calls == [("load_initial_data",)]
