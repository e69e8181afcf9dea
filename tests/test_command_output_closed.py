"""A command whose reader goes away (`manage.py … | head`) ends without a traceback."""

import subprocess
import sys

from django.conf import settings


def test_a_reader_that_goes_away_ends_a_command_without_a_traceback() -> None:
    # `… | head -c 10`: the pipe closes while the command still writes a megabyte.
    done = subprocess.run(
        f"{sys.executable} manage.py shell -c \"print('x' * 10**6)\" | head -c 10",
        shell=True,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout.strip()
    assert "Traceback" not in done.stderr and "BrokenPipeError" not in done.stderr
