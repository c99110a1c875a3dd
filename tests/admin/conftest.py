"""Signed-in clients in each role, made the way the README makes accounts."""

import pytest

from accounts.staff import portal_user_create
from tests.admin.helpers import signed_in

PASSWORD = "Begroting-Hengelo-2018"


@pytest.fixture
def editor(db):
    return portal_user_create(username="redacteur", role="redacteur", password=PASSWORD)


@pytest.fixture
def administrator(db):
    return portal_user_create(username="beheerder", role="beheerder", password=PASSWORD)


@pytest.fixture
def editor_client(editor):
    return signed_in(editor)


@pytest.fixture
def administrator_client(administrator):
    return signed_in(administrator)
