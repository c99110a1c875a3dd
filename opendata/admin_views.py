"""The admin's import page: upload -> preview of what changes -> confirm."""

import base64
import hashlib
import uuid

from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from .forms import BudgetFileForm
from .imports.pipeline import budget_file_import
from .models import ImportRun

PERMISSION = "opendata.import_budget"
# The uploaded file waits here between preview and confirmation; never on disk.
SESSION_KEY = "budget_import_upload"


def may_import(user) -> bool:
    return user.has_perm(PERMISSION)


class BudgetFileImportView(PermissionRequiredMixin, FormView):
    """Reads a file twice: first as a preview (nothing is kept), then, after the
    editor confirms the same file (by its digest), for real."""

    permission_required = PERMISSION
    raise_exception = True  # a logged-in editor without the right gets a 403
    form_class = BudgetFileForm
    template_name = "admin/opendata/importrun/import.html"
    admin_site = None

    def get_context_data(self, **kwargs):
        return {
            **self.admin_site.each_context(self.request),
            "opts": ImportRun._meta,
            "title": _("Begrotingsbestand inlezen"),
            "changelist_url": reverse("admin:opendata_importrun_changelist"),
            **super().get_context_data(**kwargs),
        }

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """The preview: the whole import, rolled back."""
        upload = form.cleaned_data["file"]
        content = upload.read()
        result = budget_file_import(
            content=content, file_name=upload.name, user=self.request.user, dry_run=True
        )
        context = {"result": result, "file_name": upload.name}
        if result.ok:
            digest = hashlib.sha256(content).hexdigest()
            self.request.session[SESSION_KEY] = {
                "name": upload.name,
                "digest": digest,
                # This preview, once: a second confirmation imports nothing.
                "preview": uuid.uuid4().hex,
                "content": base64.b64encode(content).decode("ascii"),
            }
            context["digest"] = digest
        return self.render_to_response(self.get_context_data(form=form, **context))

    def confirm(self):
        stored = self.request.session.get(SESSION_KEY)
        if not stored or stored["digest"] != self.request.POST.get("digest"):
            messages.error(
                self.request,
                _("Het voorbeeld is verlopen; lees het bestand opnieuw in."),
            )
            return redirect("admin:opendata_importrun_import")
        result = budget_file_import(
            content=base64.b64decode(stored["content"]),
            file_name=stored["name"],
            user=self.request.user,
            dry_run=False,
            preview=stored["preview"],
        )
        if not result.ok:
            return self.render_to_response(
                self.get_context_data(
                    form=self.form_class(), result=result, file_name=stored["name"]
                )
            )
        del self.request.session[SESSION_KEY]
        messages.success(
            self.request,
            _("%(file)s is ingelezen: %(summary)s.")
            % {"file": stored["name"], "summary": result.summary()},
        )
        return redirect("admin:opendata_importrun_changelist")
