from django.urls import path

from web.middleware import takes_post

from . import views

app_name = "council"

urlpatterns = [
    path("raad/inloggen/", takes_post(views.CouncilLoginView.as_view()), name="login"),
    path(
        "raad/uitloggen/", takes_post(views.CouncilLogoutView.as_view()), name="logout"
    ),
    path("raad/", views.workspace, name="workspace"),
    path("raad/notities/nieuw/", takes_post(views.note_add), name="note_add"),
    path("raad/notities/<int:pk>/", takes_post(views.note_edit), name="note_edit"),
    path("raad/vragen/nieuw/", takes_post(views.question_ask), name="question_ask"),
    path("technische-vragen/<int:year>/", views.questions, name="questions"),
]
