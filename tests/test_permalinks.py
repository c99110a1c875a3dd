"""permalinks() gives exactly the addresses reverse() gives, in every language."""

import pytest

from django.urls import reverse, set_script_prefix
from django.utils import translation

from web.permalinks import permalinks


@pytest.mark.parametrize("language", ["nl", "en"])
def test_same_addresses_as_reverse(language):
    with translation.override(language):
        address = permalinks("programmes:action_detail", "pk")
        for pk in (1, 98, 987654321, 4_000_000_000):
            expected = reverse("programmes:action_detail", kwargs={"pk": pk})
            assert address(pk) == expected


def test_follows_the_script_prefix():
    try:
        set_script_prefix("/begroting/")
        address = permalinks("programmes:action_detail", "pk")
        assert address(3) == "/begroting/acties/3/"
    finally:
        set_script_prefix("/")
