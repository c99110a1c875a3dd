"""An import costs queries per file and per batch of records, not per row: the
preview, the import and the worker's job around them, on a few hundred rows."""

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from opendata.jobs import (
    import_job_claim,
    import_job_confirm,
    import_job_create,
    import_job_run,
)
from opendata.models import ImportJob

pytestmark = pytest.mark.usefixtures("seed_data")


def values_csv(count: int, name: str) -> bytes:
    lines = [
        "programma_begrotingsjaar,programma_nummer,indicator,eenheid,"
        "begrotingsjaar,soort_waarde,waarde"
    ]
    lines += [
        f"2018,1,{name} {n // 10},personen,{2019 + n % 10},Begroot,{n}"
        for n in range(count)
    ]
    return "\r\n".join(lines).encode()


def job_queries(count: int, name: str) -> dict:
    """The queries of the preview job and of the import job of `count` rows,
    each split into INSERTs (batches) and the rest."""
    job = import_job_create(
        user=None, file_name="w.csv", content=values_csv(count, name)
    )
    counts = {}
    for step in ("preview", "import"):
        with CaptureQueriesContext(connection) as queries:
            claimed = import_job_claim(worker="test:1")
            import_job_run(job=claimed, worker="test:1")
        sql = [query["sql"] for query in queries.captured_queries]
        inserts = [s for s in sql if s.startswith("INSERT")]
        counts[step] = {"inserts": len(inserts), "other": len(sql) - len(inserts)}
        if step == "preview":
            assert claimed.status == ImportJob.Status.PREVIEWED
            assert import_job_confirm(job=job)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE
    return counts


def test_queries_per_file_not_per_row():
    # The file's ten new budget years first (a few queries per year, once).
    job_queries(10, "Eerste meting")
    small = job_queries(200, "Kleine meting")
    large = job_queries(400, "Grote meting")
    for step in ("preview", "import"):
        # Everything but the INSERTs is the same for twice the rows ...
        assert large[step]["other"] == small[step]["other"], step
        # ... and an INSERT writes many records (a value, its history, ...).
        assert large[step]["inserts"] <= 2 * small[step]["inserts"], step
        assert large[step]["inserts"] * 10 <= 400, step
    # No more than a few dozen other queries in all, for any number of rows.
    assert small["import"]["other"] < 40
