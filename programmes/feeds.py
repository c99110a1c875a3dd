"""Atom feed of recent changes, so council members can follow what changed."""

from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Action, FinancialFigure, ProductChange, Programme, Theme

FEED_SIZE = 30

# (queryset factory, kind label, date field) of every kind of content in the
# feed; other apps add theirs with `register`.
_sources = []


def register(queryset, *, kind: str, date: str = "updated_at") -> None:
    """`date` is what the feed dates an item by: its last change, or, for
    content the feed only announces when it is new, its creation."""
    _sources.append((queryset, kind, date))


register(
    lambda: (
        Action.objects.public()
        .select_related("theme__programme")
        .order_by("-updated_at")
    ),
    kind=_("Actie"),
)
# A new programme or part (onderdeel) is announced; its texts change often while
# an editor finishes it, and its actions have their own entries.
register(
    lambda: Programme.objects.public().select_related("budget").order_by("-created_at"),
    kind=_("Nieuw programma"),
    date="created_at",
)
register(
    lambda: (
        Theme.objects.public()
        .select_related("programme__budget")
        .order_by("-created_at")
    ),
    kind=_("Nieuw onderdeel"),
    date="created_at",
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


def _finances_changed():
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


register(_finances_changed, kind=_("Financiën"))
register(
    lambda: (
        ProductChange.objects.public()
        .select_related("programme__budget", "document")
        .order_by("-updated_at")
    ),
    kind=_("Verschil per product"),
)


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = _("Wijzigingen in de begroting van de gemeente Hengelo")
    subtitle = _(
        "Nieuwe programma's en onderdelen, recent gewijzigde acties, bedragen en "
        "beleidsindicatoren."
    )
    link = reverse_lazy("programmes:home")

    def items(self):
        items = []
        for queryset, kind, date in _sources:
            for obj in queryset()[:FEED_SIZE]:
                obj.feed_kind = kind
                obj.feed_date = getattr(obj, date)
                items.append(obj)
        items.sort(key=lambda obj: obj.feed_date, reverse=True)
        return items[:FEED_SIZE]

    def item_title(self, item):
        return f"{item.feed_kind}: {item}"

    def item_description(self, item):
        # A kind of content may say itself what its entry shows (a question
        # with its answer); else its text, description or introduction.
        if hasattr(item, "feed_description"):
            return item.feed_description()
        for field in ("text", "description", "intro"):
            if getattr(item, field, ""):
                return getattr(item, field)
        return ""

    def item_updateddate(self, item):
        return item.feed_date

    def item_pubdate(self, item):
        return item.created_at
