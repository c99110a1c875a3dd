"""Import benchmark: rows per second of the budget file import, by size.

`make benchmark-imports` (python -m benchmarks.imports). For 1,000, 10,000 and
100,000 rows it writes a CSV and an XLSX of new indicator values (new indicators,
as an editor bringing in a new budget would) and of new actions, then times the
upload request, the preview and the import itself as the admin's import runs them
(a job, opendata/jobs.py), each into a fresh database loaded with the seed, and
counts the queries. Writes benchmarks/IMPORTS.md.

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
# What the figures say, written by hand after a run; appended to the report.
NOTES = HERE / "IMPORTS-notes.md"
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


def upload_request(content: bytes, name: str) -> tuple[float, object]:
    """The admin's upload as an editor sends it: the request stores the file as a
    job and answers; the worker does the rest."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.test import Client

    from opendata.models import ImportJob

    user, _created = get_user_model().objects.get_or_create(
        username="benchmark", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client()
    client.force_login(user)
    start = time.perf_counter()
    response = client.post(
        "/admin/opendata/importrun/inlezen/",
        {"file": SimpleUploadedFile(name, content)},
    )
    seconds = time.perf_counter() - start
    assert response.status_code == 302, response.status_code
    return seconds, ImportJob.objects.latest("pk")


def run_step(job) -> tuple[float, float, int]:
    """One step of a job in the worker's own function: wall and CPU seconds, and
    the queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from opendata.jobs import import_job_claim, import_job_run

    with CaptureQueriesContext(connection) as queries:
        start, cpu = time.perf_counter(), time.process_time()
        claimed = import_job_claim(worker="benchmark:1")
        assert claimed.pk == job.pk
        import_job_run(job=claimed, worker="benchmark:1")
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert not claimed.result.get("problems"), claimed.result["problems"][:5]
    return seconds, cpu, len(queries)


def measure(content: bytes, name: str):
    """The upload request, the job's preview and, confirmed, its import."""
    from opendata.jobs import import_job_confirm

    request, job = upload_request(content, name)
    preview = run_step(job)
    assert import_job_confirm(job=job)
    applied = run_step(job)
    return request, preview, applied


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
                request, preview, applied = measure(content, f"bench.{format_name}")
                line = (
                    size,
                    kind,
                    format_name,
                    len(content),
                    request,
                    preview,
                    applied,
                )
                lines.append(line)
                # After every file, so that a long run's figures so far are kept.
                write_report(arguments.output, lines, connection.vendor)
                print(
                    f"{size:>7} {kind:<16} {format_name:<4} "
                    f"{len(content) / 1e6:5.2f} MB  request {request:5.2f} s"
                    f"  preview {preview[0]:6.1f} s ({size / preview[0]:7.0f} rows/s,"
                    f" CPU {preview[1]:.1f} s)"
                    f"  import {applied[0]:6.1f} s ({size / applied[0]:7.0f} rows/s,"
                    f" CPU {applied[1]:.1f} s)  {applied[2]} queries",
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
        "Each file is uploaded through the admin (the request only stores it as a "
        "job), then previewed (the whole import, rolled back) and, confirmed, "
        "imported by the worker's own function (opendata/jobs.py), into a fresh "
        "database with the seed. Rows are new records: the slowest case (an "
        "unchanged row costs less). Seconds are wall-clock; CPU is the seconds the "
        "process itself computed, which a machine shared with other work does not "
        "inflate. The server's request timeout is 30 s "
        "(hengelo_portal/gunicorn.py); the worker has none.\n\n"
    )
    text.write(
        "| rows | table | format | file | request | preview | rows/s | CPU "
        "| import | rows/s | CPU | queries |\n"
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    for size, kind, format_name, length, request, preview, applied in lines:
        text.write(
            f"| {size:,} | {kind} | {format_name} | {length / 1e6:.2f} MB "
            f"| {request:.2f} s | {preview[0]:.1f} s | {size / preview[0]:,.0f} "
            f"| {preview[1]:.1f} s | {applied[0]:.1f} s | {size / applied[0]:,.0f} "
            f"| {applied[1]:.1f} s | {applied[2]} |\n"
        )
    if NOTES.exists():
        text.write("\n" + NOTES.read_text(encoding="utf-8"))
    Path(output).write_text(text.getvalue(), encoding="utf-8")


if __name__ == "__main__":
    main()
