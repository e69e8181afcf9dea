"""A seed article copied where a test may edit it, and ingested as a user would."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

SEEDS = settings.BASE_DIR / "seeds"
TABLOID, CNN = "000_a2f112dfa8e76f39", "002_1486c2ce80cbc103"


def copy_seed(name: str, folder: Path) -> Path:
    """The seed's text and its metadata in folder; the text's path."""
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".txt", ".meta.json"):
        shutil.copy(SEEDS / f"{name}{suffix}", folder / f"{name}{suffix}")
    return folder / f"{name}.txt"


def ingest(path: Path) -> None:
    call_command("ingest", str(path), stdout=StringIO(), stderr=StringIO())
