"""E-mail about technical questions, through Django's mail framework (SMTP from
settings; the console in development). Stored with the change and sent once the
transaction is committed (council/outbox.py): a refused save mails nobody, a mail
server that is down fails no request."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .outbox import outgoing_mail_queue


def _link(path: str) -> str:
    return settings.PORTAL_SITE_URL.rstrip("/") + path


def _send(subject: str, body: str, recipients: list[str]) -> None:
    # Stored with the change, sent after the commit, retried by the worker while
    # the mail server is down; never fails the request (council/outbox.py).
    outgoing_mail_queue(subject=subject, body=body, recipients=recipients)


def _part(question) -> str:
    """The part of the budget a question is about, as the mail names it:
    'Alinea “Werkgelegenheid” (Programma 1 Werk en inkomen, Begroting 2018)'."""
    target = question.target
    return _("%(kind)s “%(part)s” (%(programme)s, %(budget)s)") % {
        "kind": question.target_label or pgettext("begroting", "onderdeel"),
        "part": target if target is not None else _("verwijderd"),
        "programme": question.programme,
        "budget": question.programme.budget,
    }


def _admin_link(question) -> str:
    return _link(reverse("admin:council_question_change", args=[question.pk]))


def _askers(question) -> list[str]:
    askers = [question.asker.email] + [
        duplicate.asker.email
        for duplicate in question.duplicates.select_related("asker")
    ]
    return sorted(set(askers))


def question_received(question) -> None:
    """To the griffie: a question arrived."""
    from .selectors import clerk_addresses

    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Nieuwe technische vraag over %(budget)s") % {
            "budget": question.programme.budget
        }
        body = _(
            "%(member)s (%(fractie)s) stelde een technische vraag over "
            "%(part)s:\n\n%(text)s\n\nBehandel de vraag in het beheer: %(link)s\n"
        ) % {
            "member": question.asker.get_full_name() or question.asker.get_username(),
            "fractie": question.fractie,
            "part": _part(question),
            "text": question.text,
            "link": _admin_link(question),
        }
    _send(subject, body, clerk_addresses())


def question_assigned(question) -> None:
    """To the editor: a question is theirs to answer."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Technische vraag aan u toegewezen")
        body = _(
            "De griffie heeft u een technische vraag over %(part)s "
            "toegewezen:\n\n%(text)s\n\nSchrijf het antwoord in het beheer: %(link)s\n"
        ) % {
            "part": _part(question),
            "text": question.text,
            "link": _admin_link(question),
        }
    _send(subject, body, [question.assigned_to.email])


def answer_ready(question) -> None:
    """To the griffie: an answer is ready to be published."""
    from .selectors import clerk_addresses

    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Antwoord klaar voor publicatie: %(part)s") % {
            "part": _part(question)
        }
        body = _(
            "Het antwoord op een technische vraag over %(part)s is klaar. "
            "Lees het en publiceer het in het beheer: %(link)s\n\n"
            "Vraag: %(text)s\n\nAntwoord: %(answer)s\n"
        ) % {
            "part": _part(question),
            "link": _admin_link(question),
            "text": question.text,
            "answer": question.answer,
        }
    _send(subject, body, clerk_addresses())


def answer_published(question) -> None:
    """To the asker (and those whose questions were merged into it): answered."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Uw technische vraag is beantwoord")
        body = _(
            "Uw technische vraag over %(part)s is beantwoord.\n\n"
            "Vraag: %(text)s\n\nAntwoord: %(answer)s\n\nTe lezen op: %(link)s\n"
        ) % {
            "part": _part(question),
            "text": question.text,
            "answer": question.answer,
            "link": _link(question.get_absolute_url()),
        }
    _send(subject, body, _askers(question))


def answer_changed(question) -> None:
    """To the askers: the published answer was changed by the griffie."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Het antwoord op uw technische vraag is gewijzigd")
        body = _(
            "De griffie heeft het gepubliceerde antwoord op uw technische vraag "
            "over %(part)s gewijzigd.\n\n"
            "Vraag: %(text)s\n\nNieuw antwoord: %(answer)s\n\nTe lezen op: %(link)s\n"
        ) % {
            "part": _part(question),
            "text": question.text,
            "answer": question.answer,
            "link": _link(question.get_absolute_url()),
        }
    _send(subject, body, _askers(question))
