"""Script and event-handler payloads in every editable text field run nowhere.

The Content Security Policy is bypassed here on purpose: escaping itself must
hold, the policy is a second line of defence.
"""

import pytest

from django.apps import apps
from django.db import models

from tests.browser_tests.test_accessibility import PUBLIC_PAGES

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PAYLOAD = (
    "<script>window.__xss=1</script><img src=x onerror=window.__xss=1>"
    "\"'><svg onload=window.__xss=1><a href=javascript:window.__xss=1>x</a>"
)


def fill_every_text_field():
    """Put the payload (cut to fit) into every free text field of the content."""
    changed = 0
    for app_label in ("programmes", "money", "indicators"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            fields = [
                field
                for field in model._meta.get_fields()
                if isinstance(field, models.CharField | models.TextField)
                and not isinstance(field, models.SlugField)
                and not field.choices
                and field.editable
            ]
            # A field in a unique constraint (a product's code within its
            # document) is made unique like a unique field.
            constrained = {
                name
                for constraint in model._meta.constraints
                for name in getattr(constraint, "fields", ())
            }
            for obj in model.objects.all():
                for field in fields:
                    limit = field.max_length or len(PAYLOAD)
                    value = PAYLOAD[:limit]
                    if field.unique or field.name in constrained:
                        suffix = str(obj.pk)
                        value = PAYLOAD[: limit - len(suffix)] + suffix
                    setattr(obj, field.name, value)
                if fields:
                    model.objects.filter(pk=obj.pk).update(
                        **{field.name: getattr(obj, field.name) for field in fields}
                    )
                    changed += 1
    return changed


def test_no_payload_runs_on_any_public_page(page):
    assert fill_every_text_field() > 50
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in PUBLIC_PAGES + ["/acties/2/", "/agendas/agenda-voor-twente/"]:
        response = page.goto(path)
        assert response.status < 500, path
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__xss") is None, path
        injected = page.locator('img[src="x"], svg[onload], a[href^="javascript"]')
        assert injected.count() == 0, path
    assert dialogs == []
