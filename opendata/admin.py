"""The import log in the admin, with the pages that read in a file and the list
of uploaded files on their way (ImportJob)."""

from django.contrib import admin
from django.urls import path
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .admin_views import BudgetFileImportView, ImportJobView, may_import
from .jobs import import_jobs_visible_to
from .models import ImportJob, ImportRun


class _ReadOnly(admin.ModelAdmin):
    """Made by importing, on the import page; never by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) or may_import(request.user)


@admin.register(ImportRun)
class ImportRunAdmin(_ReadOnly):
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
        "job_link",
        "details",
    ]
    change_list_template = "admin/opendata/importrun/change_list.html"

    @admin.display(description=_("verwerking"))
    def job_link(self, run):
        job = getattr(run, "job", None)
        if job is None:
            return "-"
        return format_html('<a href="{}">{}</a>', job.get_absolute_url(), job)

    def get_urls(self):
        upload = BudgetFileImportView.as_view(admin_site=self.admin_site)
        job = ImportJobView.as_view(admin_site=self.admin_site)
        return [
            path(
                "inlezen/",
                self.admin_site.admin_view(upload),
                name="opendata_importrun_import",
            ),
            path(
                "inlezen/<int:pk>/",
                self.admin_site.admin_view(job),
                name="opendata_importrun_job",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request, extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "may_import": may_import(request.user),
        }
        return super().changelist_view(request, extra_context)


@admin.register(ImportJob)
class ImportJobAdmin(_ReadOnly):
    """Uploaded files and how far they are; each links to its own page."""

    list_display = ["created_at", "page_link", "user", "step", "status"]
    list_filter = ["status"]
    search_fields = ["file_name"]
    fields = [
        "created_at",
        "page_link",
        "user",
        "file_size",
        "step",
        "status",
        "message",
        "import_run",
    ]
    readonly_fields = fields

    @admin.display(description=_("bestand"), ordering="file_name")
    def page_link(self, job):
        return format_html('<a href="{}">{}</a>', job.get_absolute_url(), job.file_name)

    def get_queryset(self, request):
        # An editor's own files, a Beheerder's every file.
        jobs = super().get_queryset(request).select_related("user")
        return import_jobs_visible_to(user=request.user, jobs=jobs).defer(
            "content", "result"
        )
