"""The benchmark in one command: `make benchmark` (python -m benchmarks.run).

Drops and recreates its own PostgreSQL database, loads the seed, measures every page,
adds the large synthetic budget, measures again, then measures throughput and
Lighthouse against gunicorn and writes benchmarks/RESULTS.md.
"""

import argparse
import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
WORK = HERE / ".work"
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/hengelo_bench"
# A Redis database of its own for the cached run, emptied before and after.
CACHE_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/9")

# The portal as in production: debug off, hashed and compressed static files.
SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "hengelo_portal.settings.base",
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "benchmark-only-secret-key-not-for-production",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_STATIC_ROOT": str(WORK / "staticfiles"),
    "DJANGO_LOG_LEVEL": "WARNING",
    # Plain http on loopback: no redirect to https.
    "DJANGO_HTTPS": "0",
    # The default measurements are of the uncached portal; measure.MODES["cached"]
    # switches the page cache on for the in-process figures, and a second gunicorn
    # with the cache in Redis gives the cached throughput.
    "PORTAL_PAGE_CACHE_SECONDS": "0",
}


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument(
        "--small",
        action="store_true",
        help="a tenth of the large size, for trying the benchmark out quickly",
    )
    parser.add_argument("--skip-throughput", action="store_true")
    parser.add_argument("--skip-lighthouse", action="store_true")
    parser.add_argument(
        "--note", default="", help="a remark for RESULTS.md, e.g. a shared machine"
    )
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"))
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="write RESULTS.md again from the last run's .work/results.json "
        "(after editing FINDINGS.md), measuring nothing",
    )
    return parser.parse_args()


def _recreate_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit(f"refusing an unusual database name: {name!r}")
    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


def _measure_in_process(pages, size: str, results: dict) -> None:
    from . import measure

    for page in pages:
        if not page.available:
            continue
        url = page.url(size)
        entry = results.setdefault(page.name, {"urls": {}})
        entry["urls"][size] = url
        entry.setdefault("queries", {})[size] = measure.query_count(url)
        entry.setdefault("transfer", {})[size] = asdict(measure.transfer(url))
        for mode, setup in measure.MODES.items():
            if setup is None:
                continue
            with setup():
                timing = measure.server_time(url)
            entry.setdefault("time", {}).setdefault(mode, {})[size] = asdict(timing)
        _log(
            f"{size:5} {page.name}: {entry['queries'][size]} queries, "
            f"{entry['time']['uncached'][size]['median_ms']:.1f} ms median"
        )


def _measure_throughput(base: str, pages, results: dict, *, mode: str) -> None:
    """Every page and the static file, all served by the gunicorn at `base`."""
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage

    from . import throughput
    from .pages import STATIC_FILE

    static_url = base + staticfiles_storage.url(STATIC_FILE)
    assert static_url.startswith(base + settings.STATIC_URL)
    _log(f"throughput, {mode}: static file")
    results.setdefault("static_throughput", {})[mode] = asdict(
        throughput.measure(static_url)
    )
    for page in pages:
        if page.available:
            url = base + results["pages"][page.name]["urls"]["large"]
            _log(f"throughput, {mode}: {page.name}")
            throughput.warm(url)
            results["pages"][page.name].setdefault("throughput", {})[mode] = asdict(
                throughput.measure(url)
            )


def _report_only(args) -> int:
    import django

    django.setup()
    from . import report
    from .pages import PAGES

    results = json.loads((WORK / "results.json").read_text())
    Path(args.output).write_text(
        report.markdown(
            results,
            pages=PAGES,
            note=args.note or results.get("note", ""),
            small=results.get("small", False),
        )
    )
    _log(f"written from the last run: {args.output}")
    return 0


def main() -> int:
    args = _arguments()
    database = args.database or DEFAULT_DATABASE
    os.environ.update(SERVER_ENV, DATABASE_URL=database)
    sys.path.insert(0, str(ROOT))
    started = time.monotonic()
    if args.report_only:
        return _report_only(args)

    _log(f"recreating {urlsplit(database).path.lstrip('/')}")
    _recreate_database(database)

    import django
    from django.core.management import call_command

    django.setup()

    from . import generate, lighthouse, report, throughput
    from .pages import PAGES

    call_command("migrate", verbosity=0, interactive=False)
    call_command("collectstatic", verbosity=0, interactive=False, clear=True)
    call_command("load_initial_data", verbosity=0)

    results: dict = {"pages": {}, "sizes": {}}
    results["sizes"]["seed"] = report.data_sizes()
    _measure_in_process(PAGES, "seed", results["pages"])

    size = generate.Size()
    if args.small:
        size = generate.Size(actions_per_theme=40, indicators=30, glossary_terms=60)
    _log(f"generating the large budget: {size}")
    generated_at = time.monotonic()
    generate.budget_generate(size=size)
    results["generation_seconds"] = round(time.monotonic() - generated_at, 1)
    results["sizes"]["large"] = report.data_sizes()
    _log(f"generated in {results['generation_seconds']} s")
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    _measure_in_process(PAGES, "large", results["pages"])

    if not (args.skip_throughput and args.skip_lighthouse):
        from django.db import connections

        connections.close_all()
        env = throughput.server_environment(dict(SERVER_ENV, DATABASE_URL=database))
        with throughput.gunicorn(env, ROOT) as base:
            if not args.skip_throughput and throughput.wrk_available():
                _measure_throughput(base, PAGES, results, mode="uncached")
            if not args.skip_lighthouse and lighthouse.available():
                for page in PAGES:
                    if page.available and page.lighthouse:
                        url = base + results["pages"][page.name]["urls"]["large"]
                        _log(f"lighthouse: {page.name}")
                        slug = page.name.replace(" ", "-")
                        scores = lighthouse.run(
                            url, WORK / "lighthouse" / f"{slug}.json"
                        )
                        results["pages"][page.name]["lighthouse"] = asdict(scores)
        if not args.skip_throughput and throughput.wrk_available():
            # The same server as in production: the page cache on, in Redis.
            throughput.empty_redis(CACHE_REDIS_URL)
            cached_env = dict(
                env, PORTAL_PAGE_CACHE_SECONDS="600", REDIS_URL=CACHE_REDIS_URL
            )
            with throughput.gunicorn(cached_env, ROOT) as base:
                _measure_throughput(base, PAGES, results, mode="cached")
            throughput.empty_redis(CACHE_REDIS_URL)

    results["seconds"] = round(time.monotonic() - started)
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results["note"] = args.note
    results["small"] = args.small
    WORK.mkdir(exist_ok=True)
    (WORK / "results.json").write_text(json.dumps(results, indent=2, default=str))
    Path(args.output).write_text(
        report.markdown(results, pages=PAGES, note=args.note, small=args.small)
    )
    _log(f"done in {results['seconds']} s: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
