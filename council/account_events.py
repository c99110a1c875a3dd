"""A council member moved to another fractie goes into the history of their
account (accounts/), whichever way it was done."""

from django.db.models.signals import post_save, pre_save

from accounts.models import AccountEventKind
from accounts.services import account_event_record


def _before(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    instance._fractie_before = (
        sender.objects.filter(pk=instance.pk)
        .values_list("fractie__name", flat=True)
        .first()
    )


def _after(sender, instance, created, raw=False, **kwargs):
    before = getattr(instance, "_fractie_before", None)
    instance._fractie_before = None
    if raw or created or before is None:
        return
    now = instance.fractie.name
    if before != now:
        account_event_record(
            user=instance.user,
            kind=AccountEventKind.FRACTIE_CHANGED,
            detail=f"{before} → {now}",
        )


def connect() -> None:
    from .models import CouncilMember

    pre_save.connect(_before, sender=CouncilMember, dispatch_uid="council-fractie-1")
    post_save.connect(_after, sender=CouncilMember, dispatch_uid="council-fractie-2")
