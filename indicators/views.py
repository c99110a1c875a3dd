"""Public pages of the policy indicators."""

from django.shortcuts import get_object_or_404, render

from .models import Indicator


def indicator_detail(request, slug):
    indicator = get_object_or_404(
        Indicator.objects.published()
        .select_related("programme__budget")
        .prefetch_related("values__budget"),
        slug=slug,
    )
    return render(request, "indicators/indicator_detail.html", {"indicator": indicator})
