"""What every piece of budget content is: timestamped, published or not, with
history; and the one rule for what the public may see."""

from simple_history.models import HistoricalRecords

from django.db import models
from django.db.models import Lookup, Q
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")


class PublicQuerySet(models.QuerySet):
    """`public()` is what the public may see: the one rule every page, list,
    filter, search, feed, download and API uses.

    Each model states its rule once, in `public_condition()`: published itself
    (if it has a status) and everything it hangs from, up to the budget. Only the
    staff preview reads past it.
    """

    def public(self):
        return self.filter(self.model.public_condition())


class TimeStampedModel(models.Model):
    """Every editable record knows when it was made and last changed."""

    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("laatst gewijzigd op"), auto_now=True)

    class Meta:
        abstract = True


class PublishableModel(TimeStampedModel):
    publication_status = models.CharField(
        _("publicatiestatus"),
        max_length=12,
        choices=PublicationStatus.choices,
        default=PublicationStatus.PUBLISHED,
        help_text=_(
            "Alleen gepubliceerde inhoud is zichtbaar op de publieke website. "
            "Kies 'Concept' om eerst te laten nakijken."
        ),
    )

    objects = PublicQuerySet.as_manager()

    class Meta:
        abstract = True

    @classmethod
    def public_condition(cls, prefix: str = "") -> Q:
        """Published itself; a model that hangs from another adds the other's
        condition (`super().public_condition(prefix) & Parent.public_condition(
        prefix + "parent__")`). `prefix` is the path from the queried model."""
        return Q(**{f"{prefix}publication_status": PublicationStatus.PUBLISHED})


@models.ForeignObject.register_lookup
class Among(Lookup):
    """`theme__among=<ids subquery>`: on PostgreSQL `theme_id = ANY(ARRAY(…))`,
    elsewhere `theme_id IN (…)`.

    PostgreSQL runs the array's subquery once, first, and then reads the child
    rows of just those parents through the index on the foreign key. With
    `IN (…)` or a join it cannot see that the public parents are few: their
    children are estimated from all rows, and behind 300,000 draft actions (a
    draft budget's, whose own status is 'published') it read the whole table on
    every public list, count and feed (0.4-0.8 s instead of 20 ms, issue 22;
    tests/programmes/test_public_query_plans.py).
    """

    lookup_name = "among"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(ARRAY{rhs})", (*lhs_params, *rhs_params)
        return f"{lhs} IN {rhs}", (*lhs_params, *rhs_params)


def public_parent(prefix: str, relation: str, model) -> Q:
    """The object `relation` points to is public, by `model`'s own rule; for a
    model with many rows under few parents (actions under themes)."""
    public_ids = model._default_manager.public().order_by().values("pk")
    return Q(**{f"{prefix}{relation}__among": public_ids})


def public_if_set(prefix: str, relation: str, model) -> Q:
    """An optional link (a sum that may name an action): empty, or public."""
    return Q(**{f"{prefix}{relation}__isnull": True}) | model.public_condition(
        f"{prefix}{relation}__"
    )


def publicly_visible(obj) -> bool:
    """Whether the public site shows the stored `obj`, by its model's rule."""
    manager = type(obj)._default_manager
    if not hasattr(manager, "public"):
        return True
    return manager.public().filter(pk=obj.pk).exists()


def history_of(verbose_name_plural, table_name=None):
    """Who changed what and when, for the admin's history view and its undo.

    `table_name` for a model that moved to another app and kept its tables."""
    return HistoricalRecords(
        verbose_name=format_lazy("{} (geschiedenis)", verbose_name_plural),
        verbose_name_plural=format_lazy("{} (geschiedenis)", verbose_name_plural),
        table_name=table_name,
    )
