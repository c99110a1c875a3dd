"""The admin in English at /en/admin/, Dutch at /admin/ as before: our models'
names, labels, help texts and messages in English, a switch on every admin page,
login, lock-out and two-factor login at both addresses, and never cached."""

import re

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from programmes.models import Action
from tests.admin.helpers import form_data
from tests.html import page_text
from web.middleware import PublicPageCacheMiddleware

pytestmark = pytest.mark.usefixtures("seed_data")

ADMIN = f"/{settings.ADMIN_URL}"
ENGLISH_ADMIN = f"/en/{settings.ADMIN_URL}"
PASSWORD = "een-lang-en-sterk-wachtwoord"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switch_link(response, code: str) -> str:
    match = re.search(
        rf'<a href="([^"]*)"\s+hreflang="{code}"\s+lang="{code}">',
        response.content.decode(),
    )
    assert match, f"no switch to {code}"
    return match.group(1).replace("&amp;", "&")


def test_the_admin_stays_dutch_by_default(admin_client):
    response = admin_client.get(ADMIN, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert html_lang(response) == "nl"
    text = page_text(response)
    assert "Overzicht voor redacteuren" in text
    assert "Begrotingen" in text and "Bedragen en kengetallen" in text
    assert switch_link(response, "en") == ENGLISH_ADMIN
    with translation.override("nl"):
        assert reverse("admin:index") == ADMIN


def test_the_admin_in_english(admin_client):
    response = admin_client.get(ENGLISH_ADMIN)
    assert response.status_code == 200
    assert html_lang(response) == "en"
    text = page_text(response)
    for phrase in (
        "Budget Hengelo: administration",
        "Overview for editors",
        "Recently changed",
        "Actions without a status update this year",
        "Budget and programmes",
        "Budgets",
        "Programmes",
        "Action lines",
        "Amounts and key figures",
        "Policy indicators",
        "Glossary",
    ):
        assert phrase in text, phrase
    assert "Overzicht voor redacteuren" not in text
    assert switch_link(response, "nl") == ADMIN


def test_links_inside_the_english_admin_stay_english(admin_client):
    body = admin_client.get(ENGLISH_ADMIN).content.decode()
    assert f'href="{ENGLISH_ADMIN}programmes/action/"' in body
    assert f'href="{ADMIN}programmes/action/"' not in body
    # "View site" opens the public site in the same language.
    assert re.search(r'<a href="/en/">View site</a>', body)


def test_change_form_labels_help_texts_and_history_in_english(admin_client):
    url = f"{ENGLISH_ADMIN}programmes/action/1/change/"
    response = admin_client.get(url)
    assert html_lang(response) == "en"
    text = page_text(response)
    assert "Short title (English):" in text
    assert "A short title for overviews and tables." in text
    assert "Optional. Leave empty: the English page shows the Dutch text" in text
    assert "Publication status" in text
    assert switch_link(response, "nl") == f"{ADMIN}programmes/action/1/change/"

    history = page_text(
        admin_client.get(f"{ENGLISH_ADMIN}programmes/action/1/history/")
    )
    assert "Choose an earlier version below" in history
    assert "Date and time" in history


def test_every_model_name_label_and_help_text_has_english():
    """Each of our verbose names and help texts reads differently in English,
    except words that are the same in both languages."""
    same_in_both = {"status", "agenda", "pilot", "term", "euro", "import"}
    untranslated = []
    for app_label in ("programmes", "money", "indicators"):
        for model in apps.get_app_config(app_label).get_models():
            if model.__name__.startswith("Historical"):
                continue  # django-simple-history's own tables
            opts = model._meta
            texts = [opts.verbose_name, opts.verbose_name_plural]
            for field in opts.get_fields():
                if field.concrete and not field.auto_created:
                    texts += [field.verbose_name, field.help_text]
            for text in texts:
                if not text:
                    continue
                with translation.override("nl"):
                    dutch = str(text)
                with translation.override("en"):
                    english = str(text)
                if dutch == english and dutch.lower() not in same_in_both:
                    untranslated.append(f"{opts.label}: {dutch}")
    assert untranslated == []


def test_messages_in_english(admin_client):
    url = f"{ENGLISH_ADMIN}programmes/action/1/change/"
    first = form_data(admin_client.get(url).content.decode())
    second = dict(first)
    first["title_en"] = "Cooperation in Twente"
    assert admin_client.post(url, first).status_code == 302
    second["title_en"] = "Working together in Twente"
    text = page_text(admin_client.post(url, second))
    assert "Not saved:" in text
    assert "Short title (English):" in text
    assert Action.objects.get(pk=1).title_en == "Cooperation in Twente"

    changelist = f"{ENGLISH_ADMIN}programmes/action/"
    response = admin_client.post(
        changelist,
        {"action": "unpublish", "_selected_action": ["1"], "index": "0"},
        follow=True,
    )
    assert "1 item updated." in page_text(response)


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "medewerker", password=PASSWORD, is_staff=True, is_superuser=True
    )


def test_login_redirects_stay_in_english(client, staff):
    response = client.get(ENGLISH_ADMIN)
    assert response.status_code == 302
    assert response["Location"] == f"{ENGLISH_ADMIN}login/?next={ENGLISH_ADMIN}"
    login = client.get(response["Location"])
    assert html_lang(login) == "en"
    assert "Username" in page_text(login)
    # The switch on the login page also sends the editor on to the Dutch admin.
    assert switch_link(login, "nl") == f"{ADMIN}login/?next={ADMIN}"
    response = client.post(
        f"{ENGLISH_ADMIN}login/",
        {"username": "medewerker", "password": PASSWORD, "next": ENGLISH_ADMIN},
    )
    assert response.status_code == 302
    assert response["Location"] == ENGLISH_ADMIN
    assert html_lang(client.get(ENGLISH_ADMIN)) == "en"


def test_lockout_also_at_the_english_login(client, staff):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post(
            f"{ENGLISH_ADMIN}login/", {"username": "medewerker", "password": "fout"}
        )
    assert response.status_code == 429
    assert "Logging in temporarily blocked" in page_text(response)
    # The lock-out holds for the same user at the Dutch address too.
    response = client.post(
        f"{ADMIN}login/", {"username": "medewerker", "password": PASSWORD}
    )
    assert response.status_code == 429


@override_settings(PORTAL_REQUIRE_2FA=True)
def test_two_factor_login_at_the_english_address(client, staff):
    device = TOTPDevice.objects.create(user=staff, name="telefoon")
    login = f"{ENGLISH_ADMIN}login/"
    response = client.post(login, {"username": "medewerker", "password": PASSWORD})
    assert response.status_code == 200  # a password alone is not enough
    assert 'name="otp_token"' in response.content.decode()
    assert client.get(ENGLISH_ADMIN).status_code == 302
    response = client.post(
        login,
        {
            "username": "medewerker",
            "password": PASSWORD,
            "otp_token": f"{totp(device.bin_key):06d}",
            "next": ENGLISH_ADMIN,
        },
    )
    assert response.status_code == 302
    assert client.get(ENGLISH_ADMIN).status_code == 200


def test_the_admin_is_never_cached_in_any_language():
    for code, _name in settings.LANGUAGES:
        prefix = "" if code == settings.LANGUAGE_CODE else f"/{code}"
        assert f"{prefix}/{settings.ADMIN_URL}".startswith(settings.PAGE_CACHE_EXCLUDE)
    middleware = PublicPageCacheMiddleware(lambda request: None)
    factory = RequestFactory()
    for path in (f"{ADMIN}login/", f"{ENGLISH_ADMIN}login/", ENGLISH_ADMIN):
        assert not middleware._cacheable(factory.get(path)), path
    assert middleware._cacheable(factory.get("/en/acties/"))


def test_english_login_page_is_not_served_from_the_cache(client):
    first = client.get(f"{ENGLISH_ADMIN}login/")
    second = client.get(f"{ENGLISH_ADMIN}login/")
    assert getattr(first, "portal_cache", "none") == "none"
    assert getattr(second, "portal_cache", "none") == "none"
