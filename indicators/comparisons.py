"""Changes between budget years, and the plain sentences (Dutch or English) that
describe them."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.translation import gettext as _

from .formatting import format_number, format_value
from .models import Indicator, UnitKind, ValueKind


@dataclass(frozen=True)
class Change:
    """The change from one figure to another; None where either has no value."""

    absolute: Decimal | None
    percent: Decimal | None

    @classmethod
    def between(cls, old: Decimal | None, new: Decimal | None) -> "Change":
        if old is None or new is None:
            return cls(None, None)
        absolute = new - old
        percent = None if old == 0 else absolute / old * 100
        return cls(absolute, percent)


def format_percent_change(percent: Decimal | None) -> str:
    """'+22%', '-3,5%', '0%'; 'geen waarde' where it cannot be computed."""
    if percent is None:
        return _("geen waarde")
    places = Decimal("0.1") if 0 < abs(percent) < 1 else Decimal(1)
    rounded = percent.quantize(places, rounding=ROUND_HALF_UP)
    sign = "+" if rounded > 0 else ""
    return f"{sign}{formats.number_format(rounded, force_grouping=True)}%"


def format_absolute_change(indicator: Indicator, absolute: Decimal | None) -> str:
    """'+60 personen', '-1,2 procentpunt'; 'geen waarde' where it cannot be computed."""
    if absolute is None:
        return _("geen waarde")
    sign = "+" if absolute > 0 else ("-" if absolute < 0 else "")
    magnitude = abs(absolute)
    if indicator.unit_kind == UnitKind.PERCENTAGE:
        return sign + _("%(number)s procentpunt") % {"number": format_number(magnitude)}
    return sign + format_value(
        magnitude, unit=indicator.localized("unit"), unit_kind=indicator.unit_kind
    )


def _amount(indicator: Indicator, number: Decimal) -> str:
    return format_value(
        number, unit=indicator.localized("unit"), unit_kind=indicator.unit_kind
    )


def _difference(indicator: Indicator, absolute: Decimal) -> str:
    if indicator.unit_kind == UnitKind.PERCENTAGE:
        return _("%(number)s procentpunt") % {"number": format_number(abs(absolute))}
    return format_number(abs(absolute))


def indicator_sentence(indicator: Indicator, values) -> str:
    """What the chart of an indicator shows, in one or two plain-Dutch sentences.

    `values` are the indicator's IndicatorValues (with their budget).
    """
    budgeted = sorted(
        (v for v in values if v.kind == ValueKind.BUDGETED and v.value is not None),
        key=lambda v: v.budget.year,
    )
    if not budgeted:
        # Only measurements (kengetallen): said as measured, never as a goal.
        measured = _measured_sentence(indicator, values)
        if measured:
            return measured.lstrip() + _target_sentence(indicator, values)
        return _("Voor deze indicator is nog geen begrote waarde bekend.")
    latest = budgeted[-1]
    year = latest.budget.year
    sentence = _("In de begroting %(year)s is het doel %(amount)s") % {
        "year": year,
        "amount": _amount(indicator, latest.value),
    }
    earlier = [
        v for v in values if v.kind == ValueKind.BUDGETED and v.budget.year < year
    ]
    previous = max(earlier, key=lambda v: v.budget.year, default=None)
    if previous is None:
        sentence += "."
    elif previous.value is None:
        sentence += _(". In de begroting %(year)s had deze indicator geen waarde.") % {
            "year": previous.budget.year
        }
    else:
        change = Change.between(previous.value, latest.value)
        if change.absolute == 0:
            sentence += _(", evenveel als in %(year)s.") % {
                "year": previous.budget.year
            }
        else:
            template = (
                _(", %(difference)s meer dan in %(year)s")
                if change.absolute > 0
                else _(", %(difference)s minder dan in %(year)s")
            )
            sentence += template % {
                "difference": _difference(indicator, change.absolute),
                "year": previous.budget.year,
            }
            if change.percent is not None:
                sentence += f" ({format_percent_change(change.percent)})"
            sentence += "."
    return (
        sentence
        + _measured_sentence(indicator, values)
        + _target_sentence(indicator, values)
    )


def _measured_year(value) -> int:
    """When a figure was measured: its own year, else its budget's."""
    return value.measured_year or value.budget.year


def _measured_sentence(indicator: Indicator, values) -> str:
    """The newest measurement (kengetal), with the year it was measured."""
    measured = [
        v for v in values if v.kind == ValueKind.MEASURED and v.value is not None
    ]
    if not measured:
        return ""
    latest = max(measured, key=lambda v: (_measured_year(v), v.budget.year))
    return _(" Gemeten in %(year)s: %(amount)s.") % {
        "year": _measured_year(latest),
        "amount": _amount(indicator, latest.value),
    }


def _target_sentence(indicator: Indicator, values) -> str:
    targets = [v for v in values if v.kind == ValueKind.TARGET and v.value is not None]
    if not targets:
        return ""
    target = max(targets, key=lambda v: v.budget.year)
    text = _(" De streefwaarde is %(amount)s") % {
        "amount": _amount(indicator, target.value)
    }
    figures = [
        v
        for v in values
        if v.kind in (ValueKind.REALISED, ValueKind.BUDGETED, ValueKind.MEASURED)
        and v.value is not None
    ]
    if not figures:
        return text + "."
    # The newest figure, by when it was measured or realised; at equal years a
    # realised figure beats a measured one, and both beat a budgeted one (a goal).
    rank = {ValueKind.REALISED: 2, ValueKind.MEASURED: 1, ValueKind.BUDGETED: 0}
    latest = max(figures, key=lambda v: (_measured_year(v), rank[v.kind]))
    label = {
        ValueKind.REALISED: _("gerealiseerd"),
        ValueKind.MEASURED: _("gemeten"),
        ValueKind.BUDGETED: _("begroot"),
    }[latest.kind]
    gap = target.value - latest.value
    figures = {
        "label": label,
        "year": _measured_year(latest),
        "amount": _amount(indicator, latest.value),
        "difference": _difference(indicator, gap),
    }
    if gap == 0:
        return (
            text + _("; het laatste cijfer (%(label)s %(year)s) haalt die.") % figures
        )
    if gap > 0:
        return (
            text
            + _(
                "; het laatste cijfer (%(label)s %(year)s, %(amount)s) ligt daar "
                "%(difference)s onder."
            )
            % figures
        )
    return (
        text
        + _(
            "; het laatste cijfer (%(label)s %(year)s, %(amount)s) ligt daar "
            "%(difference)s boven."
        )
        % figures
    )
