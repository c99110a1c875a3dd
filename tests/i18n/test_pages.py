"""Every public page in Dutch and in English: the right lang, a switch that keeps
the visitor on the same page, numbers in the page's language, and Dutch content
marked where no English version exists."""

import re

import pytest

from django.urls import reverse
from django.utils import translation

from indicators.charts import indicator_figure
from indicators.comparisons import indicator_sentence
from indicators.models import Indicator
from programmes.models import Action, GlossaryTerm
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

# The Dutch addresses as they have always been; English is the same under /en.
PUBLIC_PAGES = [
    "/",
    "/programmas/2018/economie-werk-en-inkomen/",
    "/acties/",
    "/acties/?soort=action&page=1",
    "/acties/1/",
    "/agendas/",
    "/agendas/twente-werkt/",
    "/indicatoren/",
    "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/",
    "/indicatoren/vergelijken/?van=2017&naar=2018",
    "/begrippen/",
    "/zoeken/?q=werk",
    "/contact/",
    "/privacy/",
    "/toegankelijkheid/",
    "/kwetsbaarheid-melden/",
    "/open-data/",
    "/api/",
]


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switch_link(response, code: str) -> tuple[str, str]:
    """(href, text) of the language switch's link to `code`."""
    match = re.search(
        rf'<a href="([^"]*)"\s+hreflang="{code}"\s+lang="{code}">([^<]+)</a>',
        response.content.decode(),
    )
    assert match, f"no switch to {code}"
    return match.group(1).replace("&amp;", "&"), match.group(2)


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_page_in_dutch_and_in_english_with_a_working_switch(client, path):
    dutch = client.get(path)
    assert dutch.status_code == 200
    assert html_lang(dutch) == "nl"
    english_url, label = switch_link(dutch, "en")
    assert label == "English"
    assert english_url == "/en" + path

    english = client.get(english_url)
    assert english.status_code == 200
    assert html_lang(english) == "en"
    assert "Skip to content" in page_text(english)
    back, label = switch_link(english, "nl")
    assert label == "Nederlands"
    assert back == path


def test_dutch_page_is_dutch_whatever_the_browser_asks(client):
    response = client.get("/acties/", HTTP_ACCEPT_LANGUAGE="en")
    assert html_lang(response) == "nl"
    assert "Direct naar de inhoud" in page_text(response)


def test_english_interface(client):
    text = page_text(client.get("/en/programmas/2018/economie-werk-en-inkomen/"))
    for phrase in (
        "What do we want to achieve?",
        "What will we do for it?",
        "What may it cost?",
        "Programme 1 Economie, Werk en Inkomen",
        "Policy indicators per year",
    ):
        assert phrase in text
    assert "Wat willen we bereiken?" not in text


def test_english_links_stay_english(client):
    body = client.get("/en/acties/").content.decode()
    assert 'href="/en/acties/1/"' in body
    assert 'href="/en/indicatoren/"' in body


def test_error_page_in_english(client):
    response = client.get("/en/bestaat-niet/")
    assert response.status_code == 404
    assert html_lang(response) == "en"
    assert "Page not found" in page_text(response)


def test_numbers_follow_the_language(client):
    dutch = page_text(client.get("/indicatoren/"))
    english = page_text(client.get("/en/indicatoren/"))
    assert "6.500 bedrijfscontacten" in dutch and "17,3%" in dutch
    assert "6,500 bedrijfscontacten" in english and "17.3%" in english
    assert "no value" in english and "geen waarde" not in english


def test_chart_separators_and_titles_follow_the_language():
    indicator = Indicator.objects.get(slug="uitstroom-overig")
    values = list(indicator.values.select_related("budget"))
    with translation.override("nl"):
        dutch = indicator_figure(indicator, values)["layout"]
    with translation.override("en"):
        english = indicator_figure(indicator, values)["layout"]
    assert dutch["separators"] == ",."
    assert english["separators"] == ".,"
    assert dutch["xaxis"]["title"]["text"] == "Jaar"
    assert english["xaxis"]["title"]["text"] == "Year"


def test_sentence_in_english():
    indicator = Indicator.objects.get(
        slug="uitstroom-naar-werk-incl-zelfstandig-ondernemerschap"
    )
    values = list(indicator.values.select_related("budget"))
    with translation.override("en"):
        sentence = indicator_sentence(indicator, values)
    assert sentence.startswith("In the 2018 budget the goal is 332 personen, 60 more")
    assert "(+22%)" in sentence


def test_untranslated_action_shows_the_dutch_text_with_a_note(client):
    action = Action.objects.get(pk=1)
    body = client.get("/en/acties/1/").content.decode()
    assert f'<h1><span lang="nl">{action.title}</span>' in body
    assert '<small class="only-in-dutch" lang="en">(Only in Dutch)</small>' in body
    assert "Only in Dutch" not in client.get("/acties/1/").content.decode()


def test_translated_action_shows_english_without_a_note(client):
    action = Action.objects.get(pk=1)
    action.title_en = "Cooperation on the economy and the labour market in Twente"
    action.text_en = "Hengelo works with the other municipalities of Twente."
    action.save()
    english = client.get("/en/acties/1/").content.decode()
    assert (
        "<h1>Cooperation on the economy and the labour market in Twente</h1>" in english
    )
    assert (
        '<p class="lead">Hengelo works with the other municipalities of Twente.</p>'
        in english
    )
    dutch = client.get("/acties/1/").content.decode()
    assert f"<h1>{action.title}</h1>" in dutch


def test_glossary_in_english(client):
    term = GlossaryTerm.objects.get(term="UWV")
    assert term.meaning_en.startswith("Employee Insurance Agency")
    english = page_text(client.get("/en/begrippen/"))
    assert "Employee Insurance Agency" in english
    assert "Only in Dutch" not in english
    dutch = page_text(client.get("/begrippen/"))
    assert "Uitvoeringsinstituut Werknemersverzekeringen" in dutch


def test_dutch_addresses_are_unchanged():
    with translation.override("nl"):
        assert reverse("programmes:action_detail", args=[1]) == "/acties/1/"
    with translation.override("en"):
        assert reverse("programmes:action_detail", args=[1]) == "/en/acties/1/"


def test_changes_feed_in_both_languages(client):
    dutch = client.get("/wijzigingen/atom/").content.decode()
    english = client.get("/en/wijzigingen/atom/").content.decode()
    assert "<title>Wijzigingen in de begroting van de gemeente Hengelo</title>" in dutch
    assert (
        "<title>Changes in the budget of the municipality of Hengelo</title>" in english
    )
    assert "<title>Action: " in english and "<title>Actie: " in dutch


def test_programme_page_lists_actions_in_the_pages_language(client):
    action = Action.objects.get(pk=1)
    programme = action.theme.programme.get_absolute_url()
    english = client.get("/en" + programme).content.decode()
    dutch_title = f'<span lang="nl">{action.title}</span>'
    assert f'href="/en/acties/1/">Action: {dutch_title}</a>' in english
    action.title_en = "Cooperation in Twente"
    action.save()
    english = client.get("/en" + programme).content.decode()
    assert (
        '<a class="permalink" href="/en/acties/1/">Action: Cooperation in Twente</a>'
        in english
    )
    dutch = client.get(programme).content.decode()
    assert f'<a class="permalink" href="/acties/1/">Actie: {action.title}</a>' in dutch


def search_landmark_names(response) -> list[str]:
    """The accessible name of each role="search" form: its aria-label, or the
    text of the element its aria-labelledby points to."""
    body = response.content.decode()
    names = []
    for form in re.findall(r"<form\b[^>]*\brole=\"search\"[^>]*>", body):
        if label := re.search(r'aria-label="([^"]+)"', form):
            names.append(label.group(1))
        elif labelled_by := re.search(r'aria-labelledby="([^"]+)"', form):
            element = re.search(
                rf'<(\w+)[^>]*\bid="{labelled_by.group(1)}"[^>]*>(.*?)</\1>', body
            )
            names.append(element.group(2).strip())
        else:
            names.append("")
    return names


@pytest.mark.parametrize(
    "path, names",
    [
        ("/", ["Snel zoeken", "Zoek in de begroting"]),
        ("/zoeken/", ["Snel zoeken", "Zoeken in de begroting"]),
        ("/en/", ["Quick search", "Search the budget"]),
        ("/en/zoeken/", ["Quick search", "Search the budget"]),
    ],
)
def test_search_landmarks_have_names_of_their_own(client, path, names):
    assert search_landmark_names(client.get(path)) == names
