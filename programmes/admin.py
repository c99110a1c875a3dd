"""The admin of the budget: what civil servants use to keep the programme current."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from content.admin import PortalAdmin, VersionedStackedInline, VersionedTabularInline
from content.models import PublicationStatus

from .models import (
    Action,
    ActionLine,
    Agenda,
    Budget,
    GlossaryTerm,
    KeyFigure,
    Paragraph,
    Place,
    Programme,
    Reference,
    Theme,
)

PUBLICATION_FIELDSET = (_("Publicatie"), {"fields": ["publication_status"]})


def _set_publication(modeladmin, request, queryset, status):
    # One save per object, not queryset.update(): each change gets its own line in
    # the history (and so can be undone) and passes the version check.
    changed = 0
    for obj in queryset.exclude(publication_status=status):
        obj.publication_status = status
        obj._history_user = request.user
        obj.save()
        changed += 1
    modeladmin.message_user(
        request,
        ngettext("%(count)d item bijgewerkt.", "%(count)d items bijgewerkt.", changed)
        % {"count": changed},
        messages.SUCCESS,
    )


@admin.action(description=_("Geselecteerde publiceren"), permissions=["change"])
def publish(modeladmin, request, queryset):
    _set_publication(modeladmin, request, queryset, PublicationStatus.PUBLISHED)


@admin.action(
    description=_("Geselecteerde terugzetten naar concept"), permissions=["change"]
)
def unpublish(modeladmin, request, queryset):
    _set_publication(modeladmin, request, queryset, PublicationStatus.DRAFT)


@admin.register(Budget)
class BudgetAdmin(PortalAdmin):
    list_display = ["title", "year", "publication_status", "updated_at"]
    list_filter = ["publication_status"]
    search_fields = ["title", "title_en", "year"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "year",
                    ("title", "title_en"),
                    ("description", "description_en"),
                    "version",
                ]
            },
        ),
        PUBLICATION_FIELDSET,
    ]
    actions = [publish, unpublish]


class ThemeInline(VersionedTabularInline):
    model = Theme
    fields = ["order", "title", "title_en", "slug", "publication_status", "version"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True


class KeyFigureInline(VersionedTabularInline):
    model = KeyFigure
    fields = [
        "order",
        "label",
        "label_en",
        "amount",
        "unit",
        "approximate",
        "year_from",
        "year_to",
        "version",
    ]
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(PortalAdmin):
    list_display = ["__str__", "budget", "publication_status", "updated_at"]
    list_filter = ["budget", "publication_status"]
    search_fields = ["title", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "budget",
                    "number",
                    # Each English version beside its Dutch original.
                    ("title", "title_en"),
                    "slug",
                    ("intro", "intro_en"),
                    ("developments_heading", "developments_heading_en"),
                    ("indicators_note", "indicators_note_en"),
                    ("responsible", "responsible_en"),
                    ("policy_documents", "policy_documents_en"),
                    "version",
                ]
            },
        ),
        PUBLICATION_FIELDSET,
    ]
    inlines = [ThemeInline, KeyFigureInline]
    actions = [publish, unpublish]

    def get_readonly_fields(self, request, obj=None):
        # Moving a programme to another budget changes two budgets: for whoever
        # may change budgets (a Beheerder), not for a Redacteur.
        readonly = list(super().get_readonly_fields(request, obj))
        if obj is not None and not request.user.has_perm("programmes.change_budget"):
            readonly.append("budget")
        return readonly


class ParagraphInline(VersionedStackedInline):
    model = Paragraph
    fields = [
        "order",
        ("heading", "heading_en"),
        ("text", "text_en"),
        "followed_by_agenda",
        "followed_by_actions",
        "version",
    ]


class ThemeReferenceInline(VersionedTabularInline):
    model = Reference
    fk_name = "theme"
    fields = ["kind", "code", "description", "description_en", "version"]
    verbose_name = _("verwijzing in de tekst van het onderdeel")
    verbose_name_plural = _("verwijzingen in de tekst van het onderdeel")


@admin.register(Theme)
class ThemeAdmin(PortalAdmin):
    list_display = ["title", "programme", "order", "publication_status", "updated_at"]
    list_filter = ["programme", "publication_status"]
    list_select_related = ["programme__budget"]
    search_fields = ["title", "paragraphs__text"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "programme",
                    "order",
                    ("title", "title_en"),
                    "slug",
                    "version",
                ]
            },
        ),
        PUBLICATION_FIELDSET,
    ]
    inlines = [ParagraphInline, ThemeReferenceInline]
    actions = [publish, unpublish]


@admin.register(Paragraph)
class ParagraphAdmin(PortalAdmin):
    list_display = ["__str__", "theme", "order", "updated_at"]
    list_filter = ["theme"]
    list_select_related = ["theme"]
    search_fields = ["heading", "text"]


class ActionLineInline(VersionedTabularInline):
    model = ActionLine
    fields = ["number", "title", "title_en", "municipal_focus", "version"]


@admin.register(Agenda)
class AgendaAdmin(PortalAdmin):
    list_display = ["name", "abbreviation", "coordinator", "publication_status"]
    search_fields = ["name", "name_en", "abbreviation", "description"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("name", "name_en"),
                    "slug",
                    "abbreviation",
                    "coordinator",
                    ("description", "description_en"),
                    ("start_year", "duration_years"),
                    "order",
                    "version",
                ]
            },
        ),
        PUBLICATION_FIELDSET,
    ]
    inlines = [ActionLineInline]
    actions = [publish, unpublish]


@admin.register(ActionLine)
class ActionLineAdmin(PortalAdmin):
    list_display = ["title", "agenda", "number", "municipal_focus"]
    list_filter = ["agenda", "municipal_focus"]
    list_select_related = ["agenda"]
    search_fields = ["title", "title_en", "agenda__name", "agenda__abbreviation"]
    fields = [
        "agenda",
        "number",
        ("title", "title_en"),
        "municipal_focus",
        "version",
    ]


class ActionReferenceInline(VersionedTabularInline):
    model = Reference
    fk_name = "action"
    fields = ["kind", "code", "description", "description_en", "version"]


@admin.register(Action)
class ActionAdmin(PortalAdmin):
    list_display = [
        "title",
        "theme",
        "kind",
        "status",
        "year",
        "order",
        "publication_status",
        "version",
    ]
    # The version is a hidden field in each row, so that a status saved from the
    # list is refused, too, when someone else changed the action meanwhile.
    list_editable = ["status", "order", "version"]
    list_filter = ["status", "kind", "year", "publication_status", "theme"]
    list_select_related = ["theme"]
    search_fields = ["title", "text", "references__code", "places__name"]
    autocomplete_fields = ["action_lines", "places"]
    readonly_fields = ["status_changed_at", "updated_at"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "theme",
                    "kind",
                    ("title", "title_en"),
                    ("text", "text_en"),
                    "version",
                ]
            },
        ),
        (
            _("Voortgang"),
            {"fields": ["status", "year", "order", "status_changed_at", "updated_at"]},
        ),
        (_("Koppelingen"), {"fields": ["action_lines", "places"]}),
        PUBLICATION_FIELDSET,
    ]
    inlines = [ActionReferenceInline]
    actions = [publish, unpublish]


@admin.register(Place)
class PlaceAdmin(PortalAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Reference)
class ReferenceAdmin(PortalAdmin):
    list_display = ["code", "kind", "description", "theme", "action"]
    list_filter = ["kind"]
    list_select_related = ["theme", "action"]
    search_fields = ["code", "description", "description_en"]
    autocomplete_fields = ["theme", "action"]
    fields = [
        "kind",
        "code",
        ("description", "description_en"),
        "theme",
        "action",
        "version",
    ]


@admin.register(KeyFigure)
class KeyFigureAdmin(PortalAdmin):
    list_display = ["label", "amount", "unit", "approximate", "programme"]
    list_filter = ["unit", "programme"]
    list_select_related = ["programme__budget"]
    search_fields = ["label", "label_en"]
    autocomplete_fields = ["programme", "theme", "action", "agenda"]
    fields = [
        "programme",
        "theme",
        "action",
        "agenda",
        "order",
        ("label", "label_en"),
        ("amount", "unit", "approximate"),
        ("year_from", "year_to"),
        "version",
    ]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(PortalAdmin):
    list_display = ["term", "meaning", "updated_at"]
    search_fields = ["term", "meaning", "description"]
    prepopulated_fields = {"slug": ["term"]}
