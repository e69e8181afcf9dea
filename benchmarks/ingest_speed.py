"""Ingest speed and memory: the 200 GeoWebNews texts into a fresh database.

Runs `manage.py ingest` as a child process pinned to one core, with a fresh
SQLite database (or DATABASE_URL's, if set: it must be a throwaway one), and
prints articles per second for the whole command and the child's peak RSS.
Targets (core issue): at least 50 articles/s, at most 400 MB.

    .venv/bin/python benchmarks/ingest_speed.py [CORPUS.jsonl]
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = BASE.parent / "shared" / "data" / "geo" / "geowebnews.jsonl"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        articles = Path(tmp) / "articles.jsonl"
        count = 0
        with articles.open("w") as out:
            for line in corpus.read_text().splitlines():
                doc = json.loads(line)
                meta = doc.get("meta") or {}
                record = {
                    "id": doc["id"],
                    "text": doc["text"],
                    "title": meta.get("title", ""),
                    "url": meta.get("url", ""),
                    "published": doc.get("dct") or "2018-01-15",
                }
                out.write(json.dumps(record) + "\n")
                count += 1

        env = dict(os.environ)
        env.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
        manage = [sys.executable, str(BASE / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)

        def one_core() -> None:
            os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

        started = time.perf_counter()
        result = subprocess.run(
            [*manage, "ingest", str(articles)],
            env=env,
            preexec_fn=one_core,
            capture_output=True,
            text=True,
        )
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if result.returncode != 0:
            sys.exit(f"ingest failed:\n{result.stderr}")

    print(f"corpus            {corpus.name} ({count} articles)")
    print(f"command output    {result.stdout.strip()}")
    print(f"wall time         {seconds:.2f} s (whole command, one core, fresh database)")
    print(f"throughput        {count / seconds:.1f} articles/s   (target >= 50)")
    print(f"peak RSS          {peak_mb:.0f} MB   (target <= 400)")


if __name__ == "__main__":
    main()
