"""The glossary's terms are found as a plain alternation, longest first, would."""

import re

import pytest

from programmes.models import Action, GlossaryTerm, Paragraph
from programmes.templatetags.programme_tags import _glossary_pattern

TERMS = ("WTC", "WTC-businessdistrict", "Wmo", "W", "UWV", "UW", "BBV", "BB")


def _plain(terms):
    longest_first = sorted(terms, key=len, reverse=True)
    return re.compile(
        r"(?<!\w)(" + "|".join(map(re.escape, longest_first)) + r")(?!\w)"
    )


@pytest.mark.parametrize(
    "text",
    [
        "Het WTC-businessdistrict ligt bij het WTC.",
        "WTCs en WTC-x en xWTC en WTC",
        "UWV, UW en UWVX; BBV BB BBVs",
        "W Wmo Wmo-loket W.",
        "",
    ],
)
def test_same_matches_as_a_plain_alternation(text):
    ours = _glossary_pattern(TERMS)
    assert [m.span() for m in ours.finditer(text)] == [
        m.span() for m in _plain(TERMS).finditer(text)
    ]


def test_same_matches_on_the_whole_seed(seed_data):
    terms = tuple(GlossaryTerm.objects.values_list("term", flat=True))
    texts = [*Action.objects.values_list("text", flat=True)]
    texts += Paragraph.objects.values_list("text", flat=True)
    ours, plain = _glossary_pattern(terms), _plain(terms)
    found = 0
    for text in texts:
        spans = [m.span() for m in ours.finditer(text)]
        assert spans == [m.span() for m in plain.finditer(text)]
        found += len(spans)
    assert found > 20


def test_no_terms_no_pattern():
    assert _glossary_pattern(()) is None


@pytest.mark.usefixtures("seed_data")
def test_a_reference_to_another_programme_is_a_link(client):
    from programmes.models import Programme
    from tests.programmes.factories import (
        ActionFactory,
        ParagraphFactory,
        ProgrammeFactory,
        ThemeFactory,
    )

    first = Programme.objects.get(number=1)
    second = ProgrammeFactory(
        budget=first.budget,
        number=10,
        title="Sociaal Domein",
        slug="sociaal-domein",
        intro="Werk en inkomen: zie programma 1. Over sport gaat programma 19.",
    )
    theme = ThemeFactory(programme=second)
    ParagraphFactory(theme=theme, text="Samen met Programma 1 en programma 10.")
    action = ActionFactory(theme=theme, text="Zoals in programma 1 staat.")
    link = f'<a href="{first.get_absolute_url()}">programma 1</a>'
    html = client.get(second.get_absolute_url()).content.decode()
    assert f"Werk en inkomen: zie {link}." in html
    assert "Over sport gaat programma 19." in html  # no such programme: plain text
    assert (
        f'Samen met <a href="{first.get_absolute_url()}">Programma 1</a> en '
        "programma 10."  # its own page: no link to itself
    ) in html
    assert link in client.get(action.get_absolute_url()).content.decode()
