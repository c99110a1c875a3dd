"""Staff preview of an indicator's public page, drafts included, for whom the
admin's change page would show it (content.admin.preview_allowed)."""

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404
from django.urls import path

from content.admin import preview_allowed

from .models import Indicator
from .views import render_indicator

app_name = "indicator_preview"


@staff_member_required
def indicator_preview(request, slug):
    indicator = get_object_or_404(
        Indicator.objects.select_related("programme__budget"), slug=slug
    )
    preview_allowed(request, indicator)
    return render_indicator(request, indicator, preview=True)


urlpatterns = [
    path("indicatoren/<slug:slug>/", indicator_preview, name="indicator_detail"),
]
