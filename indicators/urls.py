from django.urls import path, re_path

from programmes.spreadsheets import DOWNLOAD_PATTERN

from . import views

app_name = "indicators"

urlpatterns = [
    path("indicatoren/", views.indicator_list, name="indicator_list"),
    path("indicatoren/vergelijken/", views.indicator_compare, name="indicator_compare"),
    path("indicatoren/<slug:slug>/", views.indicator_detail, name="indicator_detail"),
    path("open-data/", views.open_data, name="open_data"),
    re_path(
        rf"^open-data/indicatoren{DOWNLOAD_PATTERN}$",
        views.indicator_values_download,
        name="indicator_values_download",
    ),
    path(
        "open-data/sjabloon-begroting.xlsx",
        views.budget_template_download,
        name="budget_template",
    ),
    path("api/", views.api_documentation, name="api_documentation"),
]
