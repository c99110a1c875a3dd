"""Signed-in clients in each role, made the way the README makes accounts."""

import pytest

from django.test import Client

from editorial.services import portal_user_create

PASSWORD = "Begroting-Hengelo-2018"


@pytest.fixture
def editor(db):
    return portal_user_create(username="redacteur", role="redacteur", password=PASSWORD)


@pytest.fixture
def administrator(db):
    return portal_user_create(username="beheerder", role="beheerder", password=PASSWORD)


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def administrator_client(administrator):
    return signed_in(administrator)
