"""Every public address of the portal (seed data) with the query parameters it reads.

The hostile-input tests send odd values to each of these parameters; the cache
tests check that each view declares exactly these (web/params.py).
"""

ACTION_FILTERS = (
    "thema",
    "soort",
    "status",
    "actielijn",
    "jaar",
    "programma",
    "begrotingsjaar",
)
TABLE = ("sort", "page", "per_page")
API_PAGES = ("pagina", "per_pagina", "lang", "format")

# Dutch here, English under /en/.
PAGES = {
    "/": ("jaar",),
    "/programmas/2018/economie-werk-en-inkomen/": (),
    "/acties/": ACTION_FILTERS + TABLE,
    "/acties/1/": (),
    "/agendas/": (),
    "/agendas/twente-werkt/": (),
    "/indicatoren/": TABLE,
    "/indicatoren/uitstroom-overig/": (),
    "/indicatoren/vergelijken/": ("van", "naar", *TABLE),
    "/zoeken/": ("q",),
    "/begrippen/": (),
    "/wijzigingen/atom/": (),
    "/open-data/": (),
    "/api/": (),
    "/contact/": (),
    "/privacy/": (),
    "/toegankelijkheid/": (),
    "/kwetsbaarheid-melden/": (),
}
DOWNLOAD_SUFFIXES = (".csv", "-puntkomma.csv", ".xlsx", ".json")
DOWNLOADS = {
    "/open-data/acties": ACTION_FILTERS,
    "/open-data/indicatoren": ("programma", "jaar", "begrotingsjaar", "indicator"),
    "/open-data/financien": ("programma", "begrotingsjaar"),
    "/open-data/teksten": ("programma", "begrotingsjaar"),
    "/open-data/programmas": ("programma", "begrotingsjaar"),
}
OTHER_FILES = {
    "/open-data/begroting.xlsx": ("programma", "begrotingsjaar"),
    "/open-data/sjabloon-begroting.xlsx": (),
    "/robots.txt": (),
    "/.well-known/security.txt": (),
}
API = {
    "/api/v1/": ("lang", "format"),
    "/api/v1/schema/": ("lang", "format"),
    "/api/v1/begrotingen/": API_PAGES,
    "/api/v1/programmas/": ("begrotingsjaar", "programma", *API_PAGES),
    "/api/v1/onderdelen/": ("begrotingsjaar", "programma", *API_PAGES),
    "/api/v1/teksten/": ("begrotingsjaar", "programma", "onderdeel", *API_PAGES),
    "/api/v1/agendas/": API_PAGES,
    "/api/v1/actielijnen/": ("agenda", *API_PAGES),
    "/api/v1/acties/": ACTION_FILTERS + API_PAGES,
    "/api/v1/indicatoren/": ("begrotingsjaar", "programma", *API_PAGES),
    "/api/v1/waarden/": ("begrotingsjaar", "jaar", "programma", "indicator", "soort")
    + API_PAGES,
    "/api/v1/financien/": (
        "begrotingsjaar",
        "programma",
        "document",
        "regel",
        "soort",
        "jaar",
        *API_PAGES,
    ),
    "/api/v1/verschillen/": ("begrotingsjaar", "programma", "document", *API_PAGES),
}
# A detail address reads its list's filters (DRF applies them), but no page.
API_DETAILS = {
    f"{path}{{}}/": tuple(name for name in names if name not in API_PAGES[:2])
    for path, names in API.items()
    if path.count("/") == 4 and "schema" not in path
}


def english(path: str) -> str:
    return f"/en{path}"


def every_address() -> dict[str, tuple[str, ...]]:
    """Address -> parameters, both languages, every download format."""
    addresses = dict(PAGES)
    addresses.update((english(path), names) for path, names in PAGES.items())
    for path, names in DOWNLOADS.items():
        addresses.update((f"{path}{suffix}", names) for suffix in DOWNLOAD_SUFFIXES)
    addresses.update(OTHER_FILES)
    addresses.update(API)
    addresses.update((path.format(1), names) for path, names in API_DETAILS.items())
    return addresses
