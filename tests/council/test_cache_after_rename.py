"""A published question shows who asked it and their fractie; renaming either
reaches the cached public pages at once (the tests' own cache is the embedded
default's files, as in tests/production/test_caching.py). A login does not empty
the cache."""

import pytest

from django.contrib.auth.models import update_last_login
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from council.models import Question, QuestionStatus

pytestmark = pytest.mark.django_db

PAGE = "/technische-vragen/2018/"


@pytest.fixture
def published(member, programme, paragraph):
    return Question.objects.create(
        asker=member.user,
        fractie=member.fractie,
        target_type=ContentType.objects.get_for_model(paragraph),
        target_id=paragraph.pk,
        programme=programme,
        text="Wat kost de pilot?",
        answer="Een ton.",
        status=QuestionStatus.PUBLISHED,
        published_at=timezone.now(),
    )


def cached(client, path=PAGE) -> str:
    """The page, after checking that it now comes from the cache."""
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(path).content.decode()
    assert len(queries) == 0
    return page


def fresh(client, path=PAGE) -> str:
    return client.get(path).content.decode()


def test_renaming_a_fractie_reaches_the_cached_pages(published, member):
    client = Client()
    assert "Rode Partij" in cached(client)
    fractie = member.fractie
    fractie.name = "Paarse Partij"
    fractie.save()
    page = fresh(client)
    assert "Paarse Partij" in page and "Rode Partij" not in page


def test_renaming_a_member_reaches_the_cached_pages(published, member):
    client = Client()
    assert "Anna de Vries" in cached(client)
    user = member.user
    user.first_name, user.last_name = "Annemarie", "Bos"
    user.save()
    page = fresh(client)
    assert "Annemarie Bos" in page and "Anna de Vries" not in page


def test_a_member_moving_to_another_fractie_reaches_the_cached_pages(
    published, member, fracties
):
    client = Client()
    cached(client)
    member.fractie = fracties[1]
    member.save()
    with CaptureQueriesContext(connection) as queries:
        client.get(PAGE)
    assert len(queries) > 0  # rendered afresh


def test_a_login_leaves_the_cache_alone(published, member, editor):
    client = Client()
    cached(client)
    update_last_login(None, member.user)
    update_last_login(None, editor)
    editor.first_name = "Redacteur"
    editor.save()  # asked nothing: on no public page
    with CaptureQueriesContext(connection) as queries:
        client.get(PAGE)
    assert len(queries) == 0
