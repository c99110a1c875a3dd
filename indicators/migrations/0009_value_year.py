"""An indicator value gets the year it is about (`year`), apart from the document
that states it (`budget`): `measured_year` becomes `year`, and where it was empty
(a figure about its budget's own year) `year` is that budget's year."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce, ExtractYear

YEAR_HELP = (
    "Het jaar waar het getal over gaat: bij het doel van de begroting zelf het "
    "begrotingsjaar, bij een doel voor later dat latere jaar, bij een gerealiseerde "
    "waarde het jaar van realisatie, bij een kengetal het jaar van meting, zoals "
    "'(2015)' in de begroting. Leeg: het begrotingsjaar."
)
BUDGET_HELP = (
    "Het document waarin deze waarde staat; het jaar waar de waarde over gaat, "
    "staat apart."
)


def years_from_budgets(apps, schema_editor):
    """An empty year meant 'the budget's own year': it is said now. History rows
    too, so that an old version restores with its year; one whose budget is gone
    takes the year it was written in (nothing better is known)."""
    Budget = apps.get_model("programmes", "Budget")
    budget_year = Subquery(Budget.objects.filter(pk=OuterRef("budget_id")).values("year"))
    for name in ("IndicatorValue", "HistoricalIndicatorValue"):
        model = apps.get_model("indicators", name)
        fallback = (
            ExtractYear("history_date") if name.startswith("Historical") else None
        )
        year = Coalesce(budget_year, fallback) if fallback is not None else budget_year
        model.objects.filter(year__isnull=True).update(year=year)


def years_back(apps, schema_editor):
    """A year equal to its budget's was stored empty, except for a kengetal (which
    always had its year of measurement)."""
    Budget = apps.get_model("programmes", "Budget")
    budget_year = Subquery(Budget.objects.filter(pk=OuterRef("budget_id")).values("year"))
    for name in ("IndicatorValue", "HistoricalIndicatorValue"):
        model = apps.get_model("indicators", name)
        model.objects.exclude(kind="measured").annotate(
            budget_year=budget_year
        ).filter(year=models.F("budget_year")).update(year=None)


class Migration(migrations.Migration):
    dependencies = [
        ("indicators", "0008_stored_search_vectors"),
        ("programmes", "0011_budget_summary_figures"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="indicatorvalue",
            name="indicatorvalue_unique_per_year_and_kind",
        ),
        migrations.RenameField(
            model_name="indicatorvalue", old_name="measured_year", new_name="year"
        ),
        migrations.RenameField(
            model_name="historicalindicatorvalue",
            old_name="measured_year",
            new_name="year",
        ),
        migrations.RunPython(years_from_budgets, years_back),
        migrations.AlterField(
            model_name="historicalindicatorvalue",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True, help_text=YEAR_HELP, verbose_name="jaar"
            ),
        ),
        migrations.AlterField(
            model_name="indicatorvalue",
            name="year",
            field=models.PositiveSmallIntegerField(
                blank=True, help_text=YEAR_HELP, verbose_name="jaar"
            ),
        ),
        migrations.AlterModelOptions(
            name="indicatorvalue",
            options={
                "ordering": ["indicator", "year", "budget__year", "kind"],
                "verbose_name": "waarde",
                "verbose_name_plural": "waarden",
            },
        ),
        migrations.AlterField(
            model_name="historicalindicatorvalue",
            name="budget",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text=BUDGET_HELP,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="programmes.budget",
                verbose_name="begroting",
            ),
        ),
        migrations.AlterField(
            model_name="indicatorvalue",
            name="budget",
            field=models.ForeignKey(
                help_text=BUDGET_HELP,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="indicator_values",
                to="programmes.budget",
                verbose_name="begroting",
            ),
        ),
        migrations.AddConstraint(
            model_name="indicatorvalue",
            constraint=models.UniqueConstraint(
                fields=("indicator", "budget", "year", "kind"),
                name="indicatorvalue_unique_per_document_year_and_kind",
                violation_error_message=(
                    "Deze indicator heeft in deze begroting al een waarde van deze "
                    "soort voor dit jaar."
                ),
            ),
        ),
    ]
