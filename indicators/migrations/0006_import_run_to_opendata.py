"""The import log moves to the opendata app: its table is renamed, its rows kept
(opendata.0001 takes the model over)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0005_more_english_versions"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable("ImportRun", "opendata_importrun"),
            ],
            state_operations=[migrations.DeleteModel("ImportRun")],
        ),
    ]
