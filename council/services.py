"""Writes of the council's workspace: accounts, notes and technical questions."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import COUNCIL_MEMBER, EDITOR
from accounts.services import enrolment_link_send
from content.services import model_update
from content.text import text_entered
from web.params import parse_int

from . import notifications
from .models import (
    CouncilMember,
    Fractie,
    Note,
    NoteVisibility,
    Question,
    QuestionStatus,
)
from .selectors import question_round
from .targets import public_target

MAX_TEXT = 5000
# The same question twice within this is one question (and one mail).
SAME_QUESTION_WINDOW = timedelta(minutes=10)


@transaction.atomic
def council_member_create(
    *, username: str, fractie: Fractie, password: str | None = None, **names
) -> CouncilMember:
    """A council member's account: no staff, in the group Raadslid, in `fractie`.

    `names` are first_name, last_name and email. Without `password` (as the
    griffie makes one) the account has none yet: the member gets an e-mail with
    a one-time link to choose their own and link their authenticator app
    (accounts/). Raises ValidationError for a weak password, a taken user name
    or, without a password, a missing e-mail address, with nothing written.
    """
    from django.contrib.auth.password_validation import validate_password

    User = get_user_model()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(
            {"username": _("Er is al een account met deze gebruikersnaam.")}
        )
    user = User(username=username, is_staff=False, **names)
    if password is None:
        user.set_unusable_password()
    else:
        validate_password(password, user)
        user.set_password(password)
    user.save()
    user.groups.add(Group.objects.get(name=COUNCIL_MEMBER))
    member = CouncilMember.objects.create(user=user, fractie=fractie)
    if password is None:
        enrolment_link_send(user=user)
    return member


def _clean_text(text: str, *, empty: str) -> str:
    text = text_entered(text or "", label=_("De tekst")).strip()
    if not text:
        raise ValidationError(empty)
    if len(text) > MAX_TEXT:
        raise ValidationError(
            _("De tekst is te lang: ten hoogste %(max)d tekens.") % {"max": MAX_TEXT}
        )
    return text


def _target(kind: str, target_id) -> tuple:
    # A posted id is ASCII digits, as every id the portal reads ("١٢" and " 12_0"
    # are no id); code passes the number itself.
    if isinstance(target_id, int) and not isinstance(target_id, bool):
        pk = target_id if target_id > 0 else None
    else:
        pk = parse_int(target_id)
    found = public_target(kind, pk) if pk else None
    if found is None:
        raise ValidationError(
            _(
                "Dit onderdeel van de begroting bestaat niet of is nog niet "
                "gepubliceerd. U kunt alleen iets schrijven bij een gepubliceerd "
                "onderdeel."
            )
        )
    return found


@transaction.atomic
def note_create(*, member, kind: str, target_id, text: str, visibility: str) -> Note:
    """A note of `member` on a published part of the budget."""
    target, programme = _target(kind, target_id)
    text = _clean_text(text, empty=_("Schrijf eerst een notitie."))
    if visibility not in NoteVisibility.values:
        raise ValidationError(_("Kies voor wie de notitie zichtbaar is."))
    return Note.objects.create(
        author=member.user,
        target_type=ContentType.objects.get_for_model(target),
        target_id=target.pk,
        programme=programme,
        text=text,
        visibility=visibility,
        fractie=_shared_with(member, visibility),
    )


def _shared_with(member, visibility: str, note: Note | None = None):
    # A note shared with the fractie belongs to the fractie of that moment: it
    # stays there when its author moves. Shared again after being private, it
    # goes to the author's fractie of now.
    if visibility != NoteVisibility.FRACTIE:
        return None
    if note is not None and note.visibility == NoteVisibility.FRACTIE:
        return note.fractie
    return member.fractie


def _own_note(*, member, note_id) -> Note:
    # Only the author changes or removes a note; another's note (also one shared
    # with the fractie, or one guessed by its number) is answered as not there.
    note = Note.objects.filter(pk=note_id, author_id=member.user_id).first()
    if note is None:
        raise PermissionDenied(_("Deze notitie bestaat niet of is niet van u."))
    return note


@transaction.atomic
def note_update(*, member, note_id, text: str, visibility: str) -> Note:
    note = _own_note(member=member, note_id=note_id)
    text = _clean_text(text, empty=_("Een notitie kan niet leeg zijn."))
    if visibility not in NoteVisibility.values:
        raise ValidationError(_("Kies voor wie de notitie zichtbaar is."))
    model_update(
        instance=note,
        data={
            "text": text,
            "visibility": visibility,
            "fractie": _shared_with(member, visibility, note),
        },
    )
    return note


@transaction.atomic
def note_delete(*, member, note_id) -> None:
    _own_note(member=member, note_id=note_id).delete()


@transaction.atomic
def question_ask(*, member, kind: str, target_id, text: str) -> Question:
    """A technical question of `member` about a published part of the budget,
    before the budget's closing date. The griffie hears of it by e-mail."""
    target, programme = _target(kind, target_id)
    text = _clean_text(text, empty=_("Schrijf eerst uw vraag."))
    round_ = question_round(programme.budget)
    if not round_.is_open:
        # The state of the round says why, with the day and time it closed.
        raise ValidationError(
            _("Uw vraag is niet verstuurd. %(round)s") % {"round": round_.sentence()}
        )
    target_type = ContentType.objects.get_for_model(target)
    earlier = _question_just_asked(
        member=member, target_type=target_type, target_id=target.pk, text=text
    )
    if earlier is not None:
        return earlier  # the same submission again: asked, and mailed, once
    question = Question.objects.create(
        asker=member.user,
        fractie=member.fractie,
        target_type=target_type,
        target_id=target.pk,
        programme=programme,
        text=text,
    )
    notifications.question_received(question)
    return question


def _question_just_asked(*, member, target_type, target_id, text) -> Question | None:
    """The same question by the same member on the same part, asked within
    SAME_QUESTION_WINDOW: a double click, or a retry after an error page. The
    member's row is locked first, so a second submission at the same moment
    waits for the first one's commit and then finds its question."""
    list(CouncilMember.objects.select_for_update().filter(pk=member.pk).values("pk"))
    return (
        Question.objects.filter(
            asker=member.user,
            target_type=target_type,
            target_id=target_id,
            text=text,
            created_at__gte=timezone.now() - SAME_QUESTION_WINDOW,
        )
        .order_by("-pk")
        .first()
    )


def question_status_of(question: Question, data: dict, *, ready=False) -> str:
    """The state that says who is to act, from what the question will hold
    (`question` with `data` set); "answer ready" is the editor's word and stays
    while there is an answer."""

    def after(name):
        return data[name] if name in data else getattr(question, name)

    if after("merged_into") is not None:
        return QuestionStatus.MERGED
    if after("published_at") is not None:
        return QuestionStatus.PUBLISHED
    if (after("answer") or "").strip():
        if ready or question.status == QuestionStatus.READY:
            return QuestionStatus.READY
        return QuestionStatus.IN_PROGRESS
    if after("assigned_to") is not None:
        return QuestionStatus.ASSIGNED
    return QuestionStatus.RECEIVED


@transaction.atomic
def question_update(*, question: Question, data: dict, by=None) -> list[str]:
    """The griffie's and editor's changes to a question, through the version
    check; sets the state that follows and says by e-mail what happened.

    `data` holds assigned_to, merged_into and answer as the form gave them, and
    the step asked for: "ready" (the answer is ready for the griffie) or
    "publish" (the griffie publishes). `by` is who asks: only the griffie
    assigns, merges and publishes (PermissionDenied for anyone else); None is
    code that acts for the griffie (a command, a test). Saving never takes an
    answer off the site. E-mail: the editor when assigned, the griffie when an
    answer is ready, the askers once when it is published and once more for
    each later change of a published answer.
    """
    from .selectors import is_clerk

    data = dict(data)
    publish = data.pop("publish", None) is True
    ready = data.pop("ready", None) is True
    data.pop("status", None)
    data.pop("published_at", None)
    clerk = by is None or is_clerk(by)
    before = (
        Question.objects.filter(pk=question.pk)
        .values("assigned_to_id", "published_at", "answer", "status")
        .first()
    ) or {"assigned_to_id": None, "published_at": None, "answer": "", "status": ""}
    if not clerk:
        for name in ("assigned_to", "merged_into"):
            if name in data and getattr(data[name], "pk", data[name]) != getattr(
                question, f"{name}_id"
            ):
                raise PermissionDenied(
                    _("Alleen de griffie wijst vragen toe en voegt ze samen.")
                )
            data.pop(name, None)
        if publish:
            raise PermissionDenied(_("Alleen de griffie publiceert een antwoord."))
        if (
            before["published_at"] is not None
            and "answer" in data
            and data["answer"] != before["answer"]
        ):
            raise PermissionDenied(
                _("Een gepubliceerd antwoord verandert alleen de griffie.")
            )
    if data.get("merged_into") is not None:
        target = data["merged_into"]
        if target.pk == question.pk or target.merged_into_id is not None:
            raise ValidationError(
                {
                    "merged_into": _(
                        "Voeg een vraag samen met een andere, niet samengevoegde vraag."
                    )
                }
            )
        if target.programme.budget_id != question.programme.budget_id:
            raise ValidationError(
                {"merged_into": _("Voeg alleen vragen over dezelfde begroting samen.")}
            )
    assigned = data.get("assigned_to", question.assigned_to)
    if assigned is not None and not assigned.groups.filter(name=EDITOR).exists():
        raise ValidationError(
            {"assigned_to": _("Wijs de vraag toe aan een redacteur.")}
        )
    answer = data.get("answer", question.answer)
    if (publish or ready) and not (answer or "").strip():
        raise ValidationError(
            {
                "answer": _(
                    "Een vraag zonder antwoord kan niet gepubliceerd of klaargezet "
                    "worden."
                )
            }
        )
    if publish and question.published_at is None:
        data["published_at"] = timezone.now()
    data["status"] = question_status_of(question, data, ready=ready)
    changed = model_update(instance=question, data=data)
    if "assigned_to" in changed and question.assigned_to_id not in (
        None,
        before["assigned_to_id"],
    ):
        notifications.question_assigned(question)
    if "status" in changed and question.status == QuestionStatus.READY:
        notifications.answer_ready(question)
    if before["published_at"] is None and question.published_at is not None:
        notifications.answer_published(question)
    elif (
        before["published_at"] is not None
        and question.published_at is not None
        and question.answer != before["answer"]
    ):
        notifications.answer_changed(question)
    return changed
