"""Ready-made, indexed search vectors for paragraphs, on PostgreSQL only.

Search computed `to_tsvector` for every public paragraph on every search: about
half of a search's database time at the benchmark's large size (issue 22,
benchmarks/DRAFTS.md). As for actions (0008_stored_search_vectors.py), PostgreSQL
now keeps the vectors of the paragraph's own text in generated columns, with a
GIN index on each; the theme's title, which search also matches, lives in
another table and is still added per row (`programmes/search.py`).

Django's model does not know these columns, and SQLite gets none (its search
uses LIKE). A later migration that changes the type of text or text_en on
PostgreSQL must drop these columns first and add them again. The expressions are
those of `SearchVector("text")` and `SearchVector("text_en")` in search.py.
"""

from django.db import migrations

COLUMNS = {
    "search_nl": "to_tsvector('dutch'::regconfig, COALESCE(text, ''))",
    "search_en": "to_tsvector('english'::regconfig, COALESCE(text_en, ''))",
}


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column, expression in COLUMNS.items():
        schema_editor.execute(
            f"ALTER TABLE programmes_paragraph ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX programmes_paragraph_{column} "
            f"ON programmes_paragraph USING gin ({column})"
        )


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"ALTER TABLE programmes_paragraph DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [("programmes", "0011_budget_summary_figures")]

    operations = [migrations.RunPython(add_columns, drop_columns, elidable=False)]
