"""No page with anything of a council member in it is ever stored by a cache."""

from django.utils.cache import add_never_cache_headers


class PersonalPagesMiddleware:
    """A response for which a council member was looked up (council/selectors.py,
    council_member_of) is marked private and no-store. The public page cache
    already skips requests with a session; this keeps it so should a member's
    page ever be rendered without one, and tells proxies and browsers the same.

    It sits below the page cache (and below authentication), so the page cache
    sees the header and does not store the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_council_member", None) is not None:
            add_never_cache_headers(response)
        return response
