"""Import benchmark: rows per second of the budget file import, by size.

`make benchmark-imports` (python -m benchmarks.imports). For 1,000, 10,000 and
100,000 rows it writes a CSV and an XLSX of new indicator values (new indicators,
as an editor bringing in a new budget would) and of new actions, then times the
preview (dry run) and the import itself, each into a fresh database loaded with the
seed, and counts the queries. Writes benchmarks/IMPORTS.md.

The database is a SQLite file of its own (the embedded default), or PostgreSQL with
--database postgres://…/name (dropped and created again).
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (1_000, 10_000, 100_000)
YEARS = range(2019, 2029)  # ten budget years per indicator


def indicator_rows(count: int) -> list[dict]:
    """`count` values of count/10 new indicators of programme 1, ten years each,
    with the required columns only (as an editor's own sheet would have them, and
    so that 100,000 rows fit in the 5 MB a file may have)."""
    rng = random.Random(count)
    return [
        {
            "programma_begrotingsjaar": 2018,
            "programma_nummer": 1,
            "indicator": f"Meting {number}",
            "eenheid": "personen",
            "begrotingsjaar": year,
            "soort_waarde": "Begroot",
            "waarde": f"{rng.randint(0, 99_999)}",
        }
        for number in range(count // len(YEARS))
        for year in YEARS
    ]


def action_rows(count: int) -> list[dict]:
    """`count` new actions in twenty new themes of programme 1, required columns
    only."""
    return [
        {
            "programma_begrotingsjaar": 2018,
            "programma_nummer": 1,
            "onderdeel": f"O{number % 20}",
            "soort": "Actie",
            "status": "Gepland",
            "jaar": 2019,
            "titel": f"A{number}",
            "tekst": f"T{number}",
        }
        for number in range(count)
    ]


def files(rows: list[dict], sheet: str) -> dict[str, bytes]:
    import pandas as pd

    from opendata.spreadsheets import frame_to_csv, frames_to_xlsx

    frame = pd.DataFrame(rows, dtype=object)
    return {
        "CSV": frame_to_csv(frame),
        "XLSX": frames_to_xlsx({sheet: frame}),
    }


def fresh_database(database: str | None):
    from django.core.management import call_command
    from django.db import connection

    connection.close()
    if database is None:
        path = Path(os.environ["DATABASE_URL"].removeprefix("sqlite:///"))
        path.unlink(missing_ok=True)
    else:
        call_command("flush", "--no-input", verbosity=0)
    call_command("migrate", "--no-input", verbosity=0)
    call_command("load_initial_data", verbosity=0)


def measure(content: bytes, *, dry_run: bool) -> tuple[float, int, object]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from opendata.imports.pipeline import budget_file_import

    with CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = budget_file_import(content=content, file_name="bench", dry_run=dry_run)
        seconds = time.perf_counter() - start
    assert result.ok, [str(p) for p in result.problems[:5]]
    return seconds, len(queries), result


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", help="postgres://… (else a SQLite file)")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--formats", default="CSV,XLSX")
    parser.add_argument("--output", default=str(HERE / "IMPORTS.md"))
    arguments = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="portal-import-bench-"))
    os.environ["DATABASE_URL"] = (
        arguments.database or f"sqlite:///{work / 'db.sqlite3'}"
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "hengelo_portal.settings.test"
    os.environ["PORTAL_CACHE_DIR"] = str(work / "cache")
    sys.path.insert(0, str(ROOT))
    os.chdir(ROOT)
    import django

    django.setup()
    from django.db import connection

    if arguments.database:
        from django.core.management import call_command

        call_command("migrate", "--no-input", verbosity=0)
    lines = []
    for size in [int(s) for s in arguments.sizes.split(",")]:
        for kind, rows, sheet in (
            ("indicator values", indicator_rows(size), "indicatoren"),
            ("actions", action_rows(size), "acties"),
        ):
            for format_name, content in files(rows, sheet).items():
                if format_name not in arguments.formats.split(","):
                    continue
                fresh_database(arguments.database)
                preview = measure(content, dry_run=True)
                applied = measure(content, dry_run=False)
                line = (
                    size,
                    kind,
                    format_name,
                    len(content),
                    preview[0],
                    applied[0],
                    applied[1],
                )
                lines.append(line)
                # After every file, so that a long run's figures so far are kept.
                write_report(arguments.output, lines, connection.vendor)
                print(
                    f"{size:>7} {kind:<16} {format_name:<4} "
                    f"{len(content) / 1e6:5.2f} MB"
                    f"  preview {preview[0]:6.1f} s ({size / preview[0]:7.0f} rows/s)"
                    f"  import {applied[0]:6.1f} s ({size / applied[0]:7.0f} rows/s)"
                    f"  {applied[1]} queries",
                    flush=True,
                )
    print(f"wrote {arguments.output}")


def write_report(output: str, lines, vendor: str):
    import platform

    from django.utils import timezone

    text = io.StringIO()
    text.write("# Import benchmark\n\n")
    text.write(
        f"`make benchmark-imports`, {timezone.now():%Y-%m-%d %H:%M} UTC, "
        f"{vendor}, Python {platform.python_version()}, {os.cpu_count()} cores. "
        "Each file is previewed (the whole import, rolled back) and then imported "
        "into a fresh database with the seed. Rows are new records: the slowest "
        "case (an unchanged row costs less). The server's request timeout is "
        "30 s (hengelo_portal/gunicorn.py).\n\n"
    )
    text.write(
        "| rows | table | format | file | preview | rows/s | import | rows/s "
        "| queries |\n|---:|---|---|---:|---:|---:|---:|---:|---:|\n"
    )
    for size, kind, format_name, length, preview, applied, queries in lines:
        text.write(
            f"| {size:,} | {kind} | {format_name} | {length / 1e6:.2f} MB "
            f"| {preview:.1f} s | {size / preview:,.0f} | {applied:.1f} s "
            f"| {size / applied:,.0f} | {queries} |\n"
        )
    Path(output).write_text(text.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
