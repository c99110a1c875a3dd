"""Atom feed of recent changes, so council members can follow what changed."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import Action, Programme, Theme

FEED_SIZE = 30

# (queryset factory, kind label, date field) of every kind of content in the
# feed; other apps add theirs with `register` (money and indicators, in their
# AppConfig).
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
