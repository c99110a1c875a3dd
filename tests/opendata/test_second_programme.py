"""A second programme brought in by a Redacteur: one workbook through the admin's
import page, finished in the admin, then its public page (issue 14)."""

import pandas as pd
import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.staff import portal_user_create
from indicators.models import Indicator, IndicatorValue, ValueKind
from opendata.columns import (
    ACTION_COLUMNS,
    INDICATOR_COLUMNS,
    PROGRAMME_TEXT_COLUMNS,
    TEXT_COLUMNS,
)
from opendata.jobs import import_jobs_work
from opendata.models import ImportJob
from opendata.spreadsheets import frames_to_xlsx
from programmes.models import Action, Budget, Paragraph, Programme
from tests.admin.helpers import form_data, signed_in
from tests.html import page_text

pytestmark = pytest.mark.usefixtures("seed_data", "without_seed_programme_2")

URL = "/admin/opendata/importrun/inlezen/"
PAGE = "/programmas/2018/sociaal-domein/"
PROGRAMME = {
    "programma_begrotingsjaar": 2018,
    "programma_nummer": 2,
    "programma": "Sociaal Domein",
}


@pytest.fixture
def editor_client(db):
    """A Redacteur, made as the README makes accounts."""
    editor = portal_user_create(
        username="redacteur", role="redacteur", password="Begroting-Hengelo-2018"
    )
    return signed_in(editor)


def frame(rows, columns):
    return pd.DataFrame(rows, columns=[c.name for c in columns], dtype=object)


def second_programme_workbook() -> bytes:
    """Programme 2 of Begroting 2018, small: its intro, two parts with their
    paragraphs (one part without actions), two actions, two indicators, one of
    them a kengetal, and the Begroting 2018's target for 2021."""
    programmes = frame(
        [{**PROGRAMME, "inleiding": "Iedereen doet mee.", "kop_ontwikkelingen": ""}],
        PROGRAMME_TEXT_COLUMNS,
    )
    texts = frame(
        [
            {
                **PROGRAMME,
                "onderdeel_slug": slug,
                "onderdeel": title,
                "onderdeel_volgorde": place,
                "volgorde": order,
                "tekst": text,
                "tekst_en": english,
                "gevolgd_door": followed,
            }
            for slug, title, place, order, text, english, followed in [
                ("meedoen", "Meedoen", 1, 1, "Meedoen begint in de wijk.", "", ""),
                (
                    "meedoen",
                    "Meedoen",
                    1,
                    2,
                    "Wat we doen om mee te laten doen:",
                    "What we do so that everyone takes part:",
                    "Actie",
                ),
                ("meedoen", "Meedoen", 1, 3, "Daarna volgt een evaluatie.", "", ""),
                ("jeugd", "Jeugd", 2, 1, "Een onderdeel met alleen tekst.", "", ""),
            ]
        ],
        TEXT_COLUMNS,
    )
    part = {
        **PROGRAMME,
        "onderdeel_slug": "meedoen",
        "onderdeel": "Meedoen",
        "onderdeel_volgorde": 1,
        "status": "Gepland",
        "jaar": 2018,
    }
    actions = frame(
        [
            {
                **part,
                "soort": "Actie",
                "volgorde": 1,
                "titel": "Wijkteams versterken",
                "tekst": "We versterken de wijkteams in elke wijk.",
                "actielijnen": "Agenda voor Twente 2. arbeidsmarkt & talent",
            },
            {
                **part,
                "soort": "Actie",
                "volgorde": 2,
                "titel": "Schuldhulp dichtbij",
                "tekst": "Schuldhulp komt naar de mensen toe.",
            },
        ],
        ACTION_COLUMNS,
    )
    indicator = {
        **PROGRAMME,
        "indicator": "Cliënten met een maatwerkvoorziening",
        "eenheid": "per 10.000 inwoners",
        "volgorde": 1,
        "bron": "Waarstaatjegemeente.nl",
    }
    indicators = frame(
        [
            {
                **indicator,
                "begrotingsjaar": 2017,
                "soort_waarde": "Kengetal (gemeten)",
                "waarde": "640",
                "jaar": 2015,
                "bron_waarde": "CBS, 2015",
            },
            {
                **indicator,
                "begrotingsjaar": 2018,
                "soort_waarde": "Begroot",
                "waarde": "600",
            },
            {
                **indicator,
                "begrotingsjaar": 2018,
                "jaar": 2021,
                "soort_waarde": "Streefwaarde",
                "waarde": "550",
            },
        ],
        INDICATOR_COLUMNS,
    )
    # Sheets in any order: the import writes the texts before the actions.
    return frames_to_xlsx(
        {
            "indicatoren": indicators,
            "acties": actions,
            "teksten": texts,
            "programmas": programmes,
        }
    )


def import_as(client, content: bytes):
    """Upload, let the worker make the preview, confirm, let it import (the
    worker runs here in the test's process)."""
    file = SimpleUploadedFile("programma-2.xlsx", content)
    uploaded = client.post(URL, {"file": file})
    assert uploaded.status_code == 302
    assert import_jobs_work(once=True) == 1
    job = ImportJob.objects.latest("pk")
    html = client.get(job.get_absolute_url()).content.decode()
    assert "is niet ingelezen" not in html, html
    confirmed = client.post(
        job.get_absolute_url(), {"confirm": "1", "digest": job.digest}
    )
    assert confirmed.status_code == 302
    assert import_jobs_work(once=True) == 1
    return html


def test_an_editor_brings_in_a_second_programme_and_finishes_it(editor_client, client):
    preview = import_as(editor_client, second_programme_workbook())
    assert "Programma 2 Sociaal Domein" in preview
    # A target for 2021 in the Begroting 2018 invents no Begroting 2021.
    assert "Begroting 2021" not in preview
    programme = Programme.objects.get(budget__year=2018, number=2)
    assert not Budget.objects.filter(year=2021).exists()
    target = IndicatorValue.objects.get(
        kind=ValueKind.TARGET, indicator__programme=programme
    )
    assert (target.budget.year, target.year) == (2018, 2021)
    measured = IndicatorValue.objects.get(
        kind=ValueKind.MEASURED, indicator__programme=programme
    )
    assert (measured.year, measured.source) == (2015, "CBS, 2015")

    assert Paragraph.objects.filter(theme__programme=programme).count() == 4
    assert programme.intro == "Iedereen doet mee."

    # The editor finishes the programme in the admin: a Redacteur may change a
    # programme's texts.
    url = f"/admin/programmes/programme/{programme.pk}/change/"
    form = form_data(editor_client.get(url).content.decode())
    form["intro"] = "Iedereen doet mee in Hengelo."
    form["_save"] = "Opslaan"
    assert editor_client.post(url, form).status_code == 302

    text = page_text(client.get(PAGE))
    # Every paragraph in order, the actions after the one that announces them,
    # and the part without actions with its text.
    positions = [
        text.index(part)
        for part in (
            "Iedereen doet mee in Hengelo.",
            "Meedoen begint in de wijk.",
            "Wat we doen om mee te laten doen:",
            "Wijkteams versterken",
            "Schuldhulp dichtbij",
            "Daarna volgt een evaluatie.",
            "Jeugd Een onderdeel met alleen tekst.",
        )
    ]
    assert positions == sorted(positions)
    english = page_text(client.get("/en" + PAGE))
    assert "What we do so that everyone takes part:" in english
    assert "Meedoen begint in de wijk." in english  # only in Dutch, and said so
    # Its own agenda, not programme 1's Twente Werkt.
    assert "Agenda voor Twente" in text
    assert "Twente Werkt" not in text
    # The measurement is said as one, with its document; the 2021 target is no
    # column of the table of goals.
    assert "640 per 10.000 inwoners (kengetal, gemeten in 2015, Begroting 2017)" in text
    assert "Begroting 2021" not in text
    # Programme 1 keeps both of its agendas.
    first = page_text(client.get("/programmas/2018/economie-werk-en-inkomen/"))
    assert "Twente Werkt" in first and "Agenda voor Twente" in first


def test_a_programme_without_agendas_has_no_agenda_section(editor_client, client):
    content = second_programme_workbook()
    import_as(editor_client, content)
    for action in Action.objects.filter(theme__programme__number=2):
        action.action_lines.clear()
    html = client.get(PAGE).content.decode()
    assert 'id="agendas"' not in html and 'href="#agendas"' not in html
    assert Indicator.objects.filter(programme__number=2).count() == 1
