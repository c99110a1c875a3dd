"""Moving ImportRun from indicators to opendata loses nothing: the import history,
the permission import_budget and who holds it survive the migration."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("indicators", "0005_more_english_versions"), ("opendata", None)]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    nodes = [target for target in targets if target[1] is not None] + [
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    return MigrationExecutor(connection).loader.project_state(nodes).apps


@pytest.mark.django_db(transaction=True)
def test_history_and_permission_move_with_the_model():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        ContentType = old.get_model("contenttypes", "ContentType")
        Permission = old.get_model("auth", "Permission")
        Group = old.get_model("auth", "Group")
        User = old.get_model("auth", "User")
        content_type, _ = ContentType.objects.get_or_create(
            app_label="indicators", model="importrun"
        )
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename="import_budget",
            defaults={"name": "Mag begrotingsbestanden importeren"},
        )
        group = Group.objects.create(name="Importeurs")
        group.permissions.add(permission)
        user = User.objects.create(username="importeur", is_staff=True)
        user.groups.add(group)
        old.get_model("indicators", "ImportRun").objects.create(
            user=user,
            file_name="begroting-2019.xlsx",
            file_size=1234,
            summary="1 nieuw",
        )

        _migrate(latest)

        from django.contrib.auth.models import User as CurrentUser

        from opendata.models import ImportRun

        run = ImportRun.objects.get()
        assert (run.file_name, run.file_size, run.user.username) == (
            "begroting-2019.xlsx",
            1234,
            "importeur",
        )
        assert CurrentUser.objects.get(username="importeur").has_perm(
            "opendata.import_budget"
        )
    finally:
        _migrate(latest)
