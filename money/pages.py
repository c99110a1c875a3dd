"""What the money adds to the programmes app's pages: the programme page's part,
search results and entries of the changes feed (registered in apps.py)."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from programmes.feeds import FEED_SIZE
from programmes.search import SearchField

from .charts import money_charts
from .models import FinancialFigure, ProductChange
from .selectors import programme_money


def programme_money_part(programme, *, public_only: bool) -> dict:
    """ "Wat mag het kosten?" on the programme page (money/_money.html)."""
    finances = programme_money(programme, public_only=public_only)
    return {"finances": finances, **money_charts(finances)}


PRODUCT_CHANGE_SEARCH = SearchField(
    queryset=lambda: ProductChange.objects.public().select_related(
        "programme__budget", "document"
    ),
    fields=("product_code", "product_name", "explanation"),
    snippet_field="explanation",
    kind=_("Product"),
    title=lambda c: f"{c.product_code} {c.localized('product_name')} – {c.document}",
    title_field="product_name",
    url=lambda c: c.get_absolute_url(),
)


@dataclass
class FinancesChanged:
    """One feed entry for the figures of a programme's overview in one document
    that changed: an import of 78 figures is one piece of news, not 78."""

    programme: object
    document: object
    figures: list

    def __str__(self):
        return f"{self.programme} ({self.document})"

    @property
    def updated_at(self):
        return self.figures[0].updated_at

    @property
    def created_at(self):
        return min(figure.created_at for figure in self.figures)

    @property
    def description(self):
        return _("Gewijzigd: %(figures)s.") % {
            "figures": ", ".join(str(figure) for figure in self.figures[:12])
        }

    def get_absolute_url(self):
        return self.figures[0].get_absolute_url()


def finances_changed():
    recent = (
        FinancialFigure.objects.public()
        .select_related("programme__budget", "document")
        .order_by("-updated_at")[: FEED_SIZE * 10]
    )
    grouped = {}
    for figure in recent:
        key = (figure.programme_id, figure.document_id)
        if key not in grouped:
            grouped[key] = FinancesChanged(figure.programme, figure.document, [])
        grouped[key].figures.append(figure)
    return list(grouped.values())


def product_changes_changed():
    return (
        ProductChange.objects.public()
        .select_related("programme__budget", "document")
        .order_by("-updated_at")
    )
