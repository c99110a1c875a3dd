"""gunicorn settings, used as `gunicorn -c python:hengelo_portal.gunicorn`."""

import multiprocessing
import os

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
