"""gunicorn's settings for newsmap (`make serve`); gunicorn reads this file from
the working directory by itself, so every way of starting newsmap for real (make
serve, benchmarks/load.py, the tests that start a server) runs the same.
"""

import sys

from django.core.exceptions import ImproperlyConfigured

try:
    # Read here, before any worker starts, so that a bad variable stops the
    # server with one line instead of every worker dying with a traceback.
    from newsmap.settings import env_int

    # Worker processes: about two per core is usual (README.md, Deploying).
    workers = env_int("WEB_CONCURRENCY", 2, minimum=1)
except ImproperlyConfigured as exc:
    sys.exit(f"newsmap: {exc}")

# Requests to stdout, one line each, for the journal or the container's log.
accesslog = "-"
# gunicorn's control socket (~/.gunicorn/gunicorn.ctl) would be shared by every
# newsmap on the machine (tests and benchmarks start several); newsmap uses none.
control_socket_disable = True
