"""Editors find each English field in the admin right beside its Dutch original."""

import pytest

from django.urls import reverse

from indicators.models import Indicator
from programmes.models import Action, GlossaryTerm, Programme, Theme

pytestmark = pytest.mark.usefixtures("seed_data")


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (Programme, ["title_en", "intro_en", "indicators_note_en"]),
        (Theme, ["title_en", "paragraphs-0-text_en"]),
        (Action, ["title_en", "text_en"]),
        (Indicator, ["name_en", "unit_en", "description_en"]),
        (GlossaryTerm, ["meaning_en", "description_en"]),
    ],
)
def test_change_form_has_the_english_fields(admin_client, model, fields):
    obj = model.objects.first()
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    body = admin_client.get(url).content.decode()
    for field in fields:
        assert f'name="{field}"' in body
