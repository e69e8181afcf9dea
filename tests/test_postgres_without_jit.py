"""PostgreSQL connections run without JIT: compiling costs more than this app's queries take."""

import pytest
from django.db import connection

from newsmap import settings


def test_a_postgres_url_turns_jit_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://newsmap@db.example:5432/newsmap")

    assert settings._database()["OPTIONS"]["options"] == "-c jit=off"


def test_options_in_the_url_come_after_and_so_can_turn_it_back_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(
        "DATABASE_URL", "postgres://newsmap@db.example/newsmap?options=-c%20jit%3Don"
    )

    assert settings._database()["OPTIONS"]["options"] == "-c jit=off -c jit=on"


def test_sqlite_gets_no_postgres_options(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "sqlite:///tmp/newsmap.sqlite3")

    assert "options" not in settings._database()["OPTIONS"]


@pytest.mark.django_db
def test_the_running_postgres_connection_has_jit_off() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("runs on PostgreSQL (DATABASE_URL=postgres://...)")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
