"""Every council screen, and the programme and indicator pages they sit on, in
headless Chromium at a desktop (1280 px) and a phone (390 px) width: axe-core
(WCAG 2.1 AA and best practices) finds nothing (issue 21, items 9 and 12)."""

import pytest

from council.models import NoteVisibility, Question
from council.services import note_create, question_ask, question_update
from tests.browser import axe_violations

from .conftest import PASSWORD
from .test_in_browser import admin_login, new_tab, submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [1280, 390]
INDICATOR = "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/"


@pytest.fixture
def council_at_work(member, colleague, clerk, editor, programme, paragraph, deadline):
    """Notes of Anna and her fractie, her question waiting and one answered."""
    note_create(
        member=member,
        kind="paragraph",
        target_id=paragraph.pk,
        text="Navragen bij de wethouder",
        visibility=NoteVisibility.FRACTIE,
    )
    note_create(
        member=colleague,
        kind="programme",
        target_id=programme.pk,
        text="Bespreken in de fractie",
        visibility=NoteVisibility.FRACTIE,
    )
    question_ask(
        member=member, kind="paragraph", target_id=paragraph.pk, text="Nog open?"
    )
    answered = question_ask(
        member=member,
        kind="programme",
        target_id=programme.pk,
        text="Hoeveel banen levert het op?",
    )
    question_update(
        question=answered,
        data={"answer": "Naar schatting 120 banen.", "publish": True},
    )
    return answered


def member_login(tab):
    tab.goto("/raad/inloggen/")
    tab.fill("#id_username", "anna")
    tab.fill("#id_password", PASSWORD)
    submit(tab, tab.locator("#login-form button[type=submit]"))


def axe_at(tab, width, path, found, *, name=None):
    tab.set_viewport_size({"width": width, "height": 900})
    if path is not None:
        response = tab.goto(path)
        assert response.status < 400, path
    tab.wait_for_load_state("networkidle")
    violations = axe_violations(tab)
    if violations:
        found[f"{name or path} at {width}px"] = violations


@pytest.mark.parametrize("width", WIDTHS)
def test_the_programme_and_indicator_pages_pass_axe(page, width, programme):
    found = {}
    for path in (programme.get_absolute_url(), INDICATOR, "/acties/"):
        axe_at(page, width, path, found)
    assert found == {}


@pytest.mark.parametrize("width", WIDTHS)
def test_every_council_screen_passes_axe(
    page, browser, live_server, width, council_at_work, member, programme, paragraph
):
    found = {}
    axe_at(page, width, "/raad/inloggen/", found)
    axe_at(page, width, "/technische-vragen/2018/", found)
    axe_at(page, width, "/en/technische-vragen/2018/", found)
    member_login(page)
    for path in (
        "/raad/",
        programme.get_absolute_url(),
        INDICATOR,
        "/technische-vragen/2018/",
    ):
        axe_at(page, width, path, found)
    note = member.user.council_notes.first()
    axe_at(page, width, f"/raad/notities/{note.pk}/", found)
    # A question sent, and one refused (empty), as the member meets them.
    page.goto(programme.get_absolute_url())
    box = page.locator(f"#alinea-{paragraph.pk} + .council-box")
    box.locator("summary", has_text="Technische vraag stellen").click()
    form = box.locator("form", has_text="Uw vraag")
    form.locator("textarea").fill("Wat kost het?")
    submit(page, form.locator("button"))
    axe_at(page, width, None, found, name="question sent")
    page.goto(programme.get_absolute_url())
    box.locator("summary", has_text="Technische vraag stellen").click()
    form.locator("textarea").evaluate("area => area.removeAttribute('required')")
    form.locator("textarea").fill("  ")
    submit(page, form.locator("button"))
    axe_at(page, width, None, found, name="question refused")

    griffie = new_tab(browser, live_server)
    admin_login(griffie, "griffier")
    question = Question.objects.order_by("pk").first()
    for path in (
        "/admin/",
        "/admin/council/question/",
        f"/admin/council/question/{question.pk}/change/",
        "/admin/council/councilmember/",
        "/admin/council/councilmember/add/",
        f"/admin/council/councilmember/{member.pk}/change/",
        "/admin/council/questiondeadline/",
        f"/admin/council/questiondeadline/{programme.budget.question_deadline.pk}"
        "/change/",
        "/admin/council/fractie/",
        "/admin/council/fractie/add/",
    ):
        axe_at(griffie, width, path, found)
    assert found == {}


def tabs_until(tab, selector, *, most=80) -> int:
    """How many presses of Tab bring the focus to `selector` (or fail)."""
    for presses in range(1, most + 1):
        tab.keyboard.press("Tab")
        if tab.evaluate(
            "selector => document.activeElement === document.querySelector(selector)",
            selector,
        ):
            return presses
    raise AssertionError(f"{selector} not reached in {most} tab stops")


def test_a_member_reaches_the_forms_in_a_few_tab_stops(
    page, member, programme, paragraph
):
    """The first note form was 31 tab stops deep (issue 21, item 9)."""
    from money.models import FinancialFigure

    member_login(page)
    page.goto(programme.get_absolute_url())
    first_paragraph = f"#alinea-{paragraph.pk} + .council-box summary"
    # The page's skip link to the content, then the member's own to the text.
    stops = tabs_until(page, ".skip-link")
    page.keyboard.press("Enter")
    stops += tabs_until(page, ".council-skip a[href='#doen']")
    page.keyboard.press("Enter")
    stops += tabs_until(page, first_paragraph)
    assert stops <= 5, stops
    page.locator(first_paragraph).press("Enter")
    assert page.locator(
        f"#alinea-{paragraph.pk} + .council-box textarea"
    ).first.is_visible()
    # The money: its skip link, then the first line's box, in its row.
    line = FinancialFigure.objects.get(
        programme=programme, document__year=2018, line="lasten", year=2018
    )
    page.goto(programme.get_absolute_url())
    tabs_until(page, ".skip-link")
    page.keyboard.press("Enter")
    tabs_until(page, ".council-skip a[href='#exploitatie']")
    page.keyboard.press("Enter")
    row_box = f"#regel-{line.pk} + .council-row summary"
    assert tabs_until(page, row_box, most=15) <= 15
