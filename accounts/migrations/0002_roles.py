"""The groups of the roles with their permissions (see accounts.roles).

Written as hengelo_portal's migration 0001_roles when the project package was an
app; a database where that one ran has the groups already, so this one replaces it:
Django then records it as applied without running it again (which would also undo
what a Beheerder changed by hand)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def create_roles(apps, schema_editor):
    from accounts.roles import roles_sync

    # Permissions are normally made after all migrations (post_migrate); on a
    # fresh database they must exist now for the groups to get them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    roles_sync(apps=apps)


def remove_roles(apps, schema_editor):
    from accounts.roles import ROLES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLES.values()).delete()


class Migration(migrations.Migration):
    replaces = [("hengelo_portal", "0001_roles")]

    dependencies = [
        ("accounts", "0001_enrolment_and_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("programmes", "0002_history_version_status_changed_at"),
        ("indicators", "0002_history_and_version"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
