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

    @property
    def ok(self) -> bool:
        return not self.problems

    def record(self, outcome: str, what: str, description: str) -> None:
        self.changes.append(Change(outcome, what, description))

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
