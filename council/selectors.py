"""Reads of the council's workspace that pages, tags and downloads share."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from accounts.roles import CLERK, COUNCIL_MEMBER, EDITOR
from programmes.models import Budget

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
        .select_related("programme__budget", "target_type", "fractie", "merged_into")
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


# The closing moment as pages and messages write it: the day and the time.
DAY_AND_TIME = "j F Y, H:i"


def day_and_time(moment: datetime.datetime) -> str:
    return formats.date_format(timezone.localtime(moment), DAY_AND_TIME)


@dataclass(frozen=True)
class QuestionRound:
    """Whether council members may ask technical questions about a budget:
    not yet open (the griffie set no closing date), open until `closes_at`, or
    closed since `closes_at`."""

    NOT_OPEN = "not_open"
    OPEN = "open"
    CLOSED = "closed"

    budget: object
    state: str
    closes_at: datetime.datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.state == self.OPEN

    def sentence(self) -> str:
        """The round's state in one sentence, with the day and time."""
        values = {"budget": self.budget}
        if self.state == self.NOT_OPEN:
            return (
                _(
                    "De ronde van technische vragen over %(budget)s is nog niet "
                    "geopend: de griffie heeft nog geen sluitingsdatum bepaald."
                )
                % values
            )
        values["moment"] = day_and_time(self.closes_at)
        if self.state == self.OPEN:
            return (
                _(
                    "Raadsleden kunnen technische vragen over %(budget)s stellen "
                    "tot %(moment)s."
                )
                % values
            )
        return (
            _(
                "De ronde van technische vragen over %(budget)s is gesloten sinds "
                "%(moment)s."
            )
            % values
        )


def question_round(budget) -> QuestionRound:
    """The state of the round of technical questions about `budget` (a Budget
    or its id) now."""
    deadline = (
        QuestionDeadline.objects.select_related("budget").filter(budget=budget).first()
    )
    if deadline is None:
        if not hasattr(budget, "year"):
            budget = Budget.objects.get(pk=budget)
        return QuestionRound(budget=budget, state=QuestionRound.NOT_OPEN)
    state = (
        QuestionRound.OPEN
        if deadline.closes_at > timezone.now()
        else QuestionRound.CLOSED
    )
    return QuestionRound(
        budget=deadline.budget, state=state, closes_at=deadline.closes_at
    )


class BesideText:
    """Everything of the council's workspace on one page, read at once: the
    published questions for anyone, and the notes for a signed-in member,
    grouped by the part they are about."""

    def __init__(self, *, programme, member):
        self.programme = programme
        self.member = member
        self.questions = defaultdict(list)
        self.notes = defaultdict(list)
        # Without the merged duplicates: the boxes beside the text do not show
        # them, and reading them was one more query once a question had any.
        beside = public_questions().prefetch_related(None)
        for question in beside.filter(programme=programme):
            self.questions[self.key_of(question)].append(question)
        if member is not None:
            for note in notes_of(member).filter(programme=programme):
                self.notes[self.key_of(note)].append(note)
            self.round = question_round(programme.budget)
        else:
            self.round = None

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
