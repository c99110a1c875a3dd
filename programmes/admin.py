from django.contrib import admin

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


@admin.register(Budget)
class BudgetAdmin(admin.ModelAdmin):
    list_display = ["title", "year", "publication_status"]
    search_fields = ["title"]


class ThemeInline(admin.TabularInline):
    model = Theme
    fields = ["order", "title", "slug", "publication_status"]
    prepopulated_fields = {"slug": ["title"]}
    extra = 0
    show_change_link = True


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "budget", "publication_status", "updated_at"]
    list_filter = ["budget", "publication_status"]
    search_fields = ["title", "intro"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ThemeInline]


class ParagraphInline(admin.StackedInline):
    model = Paragraph
    fields = ["order", "text", "followed_by_agenda", "followed_by_actions"]
    extra = 0


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "order", "publication_status"]
    list_filter = ["programme"]
    search_fields = ["title", "paragraphs__text"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParagraphInline]


@admin.register(Paragraph)
class ParagraphAdmin(admin.ModelAdmin):
    list_display = ["__str__", "theme", "order"]
    list_filter = ["theme"]
    search_fields = ["text"]


class ActionLineInline(admin.TabularInline):
    model = ActionLine
    extra = 0


@admin.register(Agenda)
class AgendaAdmin(admin.ModelAdmin):
    list_display = ["name", "abbreviation", "coordinator", "publication_status"]
    search_fields = ["name", "abbreviation", "description"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ActionLineInline]


@admin.register(ActionLine)
class ActionLineAdmin(admin.ModelAdmin):
    list_display = ["title", "agenda", "number", "municipal_focus"]
    list_filter = ["agenda", "municipal_focus"]
    search_fields = ["title", "agenda__name"]


class ReferenceInline(admin.TabularInline):
    model = Reference
    fields = ["kind", "code", "description"]
    extra = 0


@admin.register(Action)
class ActionAdmin(admin.ModelAdmin):
    list_display = ["title", "theme", "kind", "status", "year"]
    list_filter = ["kind", "status", "year", "theme"]
    list_editable = ["status"]
    search_fields = ["title", "text"]
    autocomplete_fields = ["action_lines", "places"]
    inlines = [ReferenceInline]


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Reference)
class ReferenceAdmin(admin.ModelAdmin):
    list_display = ["code", "kind", "description", "theme", "action"]
    list_filter = ["kind"]
    search_fields = ["code", "description"]


@admin.register(KeyFigure)
class KeyFigureAdmin(admin.ModelAdmin):
    list_display = ["label", "amount", "unit", "programme"]
    list_filter = ["unit", "programme"]
    search_fields = ["label"]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "meaning"]
    search_fields = ["term", "meaning", "description"]
    prepopulated_fields = {"slug": ["term"]}
