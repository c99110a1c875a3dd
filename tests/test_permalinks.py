"""permalink() gives exactly the address reverse() gives, in every language."""

import pytest

from django.urls import NoReverseMatch, reverse, set_script_prefix
from django.utils import translation

from hengelo_portal.permalinks import permalink, permalinks


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(
    ("viewname", "kwargs"),
    [
        ("programmes:action_detail", {"pk": 7}),
        ("programmes:action_detail", {"pk": 1234567}),
        ("indicators:indicator_detail", {"slug": "uitstroom-naar-werk"}),
        ("programmes:programme_detail", {"year": 2018, "slug": "economie-werk"}),
    ],
)
def test_same_address_as_reverse(language, viewname, kwargs):
    with translation.override(language):
        assert permalink(viewname, **kwargs) == reverse(viewname, kwargs=kwargs)


def test_languages_do_not_share_an_address():
    with translation.override("nl"):
        dutch = permalink("programmes:action_detail", pk=3)
    with translation.override("en"):
        english = permalink("programmes:action_detail", pk=3)
    assert (dutch, english) == ("/acties/3/", "/en/acties/3/")


def test_follows_the_script_prefix():
    try:
        set_script_prefix("/begroting/")
        assert permalink("programmes:action_detail", pk=3) == "/begroting/acties/3/"
    finally:
        set_script_prefix("/")


def test_unusual_values_go_through_reverse():
    # Not a plain slug: left to reverse(), which refuses it as it always did.
    with pytest.raises(NoReverseMatch):
        reverse("indicators:indicator_detail", kwargs={"slug": "één"})
    with pytest.raises(NoReverseMatch):
        permalink("indicators:indicator_detail", slug="één")


@pytest.mark.parametrize("language", ["nl", "en"])
def test_many_addresses_of_one_view(language):
    with translation.override(language):
        address = permalinks("programmes:action_detail", "pk")
        for pk in (1, 98, 987654321, 4_000_000_000):
            expected = reverse("programmes:action_detail", kwargs={"pk": pk})
            assert address(pk) == expected


def test_values_reverse_would_treat_otherwise_go_through_reverse():
    # A negative number does not fit <int:pk>; a number as text does.
    with pytest.raises(NoReverseMatch):
        permalink("programmes:action_detail", pk=-1)
    assert permalink("programmes:action_detail", pk="12") == "/acties/12/"
