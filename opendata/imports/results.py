"""What an import reports: the problems it finds and the changes it makes."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """One thing wrong in an uploaded file, said in plain Dutch."""

    message: str
    row: int | None = None  # the row number a spreadsheet program shows
    column: str | None = None
    sheet: str | None = None

    def __str__(self):
        where = []
        if self.sheet:
            where.append(_("blad %(sheet)s") % {"sheet": self.sheet})
        if self.row is not None:
            where.append(_("rij %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("kolom %(column)s") % {"column": self.column})
        if not where:
            return self.message
        return f"{', '.join(where)}: {self.message}"


class Outcome:
    CREATED = "created"
    CHANGED = "changed"
    UNCHANGED = "unchanged"

    @staticmethod
    def label(outcome: str) -> str:
        return {
            Outcome.CREATED: _("nieuw"),
            Outcome.CHANGED: _("gewijzigd"),
            Outcome.UNCHANGED: _("ongewijzigd"),
        }[outcome]


@dataclass(frozen=True)
class Change:
    """What an import did (or, in a preview, would do) to one record."""

    outcome: str  # an Outcome
    what: str  # the kind of record, e.g. 'waarde'
    description: str


@dataclass
class ImportResult:
    """The outcome of an import: its changes, or its problems and no changes."""

    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    # The budgets the file writes into that are drafts after it, by name: those
    # it creates or makes drafts, and those that were drafts already. Their pages
    # stay hidden until a Beheerder publishes them.
    new_drafts: list[str] = field(default_factory=list)
    kept_drafts: list[str] = field(default_factory=list)
    # Each budget the file writes into: its publication status before (None: new).
    budgets_before: dict = field(default_factory=dict, repr=False)
    # (model, id) -> the place in `changes` of a record already listed: a budget,
    # programme or part that one table creates and the next names again is
    # listed once, as new.
    listed: dict = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        return not self.problems

    def record(self, outcome: str, what: str, description: str, obj=None) -> bool:
        """List what happened to a record; `obj` (saved) to list it once per
        file. Whether it was listed now: a record listed before is listed again
        only when a later table changes what an earlier one left alone."""
        key = None if obj is None or obj.pk is None else (obj._meta.label, obj.pk)
        if key is not None and key in self.listed:
            index = self.listed[key]
            if not (
                outcome == Outcome.CHANGED
                and self.changes[index].outcome == Outcome.UNCHANGED
            ):
                return False
            self.changes[index] = Change(outcome, what, description)
            return True
        if key is not None:
            self.listed[key] = len(self.changes)
        self.changes.append(Change(outcome, what, description))
        return True

    def of(self, outcome: str) -> list[Change]:
        return [change for change in self.changes if change.outcome == outcome]

    @property
    def created(self) -> list[Change]:
        return self.of(Outcome.CREATED)

    @property
    def changed(self) -> list[Change]:
        return self.of(Outcome.CHANGED)

    @property
    def unchanged(self) -> list[Change]:
        return self.of(Outcome.UNCHANGED)

    def extend(self, other: "ImportResult") -> None:
        self.changes.extend(other.changes)
        self.problems.extend(other.problems)

    def summary(self) -> str:
        return _(
            "%(created)s nieuw, %(changed)s gewijzigd, %(unchanged)s ongewijzigd"
        ) % {
            "created": len(self.created),
            "changed": len(self.changed),
            "unchanged": len(self.unchanged),
        }
