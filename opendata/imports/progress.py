"""How far an import is, for the worker's progress page: the pipeline reports its
steps here, and whoever runs it (opendata/jobs.py) listens.

A context variable rather than an argument through every table and writer: the
steps are reported at the two places every table passes (rows_of, Batch.save),
and an import without a listener (the command, the tests) pays nothing.
"""

from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

# The steps of an import, in order; a page says "step 2 of 3".
READING = "reading"  # the file is parsed (openpyxl or pandas)
CHECKING = "checking"  # rows are read and checked
WRITING = "writing"  # records are written in batches
STEPS = (READING, CHECKING, WRITING)

Listener = Callable[[str, int, int], None]
_listener: ContextVar[Listener | None] = ContextVar("import_progress", default=None)


def report(step: str, done: int, total: int) -> None:
    """Tell the listener, if any, that `done` of `total` of `step` are done."""
    listener = _listener.get()
    if listener is not None:
        listener(step, done, total)


@contextmanager
def listening(listener: Listener):
    token = _listener.set(listener)
    try:
        yield
    finally:
        _listener.reset(token)
