"""Council members in two fracties, the griffie, an editor and an administrator,
made the way the README makes them; a real SMTP server for the e-mail."""

import datetime
import socket

import pytest
from aiosmtpd.controller import Controller

from django.test import override_settings
from django.utils import timezone

from accounts.staff import portal_user_create
from council.models import Fractie, QuestionDeadline
from council.services import council_member_create
from programmes.models import Paragraph, Programme
from tests.admin.helpers import signed_in

PASSWORD = "Begroting-Hengelo-2018"


@pytest.fixture
def fracties(db):
    return Fractie.objects.create(name="Rode Partij"), Fractie.objects.create(
        name="Blauwe Partij"
    )


def _member(username, fractie, last_name):
    return council_member_create(
        username=username,
        password=PASSWORD,
        fractie=fractie,
        first_name=username.capitalize(),
        last_name=last_name,
        email=f"{username}@raad.hengelo.nl",
    )


@pytest.fixture
def member(fracties):
    """Anna, of the Rode Partij."""
    return _member("anna", fracties[0], "de Vries")


@pytest.fixture
def colleague(fracties):
    """Bert, also of the Rode Partij."""
    return _member("bert", fracties[0], "Jansen")


@pytest.fixture
def opponent(fracties):
    """Carla, of the Blauwe Partij."""
    return _member("carla", fracties[1], "Smit")


def _staff(username, role):
    # The address given at creation: set afterwards it is a change of the account,
    # which its owner is told of by e-mail (accounts/).
    return portal_user_create(
        username=username,
        role=role,
        password=PASSWORD,
        email=f"{username}@hengelo.nl",
    )


@pytest.fixture
def clerk(db):
    return _staff("griffier", "griffie")


@pytest.fixture
def editor(db):
    return _staff("redacteur", "redacteur")


@pytest.fixture
def administrator(db):
    return _staff("beheerder", "beheerder")


@pytest.fixture
def programme(seed_data):
    return Programme.objects.select_related("budget").get(number=1)


@pytest.fixture
def paragraph(programme):
    return Paragraph.objects.filter(theme__programme=programme).order_by("pk").first()


@pytest.fixture
def deadline(programme):
    return QuestionDeadline.objects.create(
        budget=programme.budget, closes_at=timezone.now() + datetime.timedelta(days=7)
    )


@pytest.fixture
def client_of():
    return signed_in


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            {
                "to": list(envelope.rcpt_tos),
                "text": envelope.content.decode("utf-8", "replace"),
            }
        )
        return "250 Message accepted for delivery"

    def to(self, address):
        return [m for m in self.messages if address in m["to"]]


@pytest.fixture
def smtp_server():
    """A real SMTP server on a free port of this machine; Django's SMTP backend
    sends to it."""
    inbox = Inbox()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
        ):
            yield inbox
    finally:
        controller.stop()
