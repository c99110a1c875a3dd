"""Staff preview of an indicator's public page, drafts included."""

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404, render
from django.urls import path

from .models import Indicator

app_name = "indicator_preview"


@staff_member_required
def indicator_preview(request, slug):
    indicator = get_object_or_404(
        Indicator.objects.select_related("programme__budget").prefetch_related(
            "values__budget"
        ),
        slug=slug,
    )
    return render(
        request,
        "indicators/indicator_detail.html",
        {"indicator": indicator, "preview": True},
    )


urlpatterns = [
    path("indicatoren/<slug:slug>/", indicator_preview, name="indicator_detail"),
]
