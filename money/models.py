"""The exploitation overview of a programme, per budget document and year.

Figures are stored as published: signs as the budget prints them (costs negative,
income positive) and totals as printed, never recomputed (a published total may
differ by 1 from the sum of its lines through rounding; the admin flags it).

The tables, and those of the history, keep the names they had when the money was
part of the programmes app (`db_table`, `table_name`; money 0001 moved the models).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from content.cells import dutch_number
from content.models import (
    PublicQuerySet,
    TimeStampedModel,
    history_of,
    public_if_set,
)
from content.translations import TranslatedContentMixin, english_version
from content.versioning import VersionedModel
from programmes.models import Budget, Programme


class FinancialLine(models.TextChoices):
    """The rows of the exploitation overview (BBV), in the budget's order."""

    COSTS = "lasten", _("Lasten")
    INCOME = "baten", _("Baten")
    BALANCE = "saldo", _("Saldo van lasten en baten")
    RESERVE_ADDITIONS = "toevoegingen_reserves", _("Toevoegingen aan reserves")
    RESERVE_WITHDRAWALS = "onttrekkingen_reserves", _("Onttrekkingen aan reserves")
    RESERVE_TOTAL = "mutaties_reserves", _("Saldo van de reserves")
    RESULT = "resultaat", _("Resultaat")


# A published total and the lines it is the sum of.
TOTALS = {
    FinancialLine.BALANCE: (FinancialLine.COSTS, FinancialLine.INCOME),
    FinancialLine.RESERVE_TOTAL: (
        FinancialLine.RESERVE_ADDITIONS,
        FinancialLine.RESERVE_WITHDRAWALS,
    ),
    FinancialLine.RESULT: (FinancialLine.BALANCE, FinancialLine.RESERVE_TOTAL),
}


class FigureKind(models.TextChoices):
    """What kind of figure a year carries in a document."""

    REALISED = "rekening", _("Rekening")
    BUDGET = "begroting", _("Begroting")
    AMENDED = "begroting_na_wijziging", _("Begroting na wijziging")
    ESTIMATE = "raming", _("Raming")


REALISED_KINDS = {FigureKind.REALISED}


class MoneyUnit(models.TextChoices):
    THOUSANDS = "x1000", _("× € 1.000")
    EURO = "euro", _("euro")


UNIT_FACTOR = {MoneyUnit.THOUSANDS: 1000, MoneyUnit.EURO: 1}


def programme_page(programme, anchor):
    address = reverse(
        "programmes:programme_detail",
        kwargs={"year": programme.budget.year, "slug": programme.slug},
    )
    return f"{address}#{anchor}"


def _public_programme_and_document(prefix):
    return Programme.public_condition(f"{prefix}programme__") & (
        Budget.public_condition(f"{prefix}document__")
    )


class FinancialFigure(VersionedModel, TimeStampedModel):
    """One cell of the exploitation overview: a line, a year, in one document."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="financial_figures",
        verbose_name=_("programma"),
        help_text=_("Het programma waar dit bedrag bij hoort."),
    )
    document = models.ForeignKey(
        Budget,
        on_delete=models.PROTECT,
        related_name="financial_figures",
        verbose_name=_("begrotingsdocument"),
        help_text=_(
            "De begroting die dit bedrag publiceert. Hetzelfde jaar kan in twee "
            "begrotingen een ander bedrag hebben; beide blijven bewaard."
        ),
    )
    line = models.CharField(
        _("regel"),
        max_length=30,
        choices=FinancialLine.choices,
        help_text=_("De regel van het overzicht van baten en lasten."),
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), help_text=_("Het jaar waar het bedrag over gaat, zoals 2018.")
    )
    kind = models.CharField(
        _("soort"),
        max_length=30,
        choices=FigureKind.choices,
        help_text=_(
            "Rekening: gerealiseerd. Begroting: het budget van dat jaar. Raming: "
            "de meerjarenraming van een later jaar."
        ),
    )
    amount = models.DecimalField(
        _("bedrag"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "Zoals gepubliceerd, met het teken van de begroting: lasten negatief "
            "(-71241), baten positief."
        ),
    )
    unit = models.CharField(
        _("eenheid"),
        max_length=10,
        choices=MoneyUnit.choices,
        default=MoneyUnit.THOUSANDS,
        help_text=_("Begrotingen publiceren meestal in duizenden euro's."),
    )

    objects = PublicQuerySet.as_manager()

    history = history_of(
        _("financiële bedragen"), table_name="programmes_historicalfinancialfigure"
    )

    class Meta:
        db_table = "programmes_financialfigure"
        ordering = ["programme", "document", "year", "line"]
        verbose_name = _("financieel bedrag")
        verbose_name_plural = _("financiële bedragen")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "document", "line", "year"],
                name="financialfigure_one_per_line_and_year",
            ),
        ]

    def __str__(self):
        return f"{self.get_line_display()} {self.year} ({self.document})"

    @classmethod
    def public_condition(cls, prefix=""):
        return _public_programme_and_document(prefix)

    @property
    def euros(self):
        """The amount in euros, whatever the unit it was published in."""
        return self.amount * UNIT_FACTOR[MoneyUnit(self.unit)]

    @property
    def description(self):
        """For the changes feed: the programme and the amount as published."""
        return (
            f"{self.programme}: {dutch_number(self.amount)} ({self.get_unit_display()})"
        )

    def get_absolute_url(self):
        # The programme's own budget is its overview; another document's table has
        # a page of its own (money/urls.py).
        if self.document_id == self.programme.budget_id:
            return programme_page(self.programme, "exploitatie")
        address = reverse(
            "money:document_money",
            kwargs={"year": self.document.year, "slug": self.programme.slug},
        )
        return f"{address}#exploitatie"

    def clean(self):
        if self.year and not 1900 <= self.year <= 2200:
            raise ValidationError({"year": _("Vul een jaartal in, zoals 2018.")})


class SummaryFigure(VersionedModel, TimeStampedModel):
    """One cell of a budget's own recapitulation of lasten and baten per programme.

    The recapitulation ("Overzicht van baten en lasten") is a table of its own: its
    figures are kept as it publishes them, beside the programmes' own tables (the
    two can differ by 1 through rounding), and a row without a programme is the
    table's published total ("Totaal programma's"), never a sum.
    """

    document = models.ForeignKey(
        Budget,
        on_delete=models.PROTECT,
        related_name="summary_figures",
        verbose_name=_("begrotingsdocument"),
        help_text=_("De begroting die dit overzicht publiceert."),
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="summary_figures",
        verbose_name=_("programma"),
        help_text=_(
            "Het programma van deze rij; leeg voor het gepubliceerde totaal van "
            "alle programma's."
        ),
    )
    line = models.CharField(
        _("regel"),
        max_length=30,
        choices=FinancialLine.choices,
        help_text=_("Lasten, baten of het saldo daarvan."),
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), help_text=_("Het jaar waar het bedrag over gaat, zoals 2018.")
    )
    kind = models.CharField(
        _("soort"),
        max_length=30,
        choices=FigureKind.choices,
        help_text=_(
            "Rekening: gerealiseerd. Begroting: het budget van dat jaar. Raming: "
            "de meerjarenraming van een later jaar."
        ),
    )
    amount = models.DecimalField(
        _("bedrag"),
        max_digits=14,
        decimal_places=2,
        help_text=_(
            "Zoals gepubliceerd, met het teken van de begroting: lasten negatief, "
            "baten positief. Een totaal zoals het er staat, niet opgeteld."
        ),
    )
    unit = models.CharField(
        _("eenheid"),
        max_length=10,
        choices=MoneyUnit.choices,
        default=MoneyUnit.THOUSANDS,
        help_text=_("Begrotingen publiceren meestal in duizenden euro's."),
    )

    objects = PublicQuerySet.as_manager()

    history = history_of(
        _("bedragen van het overzicht van baten en lasten"),
        table_name="programmes_historicalsummaryfigure",
    )

    class Meta:
        db_table = "programmes_summaryfigure"
        ordering = ["document", "programme__number", "year", "line"]
        verbose_name = _("bedrag van het overzicht van baten en lasten")
        verbose_name_plural = _("overzicht van baten en lasten")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "programme", "line", "year"],
                name="summaryfigure_one_per_programme_line_and_year",
            ),
            models.UniqueConstraint(
                fields=["document", "line", "year"],
                condition=models.Q(programme__isnull=True),
                name="summaryfigure_one_total_per_line_and_year",
            ),
        ]

    def __str__(self):
        row = self.programme or _("Totaal programma's")
        return f"{row}: {self.get_line_display()} {self.year} ({self.document})"

    @classmethod
    def public_condition(cls, prefix=""):
        return Budget.public_condition(f"{prefix}document__") & public_if_set(
            prefix, "programme", Programme
        )

    @property
    def euros(self):
        return self.amount * UNIT_FACTOR[MoneyUnit(self.unit)]

    @property
    def description(self):
        return f"{self}: {dutch_number(self.amount)} ({self.get_unit_display()})"

    def get_absolute_url(self):
        return reverse("programmes:home") + f"?jaar={self.document.year}#geld-kop"

    def clean(self):
        if self.year and not 1900 <= self.year <= 2200:
            raise ValidationError({"year": _("Vul een jaartal in, zoals 2018.")})


class ProductChange(TranslatedContentMixin, VersionedModel, TimeStampedModel):
    """The explained change of a product's net result against the year before."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="product_changes",
        verbose_name=_("programma"),
        help_text=_("Het programma waar het product onder valt."),
    )
    document = models.ForeignKey(
        Budget,
        on_delete=models.PROTECT,
        related_name="product_changes",
        verbose_name=_("begrotingsdocument"),
        help_text=_(
            "De begroting die dit verschil toelicht: de Begroting 2018 vergelijkt "
            "2018 met 2017."
        ),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in de toelichting.")
    )
    product_code = models.CharField(
        _("productcode"),
        max_length=20,
        help_text=_("De code van het product, zoals P221.1."),
    )
    product_name = models.CharField(
        _("productnaam"), max_length=200, help_text=_("De naam, zoals 'Haven'.")
    )
    product_name_en = english_version(product_name)
    task_field_code = models.CharField(
        _("taakveld (code)"),
        max_length=10,
        blank=True,
        help_text=_("Optioneel: het BBV-taakveld, zoals 3.1."),
    )
    task_field_name = models.CharField(
        _("taakveld"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optioneel: de naam van het taakveld, zoals 'Economische ontwikkeling'."
        ),
    )
    task_field_name_en = english_version(task_field_name)
    amount = models.DecimalField(
        _("verschil"),
        max_digits=14,
        decimal_places=2,
        help_text=_("In euro's; positief is een voordeel, negatief een nadeel."),
    )
    unit = models.CharField(
        _("eenheid"),
        max_length=10,
        choices=MoneyUnit.choices,
        default=MoneyUnit.EURO,
        help_text=_("Toelichtingen noemen het verschil meestal in euro's."),
    )
    explanation = models.TextField(
        _("toelichting"), help_text=_("Waardoor het verschil ontstaat.")
    )
    explanation_en = english_version(explanation)

    objects = PublicQuerySet.as_manager()

    history = history_of(
        _("verschillen per product"), table_name="programmes_historicalproductchange"
    )

    class Meta:
        db_table = "programmes_productchange"
        ordering = ["programme", "document", "order", "product_code"]
        verbose_name = _("verschil per product")
        verbose_name_plural = _("verschillen per product")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "document", "product_code"],
                name="productchange_one_per_product",
            ),
        ]

    def __str__(self):
        return f"{self.product_code} {self.localized('product_name')}"

    @classmethod
    def public_condition(cls, prefix=""):
        return _public_programme_and_document(prefix)

    @property
    def euros(self):
        return self.amount * UNIT_FACTOR[MoneyUnit(self.unit)]

    @property
    def description(self):
        return self.localized("explanation")

    def get_absolute_url(self):
        return programme_page(self.programme, f"verschillen-{self.document.year}")


class Population(VersionedModel, TimeStampedModel):
    """The number of inhabitants of the municipality, with where it comes from."""

    year = models.PositiveSmallIntegerField(
        _("jaar"),
        unique=True,
        help_text=_("Het jaar waarvoor dit aantal geldt, zoals 2018."),
    )
    inhabitants = models.PositiveIntegerField(
        _("aantal inwoners"),
        help_text=_("Alleen het getal, zonder punten: 81000."),
    )
    counted_on = models.DateField(
        _("peildatum"),
        help_text=_("De datum waarop is geteld, zoals 1 januari van het jaar."),
    )
    source = models.CharField(
        _("bron"),
        max_length=300,
        help_text=_("Waar het aantal vandaan komt, zoals 'CBS Statline'."),
    )

    history = history_of(
        _("inwonertallen"), table_name="programmes_historicalpopulation"
    )

    class Meta:
        db_table = "programmes_population"
        ordering = ["year"]
        verbose_name = _("inwonertal")
        verbose_name_plural = _("inwonertallen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(inhabitants__gt=0),
                name="population_inhabitants_positive",
            ),
        ]

    def __str__(self):
        return f"{self.year}: {self.inhabitants}"
