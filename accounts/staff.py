"""Staff accounts: a civil servant's account in one of the roles, and the check of
the code from their authenticator app."""

from django_otp import devices_for_user
from django_otp.models import Device

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from .roles import ROLES


@transaction.atomic
def portal_user_create(*, username: str, role: str, password: str, email: str = ""):
    """A staff account in the group of `role` ("redacteur" or "beheerder").

    Raises ValidationError when the password is too weak, KeyError for an unknown
    role. A Beheerder is not a superuser: what it may do comes from its group.
    """
    user = get_user_model()(username=username, email=email, is_staff=True)
    validate_password(password, user)
    group = Group.objects.get(name=ROLES[role])
    user.set_password(password)
    user.save()
    user.groups.add(group)
    return user


# What a device's ThrottlingMixin counts after a code it did not accept.
_THROTTLE_FIELDS = ("throttling_failure_count", "throttling_failure_timestamp")


@transaction.atomic
def otp_device_verify(*, user, token: str) -> Device | None:
    """The user's confirmed authenticator device that accepts `token`, or None.

    With one device that device is asked, so nobody has to choose it. With
    several each is asked in turn (locked against a second use of the same code
    meanwhile). A device that did not accept the code counts a failure and waits
    longer before the next try; when another device did accept it, that count is
    taken back, because the code was never meant for it (the reason django-otp
    asks for an explicit choice instead). A code that none accepts stays a
    failure on every device: a guess is then a guess at each of them.
    """
    refused = []
    for device in devices_for_user(user, confirmed=True, for_verify=True):
        before = {f: getattr(device, f) for f in _THROTTLE_FIELDS if hasattr(device, f)}
        allowed, _details = device.verify_is_allowed()
        if allowed and device.verify_token(token):
            for other, state in refused:
                type(other).objects.filter(pk=other.pk).update(**state)
            return device
        if allowed and before:
            refused.append((device, before))
    return None
