"""The <time> element: every datetime attribute the portal writes comes from here."""

from datetime import datetime

from django import template
from django.utils import formats, timezone
from django.utils.html import format_html

register = template.Library()


def _local(value):
    if isinstance(value, datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


@register.filter
def html_datetime(value) -> str:
    """A valid HTML date and time string: ISO 8601 in the portal's time zone, at
    whole seconds. A save through the admin stores microseconds, and HTML allows
    at most three decimals (the Nu HTML Checker rejects six); a page says no more
    than the day anyway."""
    if not value:
        return ""
    value = _local(value)
    if isinstance(value, datetime):
        value = value.replace(microsecond=0)
    return value.isoformat()


@register.simple_tag(name="time")
def time_element(value, format="j F Y"):
    """`{% time action.updated_at %}`: <time datetime="…">1 december 2026</time>,
    the day in the page's language."""
    if not value:
        return ""
    return format_html(
        '<time datetime="{}">{}</time>',
        html_datetime(value),
        formats.date_format(_local(value), format),
    )
