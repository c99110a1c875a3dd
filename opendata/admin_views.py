"""The admin's import pages: upload -> progress -> preview -> confirm ->
progress -> result. The work runs outside the request (opendata/jobs.py); these
pages only queue it and show how far it is."""

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from .forms import BudgetFileForm
from .imports import progress
from .jobs import (
    import_job_confirm,
    import_job_create,
    import_job_progress,
    import_job_retry,
    import_job_worker_gone,
    import_jobs_busy_before,
    import_jobs_visible_to,
)
from .models import ImportJob, ImportRun

PERMISSION = "opendata.import_budget"
# Seconds between two reloads of a page of a job in progress.
REFRESH_SECONDS = 3
# A job still queued after this long probably has no worker to run it.
NO_WORKER_AFTER_SECONDS = 30


def may_import(user) -> bool:
    return user.has_perm(PERMISSION)


class _ImportPage(PermissionRequiredMixin):
    permission_required = PERMISSION
    raise_exception = True  # a logged-in editor without the right gets a 403
    admin_site = None

    def get_context_data(self, **kwargs):
        return {
            **self.admin_site.each_context(self.request),
            "opts": ImportRun._meta,
            "changelist_url": reverse("admin:opendata_importrun_changelist"),
            "jobs_url": reverse("admin:opendata_importjob_changelist"),
            **super().get_context_data(**kwargs),
        }


class BudgetFileImportView(_ImportPage, FormView):
    """The upload: the file is queued for its preview, and the editor sees the
    job's page."""

    form_class = BudgetFileForm
    template_name = "admin/opendata/importrun/import.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(title=_("Begrotingsbestand inlezen"), **kwargs)

    def form_valid(self, form):
        upload = form.cleaned_data["file"]
        job = import_job_create(
            user=self.request.user, file_name=upload.name, content=upload.read()
        )
        return redirect(job.get_absolute_url())


STEP_LABELS = {
    progress.READING: _("het bestand lezen"),
    progress.CHECKING: _("de rijen controleren"),
    progress.WRITING: _("opslaan"),
}


class ImportJobView(_ImportPage, TemplateView):
    """One uploaded file: how far its preview or import is, then the preview
    with its confirm button, then the result; the page to come back to."""

    template_name = "admin/opendata/importrun/job.html"

    def dispatch(self, request, *args, pk, **kwargs):
        self.job = get_object_or_404(
            # Not the file itself (up to 5 MB), read again at every refresh.
            ImportJob.objects.select_related("import_run").defer("content"),
            pk=pk,
        )
        return super().dispatch(request, *args, **kwargs)

    def has_permission(self):
        # An editor's own files; a Beheerder's every file.
        if super().has_permission() and not (
            import_jobs_visible_to(user=self.request.user)
            .filter(pk=self.job.pk)
            .exists()
        ):
            raise Http404
        return super().has_permission()

    def get_context_data(self, **kwargs):
        job = self.job
        running = job.status in (ImportJob.Status.QUEUED, ImportJob.Status.RUNNING)
        refresh = running and self.request.GET.get("vernieuwen") != "uit"
        context = {
            "title": _("Verwerking van %(file)s") % {"file": job.file_name},
            "job": job,
            "Status": ImportJob.Status,
            "running": running,
            "refresh_seconds": REFRESH_SECONDS if refresh else None,
            "auto_refresh": refresh,
            "preview_step": job.step == ImportJob.Step.PREVIEW,
            "result": job.result,
        }
        if job.status == ImportJob.Status.RUNNING:
            context["worker_gone"] = import_job_worker_gone(job=job)
            state = import_job_progress(job=job)
            if state:
                number = progress.STEPS.index(state["step"]) + 1
                context["progress"] = {
                    **state,
                    "number": number,
                    "steps": len(progress.STEPS),
                    "label": STEP_LABELS[state["step"]],
                    # Reading the file has no count: an indeterminate bar.
                    "counted": state["step"] != progress.READING and state["total"],
                }
        if job.status == ImportJob.Status.FAILED:
            context["may_retry"] = (
                ImportJob.objects.filter(pk=job.pk).exclude(content=b"").exists()
            )
        if job.status == ImportJob.Status.QUEUED:
            waited = (timezone.now() - job.updated_at).total_seconds()
            if waited > NO_WORKER_AFTER_SECONDS:
                busy = import_jobs_busy_before(job=job)
                context["worker_busy"], context["no_worker"] = busy, not busy
        return super().get_context_data(**context, **kwargs)

    def post(self, request, *args, **kwargs):
        job = self.job
        if "confirm" in request.POST:
            if request.POST.get("digest") != job.digest or not import_job_confirm(
                job=job
            ):
                messages.warning(
                    request,
                    _(
                        "Dit voorbeeld is al bevestigd of verlopen; hieronder ziet u "
                        "hoe ver het is. Er wordt niets twee keer opgeslagen."
                    ),
                )
        elif "retry" in request.POST:
            if not import_job_retry(job=job):
                messages.warning(request, _("Deze verwerking kan niet opnieuw."))
        return redirect(job.get_absolute_url())
