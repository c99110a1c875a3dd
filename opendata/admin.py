"""The import log in the admin, with the page that reads in a file."""

from django.contrib import admin
from django.urls import path

from .admin_views import BudgetFileImportView, may_import
from .models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    """The import history (read only); the import page is BudgetFileImportView."""

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
    change_list_template = "admin/opendata/importrun/change_list.html"

    def has_add_permission(self, request):
        return False  # an import run is made by importing, on the import page

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or may_import(request.user)

    def get_urls(self):
        view = BudgetFileImportView.as_view(admin_site=self.admin_site)
        return [
            path(
                "inlezen/",
                self.admin_site.admin_view(view),
                name="opendata_importrun_import",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_import": may_import(request.user),
        }
        return super().changelist_view(request, extra_context)
