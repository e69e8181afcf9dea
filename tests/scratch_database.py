"""A database of the backend the tests run on, of its own, for newsmap run as processes.

pytest-django's test database lives in the test's process (SQLite in memory) or in
its transaction, where another process cannot see it. Tests that run manage.py as
an operator would (servers, two ingests at once, Ctrl-C) use one of these: a SQLite
file, or a throwaway PostgreSQL database when the tests run on PostgreSQL.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings


@contextlib.contextmanager
def _postgres_database(name: str) -> Iterator[str]:
    import psycopg

    config = settings.DATABASES["default"]
    url = f"postgres://{config['USER']}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}"
    with psycopg.connect(f"{url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"{url}/{name}"
    finally:
        with psycopg.connect(f"{url}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def scratch_database_url(tmp: Path, name: str) -> Iterator[str]:
    """name: the database's (with the process id) on PostgreSQL, the file's on SQLite."""
    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        with _postgres_database(f"{name}_{os.getpid()}") as url:
            yield url
    else:
        yield f"sqlite:///{tmp / f'{name}.sqlite3'}"


@dataclass(frozen=True)
class ManagePy:
    """manage.py run against one database, as separate processes."""

    env: dict[str, str]

    def command(self, *args: str) -> list[str]:
        return [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]

    def manage(self, *args: str, stdin: str | None = None) -> str:
        """Runs manage.py to the end; its output (a failure raises, with its stderr)."""
        done = subprocess.run(
            self.command(*args),
            cwd=settings.BASE_DIR,
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise AssertionError(f"manage.py {' '.join(args)} failed: {done.stderr[-3000:]}")
        return done.stdout

    def start(self, *args: str) -> subprocess.Popen[str]:
        """manage.py started in the background, its output captured."""
        return subprocess.Popen(
            self.command(*args),
            cwd=settings.BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )


@contextlib.contextmanager
def migrated_database(tmp: Path, name: str, **env: str) -> Iterator[ManagePy]:
    """A migrated scratch database and manage.py pointed at it."""
    with scratch_database_url(tmp, name) as url:
        manage = ManagePy(
            {
                **os.environ,
                "DATABASE_URL": url,
                "NEWSMAP_VAR_DIR": str(tmp),
                "GAZETTEER_PATH": str(settings.GAZETTEER_PATH),
                **env,
            }
        )
        manage.manage("migrate", "--no-input", "-v0")
        yield manage
