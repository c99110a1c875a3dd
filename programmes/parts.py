"""Parts other apps add to the programme page, so that this app never imports them."""

from collections.abc import Callable

# Each part gives the context its template needs: part(programme, public_only=…).
_programme_parts: list[Callable[..., dict]] = []


def register_programme_part(part: Callable[..., dict]) -> None:
    """`part(programme, *, public_only)` returns the context of its part of the
    page; `public_only` is False in the staff preview, which shows drafts too."""
    _programme_parts.append(part)


def programme_parts(programme, *, public_only: bool) -> dict:
    context = {}
    for part in _programme_parts:
        context.update(part(programme, public_only=public_only))
    return context
