from django.urls import path

from . import views
from .feeds import ChangesFeed

app_name = "programmes"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "programmas/<int:year>/<slug:slug>/",
        views.programme_detail,
        name="programme_detail",
    ),
    path("acties/", views.action_list, name="action_list"),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
    path("agendas/", views.agenda_list, name="agenda_list"),
    path("agendas/<slug:slug>/", views.agenda_detail, name="agenda_detail"),
    path("begrippen/", views.glossary, name="glossary"),
    path("zoeken/", views.search, name="search"),
    path("wijzigingen/atom/", ChangesFeed(), name="changes_feed"),
]
