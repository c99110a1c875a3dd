"""gunicorn's control socket: its default path is one per user, so two gunicorns
of the same user (two sites, a test server beside production) would share it and
the second would take over the first's. The portal's configuration switches it
off."""

from tests.production.servers import gunicorn


def test_gunicorn_makes_no_control_socket_of_the_user(tmp_path):
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {
        "XDG_RUNTIME_DIR": str(runtime),
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'portal.sqlite3'}",
        "PORTAL_CACHE_DIR": str(tmp_path / "cache"),
        "REDIS_URL": "",
    }
    with gunicorn(env) as first, gunicorn(env) as second:
        assert first != second
        assert list(runtime.iterdir()) == []
        assert not (tmp_path / ".gunicorn").exists()
