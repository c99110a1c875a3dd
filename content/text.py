"""Text as the portal takes it in and gives it out: without the characters that a
spreadsheet (XML 1.0) or the database cannot hold, and within the length that
every text field, the import and the search index agree on.

The same text is cleaned where it enters (admin forms, the import's cells, the
council's forms) and again where it leaves (every XLSX, CSV, JSON and page), so
that no stored value, however it got in, can break a download.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

# The longest text a field without a length of its own (a TextField) holds, in
# characters: what one cell of Excel holds, so that every text goes out in a
# download and comes back in by the import. PostgreSQL's search vector of an
# action (title and text) then stays far under its 1 MB: even the worst text (a
# different one-letter word of four bytes at every other character) gives about
# 0.2 MB (tests/content/test_text.py). A budget's longest text is a few thousand.
TEXT_MAX_LENGTH = 32_767

# C0 control characters but tab, line feed and carriage return; lone surrogates;
# U+FFFE and U+FFFF: XML 1.0 cannot hold them (openpyxl refuses them in a cell),
# UTF-8 cannot encode a lone surrogate and PostgreSQL refuses NUL.
_UNFIT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same but NUL, which a form refuses with a message (nul_message) instead.
_UNFIT_BUT_NUL = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Word's line break (Shift+Enter) and page break, pasted as \x0b and \x0c.
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n"})


def fit_text(text: str, *, keep_nul: bool = False) -> str:
    """`text` with what a spreadsheet cannot hold taken out; Word's line and page
    breaks become line breaks. Tab, line feed and carriage return stay. With
    `keep_nul`, NUL stays too, for a form to refuse it (text_entered)."""
    unfit = _UNFIT_BUT_NUL if keep_nul else _UNFIT
    if not unfit.search(text):
        return text
    return unfit.sub("", text.translate(_BREAKS))


def fit_value(value, *, keep_nul: bool = False):
    """fit_text() for a text, any other value as it is."""
    return fit_text(value, keep_nul=keep_nul) if isinstance(value, str) else value


def nul_message(label) -> str:
    return _(
        "%(field)s bevat een teken dat niet bewaard kan worden (een nulteken, "
        "NUL). Plak de tekst als platte tekst of typ hem opnieuw."
    ) % {"field": label}


def text_entered(text: str, *, label) -> str:
    """A text as a user typed it, fitted; ValidationError for a NUL (PostgreSQL
    cannot store it, and cutting it out would change what the user wrote)."""
    if "\x00" in text:
        raise ValidationError(nul_message(label), code="null_characters_not_allowed")
    return fit_text(text)


def too_long_message(label, *, length: int, limit: int) -> str:
    return _(
        "%(field)s is te lang: %(length)s tekens, terwijl hoogstens %(limit)s kan."
    ) % {
        "field": label,
        "length": f"{length:,}".replace(",", "."),
        "limit": f"{limit:,}".replace(",", "."),
    }


class TextLimitValidator:
    """A text field's length limit, with a message naming the field."""

    def __init__(self, label, limit: int = TEXT_MAX_LENGTH):
        self.label = label
        self.limit = limit

    def __call__(self, value):
        if isinstance(value, str) and len(value) > self.limit:
            raise ValidationError(
                too_long_message(self.label, length=len(value), limit=self.limit),
                code="max_length",
            )


def _fit_data(data):
    """The posted data with every text fitted but NUL; the same object when all
    fit."""
    if not hasattr(data, "lists"):  # a plain dict
        if not any(
            isinstance(v, str) and _UNFIT_BUT_NUL.search(v) for v in data.values()
        ):
            return data
        return {key: fit_value(value, keep_nul=True) for key, value in data.items()}
    if not any(
        isinstance(v, str) and _UNFIT_BUT_NUL.search(v)
        for _key, values in data.lists()
        for v in values
    ):
        return data
    fitted = data.copy()
    fitted.clear()
    for key, values in data.lists():
        fitted.setlist(key, [fit_value(v, keep_nul=True) for v in values])
    return fitted


class FitTextForm:
    """A form mixin: what is posted is fitted (fit_text) before any field reads
    it, a NUL is refused with a message naming the field, and a text field
    without a length of its own gets TEXT_MAX_LENGTH."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.is_bound:
            self.data = _fit_data(self.data)
        for name, field in self.fields.items():
            if not isinstance(field, forms.CharField):
                continue
            label = field.label or name
            field.validators = [
                ProhibitNullCharactersValidator(message=nul_message(label))
                if isinstance(validator, ProhibitNullCharactersValidator)
                else validator
                for validator in field.validators
            ]
            if field.max_length is None:
                field.max_length = TEXT_MAX_LENGTH
                # No maxlength in the page: a browser would cut a pasted text
                # short without a word; the message says what is too long.
                field.validators.append(TextLimitValidator(label, TEXT_MAX_LENGTH))


def fit_data(data):
    """fit_text() for every text in a structure of dicts and lists (the API's
    data), the rest as it is."""
    if isinstance(data, str):
        return fit_text(data)
    if isinstance(data, dict):
        return {key: fit_data(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [fit_data(value) for value in data]
    return data


# The same in UTF-8, where these bytes never occur inside another character.
_UNFIT_BYTES = re.compile(b"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BREAK_BYTES = re.compile(b"[\x0b\x0c]")


def fit_utf8(content: bytes) -> bytes:
    """fit_text() for a page already rendered in UTF-8."""
    if not _UNFIT_BYTES.search(content):
        return content
    return _UNFIT_BYTES.sub(b"", _BREAK_BYTES.sub(b"\n", content))
