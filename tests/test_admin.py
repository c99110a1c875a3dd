"""Smoke tests: every ModelAdmin opens its changelist, search, add and change."""

import pytest

from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.usefixtures("seed_data")

# Import runs are a log the seed does not have; tests/opendata covers their admin.
NOT_IN_SEED = {"indicators.ImportRun"}

MODEL_ADMINS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in {"programmes", "indicators"}
    and model._meta.label not in NOT_IN_SEED
]


@pytest.mark.parametrize("model", MODEL_ADMINS, ids=lambda m: m._meta.label)
def test_model_admin_pages_open(admin_client, model):
    opts = model._meta
    base = f"admin:{opts.app_label}_{opts.model_name}"
    assert admin_client.get(reverse(f"{base}_changelist")).status_code == 200
    assert (
        admin_client.get(reverse(f"{base}_changelist"), {"q": "a"}).status_code == 200
    )
    assert admin_client.get(reverse(f"{base}_add")).status_code == 200
    obj = model.objects.first()
    assert obj is not None, f"the seed has no {opts.verbose_name}"
    assert admin_client.get(reverse(f"{base}_change", args=[obj.pk])).status_code == 200


def test_every_domain_model_is_registered():
    from django.apps import apps

    for app_label in ("programmes", "indicators"):
        for model in apps.get_app_config(app_label).get_models():
            assert model in admin.site._registry, model
