from django.urls import path

from . import views

app_name = "council"

urlpatterns = [
    path("raad/inloggen/", views.CouncilLoginView.as_view(), name="login"),
    path("raad/uitloggen/", views.CouncilLogoutView.as_view(), name="logout"),
    path("raad/", views.workspace, name="workspace"),
    path("raad/notities/nieuw/", views.note_add, name="note_add"),
    path("raad/notities/<int:pk>/", views.note_edit, name="note_edit"),
    path("raad/vragen/nieuw/", views.question_ask, name="question_ask"),
    path("technische-vragen/<int:year>/", views.questions, name="questions"),
]
