"""Ingest time and memory against the length of one article.

Builds single articles of 100 KB, 500 KB, 1 MB and 5 MB from the wire corpus's texts
joined one after another (a paragraph a line, as wire copy comes), and ingests each
with `manage.py ingest` in a child process pinned to one core, into a fresh SQLite
database (or DATABASE_URL's, if set: it must be a throwaway one). Prints the seconds
(wall clock and CPU) and the child's peak RSS for each, and the 5 MB / 500 KB time
ratio, on CPU time since other work on the machine stretches the wall clock.
Target (issue 16): linear time, so the ratio is at most 10.

    .venv/bin/python benchmarks/long_article.py [CORPUS.jsonl] [--sizes 100000,500000]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = BASE.parent / "shared" / "data" / "news" / "wire_1997_2005.jsonl"
SIZES = (100_000, 500_000, 1_000_000, 5_000_000)
# A run that takes longer than this is stopped and reported as such.
TIMEOUT_SECONDS = 1800


def article_text(texts: list[str], size: int) -> str:
    """size bytes (UTF-8) of the texts joined by line ends, cut at a line end."""
    pieces: list[str] = []
    length = 0
    index = 0
    while length < size:
        text = texts[index % len(texts)].strip()
        pieces.append(text)
        length += len(text.encode()) + 1
        index += 1
    joined = "\n".join(pieces).encode()[:size].decode(errors="ignore")
    return joined.rsplit("\n", 1)[0] if "\n" in joined else joined


@dataclass
class Run:
    seconds: float  # wall clock
    cpu_seconds: float  # user + system: what the ratio uses, as other work shares the cores
    peak_rss: int  # bytes
    summary: str  # the command's last line


def ingest_once(manage: list[str], env: dict[str, str], path: Path) -> Run:

    def one_core() -> None:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    with tempfile.TemporaryFile("w+") as output:
        started = time.perf_counter()
        child = subprocess.Popen(
            [*manage, "ingest", str(path)],
            env=env,
            preexec_fn=one_core,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        # os.wait4 rather than Popen.wait: it gives this child's own peak RSS.
        while True:
            pid, _, usage = os.wait4(child.pid, os.WNOHANG)
            seconds = time.perf_counter() - started
            if pid:
                break
            if seconds > TIMEOUT_SECONDS:
                child.kill()
                os.wait4(child.pid, 0)
                return Run(seconds, seconds, 0, f"stopped: did not finish in {TIMEOUT_SECONDS} s")
            time.sleep(0.05)
        child.returncode = 0  # reaped above; keeps Popen from waiting again
        output.seek(0)
        lines = output.read().strip().splitlines()
    cpu = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu, usage.ru_maxrss * 1024, lines[-1] if lines else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES))
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    texts = [json.loads(line)["text"] for line in args.corpus.read_text().splitlines() if line]

    manage = [sys.executable, str(BASE / "manage.py")]
    runs: dict[int, Run] = {}
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.sqlite3"
        env = dict(os.environ)
        env.setdefault("DATABASE_URL", f"sqlite:///{template}")
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True)
        print(f"{'bytes':>10}  {'seconds':>7}  {'CPU s':>6}  {'peak RSS':>8}  summary")
        for size in sizes:
            path = Path(tmp) / f"article-{size}.jsonl"
            record = {"id": "long", "text": article_text(texts, size), "published": "2001-06-01"}
            path.write_text(json.dumps(record) + "\n")
            if "DATABASE_URL" not in os.environ:
                database = Path(tmp) / f"bench-{size}.sqlite3"
                shutil.copy(template, database)
                env["DATABASE_URL"] = f"sqlite:///{database}"
            run = runs[size] = ingest_once(manage, env, path)
            print(
                f"{size:>10,}  {run.seconds:>7.1f}  {run.cpu_seconds:>6.1f}  "
                f"{run.peak_rss / 2**20:>5.0f} MB  {run.summary}",
                flush=True,
            )
    if 500_000 in runs and 5_000_000 in runs:
        big, small = runs[5_000_000], runs[500_000]
        print(
            f"5 MB / 500 KB: {big.cpu_seconds / small.cpu_seconds:.1f}x CPU time, "
            f"{big.seconds / small.seconds:.1f}x wall clock (linear is 10x; target at most 10x)"
        )


if __name__ == "__main__":
    main()
