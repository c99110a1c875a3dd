from django.urls import path

from . import views

app_name = "indicators"

urlpatterns = [
    path("indicatoren/", views.indicator_list, name="indicator_list"),
    path("indicatoren/vergelijken/", views.indicator_compare, name="indicator_compare"),
    path("indicatoren/<slug:slug>/", views.indicator_detail, name="indicator_detail"),
]
