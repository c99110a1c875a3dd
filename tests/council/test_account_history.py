"""Every change to an account is in its history, whoever made it and however:
created, link sent, password set, authenticator app linked or reset, fractie
moved, switched off and on, e-mail address changed; and the owner is mailed
when someone else changed their password or address."""

import pytest

from accounts.models import AccountEvent
from accounts.models import AccountEventKind as Kind
from accounts.services import enrolment_link_create, second_factor_reset
from tests.admin.helpers import form_data, signed_in
from tests.browser import enrolment_path
from tests.html import page_text

from .test_enrolment import enrol

pytestmark = pytest.mark.django_db


def history(user):
    return [
        (event.kind, event.actor_name)
        for event in AccountEvent.objects.filter(user=user).order_by("pk")
    ]


def test_each_change_of_a_members_account_is_recorded_with_who_did_it(
    clerk, member, fracties, mailoutbox, django_capture_on_commit_callbacks
):
    user = member.user
    assert history(user)[0] == (Kind.CREATED, "")
    start = AccountEvent.objects.latest("pk").pk

    # The member links her app herself.
    _link, url = enrolment_link_create(user=user)
    enrol(signed_in(clerk), enrolment_path(url))  # even in a shared browser

    # The griffie moves her, switches her off and on, changes her address.
    client = signed_in(clerk)
    change = f"/admin/council/councilmember/{member.pk}/change/"
    with django_capture_on_commit_callbacks(execute=True):
        data = form_data(client.get(change).content.decode())
        data.update(fractie=str(fracties[1].pk), email="anna@example.org")
        data.pop("is_active", None)
        assert client.post(change, data).status_code == 302
        data["is_active"] = "on"
        assert client.post(change, data).status_code == 302
        # And resets her app.
        second_factor_reset(user=user, actor=clerk)

    new = [
        (e.kind, e.actor_name, e.detail)
        for e in AccountEvent.objects.filter(pk__gt=start).order_by("pk")
    ]
    kinds = [(kind, actor) for kind, actor, _detail in new]
    assert kinds[:2] == [(Kind.FACTOR_ENROLLED, "anna"), (Kind.PASSWORD_SET, "anna")]
    assert (Kind.FRACTIE_CHANGED, "griffier") in kinds
    assert (Kind.EMAIL_CHANGED, "griffier") in kinds
    assert (Kind.DEACTIVATED, "griffier") in kinds
    assert (Kind.ACTIVATED, "griffier") in kinds
    assert kinds[-3:] == [
        (Kind.FACTOR_REMOVED, "griffier"),
        (Kind.FACTOR_RESET, "griffier"),
        (Kind.LINK_SENT, "griffier"),
    ]
    details = {kind: detail for kind, _actor, detail in new}
    assert details[Kind.FRACTIE_CHANGED] == "Rode Partij → Blauwe Partij"
    assert details[Kind.EMAIL_CHANGED] == "anna@raad.hengelo.nl → anna@example.org"
    # The old address hears of the new one; the new one gets the link.
    [changed] = [m for m in mailoutbox if "is gewijzigd" in m.subject]
    assert changed.to == ["anna@example.org", "anna@raad.hengelo.nl"]
    assert "door griffier" in changed.body

    # The griffie reads it on the member's page, and in the list.
    text = page_text(client.get(change))
    assert "Naar een andere fractie (Rode Partij → Blauwe Partij), door griffier" in (
        text
    )
    assert "Geen authenticator-app gekoppeld" in text
    listed = page_text(client.get("/admin/accounts/accountevent/"))
    assert "Tweede factor gereset" in listed


def test_a_password_set_by_a_beheerder_is_recorded_and_the_owner_told(
    administrator, member, mailoutbox, django_capture_on_commit_callbacks
):
    client = signed_in(administrator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/auth/user/{member.user.pk}/password/",
            {
                "password1": "Overgenomen-2026-x",
                "password2": "Overgenomen-2026-x",
                "usable_password": "true",
            },
        )
    assert response.status_code == 302, page_text(response)
    event = AccountEvent.objects.filter(user=member.user).latest("pk")
    assert (event.kind, event.actor_name) == (Kind.PASSWORD_SET, "beheerder")
    [mail] = mailoutbox
    assert mail.to == ["anna@raad.hengelo.nl"]
    assert "wachtwoord ingesteld" in mail.body


def test_the_history_is_read_only_and_the_griffie_sees_only_members(
    clerk, administrator, member, editor
):
    client = signed_in(clerk)
    listed = page_text(client.get("/admin/accounts/accountevent/"))
    assert "anna" in listed and "redacteur" not in listed
    event = AccountEvent.objects.filter(user=member.user).first()
    assert client.get("/admin/accounts/accountevent/add/").status_code == 403
    response = client.post(
        f"/admin/accounts/accountevent/{event.pk}/change/", {"detail": "weg"}
    )
    assert response.status_code == 403
    response = signed_in(administrator).post(
        f"/admin/accounts/accountevent/{event.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 403
    assert AccountEvent.objects.filter(pk=event.pk).exists()
