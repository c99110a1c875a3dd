"""Notes shared before a note knew its fractie go to their author's fractie of now
(council 0002); a private note stays with no fractie (issue 21, item 5)."""

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("council", "0001_workspace")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_shared_notes_go_to_their_author_s_fractie(member, opponent, paragraph):
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        Note = old.get_model("council", "Note")
        ContentType = old.get_model("contenttypes", "ContentType")
        where = {
            "target_type": ContentType.objects.get(
                app_label="programmes", model="paragraph"
            ),
            "target_id": paragraph.pk,
            "programme_id": paragraph.theme.programme_id,
        }
        for author, visibility in (
            (member, "fractie"),
            (member, "private"),
            (opponent, "fractie"),
        ):
            Note.objects.create(
                author_id=author.user_id,
                text=f"{author.user.username} {visibility}",
                visibility=visibility,
                **where,
            )

        _migrate(latest)

        from council.models import Note as CurrentNote

        found = {
            note.text: note.fractie_id for note in CurrentNote.objects.order_by("pk")
        }
        assert found == {
            "anna fractie": member.fractie_id,
            "anna private": None,
            "carla fractie": opponent.fractie_id,
        }
    finally:
        _migrate(latest)
