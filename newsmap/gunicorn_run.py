"""`make serve`'s server: gunicorn, once newsmap has read the variables gunicorn
reads too. gunicorn parses WEB_CONCURRENCY while it imports its own settings, before
gunicorn.conf.py runs, so a value such as "two" would end in gunicorn's traceback;
read here first, it ends in one line naming the variable.

    python -m newsmap.gunicorn_run [gunicorn options…]
"""

import sys

from django.core.exceptions import ImproperlyConfigured


def main() -> None:
    try:
        from newsmap.settings import env_int

        env_int("WEB_CONCURRENCY", 2, minimum=1)
    except ImproperlyConfigured as exc:
        sys.exit(f"newsmap: {exc}")

    from gunicorn.app.wsgiapp import run

    sys.argv = ["gunicorn", "newsmap.wsgi:application", *sys.argv[1:]]
    run()


if __name__ == "__main__":
    main()
