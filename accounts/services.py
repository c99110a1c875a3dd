"""Writes of accounts: the one-time link with which a person sets their own
password and authenticator app, the reset of a second factor, and the record of
every change to an account (AccountEvent)."""

import hashlib
import secrets
import time
from binascii import unhexlify
from datetime import timedelta

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key
from simple_history.models import HistoricalRecords

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import notifications
from .models import AccountEvent, AccountEventKind, EnrolmentLink
from .notifications import local_time

# What the owner of an account is told by e-mail when someone else did it.
TOLD_TO_THE_OWNER = {AccountEventKind.PASSWORD_SET, AccountEventKind.EMAIL_CHANGED}


NO_ADDRESS = gettext_lazy(
    "Dit account heeft geen e-mailadres: vul eerst het e-mailadres in, dan kan de "
    "link verstuurd worden."
)


def current_actor():
    """Who is signed in for the request being handled (django-simple-history's
    middleware keeps it), or None in a command or a shell."""
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user


def account_event_record(*, user, kind: str, detail: str = "", actor=False):
    """Write one change of `user`'s account into its history; tell the owner by
    e-mail when someone else changed their password, address or rights."""
    if actor is False:
        actor = current_actor()
    event = AccountEvent.objects.create(
        user=user,
        username=user.get_username(),
        kind=kind,
        actor=actor,
        actor_name=actor.get_username() if actor else "",
        detail=detail[:500],
    )
    if kind in TOLD_TO_THE_OWNER and (actor is None or actor.pk != user.pk):
        notifications.account_changed(event)
    return event


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def enrolment_link_url(token: str) -> str:
    # In the query string: no log keeps it (the logging settings filter them out and
    # gunicorn's access log leaves them out too); the path alone is logged.
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("accounts:enrol")
    return (
        settings.PORTAL_SITE_URL.rstrip("/") + f"{path}?{urlencode({'token': token})}"
    )


@transaction.atomic
def enrolment_link_create(*, user, actor=False) -> tuple[EnrolmentLink, str]:
    """A new one-time link for `user` (an earlier unused one stops working).
    Returns the link and its address; the address exists nowhere else, only
    its hash is stored."""
    if actor is False:
        actor = current_actor()
    EnrolmentLink.objects.filter(user=user, used_at__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    link = EnrolmentLink.objects.create(
        user=user,
        token_hash=_hash(token),
        totp_key=default_key(),
        created_by=actor,
        expires_at=timezone.now() + timedelta(hours=settings.PORTAL_ENROLMENT_HOURS),
    )
    return link, enrolment_link_url(token)


@transaction.atomic
def enrolment_link_send(*, user, actor=False, reset: bool = False) -> str:
    """Make a link for `user` and mail it to them; returns its address.

    Raises ValidationError when the account has no e-mail address."""
    if not user.email:
        raise ValidationError(NO_ADDRESS)
    link, url = enrolment_link_create(user=user, actor=actor)
    account_event_record(
        user=user,
        kind=AccountEventKind.LINK_SENT,
        detail=_("naar %(email)s, geldig tot %(until)s")
        % {"email": user.email, "until": local_time(link.expires_at)},
        actor=link.created_by,
    )
    notifications.enrolment_link(user=user, url=url, link=link, reset=reset)
    return url


@transaction.atomic
def second_factor_reset(*, user, actor=False, send: bool = True) -> str:
    """Remove every authenticator app of `user`, so that they cannot log in
    until they enrolled a new one through the link mailed to them."""
    if actor is False:
        actor = current_actor()
    if send and not user.email:
        # Checked first: a reset that cannot be mailed is not done at all.
        raise ValidationError(NO_ADDRESS)
    for device in TOTPDevice.objects.filter(user=user):
        device._account_actor = actor
        device.delete()
    account_event_record(user=user, kind=AccountEventKind.FACTOR_RESET, actor=actor)
    if send:
        return enrolment_link_send(user=user, actor=actor, reset=True)
    return enrolment_link_create(user=user, actor=actor)[1]


class LinkRefused(Exception):
    """The link cannot be used; the message says why, in the page's language."""


def enrolment_link_find(token: str) -> EnrolmentLink:
    """The unused, unexpired link of `token`, or LinkRefused saying why not."""
    link = (
        EnrolmentLink.objects.select_related("user")
        .filter(token_hash=_hash(token or ""))
        .first()
    )
    if link is None or link.used_at is not None:
        raise LinkRefused(
            _(
                "Deze link werkt niet (meer): hij is al gebruikt, of er is daarna "
                "een nieuwe link verstuurd. Een link werkt maar één keer. Vraag de "
                "griffie (of, als u medewerker bent, een beheerder) om een nieuwe "
                "link."
            )
        )
    if link.expires_at <= timezone.now():
        raise LinkRefused(
            _(
                "Deze link is verlopen op %(until)s. Vraag de griffie (of, als u "
                "medewerker bent, een beheerder) om een nieuwe link."
            )
            % {"until": local_time(link.expires_at)}
        )
    if not link.user.is_active:
        raise LinkRefused(
            _("Dit account mag niet inloggen. Neem contact op met de griffie.")
        )
    return link


def _totp(key: str) -> TOTP:
    totp = TOTPDevice(key=key)
    found = TOTP(unhexlify(key.encode()), totp.step, totp.t0, totp.digits, 0)
    found.time = time.time()
    return found


@transaction.atomic
def enrolment_complete(*, link: EnrolmentLink, password: str, code: str):
    """Use the link: the owner's own password, and their authenticator app in
    place of any earlier one, proven by a code from it. Returns the new device.

    Raises ValidationError ({"otp_token": …} or a password's messages) with
    nothing written; LinkRefused when the link was used meanwhile."""
    link = EnrolmentLink.objects.select_for_update().get(pk=link.pk)
    if link.used_at is not None or link.expires_at <= timezone.now():
        raise LinkRefused(_("Deze link werkt niet meer. Vraag om een nieuwe link."))
    user = link.user
    validate_password(password, user)
    totp = _totp(link.totp_key)
    try:
        token = int((code or "").strip())
    except ValueError:
        token = None
    if token is None or not totp.verify(token, tolerance=1):
        raise ValidationError(
            {
                "otp_token": _(
                    "Deze code klopt niet. Voer de zes cijfers in die de app nu "
                    "toont; staat de tijd op uw telefoon goed?"
                )
            }
        )
    for old in TOTPDevice.objects.filter(user=user):
        old._account_actor = user
        old.delete()
    device = TOTPDevice(
        user=user,
        name=_("Authenticator-app"),
        key=link.totp_key,
        confirmed=True,
        # This code is spent: the login asks for a later one.
        last_t=totp.t(),
        drift=totp.drift,
    )
    device._account_actor = user
    device.save()
    user._account_actor = user
    user.set_password(password)
    user.save(update_fields=["password"])
    link.used_at = timezone.now()
    link.totp_key = ""
    link.save(update_fields=["used_at", "totp_key"])
    return device


def second_factor_of(user) -> TOTPDevice | None:
    """Whether `user` has an authenticator app: the device, never its key."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).only("pk").first()
