"""The council's outgoing e-mail: every mail is stored (OutgoingMail) in the
transaction of the change it tells of, and sent once that is committed. A mail
server that is down or refuses never fails the request: the mail waits, the
griffie sees it with its error in the admin, and the import worker, which runs
beside the site anyway, sends it again (`outgoing_mail_send_due`, one of
settings.WORKER_TASKS)."""

import logging
from datetime import timedelta

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# The first retry after this; each next one waits twice as long, up to an hour.
RETRY_AFTER = timedelta(minutes=1)
RETRY_AT_MOST = timedelta(hours=1)
# Sent mails are kept this long (what went to whom), then removed.
SENT_KEPT = timedelta(days=30)


def outgoing_mail_queue(*, subject: str, body: str, recipients: list[str]) -> None:
    """Store a mail now, send it after the commit (a refused save mails nobody)."""
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    mail = OutgoingMail.objects.create(
        subject=subject, body=body, recipients=recipients
    )
    transaction.on_commit(lambda: outgoing_mail_send(mail=mail))


def outgoing_mail_send(*, mail: OutgoingMail) -> bool:
    """One attempt at sending a stored mail; True once the mail server took it.
    Never raises for the mail server: a failure is stored with the mail. The
    attempt is claimed first, so two processes never send the same mail."""
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(
        pk=mail.pk, sent_at=None, last_attempt_at=mail.last_attempt_at
    ).update(last_attempt_at=now, attempts=F("attempts") + 1)
    if not claimed:
        return False
    try:
        send_mail(mail.subject, mail.body, None, mail.recipients, fail_silently=False)
    except Exception as error:  # smtplib's errors, OSError, a bad address, …
        logger.warning("mail %s not sent: %r", mail.pk, error)
        OutgoingMail.objects.filter(pk=mail.pk).update(
            error=f"{type(error).__name__}: {error}"[:2000]
        )
        return False
    OutgoingMail.objects.filter(pk=mail.pk).update(sent_at=timezone.now(), error="")
    return True


def _due(mail: OutgoingMail, now) -> bool:
    if mail.last_attempt_at is None:
        # Its request's attempt never came (the process ended after the commit).
        return now - mail.created_at >= RETRY_AFTER
    wait = min(RETRY_AFTER * 2 ** max(mail.attempts - 1, 0), RETRY_AT_MOST)
    return now - mail.last_attempt_at >= wait


def outgoing_mail_send_due(*, limit: int = 100) -> int:
    """Send the unsent mails whose next attempt is due, oldest first; stop at the
    first failure (the server is down: the others would fail the same way).
    Returns how many were sent."""
    now = timezone.now()
    OutgoingMail.objects.filter(sent_at__lt=now - SENT_KEPT).delete()
    sent = 0
    for mail in OutgoingMail.objects.filter(sent_at=None).order_by("created_at")[
        :limit
    ]:
        if not _due(mail, now):
            continue
        if not outgoing_mail_send(mail=mail):
            break
        sent += 1
    return sent
