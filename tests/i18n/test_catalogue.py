"""The English catalogue: every interface string translated, nothing fuzzy, and
the Dutch source strings left exactly as they are on Dutch pages."""

import contextlib
import shutil
from pathlib import Path

import pytest

from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.i18n.po import read_po

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
NOT_SOURCE = (".venv", "node_modules", ".git", "staticfiles", "tests", "locale")


def untranslated(entries):
    return [e.msgid for e in entries if not e.msgstr or not all(e.msgstr.values())]


def test_every_message_has_an_english_translation():
    entries = read_po(PO)
    assert entries, "the English catalogue is empty"
    assert untranslated(entries) == []
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="needs gettext's xgettext")
def test_the_catalogue_holds_every_string_marked_in_code_and_templates(
    tmp_path, settings
):
    """makemessages on a copy of the sources: a string marked for translation but
    missing from the .po comes out untranslated."""
    source = tmp_path / "source"
    shutil.copytree(
        settings.BASE_DIR,
        source,
        ignore=shutil.ignore_patterns(*NOT_SOURCE, "*.sqlite3", "__pycache__"),
    )
    (source / "locale" / "en" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(PO, source / "locale" / "en" / "LC_MESSAGES" / "django.po")
    settings.LOCALE_PATHS = [source / "locale"]
    with contextlib.chdir(source):
        call_command("makemessages", locale=["en"], no_location=True, verbosity=0)
    entries = read_po(source / "locale" / "en" / "LC_MESSAGES" / "django.po")
    assert untranslated(entries) == [], "run `make messages` and translate these"
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []


def test_dutch_pages_show_the_source_strings_unchanged():
    """Django's own Dutch catalogue must not 'translate' a Dutch source string
    (it would turn "Home" into "Voorpagina"); give such a msgid a context."""
    changed = {}
    with translation.override("nl"):
        for entry in read_po(PO):
            if entry.msgid_plural:
                continue
            dutch = (
                translation.pgettext(entry.msgctxt, entry.msgid)
                if entry.msgctxt
                else translation.gettext(entry.msgid)
            )
            if dutch != entry.msgid:
                changed[entry.msgid] = dutch
    assert changed == {}


def test_the_catalogue_is_compiled():
    """`make` compiles it; without the .mo every English page would be Dutch."""
    with translation.override("en"):
        assert translation.gettext("Zoek in de begroting") == "Search the budget"
