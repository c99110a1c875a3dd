"""Accounts for civil servants: a staff user in one of the roles."""

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
