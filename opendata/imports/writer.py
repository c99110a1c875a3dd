"""The one record writer of the import: creates or changes a record, notes what it
did for the preview and the log, and shows it in the record's admin history."""

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.utils.text import slugify
from django.utils.translation import gettext as _

from content.services import field_labels, model_update
from programmes.models import Budget, Programme

from .results import ImportResult, Outcome


def unique_slug(queryset, text: str, *, fallback: str) -> str:
    """A slug made from `text` that no record in `queryset` has yet."""
    slug = base = slugify(text)[:190] or fallback
    number = 1
    while queryset.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


class RecordWriter:
    """Writes records of any kind; each table's writer adds `write(row)`.

    Budgets and programmes are written here because every table may bring a new
    budget year or programme.
    """

    def __init__(self, result: ImportResult, user=None):
        self.result = result
        self.user = user
        self.noted = set()

    def write(self, row) -> None:
        raise NotImplementedError

    def note(self, outcome, what, obj, description=None):
        """Record what happened to `obj`, once per record and file."""
        if (what, obj.pk) in self.noted:
            return
        self.noted.add((what, obj.pk))
        self.result.record(outcome, what, description or str(obj))
        self.history(outcome, obj)

    def history(self, outcome, obj) -> None:
        """Show the import in the admin's history of the record, with who did it."""
        if self.user is None or outcome == Outcome.UNCHANGED:
            return
        LogEntry.objects.log_actions(
            user_id=self.user.pk,
            queryset=[obj],
            action_flag=ADDITION if outcome == Outcome.CREATED else CHANGE,
            change_message=_("Ingelezen uit een begrotingsbestand."),
            single_object=True,
        )

    def update(self, obj, what: str, data: dict, *, label=None) -> list[str]:
        """Set only the fields of `data` that differ, save, and note the outcome
        ('onderdeel Economie (titel, volgorde)'). Returns the changed fields."""
        changed = model_update(instance=obj, data=data)
        label = label or str(obj)
        if changed:
            self.note(
                Outcome.CHANGED,
                what,
                obj,
                _("%(record)s (%(fields)s)")
                % {"record": label, "fields": field_labels(type(obj), changed)},
            )
        else:
            self.note(Outcome.UNCHANGED, what, obj, label)
        return changed

    def budget(self, year: int) -> Budget:
        budget, created = Budget.objects.get_or_create(
            year=year, defaults={"title": f"Begroting {year}"}
        )
        self.note(
            Outcome.CREATED if created else Outcome.UNCHANGED, "begroting", budget
        )
        return budget

    def programme(self, *, year: int, number: int, title: str) -> Programme:
        budget = self.budget(year)
        programme = Programme.objects.filter(budget=budget, number=number).first()
        if programme is None:
            programme = Programme.objects.create(
                budget=budget,
                number=number,
                title=title,
                slug=unique_slug(
                    Programme.objects.filter(budget=budget), title, fallback="programma"
                ),
            )
            self.note(Outcome.CREATED, "programma", programme)
            return programme
        self.update(programme, "programma", {"title": title} if title else {})
        return programme
