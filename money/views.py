"""Public pages of the money: each document's table of a programme, as published."""

from django.shortcuts import render

from .selectors import document_money


def document_money_page(request, year, slug):
    return render(
        request,
        "money/document_money.html",
        {"money": document_money(year=year, slug=slug)},
    )
