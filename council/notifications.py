"""E-mail about technical questions, through Django's mail framework (SMTP from
settings; the console in development). Stored with the change and sent once the
transaction is committed (council/outbox.py): a refused save mails nobody, a mail
server that is down fails no request."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .outbox import outgoing_mail_queue


def _link(path: str) -> str:
    return settings.PORTAL_SITE_URL.rstrip("/") + path


def _send(subject: str, body: str, recipients: list[str]) -> None:
    # Stored with the change, sent after the commit, retried by the worker while
    # the mail server is down; never fails the request (council/outbox.py).
    outgoing_mail_queue(subject=subject, body=body, recipients=recipients)


def question_received(question) -> None:
    """To the griffie: a question arrived."""
    from .selectors import clerk_addresses

    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Nieuwe technische vraag over %(budget)s") % {
            "budget": question.programme.budget
        }
        body = _(
            "%(member)s (%(fractie)s) stelde een technische vraag over "
            "%(programme)s:\n\n%(text)s\n\nBehandel de vraag in het beheer: %(link)s\n"
        ) % {
            "member": question.asker.get_full_name() or question.asker.get_username(),
            "fractie": question.fractie,
            "programme": question.programme,
            "text": question.text,
            "link": _link(reverse("admin:council_question_change", args=[question.pk])),
        }
    _send(subject, body, clerk_addresses())


def question_assigned(question) -> None:
    """To the editor: a question is theirs to answer."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Technische vraag aan u toegewezen")
        body = _(
            "De griffie heeft u een technische vraag over %(programme)s "
            "toegewezen:\n\n%(text)s\n\nSchrijf het antwoord in het beheer: %(link)s\n"
        ) % {
            "programme": question.programme,
            "text": question.text,
            "link": _link(reverse("admin:council_question_change", args=[question.pk])),
        }
    _send(subject, body, [question.assigned_to.email])


def answer_published(question) -> None:
    """To the asker (and those whose questions were merged into it): answered."""
    askers = [question.asker.email] + [
        duplicate.asker.email
        for duplicate in question.duplicates.select_related("asker")
    ]
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Uw technische vraag is beantwoord")
        body = _(
            "Uw technische vraag over %(programme)s is beantwoord.\n\n"
            "Vraag: %(text)s\n\nAntwoord: %(answer)s\n\nTe lezen op: %(link)s\n"
        ) % {
            "programme": question.programme,
            "text": question.text,
            "answer": question.answer,
            "link": _link(question.get_absolute_url()),
        }
    _send(subject, body, sorted(set(askers)))
