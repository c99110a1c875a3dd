"""The council's workspace: fracties and their members, notes on the budget, and
technical questions with their answers."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from content.models import PublicQuerySet, TimeStampedModel, history_of
from content.versioning import VersionedModel
from programmes.models import Budget, Programme

from .targets import TARGETS, target_content_types, target_kind_of, target_url


class Fractie(TimeStampedModel):
    """A group in the council (a fractie): a party's members."""

    name = models.CharField(
        _("naam"),
        max_length=120,
        unique=True,
        help_text=_("De naam van de fractie, zoals de raad die gebruikt."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("fractie")
        verbose_name_plural = _("fracties")

    def __str__(self):
        return self.name


class CouncilMember(TimeStampedModel):
    """A council member's account (role Raadslid) and their fractie."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_member",
        verbose_name=_("account"),
        help_text=_("Het account waarmee het raadslid inlogt."),
    )
    fractie = models.ForeignKey(
        Fractie,
        on_delete=models.PROTECT,
        related_name="members",
        verbose_name=_("fractie"),
        help_text=_("Notities die het raadslid deelt, ziet deze fractie."),
    )

    class Meta:
        ordering = ["fractie__name", "user__last_name", "user__username"]
        verbose_name = _("raadslid")
        verbose_name_plural = _("raadsleden")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()


class TargetedModel(models.Model):
    """About one part of the budget (council/targets.py), shown beside it on the
    page of its programme."""

    target_type = models.ForeignKey(
        ContentType,
        on_delete=models.PROTECT,
        limit_choices_to=target_content_types,
        verbose_name=_("soort onderdeel"),
        help_text=_("Programma, alinea, actie of beleidsindicator."),
    )
    target_id = models.PositiveBigIntegerField(
        _("nummer van het onderdeel"),
        help_text=_("Het nummer (id) van het onderdeel in de database."),
    )
    target = GenericForeignKey("target_type", "target_id")
    # Kept with the record, so that one query finds everything of a page.
    programme = models.ForeignKey(
        Programme,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("programma"),
        help_text=_("Het programma waar het onderdeel bij hoort."),
    )

    class Meta:
        abstract = True

    @property
    def target_kind(self) -> str | None:
        return target_kind_of(self.target_type.model_class())

    @property
    def target_label(self):
        kind = self.target_kind
        return TARGETS[kind].label if kind else ""

    def target_url(self) -> str:
        return target_url(
            self.target_kind, self.target_id, self.programme, lambda: self.target
        )


class NoteVisibility(models.TextChoices):
    PRIVATE = "private", _("Alleen voor mij")
    FRACTIE = "fractie", _("Gedeeld met mijn fractie")


class NoteQuerySet(models.QuerySet):
    def visible_to(self, member: "CouncilMember | None"):
        """The one rule for notes: the author's own, and the notes shared with
        the member's fractie (the fractie as it was when the note was shared, so
        a note stays with its group when its author moves to another). Nobody
        else (not the griffie, not an editor, not an administrator) ever sees a
        note."""
        if member is None:
            return self.none()
        return self.filter(
            Q(author_id=member.user_id)
            | Q(visibility=NoteVisibility.FRACTIE, fractie_id=member.fractie_id)
        )

    def shared_with(self, fractie):
        """The notes shared with `fractie`."""
        return self.filter(visibility=NoteVisibility.FRACTIE, fractie=fractie)


class Note(TargetedModel, TimeStampedModel):
    """A council member's note on a part of the budget."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_notes",
        verbose_name=_("auteur"),
        help_text=_("Het raadslid dat de notitie schreef."),
    )
    text = models.TextField(
        _("notitie"), max_length=5000, help_text=_("De tekst van de notitie.")
    )
    visibility = models.CharField(
        _("zichtbaar voor"),
        max_length=12,
        choices=NoteVisibility.choices,
        default=NoteVisibility.PRIVATE,
        help_text=_("Alleen voor uzelf, of ook voor de andere leden van uw fractie."),
    )
    fractie = models.ForeignKey(
        Fractie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="shared_notes",
        verbose_name=_("gedeeld met fractie"),
        help_text=_(
            "De fractie van de auteur toen de notitie gedeeld werd; de notitie "
            "blijft bij die fractie, ook als de auteur van fractie wisselt."
        ),
    )

    objects = NoteQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")
        indexes = [
            models.Index(fields=["programme", "target_type", "target_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(visibility=NoteVisibility.FRACTIE, fractie__isnull=False)
                    | (~Q(visibility=NoteVisibility.FRACTIE) & Q(fractie__isnull=True))
                ),
                name="council_note_shared_with_a_fractie",
                violation_error_message=_(
                    "Een gedeelde notitie hoort bij precies één fractie; een "
                    "notitie voor uzelf bij geen."
                ),
            ),
        ]

    def __str__(self):
        return Truncator(self.text).chars(60)


class QuestionDeadline(TimeStampedModel):
    """Until when council members may ask technical questions about a budget."""

    budget = models.OneToOneField(
        Budget,
        on_delete=models.CASCADE,
        related_name="question_deadline",
        verbose_name=_("begroting"),
        help_text=_("De begroting waarover vragen gesteld kunnen worden."),
    )
    closes_at = models.DateTimeField(
        _("sluitingsdatum"),
        help_text=_("Tot dit moment kunnen raadsleden technische vragen stellen."),
    )

    class Meta:
        ordering = ["-budget__year"]
        verbose_name = _("sluitingsdatum technische vragen")
        verbose_name_plural = _("sluitingsdata technische vragen")

    def __str__(self):
        return str(self.budget)


class QuestionStatus(models.TextChoices):
    """Where a question is, and so who is to act: the griffie (received, answer
    ready), the editor (assigned, answer in progress), nobody (published,
    merged). Set by the services, never posted (council/services.py)."""

    RECEIVED = "received", _("Ontvangen: griffie wijst toe")
    ASSIGNED = "assigned", _("Toegewezen: redacteur schrijft antwoord")
    IN_PROGRESS = "in_progress", _("Antwoord in bewerking")
    READY = "ready", _("Antwoord klaar: griffie publiceert")
    PUBLISHED = "published", _("Gepubliceerd")
    MERGED = "merged", _("Samengevoegd met een andere vraag")


class QuestionQuerySet(PublicQuerySet):
    def assigned_to(self, user):
        return self.filter(assigned_to=user)


class Question(TargetedModel, VersionedModel, TimeStampedModel):
    """A technical question of a council member about a part of the budget."""

    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="council_questions",
        verbose_name=_("gesteld door"),
        help_text=_("Het raadslid dat de vraag stelde."),
    )
    fractie = models.ForeignKey(
        Fractie,
        on_delete=models.PROTECT,
        related_name="questions",
        verbose_name=_("fractie"),
        help_text=_("De fractie van het raadslid toen de vraag gesteld werd."),
    )
    text = models.TextField(
        _("vraag"), max_length=5000, help_text=_("De technische vraag.")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=QuestionStatus.choices,
        default=QuestionStatus.RECEIVED,
        help_text=_(
            "Wie aan zet is: de griffie wijst toe, de redacteur schrijft het "
            "antwoord, de griffie publiceert."
        ),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_council_questions",
        verbose_name=_("toegewezen aan"),
        help_text=_("De redacteur die het antwoord schrijft."),
    )
    answer = models.TextField(
        _("antwoord"),
        blank=True,
        max_length=20000,
        help_text=_(
            "Het antwoord; zichtbaar voor iedereen zodra de griffie het publiceert."
        ),
    )
    published_at = models.DateTimeField(
        _("antwoord gepubliceerd op"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang het antwoord niet gepubliceerd is."),
    )
    merged_into = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="duplicates",
        verbose_name=_("samengevoegd met"),
        help_text=_(
            "Een vraag die hetzelfde vraagt als een andere: het antwoord op die "
            "andere vraag geldt ook voor deze."
        ),
    )

    objects = QuestionQuerySet.as_manager()
    history = history_of(_("technische vragen"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("technische vraag")
        verbose_name_plural = _("technische vragen")
        indexes = [models.Index(fields=["programme", "target_type", "target_id"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_at__isnull=True) | ~Q(answer=""),
                name="council_question_published_has_answer",
                violation_error_message=_(
                    "Een gepubliceerde vraag heeft een antwoord."
                ),
            ),
        ]

    def __str__(self):
        return Truncator(self.text).chars(80)

    def get_absolute_url(self):
        return (
            reverse("council:questions", kwargs={"year": self.programme.budget.year})
            + f"#vraag-{self.pk}"
        )

    def feed_description(self) -> str:
        return _("Vraag van %(asker)s (%(fractie)s): %(text)s Antwoord: %(answer)s") % {
            "asker": self.asker.get_full_name() or self.asker.get_username(),
            "fractie": self.fractie,
            "text": self.text,
            "answer": self.answer,
        }

    @classmethod
    def public_condition(cls, prefix: str = "") -> Q:
        """Answered and published by the griffie, not merged into another, about
        a programme the public may see."""
        return Q(
            **{
                f"{prefix}published_at__isnull": False,
                f"{prefix}merged_into__isnull": True,
            }
        ) & Programme.public_condition(f"{prefix}programme__")


class OutgoingMail(models.Model):
    """An e-mail of the council's workspace on its way out (council/outbox.py):
    stored with the change it tells of, sent once that is committed, and sent
    again by the worker while the mail server does not take it."""

    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    subject = models.TextField(_("onderwerp"), help_text=_("Het onderwerp."))
    body = models.TextField(_("tekst"), help_text=_("De tekst van de e-mail."))
    recipients = models.JSONField(
        _("ontvangers"), default=list, help_text=_("De e-mailadressen.")
    )
    attempts = models.PositiveIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak verzenden geprobeerd is.")
    )
    last_attempt_at = models.DateTimeField(
        _("laatste poging"),
        null=True,
        blank=True,
        help_text=_("Wanneer het laatst geprobeerd is de e-mail te verzenden."),
    )
    error = models.TextField(
        _("fout"),
        blank=True,
        help_text=_("Waarom de laatste poging mislukte."),
    )
    sent_at = models.DateTimeField(
        _("verzonden op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de mailserver de e-mail aannam; leeg: nog niet."),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["sent_at", "created_at"], name="outgoingmail_unsent"),
        ]
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")

    def __str__(self):
        return self.subject
