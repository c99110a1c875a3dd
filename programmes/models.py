"""The budget domain: budgets, programmes, themes, narrative, agendas, actions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from content.models import (
    PublicationStatus,
    PublicQuerySet,
    PublishableModel,
    TimeStampedModel,
    history_of,
    public_if_set,
    public_parent,
)
from content.translations import TranslatedContentMixin, english_version
from content.versioning import VersionedModel


class Budget(TranslatedContentMixin, VersionedModel, PublishableModel):
    """A budget document of one year (Begroting 2018)."""

    year = models.PositiveSmallIntegerField(
        _("begrotingsjaar"),
        unique=True,
        help_text=_("Het jaar waarvoor de begroting geldt, bijvoorbeeld 2018."),
    )
    title = models.CharField(
        _("titel"),
        max_length=120,
        help_text=_("De naam van het document, bijvoorbeeld 'Begroting 2018'."),
    )
    title_en = english_version(title)
    description = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Optioneel: korte uitleg over deze begroting."),
    )
    description_en = english_version(description)

    history = history_of(_("begrotingen"))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("begroting")
        verbose_name_plural = _("begrotingen")

    def __str__(self):
        return self.localized("title")


class Programme(TranslatedContentMixin, VersionedModel, PublishableModel):
    """A programme of a budget (Programma 1 Economie, Werk en Inkomen)."""

    budget = models.ForeignKey(
        Budget,
        on_delete=models.PROTECT,
        related_name="programmes",
        verbose_name=_("begroting"),
        help_text=_("De begroting waar dit programma deel van is."),
    )
    number = models.PositiveSmallIntegerField(
        _("nummer"), help_text=_("Het programmanummer in de begroting, zoals 1.")
    )
    title = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_(
            "De titel zonder nummer, bijvoorbeeld 'Economie, Werk en Inkomen'."
        ),
    )
    title_en = english_version(title)
    slug = models.SlugField(
        _("webadres-deel"),
        max_length=200,
        help_text=_(
            "Het deel van het webadres voor dit programma, in kleine letters met "
            "streepjes. Verander het liever niet: raadsleden verwijzen ernaar."
        ),
    )
    intro = models.TextField(
        _("inleiding"),
        blank=True,
        help_text=_("Optioneel: een korte inleiding die boven het programma staat."),
    )
    intro_en = english_version(intro)
    developments_heading = models.CharField(
        _("kop bij de ontwikkelingen"),
        max_length=200,
        blank=True,
        help_text=_(
            "De kop boven de onderdelen, zoals 'Wat zijn de belangrijkste nieuwe "
            "ontwikkelingen in 2018?'."
        ),
    )
    developments_heading_en = english_version(developments_heading)
    indicators_note = models.TextField(
        _("opmerking bij de beleidsindicatoren"),
        blank=True,
        help_text=_("Tekst die onder de tabel met beleidsindicatoren staat."),
    )
    indicators_note_en = english_version(indicators_note)
    responsible = models.TextField(
        _("verantwoordelijken"),
        blank=True,
        help_text=_(
            "Optioneel: wie voor het programma verantwoordelijk is, zoals de "
            "programmapagina van de gemeente het boven de tekst zet: de "
            "portefeuillehouder (wethouder) en de ambtelijk verantwoordelijken. "
            "Eén per regel."
        ),
    )
    responsible_en = english_version(responsible)
    policy_documents = models.TextField(
        _("relevante beleidsnota's"),
        blank=True,
        help_text=_(
            "Optioneel: de beleidsnota's die voor het programma gelden, één per "
            "regel. Ze staan boven de tekst van het programma."
        ),
    )
    policy_documents_en = english_version(policy_documents)

    history = history_of(_("programma's"))

    class Meta:
        ordering = ["budget__year", "number"]
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        constraints = [
            models.UniqueConstraint(
                fields=["budget", "number"], name="programme_unique_number"
            ),
            models.UniqueConstraint(
                fields=["budget", "slug"], name="programme_unique_slug"
            ),
        ]

    def __str__(self):
        # In the language of the page: "Programme 1 …" on English pages.
        return gettext("Programma %(number)s %(title)s") % {
            "number": self.number,
            "title": self.localized("title"),
        }

    @classmethod
    def public_condition(cls, prefix=""):
        return super().public_condition(prefix) & Budget.public_condition(
            f"{prefix}budget__"
        )

    def get_absolute_url(self):
        return reverse(
            "programmes:programme_detail",
            kwargs={"year": self.budget.year, "slug": self.slug},
        )

    def get_preview_url(self):
        return reverse(
            "preview:programme_detail",
            kwargs={"year": self.budget.year, "slug": self.slug},
        )


class Theme(TranslatedContentMixin, VersionedModel, PublishableModel):
    """A part ('onderdeel') of a programme, such as Economie."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="themes",
        verbose_name=_("programma"),
        help_text=_("Het programma waar dit onderdeel bij hoort."),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"),
        default=0,
        help_text=_("Onderdelen met een lager getal staan eerder op de pagina."),
    )
    title = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("De naam van het onderdeel, bijvoorbeeld 'Economie'."),
    )
    title_en = english_version(title)
    slug = models.SlugField(
        _("webadres-deel"),
        max_length=200,
        help_text=_("Het deel van het webadres voor dit onderdeel."),
    )

    history = history_of(_("onderdelen"))

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("onderdeel")
        verbose_name_plural = _("onderdelen")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "slug"], name="theme_unique_slug"
            ),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def public_condition(cls, prefix=""):
        return super().public_condition(prefix) & Programme.public_condition(
            f"{prefix}programme__"
        )

    def get_absolute_url(self):
        return f"{self.programme.get_absolute_url()}#{self.slug}"

    def get_preview_url(self):
        return f"{self.programme.get_preview_url()}#{self.slug}"


class ActionKind(models.TextChoices):
    ACTION = "action", _("Actie")
    GOAL = "goal", _("Doel")
    PILOT = "pilot", _("Pilot")


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Gepland")
    IN_PROGRESS = "in_progress", _("In uitvoering")
    DONE = "done", _("Afgerond")
    POSTPONED = "postponed", _("Uitgesteld")
    CANCELLED = "cancelled", _("Geschrapt")


class Paragraph(TranslatedContentMixin, VersionedModel, TimeStampedModel):
    """One paragraph of a theme's narrative, optionally followed by a list."""

    theme = models.ForeignKey(
        Theme,
        on_delete=models.CASCADE,
        related_name="paragraphs",
        verbose_name=_("onderdeel"),
        help_text=_("Het onderdeel waar deze alinea in staat."),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"),
        default=0,
        help_text=_("Alinea's met een lager getal staan eerder in het verhaal."),
    )
    heading = models.CharField(
        _("tussenkop"),
        max_length=200,
        blank=True,
        help_text=_(
            "Optioneel: een kop boven deze alinea binnen het onderdeel, zoals "
            "'Maatschappelijke trends'."
        ),
    )
    heading_en = english_version(heading)
    text = models.TextField(_("tekst"), help_text=_("De tekst van de alinea."))
    text_en = english_version(text)
    followed_by_agenda = models.ForeignKey(
        "Agenda",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gevolgd door actielijnen van"),
        help_text=_(
            "Optioneel: toon direct na deze alinea de genummerde actielijnen van "
            "deze agenda, zoals in de begroting."
        ),
    )
    followed_by_actions = models.CharField(
        _("gevolgd door"),
        max_length=12,
        choices=ActionKind.choices,
        blank=True,
        help_text=_(
            "Optioneel: toon direct na deze alinea de acties, doelen of pilots "
            "van dit onderdeel."
        ),
    )

    objects = PublicQuerySet.as_manager()

    history = history_of(_("alinea's"))

    class Meta:
        ordering = ["theme", "order", "pk"]
        verbose_name = _("alinea")
        verbose_name_plural = _("alinea's")

    def __str__(self):
        return self.text[:80]

    @classmethod
    def public_condition(cls, prefix=""):
        # The public themes first: search reads only their paragraphs.
        return public_parent(prefix, "theme", Theme)


class Agenda(TranslatedContentMixin, VersionedModel, PublishableModel):
    """A regional agenda with numbered action lines (Twente Werkt)."""

    name = models.CharField(
        _("naam"), max_length=200, help_text=_("Bijvoorbeeld 'Agenda voor Twente'.")
    )
    name_en = english_version(name)
    slug = models.SlugField(
        _("webadres-deel"),
        max_length=200,
        unique=True,
        help_text=_("Het deel van het webadres voor deze agenda."),
    )
    abbreviation = models.CharField(
        _("afkorting"),
        max_length=20,
        blank=True,
        help_text=_("Optioneel: de gangbare afkorting, zoals 'AvT'."),
    )
    coordinator = models.CharField(
        _("coördinatie"),
        max_length=200,
        blank=True,
        help_text=_("Wie de agenda coördineert, zoals 'de Twenteboard'."),
    )
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Wat de agenda is en wil.")
    )
    description_en = english_version(description)
    start_year = models.PositiveSmallIntegerField(
        _("vanaf jaar"),
        null=True,
        blank=True,
        help_text=_("Optioneel: het eerste jaar van de agenda."),
    )
    duration_years = models.PositiveSmallIntegerField(
        _("looptijd in jaren"),
        null=True,
        blank=True,
        help_text=_("Optioneel: hoeveel jaar de samenwerking loopt."),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in overzichten.")
    )

    history = history_of(_("agenda's"))

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda's")

    def __str__(self):
        return self.localized("name")


class ActionLine(TranslatedContentMixin, VersionedModel, TimeStampedModel):
    """A numbered line of an agenda ('2. groei van het MKB')."""

    agenda = models.ForeignKey(
        Agenda,
        on_delete=models.CASCADE,
        related_name="lines",
        verbose_name=_("agenda"),
        help_text=_("De agenda waar deze actielijn bij hoort."),
    )
    number = models.PositiveSmallIntegerField(
        _("nummer"), help_text=_("Het nummer van de actielijn binnen de agenda.")
    )
    title = models.CharField(
        _("titel"),
        max_length=200,
        help_text=_("De actielijn zoals in de begroting, zonder nummer."),
    )
    title_en = english_version(title)
    municipal_focus = models.BooleanField(
        _("gemeentelijke focus"),
        default=False,
        help_text=_(
            "Aanvinken als de gemeentelijke inbreng zich vooral op deze actielijn "
            "richt."
        ),
    )

    objects = PublicQuerySet.as_manager()

    history = history_of(_("actielijnen"))

    class Meta:
        ordering = ["agenda", "number"]
        verbose_name = _("actielijn")
        verbose_name_plural = _("actielijnen")
        constraints = [
            models.UniqueConstraint(
                fields=["agenda", "number"], name="actionline_unique_number"
            ),
        ]

    def __str__(self):
        return f"{self.agenda} {self.number}. {self.localized('title')}"

    @classmethod
    def public_condition(cls, prefix=""):
        return Agenda.public_condition(f"{prefix}agenda__")


class Place(models.Model):
    """A place or location that actions are about (Westermaat, Hart van Zuid)."""

    name = models.CharField(
        _("naam"), max_length=120, unique=True, help_text=_("De naam van de plek.")
    )
    slug = models.SlugField(
        _("webadres-deel"), max_length=120, unique=True, help_text=_("Voor filters.")
    )

    history = history_of(_("plekken"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("plek")
        verbose_name_plural = _("plekken")

    def __str__(self):
        return self.name


class Action(TranslatedContentMixin, VersionedModel, PublishableModel):
    """A concrete action, goal or pilot of a theme."""

    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        related_name="actions",
        verbose_name=_("onderdeel"),
        help_text=_("Het onderdeel van het programma waar dit bij hoort."),
    )
    kind = models.CharField(
        _("soort"),
        max_length=12,
        choices=ActionKind.choices,
        default=ActionKind.ACTION,
        help_text=_("Actie, doel (armoedebeleid) of pilot (schuldhulpverlening)."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ActionStatus.choices,
        default=ActionStatus.PLANNED,
        help_text=_("Hoe staat het ermee? Werk dit bij als het jaar vordert."),
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), help_text=_("Het jaar waarvoor dit gepland is, zoals 2018.")
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"),
        default=0,
        help_text=_("Volgorde binnen het onderdeel, zoals in de begroting."),
    )
    title = models.CharField(
        _("korte titel"),
        max_length=200,
        help_text=_("Een korte titel voor overzichten en tabellen."),
    )
    title_en = english_version(title)
    text = models.TextField(
        _("tekst"), help_text=_("De volledige tekst zoals in de begroting.")
    )
    text_en = english_version(text)
    action_lines = models.ManyToManyField(
        ActionLine,
        blank=True,
        related_name="actions",
        verbose_name=_("actielijnen"),
        help_text=_("De actielijnen van regionale agenda's waar dit aan bijdraagt."),
    )
    places = models.ManyToManyField(
        Place,
        blank=True,
        related_name="actions",
        verbose_name=_("plekken"),
        help_text=_("De plekken of gebieden waar dit over gaat."),
    )
    status_changed_at = models.DateTimeField(
        _("status gewijzigd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Wanneer de status voor het laatst veranderde; het overzicht voor "
            "redacteuren toont acties waarvan de status dit jaar niet is bijgewerkt."
        ),
    )

    history = history_of(_("acties"))

    class Meta:
        ordering = ["theme", "kind", "order", "pk"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [
            # The public actions of the public themes (public_condition), in a
            # theme's order; counts read only this index, whatever the drafts.
            models.Index(
                fields=["theme", "kind", "order"],
                condition=Q(publication_status=PublicationStatus.PUBLISHED),
                name="action_public_in_theme",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        # Read, not remembered from loading: a restored old version or a form's
        # instance may carry any status_changed_at.
        before = (
            None
            if self._state.adding
            else type(self)
            ._base_manager.filter(pk=self.pk)
            .values("status", "status_changed_at")
            .first()
        )
        if before is None or before["status"] != self.status:
            self.status_changed_at = timezone.now()
        else:
            self.status_changed_at = before["status_changed_at"]
        super().save(*args, **kwargs)

    @classmethod
    def public_condition(cls, prefix=""):
        # The public themes first: drafts may hold most of the actions.
        return super().public_condition(prefix) & public_parent(prefix, "theme", Theme)

    def get_absolute_url(self):
        return reverse("programmes:action_detail", kwargs={"pk": self.pk})

    def get_preview_url(self):
        return reverse("preview:action_detail", kwargs={"pk": self.pk})

    def clean(self):
        if (
            self.status == ActionStatus.DONE
            and self.year
            and self.year > timezone.localdate().year
        ):
            raise ValidationError(
                {
                    "status": _(
                        "Een actie voor %(year)s kan nog niet afgerond zijn: dat "
                        "jaar is nog niet begonnen. Kies een andere status of "
                        "verander het jaar."
                    )
                    % {"year": self.year}
                }
            )


class ReferenceKind(models.TextChoices):
    POLICY_INTENTION = "policy_intention", _("Beleidsvoornemen")
    CASE_NUMBER = "case_number", _("Zaaknummer")
    DOCUMENT = "document", _("Document")


class Reference(TranslatedContentMixin, VersionedModel):
    """A reference in the text: a policy intention, case number or document."""

    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=ReferenceKind.choices,
        help_text=_("Wat voor verwijzing dit is."),
    )
    code = models.CharField(
        _("kenmerk"),
        max_length=60,
        help_text=_("Het kenmerk zoals in de tekst: 'NB 1.2', '2118370'."),
    )
    description = models.CharField(
        _("omschrijving"),
        max_length=300,
        blank=True,
        help_text=_("Waar het kenmerk naar verwijst."),
    )
    description_en = english_version(description)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="references",
        verbose_name=_("onderdeel"),
        help_text=_(
            "Vul dit in als de verwijzing in de tekst van het onderdeel staat."
        ),
    )
    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="references",
        verbose_name=_("actie"),
        help_text=_("Vul dit in als de verwijzing bij een actie hoort."),
    )

    objects = PublicQuerySet.as_manager()

    history = history_of(_("verwijzingen"))

    class Meta:
        ordering = ["kind", "code"]
        verbose_name = _("verwijzing")
        verbose_name_plural = _("verwijzingen")

    def __str__(self):
        return self.code

    @classmethod
    def public_condition(cls, prefix=""):
        return public_if_set(prefix, "theme", Theme) & public_if_set(
            prefix, "action", Action
        )

    def clean(self):
        if not self.theme_id and not self.action_id:
            raise ValidationError(
                _("Koppel de verwijzing aan een onderdeel of aan een actie.")
            )


class AmountUnit(models.TextChoices):
    EURO = "euro", _("euro")
    EURO_PER_YEAR = "euro_per_year", _("euro per jaar")
    EURO_PER_RESIDENT_PER_YEAR = (
        "euro_per_resident_per_year",
        _("euro per inwoner per jaar"),
    )
    EURO_PER_RESIDENT = "euro_per_resident", _("euro per inwoner")
    JOBS = "jobs", _("banen")


class KeyFigure(TranslatedContentMixin, VersionedModel, TimeStampedModel):
    """A sum or target named in the text (€ 450.000 per jaar, 25 banen)."""

    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="key_figures",
        verbose_name=_("programma"),
        help_text=_("Het programma waar dit bedrag of getal in staat."),
    )
    theme = models.ForeignKey(
        Theme,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="key_figures",
        verbose_name=_("onderdeel"),
        help_text=_("Optioneel: het onderdeel waar het in de tekst staat."),
    )
    action = models.ForeignKey(
        Action,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="key_figures",
        verbose_name=_("actie"),
        help_text=_("Optioneel: de actie waar het bij hoort."),
    )
    agenda = models.ForeignKey(
        Agenda,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="key_figures",
        verbose_name=_("agenda"),
        help_text=_("Optioneel: de regionale agenda waar het bij hoort."),
    )
    order = models.PositiveSmallIntegerField(
        _("volgorde"), default=0, help_text=_("Volgorde in overzichten.")
    )
    label = models.CharField(
        _("omschrijving"),
        max_length=300,
        help_text=_("Waar het bedrag of getal voor is, in gewone taal."),
    )
    label_en = english_version(label)
    amount = models.DecimalField(
        _("bedrag of aantal"),
        max_digits=14,
        decimal_places=2,
        help_text=_("Alleen het getal, zonder euroteken of punten: 450000."),
    )
    unit = models.CharField(
        _("eenheid"),
        max_length=30,
        choices=AmountUnit.choices,
        help_text=_("Waarin het getal is uitgedrukt."),
    )
    approximate = models.BooleanField(
        _("ongeveer"),
        default=False,
        help_text=_("Aanvinken als de tekst 'circa' of 'ongeveer' zegt."),
    )
    year_from = models.PositiveSmallIntegerField(
        _("vanaf jaar"),
        null=True,
        blank=True,
        help_text=_("Optioneel: het eerste jaar waarvoor het geldt."),
    )
    year_to = models.PositiveSmallIntegerField(
        _("tot en met jaar"),
        null=True,
        blank=True,
        help_text=_("Optioneel: het laatste jaar waarvoor het geldt."),
    )

    objects = PublicQuerySet.as_manager()

    history = history_of(_("bedragen en kengetallen"))

    class Meta:
        ordering = ["programme", "order", "pk"]
        verbose_name = _("bedrag of kengetal")
        verbose_name_plural = _("bedragen en kengetallen")

    def __str__(self):
        return self.localized("label")

    @classmethod
    def public_condition(cls, prefix=""):
        return (
            Programme.public_condition(f"{prefix}programme__")
            & public_if_set(prefix, "theme", Theme)
            & public_if_set(prefix, "action", Action)
        )

    @property
    def is_money(self):
        return self.unit != AmountUnit.JOBS

    def clean(self):
        errors = {}
        if self.amount is not None and self.amount < 0:
            errors["amount"] = _(
                "Een bedrag of aantal kan niet negatief zijn. Vul het getal in "
                "zonder minteken."
            )
        if (
            self.theme_id
            and self.programme_id
            and (self.theme.programme_id != self.programme_id)
        ):
            errors["theme"] = _("Dit onderdeel hoort bij een ander programma.")
        if (
            self.action_id
            and self.programme_id
            and (self.action.theme.programme_id != self.programme_id)
        ):
            errors["action"] = _("Deze actie hoort bij een ander programma.")
        if self.year_from and self.year_to and self.year_to < self.year_from:
            errors["year_to"] = _(
                "Het laatste jaar (%(to)s) ligt vóór het eerste jaar (%(from)s)."
            ) % {"to": self.year_to, "from": self.year_from}
        if errors:
            raise ValidationError(errors)


class GlossaryTerm(TranslatedContentMixin, VersionedModel, TimeStampedModel):
    """An abbreviation or name in the budget text, explained in plain Dutch."""

    term = models.CharField(
        _("term"),
        max_length=100,
        unique=True,
        help_text=_("De afkorting of naam zoals in de tekst, bijvoorbeeld 'MKB'."),
    )
    slug = models.SlugField(
        _("webadres-deel"), max_length=100, unique=True, help_text=_("Voor links.")
    )
    meaning = models.CharField(
        _("betekenis"),
        max_length=300,
        help_text=_("Voluit of in één zin: wat betekent het?"),
    )
    meaning_en = english_version(meaning)
    description = models.TextField(
        _("toelichting"),
        blank=True,
        help_text=_("Optioneel: meer uitleg voor wie het niet kent."),
    )
    description_en = english_version(description)

    history = history_of(_("begrippen"))

    class Meta:
        ordering = ["term"]
        verbose_name = _("begrip")
        verbose_name_plural = _("begrippenlijst")

    def __str__(self):
        return self.term
