"""Staff preview of an indicator's public page, drafts included."""

from django.contrib.admin.views.decorators import staff_member_required
from django.shortcuts import get_object_or_404
from django.urls import path

from .models import Indicator
from .views import render_indicator

app_name = "indicator_preview"


@staff_member_required
def indicator_preview(request, slug):
    indicator = get_object_or_404(
        Indicator.objects.select_related("programme__budget"), slug=slug
    )
    return render_indicator(request, indicator, preview=True)


urlpatterns = [
    path("indicatoren/<slug:slug>/", indicator_preview, name="indicator_detail"),
]
