"""The seed for tests: `load_initial_data` runs once per test process and
database state; later tests get the rows it wrote copied in.

The command costs about a second a test (YAML, one save and one cache write per
object, then the history); the copy costs a few hundredths. What a test sees is
the same: the same rows in every table (tests/test_seed_copy.py compares them),
times of the load moved to just before now, the sequences past the copied
keys, and a new content version for the page cache, as the command's saves set.

The copy is only used where the database holds what it held when the command
ran (the same number of rows and the same highest key in every table): a test
that wrote something before the seed, or after a flush, gets the command again.
"""

import datetime

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from content.signals import content_written

# {(database, state of every table before): Snapshot}
_snapshots: dict = {}


def _models() -> list:
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _state(tables: list) -> tuple:
    """Per table: how many rows and the highest key, in one query."""
    quote = connection.ops.quote_name
    parts = [
        f"SELECT {i}, COUNT(*), CAST(MAX({quote(model._meta.pk.column)}) AS TEXT) "
        f"FROM {quote(model._meta.db_table)}"
        for i, model in enumerate(tables)
    ]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts))
        return tuple(sorted(cursor.fetchall()))


def _rows(model) -> dict:
    fields = [field.attname for field in model._meta.concrete_fields]
    return {
        row[model._meta.pk.attname]: row
        for row in model._base_manager.using(connection.alias).values(*fields)
    }


class Snapshot:
    """The rows the command added, per model, and the time it ran."""

    def __init__(self, rows: dict, started, finished):
        self.rows, self.started, self.finished = rows, started, finished

    def copy_in(self) -> None:
        # The end of the load becomes now: the copy's history is older than
        # whatever the test writes next, as the command's is.
        shift = timezone.now() - self.finished
        with transaction.atomic(using=connection.alias):
            for model, rows in self.rows.items():
                moments = [
                    field.attname
                    for field in model._meta.concrete_fields
                    if isinstance(field, models.DateTimeField)
                ]
                objects = []
                for row in rows:
                    row = dict(row)
                    for name in moments:
                        if self._during_load(row[name]):
                            row[name] += shift
                    objects.append(model(**row))
                # As loaddata saves: raw, so that no auto_now sets a time.
                fields = model._meta.concrete_fields
                size = connection.ops.bulk_batch_size(fields, objects) or len(objects)
                for start in range(0, len(objects), size):
                    model._base_manager._insert(
                        objects[start : start + size],
                        fields=fields,
                        using=connection.alias,
                        raw=True,
                    )
            statements = connection.ops.sequence_reset_sql(no_style(), list(self.rows))
            if statements:
                with connection.cursor() as cursor:
                    for statement in statements:
                        cursor.execute(statement)
            # The command's saves set new content versions (and again after
            # the commit); so does the copy, as a bulk import does.
            content_written.send(sender=type(self))

    def _during_load(self, value) -> bool:
        return (
            isinstance(value, datetime.datetime)
            and self.started <= value <= self.finished
        )


def _load_and_remember(tables: list):
    before = {model: _rows(model) for model in tables}
    started = timezone.now()
    call_command("load_initial_data", verbosity=0)
    finished = timezone.now()
    added = {}
    for model in tables:
        after = _rows(model)
        old = before[model]
        if any(after.get(key) != row for key, row in old.items()):
            return None  # the command changed or removed a row: no copy
        new = [row for key, row in after.items() if key not in old]
        if new:
            added[model] = new
    return Snapshot(added, started, finished)


def load_seed() -> None:
    """What `manage.py load_initial_data` loads, as fast as it can be had."""
    tables = _models()
    key = (connection.alias, connection.settings_dict["NAME"], _state(tables))
    snapshot = _snapshots.get(key)
    if snapshot is not None:
        snapshot.copy_in()
        return
    snapshot = _load_and_remember(tables)
    if snapshot is not None:
        _snapshots[key] = snapshot
