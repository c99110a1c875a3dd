"""E-mail about technical questions, through Django's mail framework (SMTP from
settings; the console in development). Sent once the transaction is committed:
a refused save mails nobody."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


def _link(path: str) -> str:
    return settings.PORTAL_SITE_URL.rstrip("/") + path


def _send(subject: str, body: str, recipients: list[str]) -> None:
    recipients = [address for address in recipients if address]
    if not recipients:
        return
    transaction.on_commit(
        lambda: send_mail(subject, body, None, recipients, fail_silently=False)
    )


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
