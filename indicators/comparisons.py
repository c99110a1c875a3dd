"""Changes between years, and the plain sentences (Dutch or English) that describe
an indicator's figures, each with its year and document."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .formatting import format_number, format_value, value_label
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
    """What the chart of an indicator shows, in a few plain-Dutch sentences.

    `values` are the indicator's IndicatorValues (with their budget). Each figure
    is named with the year it is about and, where that is not its own budget's
    goal, the document that states it.
    """
    # A budget's goal for its own year; its goals for later years come after.
    budgeted = sorted(
        (v for v in values if _own_goal(v) and v.value is not None),
        key=lambda v: v.year,
    )
    figures = (
        _later_goal_sentence(indicator, values)
        + _realised_sentence(indicator, values)
        + _measured_sentence(indicator, values)
    )
    more = figures + _target_sentence(indicator, values)
    if not budgeted:
        # Only other figures: each said as what it is, never as this year's goal.
        if not figures:
            return _("Voor deze indicator is nog geen begrote waarde bekend.")
        return more.lstrip()
    latest = budgeted[-1]
    year = latest.year
    sentence = _("In de begroting %(year)s is het doel %(amount)s") % {
        "year": year,
        "amount": _amount(indicator, latest.value),
    }
    earlier = [v for v in values if _own_goal(v) and v.year < year]
    previous = max(earlier, key=lambda v: v.year, default=None)
    if previous is None:
        sentence += "."
    elif previous.value is None:
        sentence += _(". In de begroting %(year)s had deze indicator geen waarde.") % {
            "year": previous.year
        }
    else:
        change = Change.between(previous.value, latest.value)
        if change.absolute == 0:
            sentence += _(", evenveel als in %(year)s.") % {"year": previous.year}
        else:
            template = (
                _(", %(difference)s meer dan in %(year)s")
                if change.absolute > 0
                else _(", %(difference)s minder dan in %(year)s")
            )
            sentence += template % {
                "difference": _difference(indicator, change.absolute),
                "year": previous.year,
            }
            if change.percent is not None:
                sentence += f" ({format_percent_change(change.percent)})"
            sentence += "."
    return sentence + more


def _own_goal(value) -> bool:
    return value.kind == ValueKind.BUDGETED and value.year == value.budget.year


def _later_goal_sentence(indicator: Indicator, values) -> str:
    """The furthest goal of the newest document that looks ahead: 'Doel 2022
    (Begroting 2018): 7.000 contacten.'"""
    later = [
        v
        for v in values
        if v.kind == ValueKind.BUDGETED
        and v.year > v.budget.year
        and v.value is not None
    ]
    if not later:
        return ""
    goal = max(later, key=lambda v: (v.budget.year, v.year))
    return " " + _("%(label)s: %(amount)s.") % {
        "label": capfirst(value_label(goal)),
        "amount": _amount(indicator, goal.value),
    }


def _realised_sentence(indicator: Indicator, values) -> str:
    """The newest realised figure: 'Gerealiseerd 2017 (Begroting 2019): 700
    bedrijfsbezoeken.'"""
    realised = [
        v for v in values if v.kind == ValueKind.REALISED and v.value is not None
    ]
    if not realised:
        return ""
    latest = max(realised, key=lambda v: (v.year, v.budget.year))
    return " " + _("%(label)s: %(amount)s.") % {
        "label": capfirst(value_label(latest)),
        "amount": _amount(indicator, latest.value),
    }


def _measured_sentence(indicator: Indicator, values) -> str:
    """The newest measurement (kengetal), with the year it was measured."""
    measured = [
        v for v in values if v.kind == ValueKind.MEASURED and v.value is not None
    ]
    if not measured:
        return ""
    latest = max(measured, key=lambda v: (v.year, v.budget.year))
    return _(" Gemeten in %(year)s (%(document)s): %(amount)s.") % {
        "year": latest.year,
        "document": latest.budget,
        "amount": _amount(indicator, latest.value),
    }


def _target_sentence(indicator: Indicator, values) -> str:
    targets = [v for v in values if v.kind == ValueKind.TARGET and v.value is not None]
    if not targets:
        return ""
    target = max(targets, key=lambda v: (v.year, v.budget.year))
    # A target for its budget's own year is the long-term one the budget names
    # without a year: no year is put in its mouth.
    template = (
        _(" De streefwaarde (%(document)s) is %(amount)s")
        if target.year == target.budget.year
        else _(" De streefwaarde voor %(year)s (%(document)s) is %(amount)s")
    )
    text = template % {
        "year": target.year,
        "document": target.budget,
        "amount": _amount(indicator, target.value),
    }
    figures = [
        v
        for v in values
        if (
            v.kind in (ValueKind.REALISED, ValueKind.MEASURED)
            or (v.kind == ValueKind.BUDGETED and v.year <= v.budget.year)
        )
        and v.value is not None
    ]
    if not figures:
        return text + "."
    # The newest figure, by the year it is about; at equal years a realised figure
    # beats a measured one, and both beat a budgeted one (a goal). A goal for a
    # later year is no figure yet.
    rank = {ValueKind.REALISED: 2, ValueKind.MEASURED: 1, ValueKind.BUDGETED: 0}
    latest = max(figures, key=lambda v: (v.year, rank[v.kind], v.budget.year))
    label = {
        ValueKind.REALISED: _("gerealiseerd"),
        ValueKind.MEASURED: _("gemeten"),
        ValueKind.BUDGETED: _("begroot"),
    }[latest.kind]
    gap = target.value - latest.value
    figures = {
        "label": label,
        "year": latest.year,
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
