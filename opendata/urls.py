from django.urls import path, re_path

from . import views
from .spreadsheets import DOWNLOAD_PATTERN

app_name = "opendata"

urlpatterns = [
    path("open-data/", views.open_data, name="open_data"),
    re_path(
        rf"^open-data/indicatoren{DOWNLOAD_PATTERN}$",
        views.indicator_values_download,
        name="indicator_values_download",
    ),
    re_path(
        rf"^open-data/acties{DOWNLOAD_PATTERN}$",
        views.actions_download,
        name="actions_download",
    ),
    re_path(
        rf"^open-data/financien{DOWNLOAD_PATTERN}$",
        views.money_download,
        name="money_download",
    ),
    re_path(
        rf"^open-data/teksten{DOWNLOAD_PATTERN}$",
        views.texts_download,
        name="texts_download",
    ),
    re_path(
        rf"^open-data/programmas{DOWNLOAD_PATTERN}$",
        views.programmes_download,
        name="programmes_download",
    ),
    path("open-data/begroting.xlsx", views.budget_download, name="budget_download"),
    re_path(
        rf"^open-data/technische-vragen{DOWNLOAD_PATTERN}$",
        views.council_questions_download,
        name="council_questions_download",
    ),
    # Personal, behind the council login: under /raad/, which is never cached.
    re_path(
        rf"^raad/notities{DOWNLOAD_PATTERN}$",
        views.council_notes_download,
        name="council_notes_download",
    ),
    path(
        "open-data/sjabloon-begroting.xlsx",
        views.budget_template_download,
        name="budget_template",
    ),
    path("api/", views.api_documentation, name="api_documentation"),
]
