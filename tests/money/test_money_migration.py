"""Moving the money from programmes to its own app loses nothing (programmes 0012,
money 0001): the rows and their history, the content types with their ids, the
permissions and the groups that hold them, the admin's log lines and the council
notes about a figure all survive, and the way back keeps them too."""

import pytest

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("programmes", "0011_budget_summary_figures"), ("money", None)]
MOVED = ["financialfigure", "productchange", "population", "summaryfigure"]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    loader = MigrationExecutor(connection).loader
    # The state of the targets and of every other app as it is (council's notes).
    others = [node for node in loader.graph.leaf_nodes() if node[0] != "money"]
    nodes = [target for target in targets if target[1] is not None] + [
        node for node in others if node[0] not in {app for app, _ in targets}
    ]
    return loader.project_state(nodes).apps


def _old_portal(old):
    """A figure of a programme with its history, permissions held by a group,
    an admin log line and a council note about the figure, as they were."""
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")
    budget = old.get_model("programmes", "Budget").objects.create(
        year=2041, title="Begroting 2041"
    )
    programme = old.get_model("programmes", "Programme").objects.create(
        budget=budget, number=41, title="Geld", slug="geld"
    )
    figure = old.get_model("programmes", "FinancialFigure").objects.create(
        programme=programme,
        document=budget,
        line="lasten",
        year=2041,
        kind="begroting",
        amount="-71241.00",
    )
    old.get_model("programmes", "HistoricalFinancialFigure").objects.create(
        id=figure.pk,
        programme=programme,
        document=budget,
        line="lasten",
        year=2041,
        kind="begroting",
        amount="-71241.00",
        unit="x1000",
        version=1,
        created_at=figure.created_at,
        updated_at=figure.updated_at,
        history_date=figure.updated_at,
        history_type="+",
    )
    old.get_model("programmes", "Population").objects.create(
        year=2041, inhabitants=81000, counted_on="2041-01-01", source="CBS"
    )
    content_types = {}
    for model in MOVED:
        content_types[model], _ = ContentType.objects.get_or_create(
            app_label="programmes", model=model
        )
    permission, _ = Permission.objects.get_or_create(
        content_type=content_types["financialfigure"],
        codename="change_financialfigure",
        defaults={"name": "Can change financieel bedrag"},
    )
    group = Group.objects.create(name="Penningmeesters")
    group.permissions.add(permission)
    user = User.objects.create(username="penning", is_staff=True)
    user.groups.add(group)
    old.get_model("admin", "LogEntry").objects.create(
        user=user,
        content_type=content_types["financialfigure"],
        object_id=str(figure.pk),
        object_repr="Lasten 2041",
        action_flag=2,
        change_message="[]",
        action_time=figure.updated_at,
    )
    old.get_model("council", "Note").objects.create(
        author=user,
        programme=programme,
        target_type=content_types["financialfigure"],
        target_id=figure.pk,
        text="Waarom zoveel?",
    )
    return figure.pk, {model: ct.pk for model, ct in content_types.items()}


def _assert_all_there(figure_pk, content_type_pks):
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth.models import User

    from council.models import Note
    from money.models import FinancialFigure, Population

    figure = FinancialFigure.objects.get(pk=figure_pk)
    assert (figure.line, figure.year, str(figure.amount)) == (
        "lasten",
        2041,
        "-71241.00",
    )
    assert [h.history_type for h in figure.history.all()] == ["+"]
    assert Population.objects.get(year=2041).inhabitants == 81000
    # The same content type rows, relabelled: whatever refers to their ids follows.
    for model, pk in content_type_pks.items():
        assert ContentType.objects.get(pk=pk).app_label == "money", model
    ContentType.objects.clear_cache()
    assert (
        ContentType.objects.get_for_model(FinancialFigure).pk
        == content_type_pks["financialfigure"]
    )
    assert not ContentType.objects.filter(
        app_label="programmes", model__in=MOVED
    ).exists()
    user = User.objects.get(username="penning")
    assert user.has_perm("money.change_financialfigure")
    entry = LogEntry.objects.get(user=user)
    assert entry.get_edited_object() == figure
    assert Note.objects.get(text="Waarom zoveel?").target == figure


@pytest.mark.django_db(transaction=True)
def test_the_money_moves_with_everything_that_refers_to_it():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        figure_pk, content_type_pks = _old_portal(old)

        _migrate(latest)

        _assert_all_there(figure_pk, content_type_pks)
    finally:
        _migrate(latest)


@pytest.mark.django_db(transaction=True)
def test_the_way_back_gives_the_content_types_back_to_programmes():
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        from money.models import FinancialFigure

        pk = ContentType.objects.get_for_model(FinancialFigure).pk
        ContentType.objects.clear_cache()
        old = _migrate(BEFORE)

        moved_back = old.get_model("contenttypes", "ContentType").objects.get(pk=pk)
        assert (moved_back.app_label, moved_back.model) == (
            "programmes",
            "financialfigure",
        )
    finally:
        _migrate(latest)
        ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_a_content_type_made_twice_keeps_who_holds_what_and_what_points_at_it():
    """A migrate that stopped half-way left money's content type beside the old
    one: the permissions, log lines and notes go to money's, the old one goes."""
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    try:
        old = _migrate(BEFORE)
        figure_pk, _ = _old_portal(old)
        twin = old.get_model("contenttypes", "ContentType").objects.create(
            app_label="money", model="financialfigure"
        )

        _migrate(latest)

        from django.contrib.admin.models import LogEntry
        from django.contrib.auth.models import User

        from council.models import Note
        from money.models import FinancialFigure

        ContentType.objects.clear_cache()
        assert ContentType.objects.get_for_model(FinancialFigure).pk == twin.pk
        assert not ContentType.objects.filter(
            app_label="programmes", model="financialfigure"
        ).exists()
        figure = FinancialFigure.objects.get(pk=figure_pk)
        assert User.objects.get(username="penning").has_perm(
            "money.change_financialfigure"
        )
        assert LogEntry.objects.get().get_edited_object() == figure
        assert Note.objects.get().target == figure
    finally:
        _migrate(latest)
        ContentType.objects.clear_cache()
