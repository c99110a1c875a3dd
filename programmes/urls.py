from django.urls import path, re_path

from . import views
from .spreadsheets import DOWNLOAD_PATTERN

app_name = "programmes"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "programmas/<int:year>/<slug:slug>/",
        views.programme_detail,
        name="programme_detail",
    ),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    re_path(
        rf"^open-data/acties{DOWNLOAD_PATTERN}$",
        views.actions_download,
        name="actions_download",
    ),
]
