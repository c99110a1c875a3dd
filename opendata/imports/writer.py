"""The one record writer of the import: creates or changes records, notes what it
did for the preview and the log, and shows it in each record's admin history.

Records of a table are written in bulk (Batch): a query per batch of records, not
per row, with their history (django-simple-history) and the admin's log lines, so
that a file of 100,000 rows imports within a request (benchmarks/IMPORTS.md).
"""

from collections import defaultdict

from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from django.contrib.admin.models import ADDITION, CHANGE, LogEntry
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from content.models import PublicationStatus
from content.services import field_labels, model_update
from content.signals import content_written
from programmes.models import Budget, Programme, Theme

from . import progress
from .results import ImportResult, Outcome

BATCH_SIZE = 500
# Records between two reports to the progress page.
PROGRESS_BATCH = 4 * BATCH_SIZE


def unique_slug(taken: set, text: str, *, fallback: str) -> str:
    """A slug made from `text` that is not in `taken` (which then holds it)."""
    slug = base = slugify(text)[:190] or fallback
    number = 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    taken.add(slug)
    return slug


class Batch:
    """New and changed records of one model, saved together by `save()`.

    A change raises the record's version as its own save() would, so that an
    editor who opened the record before the import is told, not overwritten;
    the rows were read with select_for_update, so nobody saves in between.
    """

    def __init__(self, model):
        self.model = model
        self.new = []
        self.changed = {}  # record -> names of its changed fields

    def create(self, obj) -> None:
        self.new.append(obj)

    def change(self, obj, data: dict) -> list[str]:
        """Set the fields of `data` that differ; the record is saved later (a
        record this batch creates is simply created with them)."""
        fields = model_update(instance=obj, data=data, save=False)
        if fields and obj.pk is not None:
            self.changed.setdefault(obj, set()).update(fields)
        return fields

    def save(self, user) -> None:
        now = timezone.now()
        field_names = {field.name for field in self.model._meta.concrete_fields}
        for obj in self.new:
            if "status_changed_at" in field_names:
                obj.status_changed_at = now
        total = len(self.new) + len(self.changed)
        for start in range(0, len(self.new), PROGRESS_BATCH):
            progress.report(progress.WRITING, start, total)
            bulk_create_with_history(
                self.new[start : start + PROGRESS_BATCH],
                self.model,
                batch_size=BATCH_SIZE,
                default_user=user,
            )
        progress.report(progress.WRITING, len(self.new), total)
        if not self.changed:
            return
        fields = set().union(*self.changed.values())
        for obj, changed in self.changed.items():
            if "version" in field_names:
                obj.version += 1
            if "updated_at" in field_names:
                obj.updated_at = now
            if "status" in changed and "status_changed_at" in field_names:
                obj.status_changed_at = now
        fields |= {"version", "updated_at", "status_changed_at"} & field_names
        bulk_update_with_history(
            list(self.changed),
            self.model,
            fields=sorted(fields),
            batch_size=BATCH_SIZE,
            default_user=user,
        )


class RecordWriter:
    """Writes records of any kind; each table's writer adds `write_rows(rows)`.

    Budgets, programmes and parts (themes) are written here because every table
    may bring a new budget year, programme or part.
    """

    def __init__(self, result: ImportResult, user=None):
        self.result = result
        self.user = user
        self.sheet = None  # the sheet's name in a file of several
        self.noted = set()
        self.logged = defaultdict(list)  # admin log flag -> records
        self.budgets = {}
        self.programmes = {}

    def write_rows(self, rows) -> None:
        raise NotImplementedError

    def note(self, outcome, what, obj, description=None):
        """Record what happened to `obj`, once per record and file (also when
        another table of the file wrote it first)."""
        if obj.pk is None:
            if id(obj) in self.noted:
                return
            self.noted.add(id(obj))
        if self.result.record(outcome, what, description or str(obj), obj):
            self.history(outcome, obj)

    def history(self, outcome, obj) -> None:
        """Show the import in the admin's history of the record, with who did it
        (written by finish(), when every record has its id)."""
        if self.user is not None and outcome != Outcome.UNCHANGED:
            self.logged[ADDITION if outcome == Outcome.CREATED else CHANGE].append(obj)

    def finish(self) -> None:
        for flag, records in self.logged.items():
            by_model = defaultdict(list)
            for record in records:
                by_model[type(record)].append(record)
            for batch in by_model.values():
                LogEntry.objects.log_actions(
                    user_id=self.user.pk,
                    queryset=batch,
                    action_flag=flag,
                    change_message=_("Ingelezen uit een begrotingsbestand."),
                )
        # Bulk writes send no post_save: tell the page cache once.
        content_written.send(sender=type(self))

    def put(self, batch: "Batch", obj, wanted: dict, *, new, what: str, described: str):
        """Create the record (`new(**wanted)`) or set the `wanted` fields of the
        existing `obj`, in `batch`, and note the outcome; returns the record."""
        if obj is None:
            obj = new(**wanted)
            batch.create(obj)
            outcome = Outcome.CREATED
        else:
            outcome = (
                Outcome.CHANGED if batch.change(obj, wanted) else Outcome.UNCHANGED
            )
        self.result.record(outcome, what, described)
        self.history(outcome, obj)
        return obj

    def update(self, obj, what: str, data: dict, *, label=None) -> list[str]:
        """Set only the fields of `data` that differ, save, and note the outcome
        ('onderdeel Economie (titel, volgorde)'). Returns the changed fields."""
        changed = model_update(instance=obj, data=data)
        self.note_update(obj, what, changed, label=label)
        return changed

    def note_update(self, obj, what: str, changed: list[str], *, label=None) -> None:
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

    def budget(self, year: int) -> Budget:
        """The budget of `year`; a new one is a draft (concept): a file with
        targets for later years must not publish empty budgets of those years."""
        if year not in self.budgets:
            budget, created = Budget.objects.get_or_create(
                year=year,
                defaults={
                    "title": f"Begroting {year}",
                    "publication_status": PublicationStatus.DRAFT,
                },
            )
            if created:
                self.note_new_budget(budget)
            else:
                self.note_budget_written(budget)
                self.note(Outcome.UNCHANGED, "begroting", budget)
            self.budgets[year] = budget
        return self.budgets[year]

    def note_budget_written(self, budget: Budget, *, created=False) -> None:
        """Remember the status `budget` had before this file (none: it is new),
        to say afterwards which budgets are drafts (note_drafts)."""
        self.result.budgets_before.setdefault(
            budget.pk, None if created else budget.publication_status
        )

    def note_new_budget(self, budget: Budget) -> None:
        self.note_budget_written(budget, created=True)
        described = str(budget)
        if budget.publication_status == PublicationStatus.DRAFT:
            described = _(
                "%(budget)s (concept: niet openbaar tot iemand haar publiceert)"
            ) % {"budget": budget}
        self.note(Outcome.CREATED, "begroting", budget, described)

    def programmes_of(self, rows) -> None:
        """The few budgets and programmes a table's rows name, one by one."""
        for row in rows:
            self.programme(
                year=row.programme[0],
                number=row.programme[1],
                title=row.programme_title,
            )

    def programme(self, *, year: int, number: int, title: str) -> Programme:
        if (year, number) in self.programmes:
            return self.programmes[year, number]
        budget = self.budget(year)
        programme = Programme.objects.filter(budget=budget, number=number).first()
        if programme is None:
            taken = set(
                Programme.objects.filter(budget=budget).values_list("slug", flat=True)
            )
            programme = Programme.objects.create(
                budget=budget,
                number=number,
                title=title,
                slug=unique_slug(taken, title, fallback="programma"),
            )
            self.note(Outcome.CREATED, "programma", programme)
        else:
            self.update(programme, "programma", {"title": title} if title else {})
        self.programmes[year, number] = programme
        return programme

    def themes(self, rows) -> dict:
        """The parts (themes) the rows name, by (programme key, slug): created, or
        changed where the file gives another title or order. Rows carry
        theme_slug, theme_title, theme_order and theme_english."""
        programmes = {key: self.programmes[key] for key in {r.programme for r in rows}}
        existing = {
            (theme.programme_id, theme.slug): theme
            for theme in Theme.objects.select_for_update(of=("self",))
            .order_by()
            .filter(programme__in=[p.pk for p in programmes.values()])
        }
        themes = {}
        for row in rows:
            key = (row.programme, row.theme_slug)
            if key in themes:
                continue
            programme = programmes[row.programme]
            theme = existing.get((programme.pk, row.theme_slug))
            if theme is None:
                theme = Theme.objects.create(
                    programme=programme,
                    slug=row.theme_slug,
                    title=row.theme_title,
                    order=row.theme_order or 0,
                    **row.theme_english,
                )
                self.note(Outcome.CREATED, "onderdeel", theme)
            else:
                wanted = {}
                if row.theme_title:
                    wanted["title"] = row.theme_title
                if row.theme_order is not None:
                    wanted["order"] = row.theme_order
                wanted |= row.theme_english
                self.update(theme, "onderdeel", wanted)
            themes[key] = theme
        return themes


def note_drafts(result: ImportResult) -> None:
    """Name the budgets the file writes into that are drafts after it: new or
    made drafts by the file, or drafts already."""
    drafts = Budget.objects.filter(
        pk__in=list(result.budgets_before),
        publication_status=PublicationStatus.DRAFT,
    ).order_by("year")
    for budget in drafts:
        was = result.budgets_before[budget.pk]
        kept = was == PublicationStatus.DRAFT
        (result.kept_drafts if kept else result.new_drafts).append(str(budget))
