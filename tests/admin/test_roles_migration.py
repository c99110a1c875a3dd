"""The roles' data migration moved from the project package (hengelo_portal 0001_roles)
to accounts (0002_roles, which replaces it): on a database where the old one ran, the
new one is recorded as applied and does not run again: the groups are not made twice
and keep a permission a Beheerder gave by hand (running it again would set each
group's permissions to exactly its role's)."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from accounts.roles import EDITOR

OLD = ("hengelo_portal", "0001_roles")
NEW = ("accounts", "0002_roles")


@pytest.mark.django_db(transaction=True)
def test_a_database_with_the_old_roles_migration_does_not_run_the_new_one():
    recorder = MigrationRecorder(connection)
    # The state of a database migrated before the move: the old name recorded,
    # the new one not; and a Beheerder took a permission from the editors.
    recorder.record_unapplied(*NEW)
    recorder.record_applied(*OLD)
    editor = Group.objects.get(name=EDITOR)
    given = Permission.objects.get(
        content_type__app_label="programmes", codename="delete_action"
    )
    editor.permissions.add(given)
    groups = Group.objects.count()
    try:
        executor = MigrationExecutor(connection)
        assert NEW in executor.loader.applied_migrations
        leaves = executor.loader.graph.leaf_nodes()
        assert executor.migration_plan(leaves) == []

        executor.migrate(leaves)

        assert NEW in recorder.applied_migrations()
        assert editor.permissions.filter(pk=given.pk).exists()
        assert Group.objects.count() == groups
    finally:
        recorder.record_unapplied(*OLD)
        recorder.record_applied(*NEW)
