"""Ready-made, indexed search vectors for actions, on PostgreSQL only.

Searching computed `to_tsvector` for every action on every search: 0.5 to 1 s at
the benchmark's size of 38,000 actions (benchmarks/RESULTS.md). PostgreSQL now
keeps the vectors in generated columns, with a GIN index on each.

Django's model does not know these columns: PostgreSQL fills them itself on every
insert and update, and `programmes/search.py` reads them on PostgreSQL only.
SQLite, the embedded default, has no full-text search and searches with LIKE, so
it gets no such columns. A later migration that changes the type of title, text,
title_en or text_en on PostgreSQL must drop these columns first and add them again.
The expressions are those of `SearchVector(...)` in search.py.
"""

from django.db import migrations

COLUMNS = {
    "search_nl": "to_tsvector('dutch'::regconfig, "
    "COALESCE(title, '') || ' ' || COALESCE(text, ''))",
    "search_en": "to_tsvector('english'::regconfig, "
    "COALESCE(title_en, '') || ' ' || COALESCE(text_en, ''))",
}


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column, expression in COLUMNS.items():
        schema_editor.execute(
            f"ALTER TABLE programmes_action ADD COLUMN {column} tsvector "
            f"GENERATED ALWAYS AS ({expression}) STORED"
        )
        schema_editor.execute(
            f"CREATE INDEX programmes_action_{column} "
            f"ON programmes_action USING gin ({column})"
        )


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for column in COLUMNS:
        schema_editor.execute(f"ALTER TABLE programmes_action DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [("programmes", "0007_more_english_versions")]

    operations = [migrations.RunPython(add_columns, drop_columns, elidable=False)]
