"""Every datetime attribute is a valid HTML date and time: whole seconds, local time,
written by one template tag."""

import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from indicators.models import Indicator
from programmes.models import Action, Programme
from web.templatetags.time_tags import html_datetime

# As an edit through the admin stores it: with microseconds.
EDITED = datetime(2026, 12, 1, 6, 54, 1, 246192, tzinfo=UTC)
# The HTML standard's global date and time string with at most three decimals.
VALID = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?([+-]\d\d:\d\d|Z)$")


def test_whole_seconds_in_the_portals_time_zone():
    assert html_datetime(EDITED) == "2026-12-01T07:54:01+01:00"
    assert VALID.match(html_datetime(EDITED))


def test_summer_time_and_plain_dates():
    assert html_datetime(datetime(2026, 7, 1, 10, 0, 0, 5, tzinfo=UTC)) == (
        "2026-07-01T12:00:00+02:00"
    )
    assert html_datetime(date(2026, 7, 1)) == "2026-07-01"
    assert html_datetime(None) == ""


@pytest.mark.parametrize(
    "language, text", [("nl", "1 december 2026"), ("en", "1 December 2026")]
)
def test_the_tag_writes_the_element_in_the_page_language(language, text):
    template = Template("{% load time_tags %}{% time value %}")
    with translation.override(language):
        rendered = template.render(Context({"value": EDITED}))
    assert rendered == f'<time datetime="2026-12-01T07:54:01+01:00">{text}</time>'


def markup_sources():
    """Every template, and the Python code that could write markup (template tags)."""
    base = Path(settings.BASE_DIR)
    apps = [
        base / app
        for app in (
            "programmes",
            "money",
            "indicators",
            "web",
            "accounts",
            "admin_site",
        )
    ]
    templates = [base / "templates", *(app / "templates" for app in apps)]
    return [
        *(file for root in templates if root.exists() for file in root.rglob("*.html")),
        *(file for app in apps for file in app.rglob("*.py")),
    ]


def test_nothing_else_writes_a_datetime_attribute():
    files = markup_sources()
    assert len(files) > 50
    by_hand = [
        str(file)
        for file in files
        if "datetime=" in file.read_text(encoding="utf-8")
        and file.name != "time_tags.py"
    ]
    assert by_hand == []


@pytest.mark.usefixtures("seed_data")
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_pages_edited_with_microseconds_carry_valid_datetimes(client, prefix):
    for model in (Action, Programme, Indicator):
        model.objects.update(updated_at=EDITED)
    action = Action.objects.get(pk=1)
    pages = [
        action.get_absolute_url(),
        Programme.objects.get(number=1).get_absolute_url(),
        Indicator.objects.public().first().get_absolute_url(),
    ]
    for path in pages:
        body = client.get(prefix + path).content.decode()
        values = re.findall(r'datetime="([^"]*)"', body)
        assert values == ["2026-12-01T07:54:01+01:00"], path
