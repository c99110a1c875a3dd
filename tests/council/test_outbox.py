"""The council's e-mail when the mail server is down: the question is saved and
the member told so, the mail waits (the griffie sees it with its error), and the
worker sends it once the server is back. The same question sent twice in quick
succession is one question and one mail. A real SMTP server throughout."""

import socket
import threading
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller

from django.db import connection
from django.test import override_settings
from django.urls import reverse

from council.models import OutgoingMail, Question
from opendata.jobs import import_jobs_work
from tests.admin.helpers import signed_in
from tests.council.conftest import Inbox
from tests.html import page_text

pytestmark = pytest.mark.django_db


def ask(client, target, text):
    return client.post(
        "/raad/vragen/nieuw/",
        {"kind": "paragraph", "target": target, "text": text, "next": "/"},
    )


@pytest.fixture
def closed_port():
    """A port of this machine where nothing listens (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
    ):
        yield port


def test_a_mail_server_that_is_down_fails_no_question_and_the_worker_sends_later(
    closed_port,
    member,
    clerk,
    paragraph,
    deadline,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(signed_in(member.user), paragraph.pk, "Wat kost de pilot?")
    assert response.status_code == 200
    assert "Uw technische vraag is verstuurd" in page_text(response)
    assert Question.objects.get().text == "Wat kost de pilot?"
    [mail] = OutgoingMail.objects.all()
    assert mail.sent_at is None and mail.attempts == 1
    assert mail.recipients == ["griffier@hengelo.nl"]
    assert "Connection refused" in mail.error or "ConnectionRefused" in mail.error

    # The griffie sees it, with its error, and cannot change it.
    griffie = signed_in(clerk)
    listing = griffie.get(reverse("admin:council_outgoingmail_changelist"))
    assert listing.status_code == 200
    text = page_text(listing)
    assert "Nieuwe technische vraag" in text and "griffier@hengelo.nl" in text
    assert "ConnectionRefused" in text or "Connection refused" in text
    change = griffie.get(reverse("admin:council_outgoingmail_change", args=[mail.pk]))
    assert change.status_code == 200 and "Wat kost de pilot?" in page_text(change)
    assert 'name="_save"' not in change.content.decode()
    assert griffie.get(reverse("admin:council_outgoingmail_add")).status_code == 403

    # The worker does not hammer the server: not yet due.
    assert import_jobs_work(once=True) == 0
    assert OutgoingMail.objects.get().attempts == 1

    # The mail server is back, on the same port; a minute later the worker's
    # loop sends the mail.
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=closed_port)
    controller.start()
    try:
        OutgoingMail.objects.update(
            last_attempt_at=mail.last_attempt_at - timedelta(minutes=2)
        )
        import_jobs_work(once=True)
    finally:
        controller.stop()
    [received] = inbox.to("griffier@hengelo.nl")
    assert "Wat kost de pilot?" in received["text"]
    mail.refresh_from_db()
    assert mail.sent_at is not None and mail.error == "" and mail.attempts == 2
    # Not sent twice.
    OutgoingMail.objects.update(
        last_attempt_at=mail.last_attempt_at - timedelta(days=1)
    )
    import_jobs_work(once=True)
    assert len(inbox.messages) == 1


def test_the_same_question_twice_is_one_question_and_one_mail(
    smtp_server, member, clerk, paragraph, deadline, django_capture_on_commit_callbacks
):
    client = signed_in(member.user)
    for _ in range(2):  # a double click, or a retry after an error page
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(client, paragraph.pk, "Hoeveel kost de pilot?")
        assert response.status_code == 200
        assert "Uw technische vraag is verstuurd" in page_text(response)
    assert Question.objects.count() == 1
    assert len(smtp_server.to("griffier@hengelo.nl")) == 1
    # Another question is another question.
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, paragraph.pk, "En wat kost het daarna?")
    assert Question.objects.count() == 2
    assert len(smtp_server.to("griffier@hengelo.nl")) == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="two requests at once: PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_the_same_question_at_the_same_moment_is_one_question(
    smtp_server, member, clerk, paragraph, deadline
):
    barrier = threading.Barrier(2)
    statuses = []

    def submit():
        client = signed_in(member.user)
        barrier.wait()
        statuses.append(ask(client, paragraph.pk, "Tegelijk gevraagd?").status_code)
        connection.close()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200, 200]
    assert Question.objects.count() == 1
    assert len(smtp_server.to("griffier@hengelo.nl")) == 1
