"""How an amount of the budget is written for a citizen: no bare minus signs.

The budget prints costs as negative numbers. A reader sees "71.241" on the row
"Lasten (uitgaven)", "29.635 tekort" on a balance, "45 naar de reserves" on the
reserves; the sign itself stays in the downloads and the API.
"""

from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import FinancialLine, MoneyUnit

# Per line: the word for a negative and for a positive amount. The sign a line
# normally has needs no word (costs are negative, income positive).
_WORDS = {
    FinancialLine.COSTS: ("", gettext_lazy("per saldo ontvangen")),
    FinancialLine.INCOME: (gettext_lazy("per saldo uitgegeven"), ""),
    FinancialLine.BALANCE: (gettext_lazy("tekort"), gettext_lazy("overschot")),
    FinancialLine.RESERVE_ADDITIONS: ("", gettext_lazy("per saldo onttrokken")),
    FinancialLine.RESERVE_WITHDRAWALS: (gettext_lazy("per saldo toegevoegd"), ""),
    FinancialLine.RESERVE_TOTAL: (
        gettext_lazy("naar de reserves"),
        gettext_lazy("uit de reserves"),
    ),
    FinancialLine.RESULT: (gettext_lazy("tekort"), gettext_lazy("overschot")),
}


def grouped(number: Decimal, decimals: int = 0) -> str:
    """71241 as "71.241" (Dutch) or "71,241" (English pages)."""
    return formats.number_format(number, decimals, force_grouping=True)


def _plain(number: Decimal) -> str:
    decimals = 0 if number == number.to_integral_value() else 2
    return grouped(abs(number), decimals)


def line_amount(line: str, amount: Decimal) -> str:
    """A cell of the exploitation table: "71.241", "29.635 tekort", "0"."""
    negative, positive = _WORDS[FinancialLine(line)]
    word = negative if amount < 0 else positive if amount > 0 else ""
    number = _plain(amount)
    return f"{number} {word}" if word else number


def change_amount(amount: Decimal) -> str:
    """An explained change: "€ 105.000 voordeel", "€ 14.000 nadeel"."""
    if amount == 0:
        return _("€ 0, geen verschil")
    word = _("voordeel") if amount > 0 else _("nadeel")
    return f"€ {_plain(amount)} {word}"


def euros(amount: Decimal) -> str:
    """A whole amount in euros in words a citizen reads: "€ 71.241.000"."""
    return f"€ {_plain(amount)}"


def per_inhabitant(amount: Decimal) -> str:
    """'€ 879' per inhabitant, without sign (the row says what it is)."""
    return f"€ {grouped(abs(amount))}"


def unit_caption(unit: str) -> str:
    """ "Bedragen × € 1.000" or "Bedragen in euro's"."""
    if unit == MoneyUnit.THOUSANDS:
        return _("Bedragen × € 1.000")
    return _("Bedragen in euro's")
