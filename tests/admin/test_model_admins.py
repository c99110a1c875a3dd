"""Smoke tests: every ModelAdmin opens its changelist, search, add and change page,
as a Redacteur and as a Beheerder."""

import pytest

from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils.functional import Promise

from opendata.models import ImportRun
from tests.admin.helpers import first_record

pytestmark = pytest.mark.usefixtures("seed_data")

MODEL_ADMINS = [
    model
    for model in admin.site._registry
    if model._meta.app_label in {"programmes", "money", "indicators"}
]
ROLE_CLIENTS = ["editor_client", "administrator_client", "admin_client"]


def admin_url(model, view, *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


@pytest.mark.parametrize("client_fixture", ROLE_CLIENTS)
@pytest.mark.parametrize("model", MODEL_ADMINS, ids=lambda m: m._meta.label)
def test_model_admin_pages_open(request, client_fixture, model):
    client = request.getfixturevalue(client_fixture)
    user = client.get("/admin/").wsgi_request.user
    opts = model._meta
    assert client.get(admin_url(model, "changelist")).status_code == 200
    assert client.get(admin_url(model, "changelist"), {"q": "a"}).status_code == 200
    request_ = client.get("/admin/").wsgi_request
    may_add = admin.site._registry[model].has_add_permission(request_)
    assert client.get(admin_url(model, "add")).status_code == (200 if may_add else 403)
    if model is ImportRun and not ImportRun.objects.exists():
        # The seed has no imports; an import log entry as an import writes it.
        ImportRun.objects.create(
            user=user, file_name="indicatoren.csv", file_size=10, summary="niets"
        )
    obj = first_record(model)
    assert obj is not None, f"the seed has no {opts.verbose_name}"
    assert client.get(admin_url(model, "change", obj.pk)).status_code == 200
    assert client.get(admin_url(model, "history", obj.pk)).status_code == 200


def test_every_domain_model_is_registered():
    for app_label in ("programmes", "money", "indicators"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            assert model in admin.site._registry, model


def test_every_field_speaks_dutch_to_a_new_civil_servant():
    for app_label in ("programmes", "money", "indicators"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            for field in model._meta.get_fields():
                if field.auto_created or not field.concrete:
                    continue
                # Set by hand, wrapped in gettext_lazy; Django's default is a str.
                assert isinstance(field.verbose_name, Promise), field
                assert field.help_text or field.name in {"created_at", "updated_at"}, (
                    field
                )


def test_action_list_has_the_columns_filters_and_inline_edits_of_the_work(
    editor_client,
):
    html = editor_client.get(reverse("admin:programmes_action_changelist")).content
    html = html.decode()
    for column in ("korte titel", "onderdeel", "soort", "status", "jaar"):
        assert f">{column.capitalize()}<" in html or column in html.lower()
    assert 'name="form-0-status"' in html and 'name="form-0-order"' in html
    assert 'name="form-0-version"' in html
    assert "Filter" in html


def test_action_lines_and_places_are_picked_with_autocomplete(editor_client):
    from programmes.models import Action

    action = Action.objects.first()
    html = editor_client.get(admin_url(Action, "change", action.pk)).content.decode()
    assert "data-autocomplete-light-url" in html or "admin-autocomplete" in html
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "programmes",
            "model_name": "action",
            "field_name": "action_lines",
            "term": "MKB",
        },
    )
    assert response.status_code == 200
    assert "MKB" in response.json()["results"][0]["text"]


def test_indicator_change_page_shows_values_per_budget_as_a_table(editor_client):
    from indicators.models import Indicator

    indicator = Indicator.objects.get(
        slug="uitstroom-naar-werk-incl-zelfstandig-ondernemerschap"
    )
    html = editor_client.get(admin_url(Indicator, "change", indicator.pk)).content
    html = html.decode()
    assert "Waarden per begroting en jaar" in html
    assert 'name="values-0-value"' in html and 'name="values-1-value"' in html


def test_view_on_site_links_to_the_public_page_or_to_the_preview_of_a_draft(
    editor_client,
):
    from content.models import PublicationStatus
    from programmes.models import Action

    action = Action.objects.first()
    html = editor_client.get(admin_url(Action, "change", action.pk)).content.decode()
    assert f'href="{action.get_absolute_url()}" class="viewsitelink"' in html
    model_admin = admin.site._registry[Action]
    assert model_admin.view_on_site(action) == action.get_absolute_url()
    action.publication_status = PublicationStatus.DRAFT
    action.save()
    assert model_admin.view_on_site(action) == f"/voorvertoning/acties/{action.pk}/"
    # A published action of a draft programme is not public either.
    action.publication_status = PublicationStatus.PUBLISHED
    action.save()
    programme = action.theme.programme
    programme.publication_status = PublicationStatus.DRAFT
    programme.save()
    assert model_admin.view_on_site(action) == f"/voorvertoning/acties/{action.pk}/"
