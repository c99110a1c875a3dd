"""The visitor's address behind nginx (deploy/nginx/), for the login lock-out."""

# gunicorn's addresses for a request that came through nginx: its unix socket
# has no address; loopback when nginx reaches gunicorn over TCP.
TRUSTED_PROXIES = frozenset({"", "127.0.0.1", "::1"})


def client_ip(request) -> str:
    """The address nginx names in X-Forwarded-For when the request came through
    it, else the connection's own. Behind nginx every connection comes from nginx,
    so without this one visitor's failed logins would lock a user name out for
    everyone (django-axes counts per user name and address)."""
    remote = request.META.get("REMOTE_ADDR") or ""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and remote in TRUSTED_PROXIES:
        # nginx sets the header to the address it sees (not appending to what a
        # client sent); the last entry is the one it added.
        return forwarded.rsplit(",", 1)[-1].strip()
    return remote
