"""How long find_timexes takes for a news article, and over MEANTIME.

Not a test: it prints figures. The pipeline's budget for dates is a few
milliseconds an article (the ingest target is 50 articles/s in all).

    .venv/bin/python benchmarks/dates_speed.py
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import date
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from events.extraction.dates import find_timexes  # noqa: E402

SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", BASE.parent / "shared"))
MEANTIME = SHARED / "data" / "time" / "meantime_en.jsonl"
PARAGRAPH = (
    "On Thursday, state media said government forces beat back rebels in Zawiya. "
    "NATO officials will meet Tuesday, and the envoy will leave New York over the weekend. "
    "The uprising began February 15, and more than 250,000 people have fled since. "
    "Death toll estimates earlier this week ranged widely; the 68-year-old leader has "
    "ruled for nearly 42 years. "
)


def main() -> None:
    reference = date(2011, 3, 11)
    article = PARAGRAPH * 8  # about 3,000 characters, a date in nearly every sentence
    find_timexes(article, reference)  # warm the caches
    timings = []
    for _ in range(50):
        started = time.perf_counter()
        find_timexes(article, reference)
        timings.append((time.perf_counter() - started) * 1000)
    print(f"dense 3,000-character article  {statistics.median(timings):.2f} ms median")
    if MEANTIME.exists():
        documents = [json.loads(line) for line in MEANTIME.read_text().splitlines()]
        started = time.perf_counter()
        for document in documents:
            find_timexes(document["text"], date.fromisoformat(document["dct"]))
        seconds = time.perf_counter() - started
        print(
            f"MEANTIME, {len(documents)} documents  {seconds * 1000 / len(documents):.2f} ms each"
        )


if __name__ == "__main__":
    main()
