"""Editors find each English field in the admin right beside its Dutch original."""

import pytest

from django.urls import reverse

from indicators.models import Indicator, IndicatorValue
from programmes.models import (
    Action,
    ActionLine,
    Agenda,
    Budget,
    GlossaryTerm,
    KeyFigure,
    Programme,
    Reference,
    Theme,
)

pytestmark = pytest.mark.usefixtures("seed_data")


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (
            Programme,
            ["title_en", "intro_en", "indicators_note_en", "key_figures-0-label_en"],
        ),
        (Theme, ["title_en", "paragraphs-0-text_en"]),
        (Action, ["title_en", "text_en", "references-0-description_en"]),
        (Indicator, ["name_en", "unit_en", "description_en", "source_en"]),
        (IndicatorValue, ["note_en"]),
        (GlossaryTerm, ["meaning_en", "description_en"]),
        (Budget, ["title_en", "description_en"]),
        (Agenda, ["name_en", "description_en", "lines-0-title_en"]),
        (ActionLine, ["title_en"]),
        (KeyFigure, ["label_en"]),
        (Reference, ["description_en"]),
    ],
)
def test_change_form_has_the_english_fields(admin_client, model, fields):
    obj = model.objects.first()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    body = admin_client.get(url).content.decode()
    for field in fields:
        assert f'name="{field}"' in body


@pytest.mark.parametrize(
    ("model", "dutch", "english"),
    [
        (Budget, "title", "title_en"),
        (Agenda, "name", "name_en"),
        (ActionLine, "title", "title_en"),
        (KeyFigure, "label", "label_en"),
        (Reference, "description", "description_en"),
        (Indicator, "source", "source_en"),
        (IndicatorValue, "note", "note_en"),
    ],
)
def test_the_english_field_sits_on_the_same_line_as_the_dutch(
    admin_client, model, dutch, english
):
    """Django's admin puts a tuple of fields in one div.form-row."""
    obj = model.objects.first()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    body = admin_client.get(url).content.decode()
    assert f"field-{dutch} field-{english}" in body
