"""A change made by one process shows at once in every other, also in the
embedded default (SQLite, no Redis): the import command beside a running
gunicorn with two workers."""

import csv
import io
import os
import subprocess
import sys

from tests.production.servers import BASE_DIR, PRODUCTION_ENV, gunicorn
from tests.production.test_servers import fetch

INDICATOR = "uitstroom-overig"


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )


def test_the_import_command_is_seen_by_a_running_server_at_once(tmp_path):
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "PORTAL_CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",
    }
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "load_initial_data", "-v0")
    with gunicorn(env, workers=2) as server:
        page = f"{server}/indicatoren/{INDICATOR}/"
        # Both workers have the page in their cache (or the shared one).
        for _ in range(4):
            status, before = fetch(page)
            assert status == 200 and "4.321" not in before
        status, text = fetch(
            f"{server}/open-data/indicatoren.csv?indicator={INDICATOR}"
        )
        rows = list(csv.DictReader(io.StringIO(text)))
        rows[0]["waarde"] = "4321"
        changed = tmp_path / "indicatoren.csv"
        with changed.open("w", newline="", encoding="utf-8") as file:
            writer = csv.DictWriter(file, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)

        output = manage(env, "import_budget", str(changed)).stdout
        assert "1 gewijzigd" in output

        # The next request, whichever worker answers it, shows the change.
        for _ in range(4):
            status, after = fetch(page)
            assert status == 200 and "4.321" in after
