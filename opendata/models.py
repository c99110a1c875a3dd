"""What moved through the open data: the log of applied imports."""

from django.conf import settings
from django.db import models
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
