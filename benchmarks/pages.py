"""The public page types the benchmark measures, at the seed's size and the large one.

Add a page here and every measurement picks it up. A page whose feature is not built
yet stays in the list with `available=False`, so the results show the gap.
"""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    name: str
    seed_url: str = ""
    # The large size's address is looked up once the synthetic budget exists.
    large_url: Callable[[], str] | None = None
    available: bool = True
    lighthouse: bool = False
    note: str = field(default="", compare=False)

    def url(self, size: str) -> str:
        if size == "large" and self.large_url is not None:
            return self.large_url()
        return self.seed_url


def _large_programme() -> str:
    from programmes.models import Programme

    return (
        Programme.objects.order_by("-budget__year", "number").first().get_absolute_url()
    )


def _large_action() -> str:
    from programmes.models import Action

    # One that has every relation the page shows, as the seed's action 1 has: a
    # prefetch over an empty set runs no query, which would hide a difference.
    return (
        Action.objects.filter(
            action_lines__isnull=False,
            places__isnull=False,
            references__isnull=False,
            key_figures__isnull=False,
        )
        .order_by("-theme__programme__budget__year", "pk")
        .first()
        .get_absolute_url()
    )


def _large_indicator() -> str:
    from indicators.models import Indicator

    return Indicator.objects.order_by("-pk").first().get_absolute_url()


def _large_compare() -> str:
    from programmes.models import Budget

    years = sorted(Budget.objects.values_list("year", flat=True))
    return f"/indicatoren/vergelijken/?van={years[-2]}&naar={years[-1]}"


PAGES = [
    Page("home", "/", lighthouse=True),
    Page(
        "programme",
        "/programmas/2018/economie-werk-en-inkomen/",
        _large_programme,
        lighthouse=True,
    ),
    Page("action list", "/acties/"),
    Page(
        "action list, filtered and sorted",
        "/acties/?soort=action&status=planned&sort=action_lines",
    ),
    Page("action detail", "/acties/1/", _large_action),
    Page("indicator list", "/indicatoren/"),
    Page(
        "indicator detail",
        "/indicatoren/uitstroom-naar-werk-incl-zelfstandig-ondernemerschap/",
        _large_indicator,
        lighthouse=True,
    ),
    Page(
        "compare years",
        "/indicatoren/vergelijken/?van=2017&naar=2018",
        _large_compare,
    ),
    Page("search", "/zoeken/?q=werk"),
    # A word in few texts: what the search costs when the result set is small.
    Page("search, rare word", "/zoeken/?q=schuldhulpverlening"),
    Page("API list", "/api/v1/acties/"),
    Page("API detail", "/api/v1/acties/1/", lambda: "/api/v1" + _large_action()),
    Page("CSV export", "/open-data/indicatoren.csv"),
]

# The static file each page's throughput is compared with.
STATIC_FILE = "css/portal.css"
