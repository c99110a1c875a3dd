"""python manage.py import_budget FILE [--dry-run]: output and exit codes."""

import pytest

from django.core.management import call_command, load_command_class

from indicators.models import IndicatorValue
from opendata.models import ImportRun

# run_from_argv() closes the database connection at the end, as manage.py does;
# on PostgreSQL that needs real transactions rather than one rolled back per test.
pytestmark = [
    pytest.mark.usefixtures("seed_data"),
    pytest.mark.django_db(transaction=True),
]

HEADER = (
    "programma_begrotingsjaar;programma_nummer;indicator_slug;indicator;eenheid;"
    "begrotingsjaar;soort_waarde;waarde"
)
ROW = "2018;1;uitstroom-overig;Uitstroom overig;personen;2018;Begroot;{}"


def run(*argv) -> int:
    """Run the command as manage.py does and return its exit code."""
    command = load_command_class("opendata", "import_budget")
    try:
        command.run_from_argv(["manage.py", "import_budget", *argv])
    except SystemExit as exit:
        return exit.code
    return 0


@pytest.fixture
def budget_file(tmp_path):
    def write(value):
        path = tmp_path / "waarden.csv"
        path.write_text(f"{HEADER}\n{ROW.format(value)}\n", encoding="utf-8")
        return str(path)

    return write


def value():
    return IndicatorValue.objects.get(
        indicator__slug="uitstroom-overig", budget__year=2018
    ).value


def test_import_applies_and_exits_zero(budget_file, capsys):
    assert run(budget_file("480")) == 0
    assert value() == 480
    assert "Ingelezen: 0 nieuw, 1 gewijzigd" in capsys.readouterr().out
    assert ImportRun.objects.count() == 1


def test_dry_run_writes_nothing(budget_file, capsys):
    assert run(budget_file("480"), "--dry-run") == 0
    assert value() == 465
    out = capsys.readouterr().out
    assert "gewijzigd: waarde: Uitstroom overig (personen)" in out
    assert "Proef, niets opgeslagen" in out
    assert not ImportRun.objects.exists()


def test_a_new_budget_in_draft_is_named(tmp_path, capsys):
    path = tmp_path / "waarden.csv"
    later = ROW.format("500").replace(";2018;Begroot", ";2019;Begroot")
    path.write_text(f"{HEADER}\n{later}\n", encoding="utf-8")
    assert run(str(path), "--dry-run") == 0
    out = capsys.readouterr().out
    assert (
        "Deze begrotingen worden concept: Begroting 2019. Hun pagina's zijn niet "
        "openbaar tot een beheerder ze publiceert."
    ) in out
    assert "blijven concept" not in out


def test_errors_exit_non_zero_and_are_listed(budget_file, capsys):
    assert run(budget_file("1.2.3")) == 1
    assert "rij 2, kolom waarde: '1.2.3' is geen getal" in capsys.readouterr().err
    assert value() == 465


def test_missing_file_exits_non_zero(tmp_path, capsys):
    assert run(str(tmp_path / "weg.csv")) == 1
    assert "Bestand niet gevonden" in capsys.readouterr().err


def test_user_is_recorded(budget_file, admin_user):
    call_command("import_budget", budget_file("470"), user=admin_user.username)
    assert ImportRun.objects.get().user == admin_user
