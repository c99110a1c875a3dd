"""Policy indicators (beleidsindicatoren) and their values, each of the document
that states it and the year it is about."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import (
    PublicQuerySet,
    PublishableModel,
    TimeStampedModel,
    history_of,
)
from content.translations import TranslatedContentMixin, english_version
from content.versioning import VersionedModel
from programmes.models import Budget, Programme


class UnitKind(models.TextChoices):
    COUNT = "count", _("aantal")
    PERCENTAGE = "percentage", _("percentage")
    EURO = "euro", _("euro")


class ValueKind(models.TextChoices):
    """What a figure is: a goal of a budget, a result, or a measurement. Each is
    worded as what it is (comparisons.py): a measurement is never called a goal."""

    BUDGETED = "budgeted", _("Begroot")
    REALISED = "realised", _("Gerealiseerd")
    TARGET = "target", _("Streefwaarde")
    BASELINE = "baseline", _("Nulmeting")
    MEASURED = "measured", _("Kengetal (gemeten)")


class Indicator(TranslatedContentMixin, VersionedModel, PublishableModel):
    """One measure of a programme's policy, such as 'Uitstroom naar werk'."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name=_("programma"),
        help_text=_("Het programma waar deze beleidsindicator bij hoort."),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in de tabel.")
    )
    name = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("De naam zoals in de tabel van de begroting."),
    )
    name_en = english_version(name)
    slug = models.SlugField(
        _("webadres-deel"),
        max_length=200,
        unique=True,
        help_text=_(
            "Het deel van het webadres voor deze indicator. Verander het liever "
            "niet: anderen verwijzen ernaar."
        ),
    )
    unit = models.CharField(
        _("eenheid"),
        max_length=60,
        help_text=_(
            "Waarin het getal geteld wordt, zoals 'bedrijfscontacten' of "
            "'personen'. Bij een percentage: '%'."
        ),
    )
    unit_en = english_version(unit)
    unit_kind = models.CharField(
        _("soort getal"),
        max_length=12,
        choices=UnitKind.choices,
        default=UnitKind.COUNT,
        help_text=_("Aantal, percentage (0 tot 100) of bedrag in euro."),
    )
    source = models.CharField(
        _("bron"),
        max_length=200,
        blank=True,
        help_text=_("Waar het getal vandaan komt."),
    )
    source_en = english_version(source)
    description = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Optioneel: wat de indicator meet en waarom."),
    )
    description_en = english_version(description)

    history = history_of(_("beleidsindicatoren"))

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("beleidsindicator")
        verbose_name_plural = _("beleidsindicatoren")

    def __str__(self):
        name = self.localized("name")
        if self.unit_kind == UnitKind.PERCENTAGE:
            return name
        return f"{name} ({self.localized('unit')})"

    def get_absolute_url(self):
        return reverse("indicators:indicator_detail", kwargs={"slug": self.slug})

    @classmethod
    def public_condition(cls, prefix=""):
        return super().public_condition(prefix) & Programme.public_condition(
            f"{prefix}programme__"
        )

    def get_preview_url(self):
        return reverse("indicator_preview:indicator_detail", kwargs={"slug": self.slug})


class IndicatorValue(TranslatedContentMixin, VersionedModel, TimeStampedModel):
    """The figure of an indicator for one year, of one kind, as one document (a
    budget) states it: the Begroting 2018 states its goals for 2018 to 2021, the
    Begroting 2019 the realised value of 2017."""

    indicator = models.ForeignKey(
        Indicator,
        on_delete=models.CASCADE,
        related_name="values",
        verbose_name=_("beleidsindicator"),
        help_text=_("De indicator waar deze waarde bij hoort."),
    )
    budget = models.ForeignKey(
        Budget,
        on_delete=models.PROTECT,
        related_name="indicator_values",
        verbose_name=_("begroting"),
        help_text=_(
            "Het document waarin deze waarde staat; het jaar waar de waarde over "
            "gaat, staat apart."
        ),
    )
    kind = models.CharField(
        _("soort waarde"),
        max_length=12,
        choices=ValueKind.choices,
        default=ValueKind.BUDGETED,
        help_text=_(
            "Begroot (het doel in die begroting), gerealiseerd (uit het "
            "jaarverslag), streefwaarde (lange termijn), nulmeting, of kengetal: "
            "een gemeten cijfer, met het jaar van meting."
        ),
    )
    value = models.DecimalField(
        _("waarde"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Alleen het getal. Laat leeg als de begroting '-' zegt: dat is "
            "'geen waarde', niet 0."
        ),
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"),
        # Blank in a form means the budget's own year (clean and save fill it in);
        # never empty in the database.
        blank=True,
        help_text=_(
            "Het jaar waar het getal over gaat: bij het doel van de begroting zelf "
            "het begrotingsjaar, bij een doel voor later dat latere jaar, bij een "
            "gerealiseerde waarde het jaar van realisatie, bij een kengetal het jaar "
            "van meting, zoals '(2015)' in de begroting. Leeg: het begrotingsjaar."
        ),
    )
    source = models.CharField(
        _("bron"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optioneel: waar dit getal vandaan komt, als dat anders is dan de "
            "bron van de indicator (zoals 'CBS, 2015')."
        ),
    )
    source_en = english_version(source)
    note = models.CharField(
        _("opmerking"),
        max_length=300,
        blank=True,
        help_text=_("Optioneel: een opmerking bij deze waarde."),
    )
    note_en = english_version(note)

    objects = PublicQuerySet.as_manager()

    history = history_of(_("waarden van beleidsindicatoren"))

    class Meta:
        ordering = ["indicator", "year", "budget__year", "kind"]
        verbose_name = _("waarde")
        verbose_name_plural = _("waarden")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "budget", "year", "kind"],
                name="indicatorvalue_unique_per_document_year_and_kind",
                violation_error_message=_(
                    "Deze indicator heeft in deze begroting al een waarde van deze "
                    "soort voor dit jaar."
                ),
            ),
        ]

    def __str__(self):
        return (
            f"{self.indicator} – {self.year} ({self.get_kind_display()}, {self.budget})"
        )

    def save(self, *args, **kwargs):
        self._year_from_budget()
        super().save(*args, **kwargs)

    @classmethod
    def public_condition(cls, prefix=""):
        """Of a public indicator, in a published budget (a value of a draft
        budget is not published, whatever its indicator)."""
        return Indicator.public_condition(
            f"{prefix}indicator__"
        ) & Budget.public_condition(f"{prefix}budget__")

    def _year_from_budget(self) -> None:
        if self.year is None and self.budget_id:
            self.year = self.budget.year

    def clean(self):
        self._year_from_budget()
        if (
            self.kind in (ValueKind.REALISED, ValueKind.MEASURED)
            and self.budget_id
            and self.year > self.budget.year
        ):
            raise ValidationError(
                {
                    "year": _(
                        "Een gerealiseerd of gemeten cijfer gaat niet over een later "
                        "jaar dan de begroting die het noemt."
                    )
                }
            )
        if self.value is None or not self.indicator_id:
            return
        if self.value < 0 and self.indicator.unit_kind != UnitKind.EURO:
            raise ValidationError(
                {"value": _("Een aantal of percentage kan niet negatief zijn.")}
            )
        if self.indicator.unit_kind == UnitKind.PERCENTAGE and self.value > 100:
            raise ValidationError({"value": _("Een percentage ligt tussen 0 en 100.")})

    @classmethod
    def from_db(cls, db, field_names, values):
        value = super().from_db(db, field_names, values)
        # The indicator it was read with: a value moved to another indicator
        # changes both (see _indicators_changed below).
        value._loaded_indicator_id = value.__dict__.get("indicator_id")
        return value


def _indicators_changed(sender, instance, **kwargs) -> None:
    """A new, changed or deleted figure changes its indicator: the page's 'last
    changed' date and the news feed show it. Signals rather than save() and
    delete(), so that the admin's bulk delete counts too; an update rather than
    save(), so that the indicator's version (the editors' lost-update check) and
    history stay as they are."""
    if kwargs.get("raw"):
        return  # loaddata: a restore keeps the dates it restores
    ids = {instance.indicator_id, getattr(instance, "_loaded_indicator_id", None)}
    Indicator.objects.filter(pk__in=ids - {None}).update(updated_at=timezone.now())


post_save.connect(
    _indicators_changed, sender=IndicatorValue, dispatch_uid="value-saved"
)
post_delete.connect(
    _indicators_changed, sender=IndicatorValue, dispatch_uid="value-deleted"
)
