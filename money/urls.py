from django.urls import path

from . import views

app_name = "money"

urlpatterns = [
    # Beside the programme page's address: the year is the document's, so the
    # Begroting 2017's table of a programme has an address even where that budget
    # has no text of the programme in the portal.
    path(
        "programmas/<int:year>/<slug:slug>/financien/",
        views.document_money_page,
        name="document_money",
    ),
]
