"""What moved through the open data: the log of applied imports."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class ImportRun(models.Model):
    """A budget file that was imported: who, when, which file and what it did."""

    created_at = models.DateTimeField(_("geïmporteerd op"), auto_now_add=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Wie het bestand inlas; leeg bij de opdrachtregel."),
    )
    file_name = models.CharField(
        _("bestandsnaam"), max_length=255, help_text=_("De naam van het bestand.")
    )
    file_size = models.PositiveIntegerField(
        _("grootte in bytes"), help_text=_("Hoe groot het bestand was.")
    )
    summary = models.CharField(
        _("samenvatting"),
        max_length=200,
        help_text=_("Hoeveel records nieuw, gewijzigd en ongewijzigd zijn."),
    )
    details = models.TextField(
        _("wijzigingen"),
        blank=True,
        help_text=_("Wat er nieuw is en wat er veranderd is, een regel per record."),
    )
    preview = models.CharField(
        _("voorbeeld"),
        max_length=64,
        blank=True,
        editable=False,
        help_text=_(
            "Het voorbeeld in het beheer dat tot deze import leidde: een voorbeeld "
            "wordt één keer ingelezen, ook als er twee keer op bevestigen wordt "
            "gedrukt."
        ),
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["preview"],
                condition=~models.Q(preview=""),
                name="importrun_one_import_per_preview",
            ),
        ]
        verbose_name = _("import")
        verbose_name_plural = _("importen")
        permissions = [
            ("import_budget", _("Mag begrotingsbestanden (spreadsheets) importeren")),
        ]

    def __str__(self):
        return f"{self.file_name} ({self.created_at:%Y-%m-%d %H:%M})"


class ImportJob(models.Model):
    """An uploaded file on its way through the import outside the request: first
    its preview, then (once confirmed) its import, each run by the worker
    (`manage.py import_worker`, opendata/jobs.py). The file waits in the database,
    never on a web-served disk, and is emptied once the job is done."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("wacht op verwerking")
        RUNNING = "running", _("wordt verwerkt")
        PREVIEWED = "previewed", _("voorbeeld klaar, wacht op bevestiging")
        REFUSED = "refused", _("niet ingelezen: problemen in het bestand")
        DONE = "done", _("ingelezen")
        FAILED = "failed", _("mislukt")

    class Step(models.TextChoices):
        PREVIEW = "preview", _("voorbeeld")
        IMPORT = "import", _("inlezen")

    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("bijgewerkt op"), auto_now=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Wie het bestand uploadde."),
    )
    file_name = models.CharField(
        _("bestandsnaam"), max_length=255, help_text=_("De naam van het bestand.")
    )
    file_size = models.PositiveIntegerField(
        _("grootte in bytes"), help_text=_("Hoe groot het bestand was.")
    )
    digest = models.CharField(
        _("controlegetal"),
        max_length=64,
        help_text=_("De SHA-256 van het bestand: welk bestand het voorbeeld toonde."),
    )
    content = models.BinaryField(
        _("bestand"),
        blank=True,
        help_text=_("Het bestand zelf, tot de verwerking klaar is; daarna leeg."),
    )
    step = models.CharField(
        _("stap"),
        max_length=10,
        choices=Step.choices,
        default=Step.PREVIEW,
        help_text=_("Wat de verwerking doet of als laatste deed."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.QUEUED,
        help_text=_("Hoe ver de verwerking is."),
    )
    result = models.JSONField(
        _("uitkomst"),
        default=dict,
        blank=True,
        help_text=_("De problemen of de wijzigingen van de laatste stap."),
    )
    message = models.TextField(
        _("melding"),
        blank=True,
        help_text=_("Waarom de verwerking mislukte, als dat zo is."),
    )
    worker = models.CharField(
        _("verwerker"),
        max_length=100,
        blank=True,
        help_text=_("Welk proces de stap uitvoert (machine:proces-id)."),
    )
    claimed_at = models.DateTimeField(
        _("begonnen op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de verwerker aan de stap begon."),
    )
    import_run = models.OneToOneField(
        ImportRun,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="job",
        verbose_name=_("import"),
        help_text=_("De import die deze verwerking opleverde."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="importjob_status"),
        ]
        verbose_name = _("verwerking van een bestand")
        verbose_name_plural = _("verwerkingen van bestanden")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    def get_absolute_url(self):
        return reverse("admin:opendata_importrun_job", args=[self.pk])

    @property
    def preview_token(self) -> str:
        """What the import of this job's preview is known by (ImportRun.preview):
        it is imported once, however often it is confirmed or retried."""
        return f"taak-{self.pk}"

    @property
    def finished(self) -> bool:
        return self.status in (
            self.Status.REFUSED,
            self.Status.DONE,
            self.Status.FAILED,
        )
