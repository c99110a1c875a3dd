"""Ready-made, indexed search vectors for paragraphs, programmes and glossary
terms, on PostgreSQL only.

Search computed `to_tsvector` for every public paragraph on every search: about
half of a search's database time at the benchmark's large size (issue 22,
benchmarks/DRAFTS.md), and for every programme and glossary term. As for actions
(0008_stored_search_vectors.py), PostgreSQL now keeps the vectors of each row's
own searched fields in generated columns, with a GIN index on each; the theme's
title, which paragraphs are also found by, lives in another table and is still
added per row (`programmes/search.py`).

Django's models do not know these columns, and SQLite gets none (its search uses
LIKE). A later migration that changes the type of one of these fields on
PostgreSQL must drop the columns first and add them again. The expressions are
those of `SearchVector(*fields)` over the fields search.py names
(tests/programmes/test_search.py compares them).
"""

from django.db import migrations


def _vector(config: str, *fields: str) -> str:
    joined = " || ' ' || ".join(f"COALESCE({field}, '')" for field in fields)
    return f"to_tsvector('{config}'::regconfig, {joined})"


TABLES = {
    "programmes_paragraph": {
        "search_nl": _vector("dutch", "text"),
        "search_en": _vector("english", "text_en"),
    },
    "programmes_programme": {
        "search_nl": _vector("dutch", "title", "intro"),
        "search_en": _vector("english", "title_en", "intro_en"),
    },
    "programmes_glossaryterm": {
        "search_nl": _vector("dutch", "term", "meaning", "description"),
        "search_en": _vector("english", "meaning_en", "description_en"),
    },
}


def add_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in TABLES.items():
        for column, expression in columns.items():
            schema_editor.execute(
                f"ALTER TABLE {table} ADD COLUMN {column} tsvector "
                f"GENERATED ALWAYS AS ({expression}) STORED"
            )
            schema_editor.execute(
                f"CREATE INDEX {table}_{column} ON {table} USING gin ({column})"
            )


def drop_columns(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table, columns in TABLES.items():
        for column in columns:
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN {column}")


class Migration(migrations.Migration):
    dependencies = [("programmes", "0012_money_to_its_own_app")]

    operations = [migrations.RunPython(add_columns, drop_columns, elidable=False)]
