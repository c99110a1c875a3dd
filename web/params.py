"""Query parameters: the one way pages, downloads and the API read them.

A number in an address is ASCII digits within bounds ("²" and "١٢" pass
str.isdigit() and then break int() or the database); a text has no control
characters or lone surrogates and a length cap (PostgreSQL refuses NUL); a page
size is clamped. What cannot be read is treated as absent, or refused by the
caller. Every view also says which parameters it reads (`reads_parameters`), so
that the page cache keeps entries only for those (web/caching.py).
"""

import re
import unicodedata
from collections.abc import Iterable

import django_filters
from django_tables2 import RequestConfig
from rest_framework.pagination import PageNumberPagination

from django import forms
from django.core.exceptions import TooManyFieldsSent, ValidationError
from django.core.paginator import EmptyPage
from django.db.models import QuerySet
from django.http import QueryDict

# The largest id a database key holds (bigint); beyond it nothing can match.
MAX_ID = 2**63 - 1
YEAR = {"minimum": 1, "maximum": 9999}
MAX_PAGE = 1_000_000
TEXT_LENGTH = 200
# A sign and digits only, in ASCII; at most 19 digits (MAX_ID has 19).
_INTEGER = re.compile(r"-?[0-9]{1,19}", re.ASCII)
_DIGITS = re.compile(r"-?[0-9]+", re.ASCII)
# A column to sort a table by, descending with '-'.
_COLUMN = re.compile(r"-?[A-Za-z_][A-Za-z0-9_]{0,60}", re.ASCII)
# C0, DEL and C1 control characters, and surrogates without their pair.
_UNFIT = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def query_readable(request) -> bool:
    """Whether the query string can be read: no more parameters than
    DATA_UPLOAD_MAX_NUMBER_FIELDS. When it cannot, the request's parameters become
    empty, so that what reads them again (the 400 page's language links, the API's
    ?lang=, the page cache, the log) answers instead of failing in its turn."""
    try:
        request.GET  # noqa: B018 - parsed on first access
    except TooManyFieldsSent:
        request.GET = QueryDict()
        return False
    return True


def has_control_characters(text: str) -> bool:
    return _UNFIT.search(text) is not None


def parse_int(text, *, minimum: int = 1, maximum: int = MAX_ID) -> int | None:
    """The whole number `text` spells in ASCII digits within the bounds, else None."""
    if not isinstance(text, str):
        return None
    text = text.strip(" ")
    if not _INTEGER.fullmatch(text):
        return None
    number = int(text)
    return number if minimum <= number <= maximum else None


def is_number(text: str) -> bool:
    """Spelled as a number (any size): an id rather than a slug."""
    return _DIGITS.fullmatch(text.strip(" ")) is not None


def clean_text(text, *, max_length: int = TEXT_LENGTH) -> str:
    """The text without control characters and lone surrogates, trimmed and capped."""
    if not isinstance(text, str):
        return ""
    text = unicodedata.normalize("NFC", _UNFIT.sub("", text[: max_length * 4]))
    return text.strip()[:max_length].strip()


def int_param(query, name: str, *, default=None, **bounds) -> int | None:
    """?name= as a number within `bounds` (see parse_int); `default` if absent or
    unreadable."""
    number = parse_int(query.get(name), **bounds)
    return default if number is None else number


def text_param(query, name: str, *, max_length: int = TEXT_LENGTH) -> str:
    return clean_text(query.get(name, ""), max_length=max_length)


def page_size(text, *, default: int, maximum: int) -> int:
    """A page size: `default` when unreadable or below 1, at most `maximum`."""
    number = parse_int(text, minimum=1, maximum=MAX_ID)
    return default if number is None else min(number, maximum)


def filter_by_number_or_slug(queryset: QuerySet, prefix: str, value) -> QuerySet:
    """`value` is a number as the documents print it (programme 8: the programme
    numbered 8 in every budget, which ?begrotingsjaar= narrows) or a slug; never
    a database id, which no visitor sees. `prefix` the path to the object
    ('theme__programme'), empty when the queryset holds the objects themselves."""
    value = clean_text(value)
    if not value:
        return queryset
    path = f"{prefix}__" if prefix else ""
    if is_number(value):
        # The numbers of the documents are small (a PositiveSmallIntegerField).
        number = parse_int(value, minimum=0, maximum=32767)
        if number is None:
            return queryset.none()
        return queryset.filter(**{f"{path}number": number})
    return queryset.filter(**{f"{path}slug": value})


def filter_by_id_or_slug(queryset: QuerySet, prefix: str, value) -> QuerySet:
    """`value` is an id (1) or a slug; `prefix` the path to the object
    ('theme__programme'), empty when the queryset holds the objects themselves."""
    value = clean_text(value)
    if not value:
        return queryset
    if is_number(value):
        number = parse_int(value, minimum=0)
        if number is None:  # beyond any key, or negative
            return queryset.none()
        return queryset.filter(**{prefix or "pk": number})
    return queryset.filter(**{f"{prefix}__slug" if prefix else "slug": value})


# --- Which parameters a view reads ---------------------------------------------

# django-tables2's parameters, on every page with a table.
TABLE_PARAMETERS = ("sort", "page", "per_page")
# The API's on every endpoint: ?lang= for its messages, ?format=json.
API_PARAMETERS = ("lang", "format")


def reads_parameters(*groups: str | Iterable[str]):
    """Declare the query parameters a view reads: names, or groups of names.

    The page cache keeps a page only when its address carries no others.
    """
    names = frozenset(
        name
        for group in groups
        for name in ((group,) if isinstance(group, str) else group)
    )

    def declare(view):
        view.query_parameters = names
        return view

    return declare


def declared_parameters(view) -> frozenset[str]:
    """The parameters a resolved view reads: its declaration, or for a DRF view
    its filters, its pagination and API_PARAMETERS. Nothing declared: none."""
    names = getattr(view, "query_parameters", None)
    if names is not None:
        return names
    api_view = getattr(view, "cls", None)
    if api_view is None:
        return frozenset()
    names = set(API_PARAMETERS)
    filterset = getattr(api_view, "filterset_class", None)
    if filterset is not None:
        names.update(filterset.base_filters)
    paginator = getattr(api_view, "pagination_class", None)
    # A viewset's detail address reads its filters (DRF applies them to find the
    # object), but no page.
    actions = getattr(view, "actions", None) or {}
    if paginator is not None and (not actions or "list" in actions.values()):
        names.update(
            name
            for name in (paginator.page_query_param, paginator.page_size_query_param)
            if name
        )
    return frozenset(names)


# --- The same rules in the libraries that read parameters themselves -----------


class IntegerField(forms.IntegerField):
    """A form field that takes ASCII digits only (int() also takes '١٢', '1_000')."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if not isinstance(value, int):
            text = str(value).strip(" ")
            if not _INTEGER.fullmatch(text):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            value = int(text)
        return value


class IntegerFilter(django_filters.NumberFilter):
    """A django-filter number filter on IntegerField; bounds as min_value/max_value."""

    field_class = IntegerField

    def __init__(self, *args, min_value=0, max_value=MAX_ID, **kwargs):
        super().__init__(*args, min_value=min_value, max_value=max_value, **kwargs)


class TableConfig(RequestConfig):
    """django-tables2's RequestConfig, reading ?sort=, ?page= and ?per_page= by the
    rules above: an unreadable page is the first, a page past the end the last,
    and a page size is clamped (tables2 itself fails on ?per_page=-1). Without
    `per_page` the table is not paginated."""

    def __init__(self, request, *, per_page: int | None, max_per_page: int = 100):
        super().__init__(request, paginate=bool(per_page))
        self.per_page = per_page
        self.max_per_page = max_per_page

    def configure(self, table):
        query = self.request.GET
        table.request = self.request
        order_by = [
            name
            for name in query.getlist(table.prefixed_order_by_field)
            if _COLUMN.fullmatch(name)
        ]
        if order_by:
            # tables2 leaves out names that are no column of the table.
            table.order_by = order_by
        if not self.per_page:
            return table
        per_page = page_size(
            query.get(table.prefixed_per_page_field),
            default=self.per_page,
            maximum=self.max_per_page,
        )
        page = int_param(query, table.prefixed_page_field, default=1, maximum=MAX_PAGE)
        try:
            table.paginate(per_page=per_page, page=page)
        except EmptyPage:
            table.page = table.paginator.page(table.paginator.num_pages)
        return table


class Pagination(PageNumberPagination):
    """DRF's page-number pagination with the page and its size read as above."""

    def get_page_size(self, request):
        return page_size(
            request.query_params.get(self.page_size_query_param),
            default=self.page_size,
            maximum=self.max_page_size or MAX_PAGE,
        )

    def get_page_number(self, request, paginator):
        text = request.query_params.get(self.page_query_param)
        if text in self.last_page_strings:
            return paginator.num_pages
        # An unreadable page number is not a page: DRF answers 404 "Ongeldige pagina".
        number = parse_int(text, maximum=MAX_PAGE) if text else 1
        return number or 0
