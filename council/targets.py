"""The parts of the budget a note or a question can be about, in one place.

Each kind names its model, its path to the programme (the page it shows beside)
and its anchor on that page. Another kind is one more line in TARGETS.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class TargetKind:
    model: str  # app_label.ModelName
    label: object  # what the part is called, lazily translated
    programme: str  # lookup path from the model to its programme ("" = itself)
    anchor: str = ""  # the id on the programme page, with {pk}

    @property
    def model_class(self):
        return apps.get_model(self.model)


TARGETS = {
    "programme": TargetKind("programmes.Programme", _("programma"), ""),
    "paragraph": TargetKind(
        "programmes.Paragraph", _("alinea"), "theme__programme", "alinea-{pk}"
    ),
    "action": TargetKind("programmes.Action", _("actie"), "theme__programme"),
    "indicator": TargetKind("indicators.Indicator", _("beleidsindicator"), "programme"),
    "financialfigure": TargetKind(
        "money.FinancialFigure", _("financieel bedrag"), "programme", "regel-{pk}"
    ),
}


def target_kind_of(model) -> str | None:
    label = model._meta.label
    return next((key for key, kind in TARGETS.items() if kind.model == label), None)


def target_content_types() -> Q:
    """For the content type field: only the kinds above (a callable, so that a
    new kind needs no migration)."""
    condition = Q(pk__in=[])
    for kind in TARGETS.values():
        app_label, model = kind.model.lower().split(".")
        condition |= Q(app_label=app_label, model=model)
    return condition


def public_target(kind: str, pk) -> tuple[object, object] | None:
    """(the part, its programme) when `kind` and `pk` name a part of the budget
    the public may see; else None (unknown kind, no such part, or a draft)."""
    target = TARGETS.get(kind)
    if target is None:
        return None
    model = target.model_class
    related = [target.programme + "__budget" if target.programme else "budget"]
    obj = model.objects.public().select_related(*related).filter(pk=pk).first()
    if obj is None:
        return None
    programme = obj
    for step in filter(None, target.programme.split("__")):
        programme = getattr(programme, step)
    return obj, programme


def content_type_for(kind: str) -> ContentType:
    return ContentType.objects.get_for_model(TARGETS[kind].model_class)


def target_url(kind: str, pk, programme, target=lambda: None) -> str:
    """Where the part is read: its place on the programme page, or its own page
    (`target` gives the part itself, read only then)."""
    anchor = TARGETS.get(kind, TargetKind("", "", "")).anchor
    if anchor:
        return f"{programme.get_absolute_url()}#{anchor.format(pk=pk)}"
    obj = None if kind == "programme" else target()
    # A part removed since: its programme is the nearest place to read.
    return obj.get_absolute_url() if obj is not None else programme.get_absolute_url()


def with_public_parts(records):
    """The one rule for what a note or question shows of its part: set
    `record.public_part` to the part when the public may see it (its model's
    public()), else None; and `record.part_url` to where it is read, else "".
    A published question about a part that went back to draft shows no title,
    link or id of it. One query per kind of part; returns `records`."""
    records = list(records)
    wanted = defaultdict(set)
    for record in records:
        wanted[record.target_kind].add(record.target_id)
    found = {}
    for kind, ids in wanted.items():
        if kind is None:
            continue
        for obj in TARGETS[kind].model_class.objects.public().filter(pk__in=ids):
            found[kind, obj.pk] = obj
    for record in records:
        part = found.get((record.target_kind, record.target_id))
        record.public_part = part
        record.part_url = (
            target_url(record.target_kind, part.pk, record.programme, lambda p=part: p)
            if part is not None
            else ""
        )
    return records
