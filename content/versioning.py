"""Optimistic locking: a version number that refuses a save over someone else's."""

from dataclasses import dataclass

from django.db import models, transaction
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _


class VersionConflict(Exception):
    """Someone else saved the object after the version this save started from."""

    def __init__(self, *, instance, seen_version: int):
        self.instance = instance
        self.seen_version = seen_version
        super().__init__(
            f"{type(instance).__name__} {instance.pk}: saved over version "
            f"{seen_version}, which is no longer the current one"
        )


class VersionedModel(models.Model):
    """A model whose every save checks and raises its version, in one statement.

    The form carries the version the editor opened. The check is an
    `UPDATE … SET version = N + 1 WHERE pk = … AND version = N` inside the save's
    transaction: of two editors who opened version N, the database lets exactly one
    through, also when both save at the same moment; the other gets a
    VersionConflict and nothing of theirs is written.
    """

    version = models.PositiveIntegerField(
        _("versie"),
        default=1,
        help_text=_(
            "Telt bij elke opslag één op. Zo merkt het beheer het als iemand anders "
            "tussendoor heeft opgeslagen; u hoeft hier niets mee te doen."
        ),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None:
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            seen = self.version
            claimed = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=seen)
                .update(version=seen + 1)
            )
            if not claimed:
                raise VersionConflict(instance=self, seen_version=seen)
            self.version = seen + 1
            try:
                super().save(*args, **kwargs)
            except BaseException:
                self.version = seen
                raise


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class ChangesSince:
    """What happened to an object after the version an editor opened."""

    seen_version: int
    current_version: int | None  # None: the object was deleted meanwhile
    changed_by: str
    changed_at: object  # datetime of the newest save, or None when unknown
    changes: list


def _display(record, field) -> str:
    value = getattr(record, field.attname)
    if value is None or value == "":
        return "–"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if isinstance(value, bool):
        return str(_("ja") if value else _("nee"))
    return str(value)


# Fields that change with every save and tell an editor nothing.
BOOKKEEPING_FIELDS = {"version", "updated_at", "created_at", "status_changed_at"}


def changes_since(*, instance, seen_version: int) -> ChangesSince:
    """What changed in the database since `seen_version`, field by field.

    Reads the object's history (django-simple-history): the record of the version
    the editor saw against the newest record. When the seen version has no record
    (data loaded before history was kept), the fields are unknown, only who saved.
    """
    current = type(instance)._base_manager.filter(pk=instance.pk).first()
    records = instance.history.filter(id=instance.pk)
    newest = records.order_by("-history_date", "-history_id").first()
    seen = (
        records.filter(version=seen_version)
        .order_by("-history_date", "-history_id")
        .first()
    )
    changes = []
    if newest is not None and seen is not None:
        delta = newest.diff_against(seen)
        for name in delta.changed_fields:
            if name in BOOKKEEPING_FIELDS:
                continue
            field = type(instance)._meta.get_field(name)
            changes.append(
                FieldChange(
                    label=capfirst(str(field.verbose_name)),
                    old=_display(seen, field),
                    new=_display(newest, field),
                )
            )
    return ChangesSince(
        seen_version=seen_version,
        current_version=current.version if current is not None else None,
        changed_by=str(newest.history_user) if newest and newest.history_user else "",
        changed_at=newest.history_date if newest else None,
        changes=changes,
    )
