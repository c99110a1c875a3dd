"""gunicorn settings, used as `gunicorn -c python:hengelo_portal.gunicorn`."""

import multiprocessing
import os

from gunicorn.glogging import Logger

from hengelo_portal.log_filters import QueryStringFilter

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", 1))
timeout = 30
graceful_timeout = 20
# Load the application once, before forking workers.
preload_app = True
# The access log leaves out the visitor's address and the query string.
accesslog = "-"
access_log_format = '{"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "ms": %(M)s}'
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# No control socket: its default path ($XDG_RUNTIME_DIR/gunicorn.ctl) is one per
# user, so a second gunicorn of the same user (a test server, another site) would
# take it over from the first.
control_socket_disable = True


class PortalLogger(Logger):
    """gunicorn's logger, with query strings taken out of its lines as well (an
    error line names the request's address)."""

    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            log.addFilter(QueryStringFilter())


logger_class = PortalLogger
