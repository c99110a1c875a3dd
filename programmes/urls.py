from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.home, name="home"),
    path(
        "programmas/<int:year>/<slug:slug>/",
        views.programme_detail,
        name="programme_detail",
    ),
    path("acties/<int:pk>/", views.action_detail, name="action_detail"),
]
