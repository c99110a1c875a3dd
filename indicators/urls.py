from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path(
        "indicatoren/<slug:slug>/",
        views.indicator_detail,
        name="indicator_detail",
    ),
]
