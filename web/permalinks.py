"""Addresses of many objects of one kind on a page, from a single reverse().

The programme page links to hundreds of actions; Django's reverse() took about
20 µs per link there, a tenth of the page's time at the benchmark's large size
(benchmarks/RESULTS.md). Addresses of one view differ only in their number, so
the address is reversed once with a placeholder and the numbers put in its place.
"""

from collections.abc import Callable

from django.urls import reverse

_PLACEHOLDER = 987_654_321


def permalinks(viewname: str, name: str) -> Callable[[int], str]:
    """A function giving reverse(viewname, kwargs={name: value}) for int values;
    call it within the request (language, script prefix) it is for."""
    address = reverse(viewname, kwargs={name: _PLACEHOLDER})
    before, after = address.split(str(_PLACEHOLDER), 1)
    return lambda value: f"{before}{int(value)}{after}"
