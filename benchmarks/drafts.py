"""Public pages and search beside many drafts: `make benchmark-drafts`
(python -m benchmarks.drafts); writes benchmarks/DRAFTS.md.

Imports leave drafts behind: a new budget year comes in as a draft (concept) with
its programmes, themes and actions, and nothing of it is public. Three 5 MB
files made 300,000 such actions, and the public action list, the API and the
feed, which must skip them all, went from about 20 ms to 0.4-0.8 s (issue 22).

On its own PostgreSQL database (dropped and made again): the seed and the large
synthetic budget of `make benchmark` (generate.budget_generate), the public
pages measured in-process; then the drafts (generate.drafts_generate), the same
pages again; then gunicorn as production runs it (`-c python:hengelo_portal.gunicorn`,
docs/operators.md: its number of sync workers, 2 per core plus one, the page cache
off) with wrk's `--connections` clients asking for random searches. Everything on
loopback.
"""

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/hengelo_bench_drafts"
# The public pages that read every action, and search.
PAGES = [
    ("action list", "/acties/"),
    ("action list, by year", "/acties/?sort=-year"),
    ("API list", "/api/v1/acties/"),
    ("feed", "/wijzigingen/atom/"),
    ("search", "/zoeken/?q=werk"),
    ("search, two words", "/zoeken/?q=werk+inkomen"),
    ("search, rare word", "/zoeken/?q=schuldhulpverlening"),
]
# What a visitor waits for at most: the issue counted searches over 2 s.
PAGE_BUDGET_MS = 2000
# Each request a different search: two words of the synthetic text, so no two
# are alike and none comes from a cache.
WRK_SCRIPT = """
local words = {%(words)s}
math.randomseed(22)
request = function()
  local a = words[math.random(#words)]
  local b = words[math.random(#words)]
  return wrk.format("GET", "/zoeken/?q=" .. a .. "+" .. b)
end
done = function(summary, latency, requests)
  local over = 0
  for p = 1, 1000 do
    if latency:percentile(p / 10) > %(budget_us)d then
      over = 100 - (p - 1) / 10
      break
    end
  end
  io.write(string.format(
    '{"requests": %%d, "duration_us": %%d, "errors": %%d, "timeouts": %%d, ' ..
    '"p50": %%.1f, "p90": %%.1f, "p99": %%.1f, "max": %%.1f, "over_budget": %%.1f}\\n',
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status, summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, over))
end
"""


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--drafts", type=int, default=300_000)
    parser.add_argument("--connections", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="measure the database of the last run again (its drafts included), "
        "without building it",
    )
    parser.add_argument("--note", default="")
    parser.add_argument("--output", default=str(HERE / "DRAFTS.md"))
    return parser.parse_args()


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


def _measure(label: str, results: dict) -> None:
    from . import measure

    for name, url in PAGES:
        timing = measure.server_time(url)
        entry = results.setdefault(name, {"url": url})
        entry[label] = {
            "queries": measure.query_count(url),
            "median_ms": round(timing.median_ms, 1),
            "p95_ms": round(timing.p95_ms, 1),
        }
        _log(f"{label}: {name}: {entry[label]}")


def _cpu_per_search(searches: int = 60) -> dict:
    """CPU time per random two-word search page, in-process, of this process
    (Django) and of its PostgreSQL backend (from /proc, on the same machine):
    what a search costs whatever else the shared cores are doing, unlike the
    wall-clock figures."""
    import random

    from django.db import connection

    from . import measure
    from .generate import WORDS

    client = measure._client()
    client.get("/zoeken/?q=werk")
    backend = Path(f"/proc/{connection.connection.get_backend_pid()}/stat")

    def backend_seconds() -> float:
        fields = backend.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    rng = random.Random(26)
    urls = [
        f"/zoeken/?q={rng.choice(WORDS)}+{rng.choice(WORDS)}" for _ in range(searches)
    ]
    django_started, database_started = time.process_time(), backend_seconds()
    wall_started = time.perf_counter()
    for url in urls:
        client.get(url)
    return {
        "django_ms": (time.process_time() - django_started) / searches * 1000,
        "database_ms": (backend_seconds() - database_started) / searches * 1000,
        "wall_ms": (time.perf_counter() - wall_started) / searches * 1000,
    }


def _analyze() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _search_under_load(database: str, connections: int, seconds: int) -> dict:
    from django.db import connections as databases

    from . import throughput
    from .generate import WORDS
    from .run import SERVER_ENV

    databases.close_all()
    with socket.socket() as sock:  # a free port: other runs may share the machine
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = throughput.server_environment(
        dict(SERVER_ENV, DATABASE_URL=database, GUNICORN_BIND=f"127.0.0.1:{port}")
    )
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(
        WRK_SCRIPT
        % {
            "words": ", ".join(f'"{word}"' for word in WORDS),
            "budget_us": PAGE_BUDGET_MS * 1000,
        }
    )
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            # Production's settings (workers, time-outs); only the logs quieter.
            "-c",
            "python:hengelo_portal.gunicorn",
            "hengelo_portal.wsgi:application",
            "--log-level",
            "warning",
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        throughput._wait_until_up(f"http://127.0.0.1:{port}/health/", server)
        output = subprocess.run(
            [
                "wrk",
                "--threads",
                "2",
                "--connections",
                str(connections),
                "--duration",
                f"{seconds}s",
                "--timeout",
                "10s",
                "--script",
                str(script),
                f"http://127.0.0.1:{port}",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=True,
        ).stdout
    finally:
        server.terminate()
        server.wait(timeout=30)
        script.unlink()
    result = json.loads(output.strip().splitlines()[-1])
    result["connections"] = connections
    result["workers"] = _production_workers(env)
    result["per_second"] = round(result["requests"] / (result["duration_us"] / 1e6), 1)
    return result


def _production_workers(env: dict) -> int:
    """The number of workers hengelo_portal/gunicorn.py gives gunicorn here."""
    output = subprocess.run(
        [
            sys.executable,
            "-c",
            "import hengelo_portal.gunicorn as g; print(g.workers)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(output.strip())


def _report(results: dict, load: dict, counts: dict, args, cpu_time: dict) -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    rows = []
    for name, entry in results.items():
        before = entry.get("without drafts")
        after = entry["with drafts"]
        rows.append(
            f"| {name} (`{entry['url']}`) | "
            + (
                f"{before['queries']} / {before['median_ms']} / {before['p95_ms']} | "
                if before
                else "not measured (`--reuse`) | "
            )
            + f"{after['queries']} / {after['median_ms']} / {after['p95_ms']} |"
        )
    table = "\n".join(rows)
    latency = " / ".join(f"{load[p]:.0f}" for p in ("p50", "p90", "p99", "max"))
    note = f"\n{args.note}\n" if args.note else ""
    together = cpu_time["django_ms"] + cpu_time["database_ms"]
    return f"""# Public pages and search beside drafts

Run by `make benchmark-drafts` (`benchmarks/drafts.py`) on
{datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Machine: {os.cpu_count()} cores, {cpu};
Python {platform.python_version()}; PostgreSQL, gunicorn and wrk on the same cores.
{note}
Data: the seed and `make benchmark`'s large budget
({counts["public_actions"]:,} public actions), then {counts["draft_actions"]:,}
actions in {counts["draft_budgets"]} draft budgets, as imports leave them (the
budget a draft, its programmes, themes and actions not: nothing of it public).

In-process (Django's test client, the page cache off): SQL queries / median ms /
p95 ms per page.

| page | without drafts | with drafts |
|---|---|---|
{table}

CPU time per search page, with the drafts (60 random searches of two words,
in-process, the page cache off): Django {cpu_time["django_ms"]:.1f} ms, PostgreSQL
{cpu_time["database_ms"]:.1f} ms, together {together:.1f} ms
(wall clock {cpu_time["wall_ms"]:.1f} ms on the shared cores).

Search under load, with the drafts: gunicorn with production's settings
(`hengelo_portal/gunicorn.py`: {load["workers"]} sync workers here, the page cache
off), wrk with {load["connections"]} connections for {args.seconds} s, each
request a different search of two words. Load average before the run:
{load["load_before"]}.

| figure | value |
|---|---|
| searches | {load["requests"]} ({load["per_second"]} per second) |
| latency p50 / p90 / p99 / max | {latency} ms |
| over the page budget of {PAGE_BUDGET_MS / 1000:.0f} s | {load["over_budget"]}% |
| errors, time-outs (10 s) | {load["errors"]}, {load["timeouts"]} |
"""


def main() -> int:
    args = _arguments()
    database = args.database or DEFAULT_DATABASE
    sys.path.insert(0, str(ROOT))
    from .run import SERVER_ENV, WORK, _recreate_database

    os.environ.update(SERVER_ENV, DATABASE_URL=database)
    results: dict = {}
    if not args.reuse:
        _log(f"recreating {database.rsplit('/', 1)[-1]}")
        _recreate_database(database)
    import django
    from django.core.management import call_command

    django.setup()
    from programmes.models import Action, Budget

    from . import generate

    if not args.reuse:
        call_command("migrate", verbosity=0, interactive=False)
        call_command("collectstatic", verbosity=0, interactive=False, clear=True)
        call_command("load_initial_data", verbosity=0)
        generate.budget_generate()
        _analyze()
        _measure("without drafts", results)
        started = time.monotonic()
        generate.drafts_generate(budgets=3, actions_per_budget=args.drafts // 3)
        _log(f"drafts generated in {time.monotonic() - started:.0f} s")
        _analyze()
    elif not (WORK / "staticfiles").exists():
        call_command("collectstatic", verbosity=0, interactive=False)
    _measure("with drafts", results)
    counts = {
        "public_actions": Action.objects.public().count(),
        "draft_actions": Action.objects.count() - Action.objects.public().count(),
        "draft_budgets": Budget.objects.exclude(pk__in=Budget.objects.public()).count(),
    }
    _log(f"search under load: {args.connections} connections, {args.seconds} s")
    cpu_time = _cpu_per_search()
    _log(f"CPU per search: {cpu_time}")
    load_before = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    load = _search_under_load(database, args.connections, args.seconds)
    load["load_before"] = load_before
    _log(f"search under load: {load}")
    Path(args.output).write_text(_report(results, load, counts, args, cpu_time))
    _log(f"written: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
