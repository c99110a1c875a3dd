"""Migrating the indicators app to an earlier state and back, for the tests of its
data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_indicators(name):
    """The models as they were after indicators migration `name`, with the
    database migrated there (None: the latest state of every app)."""
    executor = MigrationExecutor(connection)
    if name is None:
        targets = executor.loader.graph.leaf_nodes()
    else:
        targets = [("indicators", name)]
    executor.migrate(targets)
    # The state of what is applied now: every other app stays at its latest.
    executor = MigrationExecutor(connection)
    return executor._create_project_state(with_applied_migrations=True).apps


def indicator_of(old_apps, *, unit="personen", name="Indicator"):
    """An indicator in a programme of a budget 2018, in the old models."""
    Budget = old_apps.get_model("programmes", "Budget")
    budget, _ = Budget.objects.get_or_create(
        year=2018, defaults={"title": "Begroting 2018"}
    )
    programme, _ = old_apps.get_model("programmes", "Programme").objects.get_or_create(
        budget=budget, number=1, defaults={"title": "Economie", "slug": "economie"}
    )
    return old_apps.get_model("indicators", "Indicator").objects.create(
        programme=programme, name=name, slug=name.lower(), unit=unit
    )
