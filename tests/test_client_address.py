"""Behind nginx every request comes from nginx (gunicorn's unix socket has no
address): the login lock-out counts the visitor's address that nginx forwards
(web.proxy.client_ip), so one visitor's failed logins do not lock the
user name out for everyone."""

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from tests.admin.test_login import PASSWORD, log_in
from web.proxy import client_ip


def through_nginx(visitor: str) -> Client:
    # As gunicorn on a unix socket hands on what nginx sends.
    return Client(REMOTE_ADDR="", HTTP_X_FORWARDED_FOR=visitor)


@pytest.mark.django_db
def test_failed_logins_lock_out_the_visitor_not_everyone():
    get_user_model().objects.create_user(
        "medewerker", password=PASSWORD, is_staff=True, is_superuser=True
    )
    attacker = through_nginx("203.0.113.7")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = log_in(attacker, username="medewerker", password="fout")
    assert response.status_code == 429
    colleague = through_nginx("198.51.100.20")
    response = log_in(colleague, username="medewerker", password=PASSWORD)
    assert response.status_code == 302


class Request:
    def __init__(self, **meta):
        self.META = meta


def test_only_a_proxy_on_this_machine_is_believed():
    assert client_ip(Request(REMOTE_ADDR="", HTTP_X_FORWARDED_FOR="203.0.113.7")) == (
        "203.0.113.7"
    )
    assert client_ip(
        Request(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.7")
    ) == ("203.0.113.7")
    # Straight from the internet: what it claims counts for nothing.
    assert client_ip(
        Request(REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_FOR="203.0.113.7")
    ) == ("198.51.100.20")
    assert client_ip(Request(REMOTE_ADDR="198.51.100.20")) == "198.51.100.20"
