"""Single cells of a spreadsheet: formula neutralisation, Dutch numbers, years and
choices, read and written the same way by every export and import."""

import functools
import re
from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.utils import translation

from .text import fit_text

# Cells starting with = + - @ tab or CR run as a formula in Excel and LibreOffice
# (OWASP's list of CSV injection triggers).
_NEEDS_QUOTE = re.compile(r"^'*[=+\-@\t\r]")
_QUOTED = re.compile(r"^'+[=+\-@\t\r]")


def formula_neutralise(text: str) -> str:
    """Put an apostrophe before text that a spreadsheet would run as a formula.

    Text that already starts with apostrophes before a trigger gets one more, so
    that formula_restore() can always undo exactly what was added.
    """
    return f"'{text}" if _NEEDS_QUOTE.match(text) else text


def formula_restore(text: str) -> str:
    """Undo formula_neutralise(): the import reads back what the export wrote."""
    return text[1:] if _QUOTED.match(text) else text


def plain_number(number: Decimal) -> str:
    """6500.00 -> '6500', 17.30 -> '17.3': no zeros that storage added."""
    if number == number.to_integral_value():
        return str(number.quantize(Decimal(1)))
    return format(number.normalize(), "f")


def dutch_number(number: Decimal) -> str:
    """100000 -> '100.000', 7.50 -> '7,5': how the budget text writes numbers."""
    whole, _dot, fraction = plain_number(number).partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}".replace(",", ".")
    return f"{sign}{grouped},{fraction}" if fraction else f"{sign}{grouped}"


_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+(,\d+)?$")
_GROUPED_COMMAS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")
_PLAIN = re.compile(r"^\d+([.,]\d+)?$")


def cell_text(value) -> str:
    """A cell as text: stripped, neutralisation undone, Excel's 2018.0 as '2018',
    without what a spreadsheet cannot hold (content.text.fit_text)."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN: pandas' empty cell
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, bool):
        return "ja" if value else "nee"
    text = fit_text(str(value)).replace("\r\n", "\n").replace("\r", "\n")
    text = formula_restore(text)
    return text.strip()


def parse_number(value) -> Decimal | None:
    """A number as a Dutch or English reader writes it: 6.500, 17,3, 17,3%, 6500.

    Empty, '-' and 'geen waarde' are no value (None), never 0. Raises ValueError
    when the text is not a number.
    """
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if value != value:
            return None
        return Decimal(repr(value))
    text = cell_text(value).replace("\u00a0", "").replace(" ", "")
    if text in ("", "-", "–") or text.lower() in ("geenwaarde", "n.v.t."):
        return None
    text = text.removesuffix("%").removeprefix("€")
    negative = text.startswith("-")
    digits = text.removeprefix("-")
    if _GROUPED_DOTS.match(digits):  # Dutch: 6.500 or 1.234,5
        digits = digits.replace(".", "").replace(",", ".")
    elif _GROUPED_COMMAS.match(digits) and "." in digits:  # English: 6,500.5
        digits = digits.replace(",", "")
    elif _PLAIN.match(digits):  # 17,3 or 17.3 or 6500
        digits = digits.replace(",", ".")
    else:
        raise ValueError(text)
    try:
        number = Decimal(digits)
    except InvalidOperation as error:
        raise ValueError(text) from error
    return -number if negative else number


def parse_year(value) -> int | None:
    """A year such as 2019; Excel may hand it over as 2019.0. Raises ValueError."""
    text = cell_text(value)
    if not text:
        return None
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(text)
    return int(text)


def parse_whole_number(value) -> int | None:
    text = cell_text(value)
    if not text:
        return None
    if not re.fullmatch(r"\d+", text):
        raise ValueError(text)
    return int(text)


# Data files speak one language whatever page they come from: a download from an
# English page must import unchanged (the labels in other languages belong on
# the Open data page).
FILE_LANGUAGE = "nl"


def choice_text(choices, code: str) -> str:
    """How a data file writes a choice: its Dutch label ('Begroot')."""
    with translation.override(FILE_LANGUAGE):
        return str(choices(code).label)


def choice_from_text(choices, value) -> str | None:
    """The stored value of a TextChoices member named by its code or its label.

    The Dutch label is what files hold; the label of any other interface language
    is read too, for files written by a portal before FILE_LANGUAGE.
    """
    return _choice_words(choices).get(cell_text(value).lower())


@functools.cache
def _choice_words(choices) -> dict[str, str]:
    """Every word a file may use for a choice (code, label in any language)."""
    words = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            for code, label in choices.choices:
                words.setdefault(str(label).lower(), code)
    words.update({code.lower(): code for code in choices.values})
    words.pop("", None)
    return words


def choice_labels(choices) -> str:
    """The words a file may use for a choice, for a message: the file's own."""
    return ", ".join(choice_text(choices, code) for code in choices.values)


def cell_lines(value) -> list[str]:
    """A cell with one item per line (Alt+Enter in Excel), without empty lines."""
    return [line.strip() for line in cell_text(value).split("\n") if line.strip()]


def year_text(year) -> str:
    """A year as a reader writes it: 2018, never "2.018" or "2,018" (a page's
    thousands separator is for amounts). Every year a page or chart prints as a
    number goes through here (templates: the `year` filter of time_tags)."""
    if year is None or year == "":
        return ""
    return str(int(year))
