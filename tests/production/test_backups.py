"""Backups restore every row: pg_dump/pg_restore on PostgreSQL, dumpdata/loaddata on
SQLite, as README.md documents them."""

import os
import re
import subprocess
import sys

import psycopg2
import pytest

from django.conf import settings
from django.db import connection

from tests.production.servers import BASE_DIR

pytestmark = [
    pytest.mark.usefixtures("seed_data"),
    pytest.mark.django_db(transaction=True),
]


def all_rows(dsn: dict) -> dict:
    """Every row of every table in the public schema, sorted, per table."""
    with psycopg2.connect(**dsn) as conn, conn.cursor() as cursor:
        cursor.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
        )
        tables = [row[0] for row in cursor.fetchall()]
        rows = {}
        for table in tables:
            cursor.execute(f'SELECT * FROM "{table}"')
            rows[table] = sorted(map(repr, cursor.fetchall()))
    return rows


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL backup")
def test_pg_dump_and_pg_restore_keep_every_row(tmp_path):
    db = settings.DATABASES["default"]
    host, port, user = db["HOST"] or "127.0.0.1", str(db["PORT"] or 5432), db["USER"]
    target = f"{db['NAME']}_restored"
    dump = tmp_path / "begroting.dump"
    common = ["-h", host, "-p", port, "-U", user]
    subprocess.run(
        ["pg_dump", *common, "--format=custom", "--file", str(dump), db["NAME"]],
        check=True,
        timeout=120,
    )
    subprocess.run(["dropdb", *common, "--if-exists", target], check=True)
    subprocess.run(["createdb", *common, target], check=True)
    try:
        subprocess.run(
            ["pg_restore", *common, "--no-owner", "--dbname", target, str(dump)],
            check=True,
            timeout=120,
        )
        dsn = {"host": host, "port": port, "user": user}
        original = all_rows({**dsn, "dbname": db["NAME"]})
        restored = all_rows({**dsn, "dbname": target})
        assert original["programmes_action"], "nothing was backed up"
        assert restored == original
    finally:
        subprocess.run(["dropdb", *common, "--if-exists", target], check=True)


def manage(*args, database_url):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite backup")
def test_dumpdata_and_loaddata_keep_every_row(tmp_path):
    source = f"sqlite:///{tmp_path / 'source.sqlite3'}"
    target = f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    backup = tmp_path / "backup.json"
    manage("migrate", "-v0", database_url=source)
    manage("load_initial_data", database_url=source)
    dump_args = ("dumpdata", "--natural-foreign", "--indent", "0")
    excluded = ("-e", "contenttypes", "-e", "auth.permission", "-e", "sessions")
    manage(*dump_args, *excluded, "-o", str(backup), database_url=source)
    manage("migrate", "-v0", database_url=target)
    manage("flush", "--no-input", database_url=target)
    manage("loaddata", str(backup), database_url=target)
    again = tmp_path / "again.json"
    manage(*dump_args, *excluded, "-o", str(again), database_url=target)
    assert '"model": "programmes.action"' in backup.read_text()

    # Django's JSON keeps milliseconds: a time of 12:00:01.000400 is written
    # "12:00:01.000", read back as whole seconds and written again without.
    def same_precision(text):
        return re.sub(r"\.000(?=Z|[+-]\d\d:\d\d)", "", text)

    assert same_precision(again.read_text()) == same_precision(backup.read_text())
