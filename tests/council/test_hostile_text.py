"""What a council member types: a NUL is refused with a Dutch message (it gave
a 500 on PostgreSQL), other control characters are cleaned, and a target id is
ASCII digits as everywhere in the portal."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from council.models import Note, Question
from tests.admin.helpers import signed_in
from tests.html import page_text

pytestmark = pytest.mark.django_db

NUL_MESSAGE = "bevat een teken dat niet bewaard kan worden (een nulteken, NUL)"


def _post(client, address, **data):
    return client.post(address, {"kind": "paragraph", "next": "/", **data})


def test_a_nul_in_a_note_or_question_is_refused_in_dutch(member, paragraph, deadline):
    client = signed_in(member.user)
    client.raise_request_exception = False
    for address in ("/raad/notities/nieuw/", "/raad/vragen/nieuw/"):
        response = _post(client, address, target=paragraph.pk, text="Vraag\x00 hier")
        assert response.status_code == 400, address
        assert NUL_MESSAGE in page_text(response)
    assert not Note.objects.exists() and not Question.objects.exists()


def test_a_nul_in_a_changed_note_is_refused_in_dutch(member, paragraph):
    client = signed_in(member.user)
    _post(client, "/raad/notities/nieuw/", target=paragraph.pk, text="Eerste")
    note = Note.objects.get()
    response = client.post(
        f"/raad/notities/{note.pk}/", {"text": "Tweede\x00", "visibility": "private"}
    )
    assert response.status_code == 400
    assert NUL_MESSAGE in page_text(response)
    note.refresh_from_db()
    assert note.text == "Eerste"


def test_other_control_characters_are_cleaned(member, paragraph, deadline):
    client = signed_in(member.user)
    text = "Regel\x0bvolgende\x1b[31m\tmet tab"
    _post(client, "/raad/notities/nieuw/", target=paragraph.pk, text=text)
    _post(client, "/raad/vragen/nieuw/", target=paragraph.pk, text=text)
    assert Note.objects.get().text == "Regel\nvolgende[31m\tmet tab"
    assert Question.objects.get().text == "Regel\nvolgende[31m\tmet tab"
    assert client.get("/raad/notities.xlsx").status_code == 200


def _odd_spellings(pk: int) -> list[str]:
    digits = str(pk)
    return [
        "".join(chr(0x0660 + int(d)) for d in digits),  # Arabic-Indic
        "".join(chr(0xFF10 + int(d)) for d in digits),  # full width
        f"+{digits}",
        f"{digits}.0",
        f"0_{digits}",
        str(2**63),
        "-1",
    ]


def test_a_target_id_is_ascii_digits(member, paragraph, deadline):
    """int() reads '١٢' (Arabic-Indic) and '0_12'; the portal's ids do not."""
    client = signed_in(member.user)
    client.raise_request_exception = False
    for odd in _odd_spellings(paragraph.pk):
        for address in ("/raad/notities/nieuw/", "/raad/vragen/nieuw/"):
            response = _post(client, address, target=odd, text="Notitie")
            assert response.status_code == 400, odd
            assert "bestaat niet of is nog niet gepubliceerd" in page_text(response)
    assert not Note.objects.exists() and not Question.objects.exists()


CONTROL = [chr(n) for n in range(32)] + [chr(n) for n in range(0x7F, 0xA0)]
UNFIT = {c for c in CONTROL if c < " " and c not in "\t\n\r"}


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    text=st.lists(
        st.one_of(st.sampled_from(CONTROL), st.text(max_size=8)), max_size=12
    ).map("".join),
    address=st.sampled_from(["/raad/notities/nieuw/", "/raad/vragen/nieuw/"]),
)
def test_no_text_a_member_types_fails(member, paragraph, deadline, text, address):
    client = signed_in(member.user)
    client.raise_request_exception = False
    response = _post(client, address, target=paragraph.pk, text=text)
    assert response.status_code in (200, 302, 400), response.status_code
    for stored in [*Note.objects.values_list("text", flat=True)] + [
        *Question.objects.values_list("text", flat=True)
    ]:
        assert not set(stored) & UNFIT
