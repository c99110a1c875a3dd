"""Two imports of one file at once, or two confirmations of one preview, give the
result of one import; the one that loses says so in Dutch, never a traceback."""

import os
import subprocess
import sys
import threading

import pytest

from django.db import connection

from opendata.imports.pipeline import budget_file_import
from opendata.models import ImportRun
from programmes.models import Action
from tests.production.servers import BASE_DIR, PRODUCTION_ENV

HEADER = (
    "programma_begrotingsjaar,programma_nummer,programma,onderdeel,soort,status,"
    "jaar,titel,tekst"
)
NEW_ACTIONS = "\r\n".join(
    [
        HEADER,
        *(
            f"2018,1,,Gelijktijdig,Actie,Gepland,2019,Gelijktijdige actie {n},Tekst {n}"
            for n in range(5)
        ),
    ]
).encode()
INDICATOR_HEADER = (
    "programma_begrotingsjaar,programma_nummer,indicator,eenheid,begrotingsjaar,"
    "soort_waarde,waarde"
)
NEW_INDICATORS = "\r\n".join(
    [
        INDICATOR_HEADER,
        *(
            f"2018,1,Gelijktijdige meting {n},personen,2018,Begroot,{n}"
            for n in range(3)
        ),
    ]
).encode()


def test_two_import_commands_at_once_import_once(tmp_path):
    """Two real processes on one SQLite file, the embedded default."""
    env = {
        **os.environ,
        **PRODUCTION_ENV,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "PORTAL_CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",
    }

    def manage(*args, **kwargs):
        return subprocess.Popen(
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            **kwargs,
        )

    for command in (["migrate", "--noinput", "-v0"], ["load_initial_data", "-v0"]):
        assert manage(*command).wait(timeout=300) == 0
    for name, content in (("acties.csv", NEW_ACTIONS), ("ind.csv", NEW_INDICATORS)):
        (tmp_path / name).write_bytes(content)
        runs = [manage("import_budget", str(tmp_path / name)) for _ in range(2)]
        outputs = [run.communicate(timeout=300) for run in runs]
        for run, (_out, err) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, err
            assert "Traceback" not in err
    counts = manage(
        "shell",
        "-c",
        "from programmes.models import Action; from indicators.models import "
        "Indicator; print(Action.objects.filter(title__startswith='Gelijktijdige')"
        ".count(), Indicator.objects.filter(name__startswith='Gelijktijdige')"
        ".count())",
    ).communicate(timeout=120)[0]
    assert counts.strip().splitlines()[-1].split() == ["5", "3"]


def test_confirming_one_preview_twice_imports_it_once(seed_data):
    first = budget_file_import(content=NEW_ACTIONS, file_name="a.csv", preview="p1")
    assert first.ok and len(first.created) >= 5
    second = budget_file_import(content=NEW_ACTIONS, file_name="a.csv", preview="p1")
    assert not second.ok
    assert "al bevestigd" in str(second.problems[0])
    assert Action.objects.filter(title__startswith="Gelijktijdige").count() == 5
    assert ImportRun.objects.count() == 1


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent transactions in one test process need PostgreSQL",
)
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "content", [NEW_ACTIONS, NEW_INDICATORS], ids=["acties", "ind"]
)
def test_two_imports_at_the_same_moment_on_postgresql(seed_data, content):
    from indicators.models import Indicator

    start = threading.Barrier(2)
    results = []

    def run(preview):
        start.wait()
        try:
            results.append(
                budget_file_import(content=content, file_name="x", preview=preview)
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(p,)) for p in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 2 and all(result.ok for result in results)
    actions = content is NEW_ACTIONS
    assert Action.objects.filter(title__startswith="Gelijktijdige").count() == (
        5 if actions else 0
    )
    assert Indicator.objects.filter(name__startswith="Gelijktijdige").count() == (
        0 if actions else 3
    )
    assert sorted(len(result.created) > 0 for result in results) == [False, True]
