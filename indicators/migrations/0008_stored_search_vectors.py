"""Ready-made, indexed search vectors for indicators, on PostgreSQL only.

Search computed `to_tsvector` for every public indicator on every search: a
quarter of a search's database time at the benchmark's 300 indicators (issue 22,
benchmarks/DRAFTS.md). As for the budget's text (programmes/migrations/0008 and
0012), PostgreSQL keeps the vectors in generated columns with a GIN index each;
Django's model does not know them and SQLite gets none. A later migration that
changes the type of name, unit or description (or their English versions) on
PostgreSQL must drop these columns first and add them again. The expressions are
those of `SearchVector(*fields)` over the fields indicators/apps.py names
(tests/programmes/test_search.py compares them).
"""

from django.db import migrations

COLUMNS = {
    "search_nl": "to_tsvector('dutch'::regconfig, COALESCE(name, '') || ' ' || "
    "COALESCE(unit, '') || ' ' || COALESCE(description, ''))",
    "search_en": "to_tsvector('english'::regconfig, COALESCE(name_en, '') || ' ' || "
    "COALESCE(unit_en, '') || ' ' || COALESCE(description_en, ''))",
}


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column, expression in COLUMNS.items():
        schema_editor.execute(
            f"ALTER TABLE indicators_indicator ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX indicators_indicator_{column} "
            f"ON indicators_indicator USING gin ({column})"
        )


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"ALTER TABLE indicators_indicator DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [("indicators", "0007_value_kinds_measured_and_source")]

    operations = [migrations.RunPython(add_columns, drop_columns, elidable=False)]
