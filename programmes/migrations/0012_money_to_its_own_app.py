"""The money moves to its own app: the models leave this app's state only, their
tables and rows stay where they are (money 0001 takes them over, with their
content types, so that permissions, admin log lines and council notes follow)."""

from django.db import migrations

MOVED = [
    "FinancialFigure",
    "HistoricalFinancialFigure",
    "ProductChange",
    "HistoricalProductChange",
    "Population",
    "HistoricalPopulation",
    "SummaryFigure",
    "HistoricalSummaryFigure",
]


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0011_budget_summary_figures"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name) for name in MOVED],
            database_operations=[],
        ),
    ]
