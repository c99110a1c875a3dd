"""The whole question flow in headless Chromium: a member asks beside a paragraph,
the griffie assigns, an editor answers, the griffie publishes, the member gets
the e-mail and the answer shows beside the paragraph; axe-core and the Nu HTML
Checker on every new page."""

import pytest

from council.models import Question
from tests.browser import axe_violations, vnu_errors

from .conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def new_tab(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="nl-NL", bypass_csp=True
    )
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("http://localhost", "http://127.0.0.1"))
            else route.abort()
        ),
    )
    return context.new_page()


def submit(tab, button):
    """Click a form's button and wait for the page it leads to."""
    with tab.expect_navigation():
        button.click()


def admin_login(tab, username):
    tab.goto("/admin/")
    tab.fill("#id_username", username)
    tab.fill("#id_password", PASSWORD)
    submit(tab, tab.locator("input[type=submit]"))
    assert tab.locator("#dashboard-questions").count() == 1


def test_the_whole_question_flow(
    page,
    browser,
    live_server,
    smtp_server,
    member,
    colleague,
    clerk,
    editor,
    programme,
    paragraph,
    deadline,
    tmp_path,
):
    pages = {}

    def keep(name):
        # The page as served, for the Nu HTML Checker; and axe on it as shown.
        pages[name] = page.content()
        assert axe_violations(page) == [], name

    page.goto("/raad/")
    assert page.url.endswith("/raad/inloggen/?next=%2Fraad%2F")
    keep("login")
    page.fill("#id_username", "anna")
    page.fill("#id_password", PASSWORD)
    submit(page, page.locator("#login-form button[type=submit]"))
    assert "Ingelogd als Anna de Vries" in page.locator("main").inner_text()
    keep("workspace-empty")

    # A note shared with the fractie, beside the paragraph.
    page.goto(programme.get_absolute_url())
    box = page.locator(f"#alinea-{paragraph.pk} + .council-box")
    box.locator("summary", has_text="Notitie schrijven").click()
    box.locator("textarea[name=text]").first.fill("Navragen bij de wethouder")
    box.locator("input[value=fractie]").check()
    submit(page, box.locator("button", has_text="Notitie opslaan"))
    assert "Navragen bij de wethouder" in box.inner_text()
    keep("programme-for-a-member")

    # The question, beside the same paragraph.
    box.locator("summary", has_text="Technische vraag stellen").click()
    box.locator("form", has_text="Uw vraag").locator("textarea").fill(
        "Hoeveel banen levert het op?"
    )
    submit(page, box.locator("button", has_text="Vraag versturen"))
    assert "Uw technische vraag is verstuurd" in page.locator("h1").inner_text()
    keep("question-sent")
    assert smtp_server.to("griffier@hengelo.nl")

    # An empty question (past the browser's own check): a clear message.
    page.goto(programme.get_absolute_url())
    box.locator("summary", has_text="Technische vraag stellen").click()
    form = box.locator("form", has_text="Uw vraag")
    form.locator("textarea").evaluate("area => area.removeAttribute('required')")
    form.locator("textarea").fill("   ")
    submit(page, form.locator("button"))
    assert "Schrijf eerst uw vraag." in page.locator("main").inner_text()
    keep("refused")

    page.goto("/raad/")
    assert "Ontvangen" in page.locator("main").inner_text()
    keep("workspace")
    submit(page, page.locator("a", has_text="wijzigen of verwijderen").first)
    keep("note-edit")

    question = Question.objects.get()
    griffie = new_tab(browser, live_server)
    admin_login(griffie, "griffier")
    griffie.goto(f"/admin/council/question/{question.pk}/change/")
    griffie.select_option("#id_assigned_to", label="redacteur")
    submit(griffie, griffie.locator("input[name=_save]").last)
    assert smtp_server.to("redacteur@hengelo.nl")

    writer = new_tab(browser, live_server)
    admin_login(writer, "redacteur")
    submit(writer, writer.locator("#dashboard-questions a", has_text="Hoeveel banen"))
    writer.fill("#id_answer", "Naar schatting 120 banen in vier jaar.")
    submit(writer, writer.locator("input[name=_ready]"))
    assert "Gewijzigd: " in writer.locator(".messagelist").inner_text()
    assert writer.locator("input[name=_publish]").count() == 0

    griffie.goto(f"/admin/council/question/{question.pk}/change/")
    submit(griffie, griffie.locator("input[name=_publish]"))
    [mail] = smtp_server.to("anna@raad.hengelo.nl")
    assert "Naar schatting 120 banen in vier jaar." in mail["text"]
    # A plain save of the published question changes nothing and mails nobody.
    griffie.goto(f"/admin/council/question/{question.pk}/change/")
    submit(griffie, griffie.locator("input[name=_save]").last)
    # Who got what: the griffie the question and the ready answer, the editor
    # the assignment, the asker the answer, once.
    assert [
        len(smtp_server.to(address))
        for address in (
            "griffier@hengelo.nl",
            "redacteur@hengelo.nl",
            "anna@raad.hengelo.nl",
        )
    ] == [2, 1, 1]

    # The public sees the answer beside the paragraph, and not the note.
    public = new_tab(browser, live_server)
    public.goto(programme.get_absolute_url())
    beside = public.locator(f"#alinea-{paragraph.pk} + .council-box").inner_text()
    assert "Naar schatting 120 banen in vier jaar." in beside
    assert "Navragen" not in public.content()
    public.goto("/technische-vragen/2018/")
    assert "Anna de Vries (Rode Partij)" in public.locator("main").inner_text()
    pages["questions"] = public.content()
    assert axe_violations(public) == []
    public.goto("/en/technische-vragen/2018/")
    assert "Technical questions about" in public.locator("h1").inner_text()
    pages["questions-en"] = public.content()
    assert axe_violations(public) == []

    files = []
    for name, html in pages.items():
        file = tmp_path / f"{name}.html"
        file.write_text(html, encoding="utf-8")
        files.append(file)
    assert vnu_errors(files) == []
