"""A glossary loaded before the English fields existed gets the English meanings."""

import importlib

import pytest

from django.apps import apps

from programmes.models import GlossaryTerm

migration = importlib.import_module("programmes.migrations.0006_glossary_in_english")


@pytest.mark.django_db
def test_fills_english_where_missing_and_keeps_an_editors_own():
    GlossaryTerm.objects.create(
        term="UWV", slug="uwv", meaning="Uitvoeringsinstituut Werknemersverzekeringen"
    )
    GlossaryTerm.objects.create(
        term="MKB", slug="mkb", meaning="midden- en kleinbedrijf", meaning_en="SMEs"
    )
    migration.english_from_fixture(apps, None)
    assert GlossaryTerm.objects.get(term="UWV").meaning_en.startswith(
        "Employee Insurance Agency"
    )
    assert GlossaryTerm.objects.get(term="MKB").meaning_en == "SMEs"
