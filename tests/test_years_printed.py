"""Years are never written with a thousands separator: "2018", not "2.018" or
"2,018" (USE_THOUSAND_SEPARATOR is on for amounts; content.cells.year_text)."""

import re

import pytest

from programmes.models import Programme
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data")

PAGES = [
    "/",
    "/acties/",
    "/acties/1/",
    "/agendas/",
    "/agendas/twente-werkt/",
    "/agendas/agenda-voor-twente/",
    "/indicatoren/",
    "/indicatoren/uitstroom-overig/",
    "/indicatoren/vergelijken/",
    "/indicatoren/vergelijken/?van=2017&naar=2018",
    "/begrippen/",
    "/zoeken/?q=werk",
    "/open-data/",
]
# A year from 2010 to 2039 with a separator after its first digit, standing alone
# (not part of an amount such as "€ 2.018.000" or "12.018").
# The seed has no amount of 2.010 to 2.039 (× € 1.000) that stands alone.
YEAR_WITH_SEPARATOR = re.compile(r"(?<![\d.,])2[.,]0[1-3]\d(?![\d])(?![.,]\d)")


def pages():
    programmes = Programme.objects.select_related("budget")
    return PAGES + [p.get_absolute_url() for p in programmes]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_year_is_printed_with_a_thousands_separator(client, prefix):
    for path in pages():
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        html = response.content.decode()
        found = YEAR_WITH_SEPARATOR.findall(html)
        assert not found, (path, found)


@pytest.mark.parametrize(
    "prefix, caption",
    [
        ("", "Verschil van het saldo per product, 2018 ten opzichte van 2017"),
        ("/en", "Change of the balance per product, 2018 compared with 2017"),
    ],
)
def test_the_product_caption_names_its_years_plainly(client, prefix, caption):
    text = page_text(client.get(prefix + "/programmas/2018/economie-werk-en-inkomen/"))
    assert caption in text
