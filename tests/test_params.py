"""How the portal reads a number, a text or a page size from an address."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from django.core.exceptions import ValidationError
from django.urls import resolve
from django.utils import translation

from opendata.api.budget import ActionViewSet
from programmes.models import Programme
from tests.addresses import every_address
from web.params import (
    MAX_ID,
    YEAR,
    IntegerField,
    clean_text,
    declared_parameters,
    filter_by_id_or_slug,
    filter_by_number_or_slug,
    page_size,
    parse_int,
    reads_parameters,
)


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2018", 2018),
        (" 2018 ", 2018),
        ("0042", 42),
        ("²", None),
        ("2018²", None),
        ("٢٠١٨", None),
        ("1_000", None),
        ("+1", None),
        ("-1", None),
        ("1.0", None),
        ("1e3", None),
        ("", None),
        (None, None),
        (str(10**30), None),
        ("9" * 10_000, None),
    ],
)
def test_parse_int_takes_ascii_digits_within_bounds(text, number):
    assert parse_int(text) == number


def test_parse_int_keeps_to_the_bounds():
    assert parse_int("10000", **YEAR) is None
    assert parse_int("0", **YEAR) is None
    assert parse_int(str(MAX_ID)) == MAX_ID
    assert parse_int(str(MAX_ID + 1)) is None
    assert parse_int("-5", minimum=-10) == -5


@given(st.text(max_size=30))
def test_parse_int_never_raises(text):
    number = parse_int(text)
    assert number is None or 1 <= number <= MAX_ID


@pytest.mark.parametrize(
    ("text", "clean"),
    [
        ("  werk  ", "werk"),
        ("werk\x00", "werk"),
        ("we\x1brk\x85", "werk"),
        ("\ud800werk", "werk"),
        ("cafe\u0301", "café"),
        ("x" * 500, "x" * 200),
        (None, ""),
    ],
)
def test_clean_text_drops_control_characters_and_is_capped(text, clean):
    assert clean_text(text) == clean


@given(st.text())
def test_clean_text_is_fit_for_postgresql(text):
    clean = clean_text(text, max_length=50)
    assert "\x00" not in clean and len(clean) <= 50
    clean.encode("utf-8")  # no lone surrogate left


@pytest.mark.parametrize(
    ("text", "size"),
    [("10", 10), ("-1", 25), ("0", 25), ("²", 25), (None, 25), (str(10**30), 25)],
)
def test_page_size_falls_back_to_the_default(text, size):
    assert page_size(text, default=25, maximum=100) == size


def test_page_size_is_clamped():
    assert page_size("1000", default=25, maximum=100) == 100


@pytest.mark.django_db
def test_a_number_or_a_slug(seed_data):
    programmes = Programme.objects.all()
    programme = programmes.get(budget__year=2018, number=8)
    assert list(filter_by_number_or_slug(programmes, "", "8")) == [programme]
    assert list(filter_by_number_or_slug(programmes, "", programme.slug)) == [programme]
    assert filter_by_number_or_slug(programmes, "", "").count() == programmes.count()
    for nothing in ("40000", str(10**30), "-1", "²"):
        assert filter_by_number_or_slug(programmes, "", nothing).count() == 0


@pytest.mark.django_db
def test_an_id_or_a_slug(seed_data):
    programmes = Programme.objects.all()
    # The seed holds every programme of the Begroting 2018: one id or slug picks one.
    assert programmes.count() > 1
    programme = programmes.get(budget__year=2018, number=1)
    assert list(filter_by_id_or_slug(programmes, "", str(programme.pk))) == [programme]
    assert list(filter_by_id_or_slug(programmes, "", programme.slug)) == [programme]
    assert filter_by_id_or_slug(programmes, "", "").count() == programmes.count()
    for nothing in (str(10**30), "-1", "²"):
        assert filter_by_id_or_slug(programmes, "", nothing).count() == 0


def test_the_form_field_takes_ascii_digits_only():
    field = IntegerField(min_value=1, max_value=9999)
    assert field.clean("2018") == 2018
    for text in ("²", "٢٠١٨", "1_000", "2018.0", str(10**30)):
        with pytest.raises(ValidationError):
            field.clean(text)


def test_views_declare_what_they_read():
    @reads_parameters("q", ("sort", "page"))
    def view(request):
        pass

    assert declared_parameters(view) == {"q", "sort", "page"}
    assert declared_parameters(lambda request: None) == frozenset()
    api = declared_parameters(ActionViewSet.as_view({"get": "list"}))
    assert {"thema", "pagina", "per_pagina", "lang"} <= api


@pytest.mark.parametrize(("address", "names"), sorted(every_address().items()))
def test_each_view_declares_the_parameters_it_reads(address, names):
    """The page cache keeps a page only for parameters its view declares."""
    with translation.override(translation.get_language_from_path(address) or "nl"):
        match = resolve(address)
    assert declared_parameters(match.func) == set(names)
