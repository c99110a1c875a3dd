"""Reads for the editors' dashboard on the admin's front page."""

import datetime
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from content.models import PublicationStatus
from content.versioning import BOOKKEEPING_FIELDS
from council.models import Question, QuestionStatus
from indicators.models import Indicator, IndicatorValue, ValueKind
from programmes.models import Action, ActionStatus, Budget

DOMAIN_APPS = ("programmes", "money", "indicators")
HISTORY_TYPES = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}


@dataclass
class RecentChange:
    when: datetime.datetime
    who: str
    what: str  # aangemaakt, gewijzigd, verwijderd
    kind: str  # the model's verbose name
    title: str
    url: str  # the admin change page, empty for a deleted object
    fields: list  # verbose names of the changed fields


def recent_changes(*, user, limit: int = 15) -> list[RecentChange]:
    """The newest changes to the budget's content, from every model's history,
    limited to the models the user may see."""
    records = []
    for app_label in DOMAIN_APPS:
        for model in apps.get_app_config(app_label).get_models():
            opts = model._meta
            if not hasattr(model, "history") or not user.has_perm(
                f"{opts.app_label}.view_{opts.model_name}"
            ):
                continue
            records += model.history.select_related("history_user").order_by(
                "-history_date"
            )[:limit]
    records.sort(key=lambda record: record.history_date, reverse=True)
    return [_recent_change(record) for record in records[:limit]]


def _recent_change(record) -> RecentChange:
    model = record.instance_type
    opts = model._meta
    fields = []
    previous = record.prev_record if record.history_type == "~" else None
    if previous is not None:
        fields = [
            str(opts.get_field(name).verbose_name)
            for name in record.diff_against(previous).changed_fields
            if name not in BOOKKEEPING_FIELDS
        ]
    url = ""
    if record.history_type != "-":
        try:
            url = reverse(
                f"admin:{opts.app_label}_{opts.model_name}_change",
                args=[getattr(record, opts.pk.attname)],
            )
        except NoReverseMatch:
            pass
    return RecentChange(
        when=record.history_date,
        who=str(record.history_user or _("onbekend (bijv. een import)")),
        what=str(HISTORY_TYPES.get(record.history_type, record.history_type)),
        kind=str(opts.verbose_name),
        title=str(record.history_object),
        url=url,
        fields=fields,
    )


def actions_without_status_update(*, year: int | None = None):
    """Open actions whose status was not updated in `year` (default: this year).

    Done and cancelled actions need no update; an action whose status never
    changed since the data was loaded counts as not updated.
    """
    year = year or timezone.localdate().year
    start = timezone.make_aware(datetime.datetime(year, 1, 1))
    return (
        Action.objects.exclude(status__in=[ActionStatus.DONE, ActionStatus.CANCELLED])
        .filter(Q(status_changed_at__isnull=True) | Q(status_changed_at__lt=start))
        .select_related("theme")
        .order_by("theme__programme", "theme__order", "kind", "order", "pk")
    )


def draft_budgets():
    """Budgets in draft (concept): their pages answer 404 until they are published,
    as after an editor's import of a whole budget."""
    return Budget.objects.filter(publication_status=PublicationStatus.DRAFT).order_by(
        "year"
    )


def newest_budget() -> Budget | None:
    return Budget.objects.order_by("-year").first()


def indicators_missing_value(*, budget: Budget | None):
    """Indicators with no budgeted value for `budget`'s own year in that document,
    not even an empty one ('-'); its goals for later years do not count."""
    if budget is None:
        return Indicator.objects.none()
    has_value = IndicatorValue.objects.filter(
        indicator=OuterRef("pk"),
        budget=budget,
        year=budget.year,
        kind=ValueKind.BUDGETED,
    )
    return (
        Indicator.objects.filter(~Exists(has_value))
        .select_related("programme__budget")
        .order_by("programme", "order", "pk")
    )


def questions_assigned(*, user):
    """The council's technical questions assigned to `user` whose answer is not
    published yet."""
    return (
        Question.objects.assigned_to(user)
        .filter(published_at__isnull=True, merged_into__isnull=True)
        .select_related("programme", "asker", "fractie")
        .order_by("created_at", "pk")
    )


def questions_ready():
    """Questions whose answer the editor marked ready: the griffie's to publish."""
    return (
        Question.objects.filter(status=QuestionStatus.READY)
        .select_related("programme", "assigned_to")
        .order_by("updated_at", "pk")
    )
