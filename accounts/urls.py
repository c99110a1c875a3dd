from django.urls import path

from web.middleware import takes_post

from . import views

app_name = "accounts"

urlpatterns = [
    path(
        "account/koppelen/",
        takes_post(views.EnrolView.as_view()),
        name="enrol",
    ),
]
