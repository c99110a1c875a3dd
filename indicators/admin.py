"""The admin of the policy indicators: their values per budget year in one table."""

import base64
import hashlib

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from programmes.admin import publish, unpublish
from programmes.admin_base import (
    PortalAdmin,
    RowsNamedFormSet,
    VersionedTabularInline,
)

from .budget_import import budget_file_import
from .forms import BudgetFileForm
from .models import ImportRun, Indicator, IndicatorValue

# The uploaded file waits here between preview and confirmation; never on disk.
SESSION_KEY = "budget_import_upload"


class IndicatorValueFormSet(RowsNamedFormSet):
    def get_unique_error_message(self, unique_check):
        # Django's default names the fields by code ("budget en kind").
        return _(
            "Er staan twee waarden van dezelfde soort voor dezelfde begroting. "
            "Per begroting en soort hoort er één waarde bij een indicator."
        )


class IndicatorValueInline(VersionedTabularInline):
    model = IndicatorValue
    formset = IndicatorValueFormSet
    fields = [
        "budget",
        "kind",
        "value",
        "measured_year",
        "note",
        "note_en",
        "version",
    ]
    verbose_name = _("waarde per begroting")
    verbose_name_plural = _("waarden per begroting")


@admin.register(Indicator)
class IndicatorAdmin(PortalAdmin):
    list_display = ["name", "unit", "programme", "publication_status", "updated_at"]
    list_filter = ["programme", "unit_kind", "publication_status"]
    list_select_related = ["programme__budget"]
    search_fields = ["name", "unit", "source"]
    prepopulated_fields = {"slug": ["name", "unit"]}
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "programme",
                    "order",
                    ("name", "name_en"),
                    "slug",
                    ("unit", "unit_en"),
                    "unit_kind",
                    ("source", "source_en"),
                    ("description", "description_en"),
                    "version",
                ]
            },
        ),
        (_("Publicatie"), {"fields": ["publication_status"]}),
    ]
    inlines = [IndicatorValueInline]
    actions = [publish, unpublish]


@admin.register(IndicatorValue)
class IndicatorValueAdmin(PortalAdmin):
    list_display = ["indicator", "budget", "kind", "value", "measured_year", "note"]
    list_filter = ["budget", "kind", "indicator__programme"]
    list_select_related = ["indicator", "budget"]
    search_fields = ["indicator__name", "note"]
    autocomplete_fields = ["indicator"]
    fields = [
        "indicator",
        "budget",
        "kind",
        ("value", "measured_year"),
        ("note", "note_en"),
        "version",
    ]


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The import history (read only) and the page that reads in a file."""

    list_display = ["created_at", "file_name", "user", "summary"]
    list_filter = ["user"]
    search_fields = ["file_name", "details"]
    readonly_fields = [
        "created_at",
        "user",
        "file_name",
        "file_size",
        "summary",
        "details",
    ]
    change_list_template = "admin/indicators/importrun/change_list.html"

    def has_add_permission(self, request):
        return False  # an import run is made by importing, on the page below

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or self.may_import(request)

    def may_import(self, request) -> bool:
        return request.user.has_perm("indicators.import_budget")

    def get_urls(self):
        return [
            path(
                "inlezen/",
                self.admin_site.admin_view(self.import_view),
                name="indicators_importrun_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_import": self.may_import(request),
        }
        return super().changelist_view(request, extra_context)

    def import_view(self, request):
        """Upload -> preview of what changes -> confirm, which applies it."""
        if not self.may_import(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Begrotingsbestand inlezen"),
        }
        form = BudgetFileForm()
        if request.method == "POST" and "confirm" in request.POST:
            stored = request.session.get(SESSION_KEY)
            if not stored or stored["digest"] != request.POST.get("digest"):
                messages.error(
                    request,
                    _("Het voorbeeld is verlopen; lees het bestand opnieuw in."),
                )
                return redirect("admin:indicators_importrun_import")
            result = budget_file_import(
                content=base64.b64decode(stored["content"]),
                file_name=stored["name"],
                user=request.user,
                dry_run=False,
            )
            if result.ok:
                del request.session[SESSION_KEY]
                messages.success(
                    request,
                    _("%(file)s is ingelezen: %(summary)s.")
                    % {"file": stored["name"], "summary": result.summary()},
                )
                return redirect("admin:indicators_importrun_changelist")
            context.update(result=result, file_name=stored["name"])
        elif request.method == "POST":
            form = BudgetFileForm(request.POST, request.FILES)
            if form.is_valid():
                upload = form.cleaned_data["file"]
                content = upload.read()
                result = budget_file_import(
                    content=content,
                    file_name=upload.name,
                    user=request.user,
                    dry_run=True,
                )
                context.update(result=result, file_name=upload.name)
                if result.ok:
                    digest = hashlib.sha256(content).hexdigest()
                    request.session[SESSION_KEY] = {
                        "name": upload.name,
                        "digest": digest,
                        "content": base64.b64encode(content).decode("ascii"),
                    }
                    context["digest"] = digest
        context["form"] = form
        context["changelist_url"] = reverse("admin:indicators_importrun_changelist")
        return TemplateResponse(
            request, "admin/indicators/importrun/import.html", context
        )
