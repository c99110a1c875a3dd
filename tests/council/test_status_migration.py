"""The old three statuses of a question become the states that say who acts,
without losing an answer, an assignment or a publication."""

import importlib

import pytest

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from council.models import Question

pytestmark = pytest.mark.django_db

migration = importlib.import_module("council.migrations.0005_question_status_who_acts")


def test_old_statuses_are_migrated_without_loss(member, editor, programme, paragraph):
    target = {
        "asker": member.user,
        "fractie": member.fractie,
        "target_type": ContentType.objects.get_for_model(paragraph),
        "target_id": paragraph.pk,
        "programme": programme,
    }
    made = {
        "new": Question.objects.create(text="nieuw", **target),
        "assigned": Question.objects.create(
            text="toegewezen", assigned_to=editor, **target
        ),
        "draft": Question.objects.create(
            text="concept", assigned_to=editor, answer="Concept", **target
        ),
        "answered": Question.objects.create(
            text="beantwoord", answer="Een ton.", published_at=timezone.now(), **target
        ),
        "unpublished": Question.objects.create(
            text="niet gepubliceerd", answer="Twee ton.", **target
        ),
    }
    made["merged"] = Question.objects.create(
        text="dubbel", merged_into=made["answered"], **target
    )
    old = {
        "new": "received",
        "assigned": "in_progress",
        "draft": "in_progress",
        "answered": "answered",
        "unpublished": "answered",
        "merged": "received",
    }
    for name, status in old.items():
        Question.objects.filter(pk=made[name].pk).update(status=status)
    before = list(Question.objects.order_by("pk").values("answer", "published_at"))

    migration.statuses_who_acts(apps, None)

    after = {q.text: q.status for q in Question.objects.all()}
    assert after == {
        "nieuw": "received",
        "toegewezen": "assigned",
        "concept": "in_progress",
        "beantwoord": "published",
        "niet gepubliceerd": "ready",
        "dubbel": "merged",
    }
    assert list(Question.objects.order_by("pk").values("answer", "published_at")) == (
        before
    )
