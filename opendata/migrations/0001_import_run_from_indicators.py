"""ImportRun, formerly indicators.ImportRun: the table indicators.0006 renamed, and
its content type, so that the permission import_budget and every group or user
that holds it (the Redacteur role, say) come along, as do the admin's log lines."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def content_type_to_opendata(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    old = ContentType.objects.filter(app_label="indicators", model="importrun").first()
    if old is None:
        return  # a new database: post_migrate makes the content type
    new = ContentType.objects.filter(app_label="opendata", model="importrun").first()
    if new is None:
        old.app_label = "opendata"
        old.save(update_fields=["app_label"])
        return
    # Both exist (a migrate that stopped half-way): keep who holds what.
    for permission in Permission.objects.filter(content_type=old):
        twin, _ = Permission.objects.get_or_create(
            content_type=new,
            codename=permission.codename,
            defaults={"name": permission.name},
        )
        twin.group_set.add(*permission.group_set.all())
        twin.user_set.add(*permission.user_set.all())
    apps.get_model("admin", "LogEntry").objects.filter(content_type=old).update(
        content_type=new
    )
    old.delete()


def content_type_to_indicators(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="opendata", model="importrun").update(
        app_label="indicators"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("indicators", "0006_import_run_to_opendata"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="ImportRun",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="geïmporteerd op")),
                        ("file_name", models.CharField(help_text="De naam van het bestand.", max_length=255, verbose_name="bestandsnaam")),
                        ("file_size", models.PositiveIntegerField(help_text="Hoe groot het bestand was.", verbose_name="grootte in bytes")),
                        ("summary", models.CharField(help_text="Hoeveel records nieuw, gewijzigd en ongewijzigd zijn.", max_length=200, verbose_name="samenvatting")),
                        ("details", models.TextField(blank=True, help_text="Wat er nieuw is en wat er veranderd is, een regel per record.", verbose_name="wijzigingen")),
                        ("user", models.ForeignKey(blank=True, help_text="Wie het bestand inlas; leeg bij de opdrachtregel.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="door")),
                    ],
                    options={
                        "verbose_name": "import",
                        "verbose_name_plural": "importen",
                        "ordering": ["-created_at"],
                        "permissions": [("import_budget", "Mag begrotingsbestanden (spreadsheets) importeren")],
                    },
                ),
            ],
        ),
        migrations.RunPython(content_type_to_opendata, content_type_to_indicators),
    ]
