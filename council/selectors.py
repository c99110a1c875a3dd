"""Reads of the council's workspace that pages, tags and downloads share."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import timezone

from hengelo_portal.roles import CLERK, COUNCIL_MEMBER, EDITOR

from .models import CouncilMember, Note, Question, QuestionDeadline


def council_member_of(request) -> CouncilMember | None:
    """The signed-in council member, or None: the one check every council page
    and tag makes. Same strength as the admin: with two-factor login on, a
    session that did not pass the code is no member's."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    if settings.PORTAL_REQUIRE_2FA and not user.is_verified():
        return None
    cached = getattr(request, "_council_member", False)
    if cached is not False:
        return cached
    member = (
        CouncilMember.objects.select_related("fractie", "user")
        .filter(user=user, user__groups__name=COUNCIL_MEMBER)
        .first()
    )
    request._council_member = member
    return member


def is_clerk(user) -> bool:
    return user.groups.filter(name=CLERK).exists()


def editors():
    return (
        get_user_model()
        .objects.filter(groups__name=EDITOR, is_active=True)
        .order_by("username")
    )


def clerk_addresses() -> list[str]:
    return list(
        get_user_model()
        .objects.filter(groups__name=CLERK, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def notes_of(member):
    """Every note the member may read, newest programme first."""
    return (
        Note.objects.visible_to(member)
        .select_related(
            "author__council_member__fractie", "programme__budget", "target_type"
        )
        .order_by("-programme__budget__year", "programme__number", "created_at", "pk")
    )


def notes_left_behind(member, fractie) -> tuple[int, int]:
    """What `member` leaves behind on leaving `fractie`: (the notes others
    shared with it, which the member no longer sees; the member's own notes
    shared with it, which stay with it). Counts only: nobody but the members
    reads a note."""
    shared = Note.objects.shared_with(fractie)
    own = shared.filter(author_id=member.user_id).count()
    return shared.count() - own, own


def questions_of(member):
    return (
        Question.objects.filter(asker_id=member.user_id)
        .select_related("programme__budget", "target_type", "fractie")
        .order_by("-created_at", "-pk")
    )


def public_questions():
    """Published questions and answers, with who asked them (also the merged
    duplicates). Where the part itself is shown, pass them through
    with_public_parts (council/targets.py): a part that is not public is not
    shown (one query per kind of part)."""
    return (
        Question.objects.public()
        .select_related("asker", "fractie", "programme__budget", "target_type")
        .prefetch_related(
            Prefetch(
                "duplicates",
                queryset=Question.objects.select_related("asker", "fractie").order_by(
                    "created_at", "pk"
                ),
            ),
        )
        .order_by("programme__number", "created_at", "pk")
    )


def open_deadline(budget) -> QuestionDeadline | None:
    """The closing date of `budget` while questions may still be asked."""
    deadline = QuestionDeadline.objects.filter(budget=budget).first()
    if deadline is None or deadline.closes_at <= timezone.now():
        return None
    return deadline


class BesideText:
    """Everything of the council's workspace on one page, read at once: the
    published questions for anyone, and the notes for a signed-in member,
    grouped by the part they are about."""

    def __init__(self, *, programme, member):
        self.programme = programme
        self.member = member
        self.questions = defaultdict(list)
        self.notes = defaultdict(list)
        for question in public_questions().filter(programme=programme):
            self.questions[self.key_of(question)].append(question)
        if member is not None:
            for note in notes_of(member).filter(programme=programme):
                self.notes[self.key_of(note)].append(note)
            self.deadline = open_deadline(programme.budget_id)
        else:
            self.deadline = None

    @staticmethod
    def key_of(record) -> tuple:
        # By the model's name, not its content type's id: no query to look that
        # up for each part of the page (the record's type is read with it).
        kind = record.target_type
        return (kind.app_label, kind.model, record.target_id)

    def of(self, target) -> tuple[list, list]:
        """The questions and the notes about `target`."""
        opts = target._meta
        key = (opts.app_label, opts.model_name, target.pk)
        return self.questions.get(key, []), self.notes.get(key, [])
