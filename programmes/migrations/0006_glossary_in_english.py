"""English meanings for a glossary that was loaded before the fields existed.

`load_initial_data` leaves a loaded glossary alone, so a database seeded before
issue 8 would show every term as "Only in Dutch". This fills the English from
the fixture where a term still has none; an editor's own English is kept.
"""

from pathlib import Path

import yaml

from django.db import migrations

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "begrippenlijst.yaml"


def english_from_fixture(apps, schema_editor):
    GlossaryTerm = apps.get_model("programmes", "GlossaryTerm")
    if not FIXTURE.exists():
        return
    for record in yaml.safe_load(FIXTURE.read_text(encoding="utf-8")):
        fields = record["fields"]
        terms = GlossaryTerm.objects.filter(term=fields["term"])
        terms.filter(meaning_en="").update(meaning_en=fields.get("meaning_en", ""))
        terms.filter(description_en="").update(
            description_en=fields.get("description_en", "")
        )


class Migration(migrations.Migration):
    dependencies = [("programmes", "0005_english_versions")]

    operations = [
        migrations.RunPython(english_from_fixture, migrations.RunPython.noop),
    ]
