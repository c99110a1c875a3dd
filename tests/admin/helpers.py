"""Helpers for admin tests: signed-in clients and forms as a browser submits them."""

import re

from django.test import Client


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def form_data(html: str) -> dict:
    """The values a browser would submit from an admin change form."""
    data = {}
    for tag in re.findall(r"<input[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or 'type="submit"' in tag or 'type="checkbox"' in tag:
            continue
        value = re.search(r'value="([^"]*)"', tag)
        data[name.group(1)] = value.group(1) if value else ""
    for tag in re.findall(r"<input[^>]*checked[^>]*>", html):
        data[re.search(r'name="([^"]+)"', tag).group(1)] = "on"
    for name, body in re.findall(
        r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', html, re.S
    ):
        data[name] = body.lstrip("\n")
    for name, body in re.findall(
        r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', html, re.S
    ):
        selected = re.findall(r'<option value="([^"]*)"[^>]*selected', body)
        if "multiple" in html.split(f'name="{name}"')[1].split(">")[0]:
            data[name] = selected
        elif selected:
            data[name] = selected[0]
    data.pop("csrfmiddlewaretoken", None)
    return data


def first_record(model):
    """The seed's first record of `model`; for the few kinds the seed has none of
    (no number of inhabitants is guessed), one made as an editor would."""
    from money.models import Population

    obj = model.objects.first()
    if obj is None and model is Population:
        obj = Population.objects.create(
            year=2018, inhabitants=81000, counted_on="2018-01-01", source="test"
        )
    return obj
