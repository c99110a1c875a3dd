"""Imports outside the request: the admin queues an uploaded file as an ImportJob,
and the worker (`manage.py import_worker`) previews it, and imports it once the
editor confirms the preview.

The queue is the database (no other service, the same on SQLite and PostgreSQL):
a worker claims a job by changing its status from queued to running in one
UPDATE, which only one worker can win. How far a running job is, and that its
worker still lives, is kept in the cache (Redis, or the shared file cache): the
import itself is one transaction, which on SQLite holds the database's write lock
until it ends, so nothing else could write a progress row meanwhile.

Every upload goes this way, also a small one: one way through the import for
every file, tested as such, and a request that never parses a spreadsheet (a
small file is done before the page first reloads; a size threshold would keep two
ways, and a slow machine or a busy database would still make the one inside the
request time out).

A worker that crashes or is killed leaves nothing half-written (its transaction
is rolled back by the database); the next worker finds the job without a living
worker, marks it failed with a Dutch message, and the editor may retry it.

A worker that is told to stop (SIGTERM, Ctrl-C) does not finish its job first:
the job is broken off at once (rolled back) and put back in the queue, for the
next worker. A job that runs longer than settings.IMPORT_JOB_SECONDS is broken
off the same way and fails with a message.
"""

import hashlib
import logging
import os
import signal
import socket
import threading
import time
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .imports import progress
from .imports.pipeline import budget_file_import
from .imports.results import ImportResult, Outcome
from .models import ImportJob, ImportRun

logger = logging.getLogger(__name__)

Status = ImportJob.Status
# A running job's worker says it lives this often; one that has not said so for
# STALE_AFTER is taken to be gone (a worker on another machine, or whose
# process id cannot be checked).
HEARTBEAT_SECONDS = 5
STALE_AFTER = timedelta(seconds=60)
# A preview nobody confirms keeps its file this long.
PREVIEW_KEPT = timedelta(days=1)
# The changes a job keeps per outcome for its page (the import log, ImportRun,
# keeps every one); the counts are always complete.
CHANGES_SHOWN = 1_000


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


def _progress_key(job_id: int) -> str:
    return f"opendata:importjob:{job_id}:progress"


def _heartbeat_key(job_id: int) -> str:
    return f"opendata:importjob:{job_id}:heartbeat"


def import_job_progress(*, job: ImportJob) -> dict | None:
    """{"step", "done", "total"} of a running job, or None if not known yet."""
    return cache.get(_progress_key(job.pk))


def import_jobs_visible_to(*, user, jobs=None):
    """The jobs (of `jobs`, else all) a user may see and act on: every one for
    whoever may view import jobs (a Beheerder), else her own files. The job
    pages and their list both use this."""
    jobs = ImportJob.objects.all() if jobs is None else jobs
    if user.has_perm("opendata.view_importjob"):
        return jobs
    return jobs.filter(user_id=user.pk)


def import_job_worker_gone(*, job: ImportJob) -> bool:
    """Whether a running job's worker has died (its progress stands still); the
    next worker to start marks the job failed (import_jobs_reclaim)."""
    return job.status == Status.RUNNING and _worker_is_gone(job, timezone.now())


def import_jobs_busy_before(*, job: ImportJob) -> bool:
    """Whether a living worker is busy with another job, which a queued job waits
    for (imports run one at a time)."""
    now = timezone.now()
    return any(
        not _worker_is_gone(other, now)
        for other in ImportJob.objects.filter(status=Status.RUNNING)
        .exclude(pk=job.pk)
        .only("pk", "worker", "claimed_at")
    )


def import_job_create(*, user, file_name: str, content: bytes) -> ImportJob:
    """Queue the preview of an uploaded file."""
    return ImportJob.objects.create(
        user=user if user is not None and user.is_authenticated else None,
        file_name=file_name[:255],
        file_size=len(content),
        content=content,
        digest=hashlib.sha256(content).hexdigest(),
    )


def import_job_confirm(*, job: ImportJob) -> bool:
    """Queue the import of a previewed file. True for the one confirmation that
    does so; a second one (another tab, a double click) changes nothing."""
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=Status.PREVIEWED).update(
            status=Status.QUEUED,
            step=ImportJob.Step.IMPORT,
            updated_at=timezone.now(),
        )
    )


def import_job_retry(*, job: ImportJob) -> bool:
    """Queue a failed job's step again (its file is still there)."""
    return bool(
        ImportJob.objects.filter(pk=job.pk, status=Status.FAILED)
        .exclude(content=b"")
        .update(status=Status.QUEUED, message="", updated_at=timezone.now())
    )


def import_job_claim(*, worker: str) -> ImportJob | None:
    """The oldest queued job, now running for `worker`; None if none is queued.
    The UPDATE from queued to running succeeds for one worker only."""
    while True:
        job_id = (
            ImportJob.objects.filter(status=Status.QUEUED)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)
            .first()
        )
        if job_id is None:
            return None
        now = timezone.now()
        claimed = ImportJob.objects.filter(pk=job_id, status=Status.QUEUED).update(
            status=Status.RUNNING, worker=worker, claimed_at=now, updated_at=now
        )
        if claimed:
            cache.set(_heartbeat_key(job_id), worker, STALE_AFTER.total_seconds())
            return ImportJob.objects.get(pk=job_id)


def _worker_is_gone(job: ImportJob, now) -> bool:
    """On this machine: whether the worker's process is gone. On another, whether
    its heartbeat stopped (a cache entry may be evicted, so the process is asked
    where it can be: a worker that lives is never given up)."""
    host, _sep, pid = job.worker.rpartition(":")
    if host == socket.gethostname() and pid.isascii() and pid.isdigit():
        if int(pid) == os.getpid():
            return False
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            return True  # the process is gone: killed, crashed or stopped
        except PermissionError:
            return False  # it lives, as another user
        return False
    if cache.get(_heartbeat_key(job.pk)):
        return False
    return job.claimed_at is None or now - job.claimed_at > STALE_AFTER


def import_jobs_reclaim() -> list[ImportJob]:
    """Mark the running jobs whose worker is gone as failed, and empty the
    previews nobody confirmed in time. Returns the failed jobs."""
    now = timezone.now()
    failed = []
    for job in ImportJob.objects.filter(status=Status.RUNNING):
        if not _worker_is_gone(job, now):
            continue
        message = _(
            "De verwerking is afgebroken: het verwerkingsproces stopte onverwacht. "
            "Er is niets opgeslagen. Probeer het opnieuw."
        )
        if ImportJob.objects.filter(
            pk=job.pk, status=Status.RUNNING, worker=job.worker
        ).update(status=Status.FAILED, message=message, updated_at=now):
            logger.warning("import job %s: worker %s is gone", job.pk, job.worker)
            failed.append(job)
    ImportJob.objects.filter(
        status=Status.PREVIEWED, updated_at__lt=now - PREVIEW_KEPT
    ).update(
        status=Status.FAILED,
        content=b"",
        message=_("Het voorbeeld is verlopen; lees het bestand opnieuw in."),
        updated_at=now,
    )
    return failed


def _result_data(result: ImportResult) -> dict:
    """What a job's page shows: the problems, and the changes (up to
    CHANGES_SHOWN per outcome) with their full counts."""
    data = {
        "problems": [str(problem) for problem in result.problems],
        "summary": result.summary(),
        "new_drafts": result.new_drafts,
        "kept_drafts": result.kept_drafts,
    }
    for outcome in (Outcome.CREATED, Outcome.CHANGED, Outcome.UNCHANGED):
        changes = result.of(outcome)
        data[outcome] = {
            "count": len(changes),
            "shown": [[c.what, c.description] for c in changes[:CHANGES_SHOWN]],
        }
    return data


class _Heartbeat:
    """Says in the cache, every few seconds, that the job's worker lives."""

    def __init__(self, job: ImportJob, worker: str):
        self.key, self.worker = _heartbeat_key(job.pk), worker
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self.beat, daemon=True)

    def beat(self):
        while not self.stopped.wait(HEARTBEAT_SECONDS):
            cache.set(self.key, self.worker, STALE_AFTER.total_seconds())

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopped.set()
        self.thread.join()
        cache.delete(self.key)


class JobInterrupted(BaseException):
    """Raised in the middle of a job to break it off: the worker is stopping, or
    the job's time is up. A BaseException, as KeyboardInterrupt: code that turns
    an Exception into a problem with the file must let it through."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


STOPPING = "stopping"
TIME_UP = "time up"


class _Interruptible:
    """While the import itself runs (in the main thread): a stop signal
    (import_jobs_interrupt) or the job's time limit (SIGALRM) raises
    JobInterrupted there; before and after, they only ask the loop to stop."""

    active = False
    # Why the job was broken off, if it was: the exception may reach us wrapped
    # (a signal inside SQLite's callback into Python becomes a database error).
    fired = None

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.main = threading.current_thread() is threading.main_thread()
        self.timed = self.main and seconds > 0
        self.previous = signal.SIG_DFL

    def __enter__(self):
        if self.timed:
            self.previous = signal.signal(signal.SIGALRM, _time_up)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        _Interruptible.active = self.main
        _Interruptible.fired = None
        return self

    def __exit__(self, *exc):
        _Interruptible.active = False  # first: from here on nothing is raised
        if self.timed:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self.previous or signal.SIG_DFL)


def _time_up(signum, frame):
    if _Interruptible.active:
        _Interruptible.fired = TIME_UP
        raise JobInterrupted(TIME_UP)


def import_jobs_interrupt() -> None:
    """From a signal handler in the worker: break off the running job now (it
    goes back to the queue); nothing happens between jobs."""
    if _Interruptible.active:
        _Interruptible.fired = STOPPING
        raise JobInterrupted(STOPPING)


def import_job_run(*, job: ImportJob, worker: str) -> ImportJob:
    """Run a claimed job's step: the preview (rolled back) or the import."""
    key = _progress_key(job.pk)
    last = [0.0]

    def listener(step: str, done: int, total: int) -> None:
        # At most a few cache writes a second, and always the last one of a step.
        now = time.monotonic()
        if now - last[0] >= 0.5 or done >= total:
            last[0] = now
            cache.set(key, {"step": step, "done": done, "total": total}, 3600)

    dry_run = job.step == ImportJob.Step.PREVIEW
    run = None if dry_run else ImportRun.objects.filter(preview=job.preview_token)
    if run is not None and run.exists():
        # A retry of an import whose worker died after the commit: it is done.
        run = run.get()
        _finish(
            job,
            worker,
            status=Status.DONE,
            content=b"",
            import_run=run,
            result={**job.result, "problems": [], "summary": run.summary},
        )
        job.refresh_from_db()
        return job
    # Not the last job's reason: an error before this job's import starts is no
    # interruption.
    _Interruptible.fired = None
    try:
        # The job's outcome is stored in the import's own transaction: an import
        # is never committed without its job saying so, and a job given up as
        # stale meanwhile (see _finish) writes nothing.
        with transaction.atomic():
            with (
                _Heartbeat(job, worker),
                progress.listening(listener),
                _Interruptible(settings.IMPORT_JOB_SECONDS),
            ):
                result = budget_file_import(
                    content=bytes(job.content),
                    file_name=job.file_name,
                    user=job.user,
                    dry_run=dry_run,
                    preview="" if dry_run else job.preview_token,
                )
            if not result.ok:
                status = Status.REFUSED
            else:
                status = Status.PREVIEWED if dry_run else Status.DONE
            fields = {"status": status, "result": _result_data(result)}
            if status != Status.PREVIEWED:
                fields["content"] = b""  # done with the file
            if status == Status.DONE:
                fields["import_run"] = ImportRun.objects.filter(
                    preview=job.preview_token
                ).first()
            if not _finish(job, worker, **fields):
                transaction.set_rollback(True)
    except JobInterrupted as interrupted:
        # Nothing was written: the import's transaction was rolled back.
        _broken_off(job, worker, interrupted.reason)
    except Exception:
        # Nothing was written: the import's transaction was rolled back.
        if _Interruptible.fired is not None:
            _broken_off(job, worker, _Interruptible.fired)
        else:
            logger.exception("import job %s failed", job.pk)
            _finish(
                job,
                worker,
                status=Status.FAILED,
                message=_(
                    "Er ging iets mis bij het verwerken van het bestand. Er is "
                    "niets opgeslagen. Probeer het opnieuw of meld het aan de "
                    "beheerder."
                ),
            )
    finally:
        cache.delete(key)
    job.refresh_from_db()
    return job


def _broken_off(job: ImportJob, worker: str, reason: str) -> None:
    """A job broken off by the worker's stop (back to the queue) or by its time
    limit (failed, with what to do)."""
    if reason == STOPPING:
        logger.warning("import job %s: given back to the queue", job.pk)
        _requeue(job, worker)
        return
    logger.warning("import job %s: out of time", job.pk)
    _finish(
        job,
        worker,
        status=Status.FAILED,
        message=_(
            "De verwerking duurde langer dan %(seconds)s seconden en is "
            "afgebroken. Er is niets opgeslagen. Probeer het opnieuw of "
            "verdeel het bestand over meer bestanden."
        )
        % {"seconds": settings.IMPORT_JOB_SECONDS},
    )


def _requeue(job: ImportJob, worker: str) -> bool:
    """Give a job back to the queue: the next worker takes it first."""
    return bool(
        ImportJob.objects.filter(
            pk=job.pk, status=Status.RUNNING, worker=worker
        ).update(
            status=Status.QUEUED,
            worker="",
            claimed_at=None,
            updated_at=timezone.now(),
        )
    )


def _finish(job: ImportJob, worker: str, **fields) -> bool:
    """Store a step's outcome, unless the job was meanwhile given up as stale
    (and perhaps retried by another worker): False then."""
    fields["updated_at"] = timezone.now()
    return bool(
        ImportJob.objects.filter(
            pk=job.pk, status=Status.RUNNING, worker=worker
        ).update(**fields)
    )


def _worker_tasks() -> None:
    """The other work the worker does between jobs (settings.WORKER_TASKS); one
    that fails is logged and tried again next time, the imports go on."""
    for path in settings.WORKER_TASKS:
        try:
            import_string(path)()
        except Exception:
            logger.exception("worker task %s failed", path)


def import_jobs_work(*, once: bool = False, poll: float = 1.0, stop=None) -> int:
    """The worker's loop: reclaim stale jobs, claim one, run it. With `once`,
    return when no job is queued. `stop` (a threading.Event) ends the loop
    between jobs; import_jobs_interrupt breaks off the running one. Returns how
    many jobs ran to their end."""
    worker = worker_name()
    ran = 0
    while stop is None or not stop.is_set():
        if not connection.in_atomic_block:  # (a test's transaction, say)
            close_old_connections()
        with transaction.atomic():
            import_jobs_reclaim()
        _worker_tasks()
        job = import_job_claim(worker=worker)
        if job is None:
            if once:
                break
            (stop.wait if stop is not None else time.sleep)(poll)
            continue
        job = import_job_run(job=job, worker=worker)
        if job.status != Status.QUEUED:  # not given back to the queue
            ran += 1
    return ran
