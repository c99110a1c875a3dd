"""The columns of the open data files: what every download writes, every import
reads, the template holds and the Open data page explains."""

from dataclasses import dataclass

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Column:
    """A column of an open data file, explained on the Open data page."""

    name: str
    description: str
    required: bool = False  # an import refuses a file without it


def with_english(columns: list[Column], translated: set[str]) -> list[Column]:
    """`columns`, each translated one followed by its optional English twin
    (`tekst` by `tekst_en`): a file without the twin leaves the English alone."""
    result = []
    for column in columns:
        result.append(column)
        if column.name in translated:
            result.append(
                Column(
                    f"{column.name}_en",
                    format_lazy(
                        _(
                            "Optioneel: de Engelse vertaling van {name}, voor de "
                            "Engelse pagina's. Leeg: die tonen de Nederlandse tekst."
                        ),
                        name=column.name,
                    ),
                )
            )
    return result


LIST_NOTE = _(
    "Meer dan één? Zet elk op een eigen regel in de cel (Alt+Enter in Excel)."
)

# Which programme a row belongs to; the first columns of every file.
PROGRAMME_COLUMNS = [
    Column(
        "programma_begrotingsjaar",
        _("Het jaar van de begroting waar het programma in staat, zoals 2018."),
        required=True,
    ),
    Column(
        "programma_nummer", _("Het nummer van het programma, zoals 1."), required=True
    ),
    Column(
        "programma",
        _("De titel van het programma. Nodig als het programma nog niet bestaat."),
    ),
]

ACTION_COLUMNS = with_english(
    [
        Column(
            "id",
            _(
                "Het nummer van de actie in het portaal (zie /acties/<id>/). Laat leeg "
                "voor een nieuwe actie."
            ),
        ),
        *PROGRAMME_COLUMNS,
        Column(
            "onderdeel_slug",
            _(
                "Het webadres-deel van het onderdeel (thema), zoals 'economie'. Leeg: "
                "afgeleid van de kolom onderdeel."
            ),
        ),
        Column(
            "onderdeel",
            _("De titel van het onderdeel. Nodig als het onderdeel nog niet bestaat."),
            required=True,
        ),
        Column(
            "onderdeel_volgorde", _("De plaats van het onderdeel in het programma.")
        ),
        Column(
            "soort",
            _("Actie, Doel of Pilot."),
            required=True,
        ),
        Column(
            "status",
            _(
                "Gepland, In uitvoering, Afgerond, Uitgesteld of Geschrapt. Leeg: "
                "blijft zoals het is (Gepland bij een nieuwe actie)."
            ),
            required=True,
        ),
        Column("jaar", _("Het jaar waarvoor de actie gepland is."), required=True),
        Column("volgorde", _("De plaats binnen het onderdeel en de soort.")),
        Column("titel", _("Een korte titel."), required=True),
        Column("tekst", _("De volledige tekst zoals in de begroting."), required=True),
        Column(
            "actielijnen",
            _(
                "Actielijnen van regionale agenda's, als 'Twente Werkt 3. nieuwe "
                "bedrijvigheid' (agenda, nummer, punt, titel; de titel mag weg)."
            ),
        ),
        Column("plekken", _("Plekken of gebieden, zoals Westermaat.")),
        Column(
            "verwijzingen",
            _(
                "Verwijzingen als 'Beleidsvoornemen: NB 1.2 – omschrijving'. Soorten: "
                "Beleidsvoornemen, Zaaknummer, Document."
            ),
        ),
        Column(
            "bedragen",
            _(
                "Bedragen als 'omschrijving: circa 40.000 euro per jaar (2018-2021)'. "
                "'circa' en de jaren mogen weg. Eenheden: euro, euro per jaar, euro "
                "per inwoner, euro per inwoner per jaar, banen."
            ),
        ),
    ],
    {"onderdeel", "tekst", "titel"},
)


INDICATOR_COLUMNS = with_english(
    [
        *PROGRAMME_COLUMNS,
        Column(
            "indicator_slug",
            _(
                "Het vaste webadres-deel van de indicator (zie /indicatoren/<slug>/). "
                "Leeg bij een nieuwe indicator: dan maakt het portaal het zelf."
            ),
        ),
        Column("indicator", _("De naam van de beleidsindicator."), required=True),
        Column("volgorde", _("De plaats van de indicator in de tabel.")),
        Column(
            "eenheid",
            _("Waarin geteld wordt, zoals 'personen'; bij een percentage '%'."),
            required=True,
        ),
        Column("soort_getal", _("aantal, percentage (0 tot 100) of euro.")),
        Column("bron", _("Waar het getal vandaan komt.")),
        Column("toelichting", _("Wat de indicator meet en waarom.")),
        Column(
            "begrotingsjaar",
            _(
                "Het jaar van de begroting waarin de waarde staat (het document), "
                "zoals 2019."
            ),
            required=True,
        ),
        Column(
            "jaar",
            _(
                "Het jaar waar de waarde over gaat: een later jaar bij een doel voor "
                "later, het jaar van realisatie, het jaar van meting bij een "
                "kengetal. Leeg: het begrotingsjaar."
            ),
        ),
        Column(
            "soort_waarde",
            _(
                "Begroot (het doel), Gerealiseerd, Streefwaarde, Nulmeting of Kengetal "
                "(gemeten). Leeg: Begroot."
            ),
            required=True,
        ),
        Column(
            "waarde",
            _(
                "Het getal: 6500, 6.500, 17,3 of 17,3%. Leeg (of '-') betekent 'geen "
                "waarde', niet 0."
            ),
            required=True,
        ),
        Column("opmerking", _("Een opmerking bij de waarde.")),
        Column(
            "bron_waarde",
            _(
                "Waar deze waarde vandaan komt, als dat anders is dan de bron van de "
                "indicator."
            ),
        ),
    ],
    {"bron", "bron_waarde", "eenheid", "indicator", "opmerking", "toelichting"},
)


# The exploitation overview ("Wat mag het kosten?"): one row per programme, document,
# line and year, amounts with the sign and unit the budget publishes them in.
MONEY_COLUMNS = [
    *PROGRAMME_COLUMNS,
    Column(
        "document",
        _(
            "Het jaar van de begroting die het bedrag publiceert, zoals 2018. Een "
            "jaar kan in twee begrotingen een ander bedrag hebben."
        ),
        required=True,
    ),
    Column(
        "regel",
        _(
            "Lasten, Baten, Saldo van lasten en baten, Toevoegingen aan reserves, "
            "Onttrekkingen aan reserves, Saldo van de reserves of Resultaat."
        ),
        required=True,
    ),
    Column("jaar", _("Het jaar waar het bedrag over gaat."), required=True),
    Column(
        "soort",
        _("Rekening, Begroting, Begroting na wijziging of Raming."),
        required=True,
    ),
    Column(
        "bedrag",
        _(
            "Zoals gepubliceerd: lasten negatief, baten positief; zonder punten of "
            "euroteken, een komma voor decimalen."
        ),
        required=True,
    ),
    Column(
        "eenheid",
        _("× € 1.000 (zoals de begroting) of euro: geldt voor het bedrag ernaast."),
        required=True,
    ),
]

# A programme's own texts: its title, address and the headings around its parts.
PROGRAMME_TEXT_COLUMNS = with_english(
    [
        PROGRAMME_COLUMNS[0],
        PROGRAMME_COLUMNS[1],
        Column("programma", _("De titel van het programma."), required=True),
        Column(
            "webadres",
            _(
                "Het webadres-deel, zoals 'economie-werk-en-inkomen'. Leeg: gemaakt "
                "van de titel (bij een nieuw programma)."
            ),
        ),
        Column("inleiding", _("De inleiding boven het programma.")),
        Column(
            "kop_ontwikkelingen",
            _(
                "De kop boven de onderdelen, zoals 'Wat zijn de belangrijkste nieuwe "
                "ontwikkelingen in 2018?'."
            ),
        ),
        Column(
            "opmerking_indicatoren",
            _("De tekst onder de tabel met beleidsindicatoren."),
        ),
        Column(
            "verantwoordelijken",
            _(
                "De portefeuillehouder (wethouder) en de ambtelijk verantwoordelijken, "
                "één per regel in de cel."
            ),
        ),
        Column(
            "beleidsnotas",
            _("De relevante beleidsnota's, één per regel in de cel."),
        ),
    ],
    {
        "inleiding",
        "kop_ontwikkelingen",
        "opmerking_indicatoren",
        "programma",
        "verantwoordelijken",
        "beleidsnotas",
    },
)


# The narrative of a programme: one row per paragraph of a part (theme), in order.
TEXT_COLUMNS = with_english(
    [
        *PROGRAMME_COLUMNS,
        Column(
            "onderdeel_slug",
            _(
                "Het webadres-deel van het onderdeel, zoals 'economie'. Leeg: afgeleid "
                "van de kolom onderdeel."
            ),
        ),
        Column(
            "onderdeel",
            _("De titel van het onderdeel. Nodig als het onderdeel nog niet bestaat."),
            required=True,
        ),
        Column(
            "onderdeel_volgorde", _("De plaats van het onderdeel in het programma.")
        ),
        Column(
            "volgorde",
            _("De plaats van de alinea in het onderdeel: 1, 2, 3, …"),
            required=True,
        ),
        Column(
            "tussenkop",
            _(
                "Een kop boven de alinea binnen het onderdeel, zoals "
                "'Maatschappelijke trends'. Leeg: geen."
            ),
        ),
        Column(
            "tekst", _("De tekst van de alinea, zoals in de begroting."), required=True
        ),
        Column(
            "gevolgd_door",
            _(
                "Actie, Doel of Pilot: direct na deze alinea staan de acties, doelen "
                "of pilots van het onderdeel. Leeg: niets."
            ),
        ),
        Column(
            "gevolgd_door_agenda",
            _(
                "De naam van een regionale agenda, zoals 'Twente Werkt': direct na "
                "deze alinea staan haar genummerde actielijnen. Leeg: niets."
            ),
        ),
    ],
    {"onderdeel", "tussenkop", "tekst"},
)


# The explained changes per product ("Waarom verandert het?").
CHANGE_COLUMNS = with_english(
    [
        *PROGRAMME_COLUMNS,
        Column(
            "document",
            _("Het jaar van de begroting die het verschil toelicht, zoals 2018."),
            required=True,
        ),
        Column("volgorde", _("De plaats in de toelichting.")),
        Column(
            "productcode", _("De code van het product, zoals P221.1."), required=True
        ),
        Column("product", _("De naam van het product, zoals Haven."), required=True),
        Column("taakveld_code", _("Optioneel: het BBV-taakveld, zoals 3.1.")),
        Column("taakveld", _("Optioneel: de naam van het taakveld.")),
        Column(
            "verschil",
            _("Het verschil: positief een voordeel, negatief een nadeel."),
            required=True,
        ),
        Column("eenheid", _("euro of × € 1.000."), required=True),
        Column("toelichting", _("Waardoor het verschil ontstaat."), required=True),
    ],
    {"product", "taakveld", "toelichting"},
)


# Sums and targets the text names outside an action (actions carry their own).
SUM_COLUMNS = with_english(
    [
        *PROGRAMME_COLUMNS,
        Column(
            "onderdeel_slug",
            _(
                "Optioneel: het webadres-deel van het onderdeel waar het in de tekst "
                "staat."
            ),
        ),
        Column("volgorde", _("De plaats in het overzicht.")),
        Column("omschrijving", _("Waar het bedrag of getal voor is."), required=True),
        Column("bedrag", _("Alleen het getal, zoals 450000."), required=True),
        Column(
            "eenheid",
            _(
                "euro, euro per jaar, euro per inwoner, euro per inwoner per jaar of "
                "banen."
            ),
            required=True,
        ),
        Column("circa", _("Ja als de tekst 'circa' of 'ongeveer' zegt.")),
        Column("vanaf", _("Optioneel: het eerste jaar.")),
        Column("tot_en_met", _("Optioneel: het laatste jaar.")),
        Column(
            "agenda",
            _(
                "Optioneel: de regionale agenda waar het bedrag bij hoort, zoals "
                "'Agenda voor Twente'."
            ),
        ),
    ],
    {"omschrijving"},
)

# References in the text of a part (an action's own are in its row).
REFERENCE_COLUMNS = with_english(
    [
        *PROGRAMME_COLUMNS,
        Column(
            "onderdeel_slug",
            _("Het webadres-deel van het onderdeel waar de verwijzing in staat."),
            required=True,
        ),
        Column("soort", _("Beleidsvoornemen, Zaaknummer of Document."), required=True),
        Column(
            "kenmerk",
            _("Het kenmerk zoals in de tekst: 'NB 1.2', '2118370'."),
            required=True,
        ),
        Column("omschrijving", _("Waar het kenmerk naar verwijst.")),
    ],
    {"omschrijving"},
)

# The inhabitants the amounts per inhabitant are worked out with.
POPULATION_COLUMNS = [
    Column("jaar", _("Het jaar waarvoor het aantal geldt."), required=True),
    Column("inwoners", _("Het aantal inwoners, zoals 81000."), required=True),
    Column(
        "peildatum",
        _("De datum van de telling, zoals 2018-01-01 of 1-1-2018."),
        required=True,
    ),
    Column(
        "bron", _("Waar het aantal vandaan komt, zoals 'CBS Statline'."), required=True
    ),
]

# The budgets themselves: one row per budget year, first in a whole-budget file.
BUDGET_COLUMNS = with_english(
    [
        Column(
            "begrotingsjaar", _("Het jaar van de begroting, zoals 2018."), required=True
        ),
        Column("titel", _("De titel, zoals 'Begroting 2018'."), required=True),
        Column("omschrijving", _("Optioneel: een korte omschrijving.")),
        Column(
            "publicatie",
            _(
                "Concept of Gepubliceerd. Alleen een beheerder publiceert een "
                "begroting; een nieuwe begroting van een redacteur blijft concept. "
                "Leeg: blijft zoals het is (concept bij een nieuwe)."
            ),
        ),
    ],
    {"titel", "omschrijving"},
)

# The regional agendas and their numbered action lines: one row per line (an
# agenda without lines has one row with an empty line number).
AGENDA_COLUMNS = with_english(
    [
        Column(
            "agenda_slug",
            _(
                "Het webadres-deel van de agenda (zie /agendas/<slug>/). Leeg: "
                "gemaakt van de naam."
            ),
        ),
        Column("agenda", _("De naam, zoals 'Twente Werkt'."), required=True),
        Column("afkorting", _("Optioneel: de gangbare afkorting, zoals 'AvT'.")),
        Column("coordinatie", _("Optioneel: wie de agenda coördineert.")),
        Column("omschrijving", _("Wat de agenda is en wil.")),
        Column("vanaf_jaar", _("Optioneel: het eerste jaar van de agenda.")),
        Column("looptijd_jaren", _("Optioneel: hoeveel jaar de samenwerking loopt.")),
        Column("agenda_volgorde", _("De plaats van de agenda in overzichten.")),
        Column(
            "actielijn_nummer",
            _("Het nummer van de actielijn binnen de agenda. Leeg: geen actielijn."),
            required=True,
        ),
        Column("actielijn", _("De actielijn zoals in de begroting, zonder nummer.")),
        Column(
            "gemeentelijke_focus",
            _("Ja als de gemeentelijke inbreng zich vooral op deze actielijn richt."),
        ),
    ],
    {"agenda", "omschrijving", "actielijn"},
)

# The glossary of abbreviations and names in the budget's text.
GLOSSARY_COLUMNS = with_english(
    [
        Column(
            "term",
            _("De afkorting of naam zoals in de tekst, zoals 'MKB'."),
            required=True,
        ),
        Column(
            "begrip_slug", _("Het webadres-deel voor links. Leeg: gemaakt van de term.")
        ),
        Column(
            "betekenis", _("Voluit of in één zin: wat betekent het?"), required=True
        ),
        Column("toelichting", _("Optioneel: meer uitleg voor wie het niet kent.")),
    ],
    {"betekenis", "toelichting"},
)
