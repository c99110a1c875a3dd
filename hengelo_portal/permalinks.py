"""reverse() for the many links of one kind on a page, a tenth of the time.

The programme page links to hundreds of actions; Django's reverse() took about
20 µs per link there, a tenth of the page's time at the benchmark's large size
(benchmarks/RESULTS.md). Addresses of one view differ only in their arguments, so
each view's address is reversed once (per language, script prefix and URLconf)
with placeholder arguments, and the real arguments are put in their place.
"""

import re
from functools import lru_cache

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# Arguments that reverse() would put in the address unchanged: numbers, slugs.
_PLAIN = re.compile(r"[-a-zA-Z0-9_]+")


def _placeholder(index: int, kind: type) -> int | str:
    # Digits for int converters, letters for slugs; like nothing else in an address.
    return 987_654_321_000 + index if kind is int else f"zq{index}qz"


@lru_cache(maxsize=256)
def _template(viewname, kinds, _language, _prefix, _urlconf) -> str:
    kwargs = {name: _placeholder(i, kind) for i, (name, kind) in enumerate(kinds)}
    return reverse(viewname, kwargs=kwargs)


def permalink(viewname: str, **kwargs) -> str:
    """The same address as reverse(viewname, kwargs=kwargs), for views whose
    arguments are `<int:…>` and `<slug:…>` path converters (the portal's own); any
    other value, or a view the placeholders do not fit, goes through reverse()."""
    kinds = tuple((name, type(value)) for name, value in kwargs.items())
    if not all(
        (kind is int and kwargs[name] >= 0)
        or (kind is str and _PLAIN.fullmatch(kwargs[name]))
        for name, kind in kinds
    ):
        return reverse(viewname, kwargs=kwargs)
    try:
        address = _template(
            viewname,
            kinds,
            get_language(),
            get_script_prefix(),
            get_urlconf() or settings.ROOT_URLCONF,
        )
    except NoReverseMatch:
        # E.g. a number given as text for an <int:…>: reverse() decides.
        return reverse(viewname, kwargs=kwargs)
    for i, (name, kind) in enumerate(kinds):
        address = address.replace(str(_placeholder(i, kind)), str(kwargs[name]), 1)
    return address


def permalinks(viewname: str, name: str):
    """permalink(viewname, **{name: value}) for many int values in a row, such as
    the hundreds of actions on one page: the address is looked up only once."""
    placeholder = 987_654_321
    address = permalink(viewname, **{name: placeholder})
    before, after = address.split(str(placeholder), 1)
    return lambda value: f"{before}{int(value)}{after}"
