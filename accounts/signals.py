"""Every change to an account goes into its history, whichever way it was made
(the admin, a page, a command, a shell): the password, the authenticator app,
the e-mail address, whether it may log in, its roles."""

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .models import AccountEventKind

TRACKED = ("password", "email", "is_active", "is_staff", "is_superuser")


def _actor(instance):
    # A page that acts for the owner (the one-time link) says so; otherwise
    # whoever is signed in, or nobody (a command).
    from .services import current_actor

    return getattr(instance, "_account_actor", None) or current_actor()


def _user_before(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(TRACKED):
        return  # the last login, for one
    instance._account_before = (
        sender.objects.filter(pk=instance.pk).values(*TRACKED).first()
    )


def _user_after(sender, instance, created, raw=False, **kwargs):
    from .services import account_event_record

    if raw:
        return
    actor = _actor(instance)
    if created:
        account_event_record(user=instance, kind=AccountEventKind.CREATED, actor=actor)
        return
    before = getattr(instance, "_account_before", None)
    instance._account_before = None
    if not before:
        return
    if before["password"] != instance.password and instance.has_usable_password():
        account_event_record(
            user=instance, kind=AccountEventKind.PASSWORD_SET, actor=actor
        )
    if before["email"] != instance.email:
        account_event_record(
            user=instance,
            kind=AccountEventKind.EMAIL_CHANGED,
            detail=f"{before['email']} → {instance.email}",
            actor=actor,
        )
    if before["is_active"] != instance.is_active:
        account_event_record(
            user=instance,
            kind=AccountEventKind.ACTIVATED
            if instance.is_active
            else AccountEventKind.DEACTIVATED,
            actor=actor,
        )
    changed = [
        name
        for name in ("is_staff", "is_superuser")
        if before[name] != getattr(instance, name)
    ]
    if changed:
        account_event_record(
            user=instance,
            kind=AccountEventKind.ROLES_CHANGED,
            detail=", ".join(f"{name}: {getattr(instance, name)}" for name in changed),
            actor=actor,
        )


def _groups_changed(sender, instance, action, pk_set=None, reverse=False, **kwargs):
    from django.contrib.auth.models import Group

    from .services import account_event_record

    if reverse or action not in ("post_add", "post_remove", "post_clear"):
        return
    if action != "post_clear" and not pk_set:
        return
    names = sorted(instance.groups.values_list("name", flat=True))
    if action == "post_add":
        added = Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        detail = "+ " + ", ".join(sorted(added))
    elif action == "post_remove":
        removed = Group.objects.filter(pk__in=pk_set).values_list("name", flat=True)
        detail = "- " + ", ".join(sorted(removed))
    else:
        detail = ""
    account_event_record(
        user=instance,
        kind=AccountEventKind.ROLES_CHANGED,
        detail=f"{detail} ({', '.join(names) or '-'})".strip(),
        actor=_actor(instance),
    )


def _device_saved(sender, instance, created, raw=False, **kwargs):
    from .services import account_event_record

    if raw or not created:
        return
    account_event_record(
        user=instance.user,
        kind=AccountEventKind.FACTOR_ENROLLED,
        actor=_actor(instance),
    )


def _device_deleted(sender, instance, **kwargs):
    from .services import account_event_record

    account_event_record(
        user=instance.user,
        kind=AccountEventKind.FACTOR_REMOVED,
        actor=_actor(instance),
    )


def connect() -> None:
    User = get_user_model()
    pre_save.connect(_user_before, sender=User, dispatch_uid="accounts-user-before")
    post_save.connect(_user_after, sender=User, dispatch_uid="accounts-user-after")
    m2m_changed.connect(
        _groups_changed, sender=User.groups.through, dispatch_uid="accounts-groups"
    )
    post_save.connect(
        _device_saved, sender=TOTPDevice, dispatch_uid="accounts-device-saved"
    )
    post_delete.connect(
        _device_deleted, sender=TOTPDevice, dispatch_uid="accounts-device-deleted"
    )
