"""Pages stay valid and accessible after editors have been at work: an action, an
indicator value and a programme changed through the admin's own forms, in
headless Chromium, then every page that shows them checked as a visitor sees it."""

import pytest

from django.core.management import call_command

from indicators.models import IndicatorValue
from programmes.models import Action, Paragraph, Programme
from tests.browser import axe_violations, vnu_errors

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("seed_data")]

PASSWORD = "Begroting-Hengelo-2018"
NEW_TITLE = "Werkgevers en werkzoekenden samen aan de slag"
NEW_INTRO = "Iedereen doet mee: werk gaat voor inkomen, ook in 2026."


def save(page):
    page.locator("input[name=_save]").last.click()
    assert "Gewijzigd: " in page.locator(".messagelist").inner_text()


def edit_through_the_admin(page, action, value, programme):
    call_command(
        "create_portal_user", "anouk", role="beheerder", password=PASSWORD, verbosity=0
    )
    page.goto("/admin/login/")
    page.fill("#id_username", "anouk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    assert page.locator("#site-name").inner_text() == "Begroting Hengelo: beheer"

    page.goto(f"/admin/programmes/action/{action.pk}/change/")
    page.fill("#id_title", NEW_TITLE)
    page.fill("#id_title_en", "Employers and jobseekers working together")
    page.select_option("#id_status", label="Afgerond")
    save(page)

    page.goto(f"/admin/indicators/indicatorvalue/{value.pk}/change/")
    page.fill("#id_value", "123.4")
    save(page)

    page.goto(f"/admin/programmes/programme/{programme.pk}/change/")
    page.fill("#id_intro", NEW_INTRO)
    # What Hengelo's programme pages show above the text (issue 24, item 8).
    page.fill("#id_responsible", "Portefeuillehouder: wethouder\nAmbtelijk: directeur")
    page.fill("#id_responsible_en", "Portfolio holder: alderman")
    page.fill("#id_policy_documents", "Economische visie\nZorg: zie programma 2")
    save(page)


def test_pages_showing_edited_content_are_valid_and_accessible(
    browser, live_server, page, tmp_path
):
    action = Action.objects.public().get(pk=1)
    value = IndicatorValue.objects.filter(value__isnull=False).first()
    programme = Programme.objects.get(number=1)
    edit_through_the_admin(page, action, value, programme)
    action.refresh_from_db()
    assert action.title == NEW_TITLE
    programme.refresh_from_db()
    assert programme.policy_documents.splitlines() == [
        "Economische visie",
        "Zorg: zie programma 2",
    ]
    # A subheading in a part, as in Hengelo's programme 2.
    paragraph = Paragraph.objects.filter(theme__programme=programme).first()
    paragraph.heading = "Maatschappelijke trends"
    paragraph.save()

    paths = [
        action.get_absolute_url(),
        "/acties/",
        programme.get_absolute_url(),
        value.indicator.get_absolute_url(),
        "/indicatoren/",
        "/",
        "/zoeken/?q=werkzoekenden",
    ]
    # As a visitor sees them: no session, so from the page cache as well.
    visitor = browser.new_context(base_url=live_server.url, bypass_csp=True)
    tab = visitor.new_page()
    found, files = {}, []
    for path in paths + ["/en" + path for path in paths]:
        response = tab.goto(path)
        assert response.status == 200, path
        tab.wait_for_load_state("networkidle")
        if violations := axe_violations(tab):
            found[path] = violations
        file = tmp_path / f"page-{len(files)}.html"
        file.write_text(response.text(), encoding="utf-8")
        files.append(file)
    tab.goto(action.get_absolute_url())
    assert NEW_TITLE in tab.content()
    assert 'datetime="' in tab.content()
    visitor.close()
    assert found == {}
    assert vnu_errors(files) == []
