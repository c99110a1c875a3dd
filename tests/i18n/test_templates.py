"""No template shows a visitor text that is not marked for translation."""

import re
from pathlib import Path

import pytest

from django.conf import settings

from tests.i18n.template_text import unmarked_text

BASE = Path(settings.BASE_DIR)
APPS = ("programmes", "money", "indicators", "opendata")
PUBLIC_TEMPLATES = sorted(
    [
        *BASE.glob("templates/*.html"),
        *BASE.glob("templates/pages/*.html"),
        *BASE.glob("templates/tables/*.html"),
        *(p for app in APPS for p in BASE.glob(f"{app}/templates/{app}/*.html")),
    ]
)
# The admin's overrides: in English at /en/admin/ like the rest of the admin.
ADMIN_TEMPLATES = sorted(
    [
        *BASE.glob("templates/admin/*.html"),
        *BASE.glob("templates/simple_history/*.html"),
        *(p for app in APPS for p in BASE.glob(f"{app}/templates/admin/**/*.html")),
    ]
)
# Text that reads the same in every language: a phone number, file names.
SAME_IN_EVERY_LANGUAGE = {"14 074"}
FILE_NAME = re.compile(r"^[\w.-]+\.(csv|xlsx|json|txt)$")


def test_the_public_templates_are_found():
    assert len(PUBLIC_TEMPLATES) > 30
    assert len(ADMIN_TEMPLATES) >= 8


@pytest.mark.parametrize(
    "template",
    PUBLIC_TEMPLATES + ADMIN_TEMPLATES,
    ids=lambda path: str(path.relative_to(BASE)),
)
def test_every_visible_text_is_marked_for_translation(template):
    found = unmarked_text(template.read_text(encoding="utf-8"))
    assert [
        text
        for text in found
        if text not in SAME_IN_EVERY_LANGUAGE and not FILE_NAME.match(text)
    ] == []


def test_the_scanner_finds_unmarked_text_and_attributes():
    source = (
        '{% load i18n %}<p class="x">Niet vertaald</p>'
        '<nav aria-label="Menu">{% translate "Wel vertaald" %}</nav>'
        "<code>jaar</code>{# commentaar #}{{ value }}"
    )
    assert unmarked_text(source) == ["Niet vertaald", 'aria-label="Menu"']
