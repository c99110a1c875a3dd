"""Staff preview: the public pages of programmes and actions, drafts included.

The preview renders the same templates as the public pages, with `preview` in
the context so that the base layout shows a banner. Only staff reach it, and
each only what the admin's change page would show them (preview_allowed).
"""

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import render
from django.urls import path

from content.admin import preview_allowed

from .selectors import (
    action_with_details,
    agendas_of_programme,
    programme_with_content,
)
from .views import render_programme

app_name = "preview"


@staff_member_required
def programme_preview(request, year, slug):
    programme = programme_with_content(year=year, slug=slug, public_only=False)
    preview_allowed(request, programme)
    return render_programme(
        request,
        programme,
        agendas_of_programme(programme=programme, public_only=False),
        preview=True,
    )


@staff_member_required
def action_preview(request, pk):
    action = action_with_details(pk=pk, public_only=False)
    preview_allowed(request, action)
    return render(
        request, "programmes/action_detail.html", {"action": action, "preview": True}
    )


urlpatterns = [
    path(
        "programmas/<int:year>/<slug:slug>/",
        programme_preview,
        name="programme_detail",
    ),
    path("acties/<int:pk>/", action_preview, name="action_detail"),
]
