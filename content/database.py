"""What a database error means: the database is away (an outage), another
transaction was in the way (busy), or something else (a mistake to report).

PostgreSQL names the kind of an error by its SQLSTATE; psycopg2 puts it on the
error Django wraps (`__cause__.pgcode`). A connection that failed has none.
"""

from django.db import IntegrityError, InterfaceError, OperationalError

# Connection exception, insufficient resources (too many connections), operator
# intervention (shutdown, starting up, cannot connect now).
_OUTAGE_CLASSES = ("08", "53", "57")
# Lock not available (lock_timeout), serialization failure, deadlock.
_BUSY_STATES = ("55P03", "40001", "40P01")


def _sqlstate(error: BaseException) -> str | None:
    return getattr(error.__cause__, "pgcode", None)


def _postgresql(error: BaseException) -> bool:
    return type(error.__cause__).__module__.startswith("psycopg")


def is_outage(error: BaseException) -> bool:
    """The database cannot be reached or cannot serve now: worth a retry later.

    An OperationalError is also what PostgreSQL raises for a value beyond its
    limits ("string is too long for tsvector", SQLSTATE 54000): that is no
    outage. SQLite's (a locked or missing file) counts as one, as before.
    """
    if isinstance(error, InterfaceError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if not _postgresql(error):
        return True
    state = _sqlstate(error)
    return state is None or state.startswith(_OUTAGE_CLASSES)


def is_busy(error: BaseException) -> bool:
    """Another transaction was in the way (a lock, a duplicate key written at
    the same moment): doing it again a little later will do."""
    if isinstance(error, IntegrityError):
        return True
    if not isinstance(error, OperationalError):
        return False
    if not _postgresql(error):
        return "locked" in str(error)  # SQLite: database is locked
    return _sqlstate(error) in _BUSY_STATES
