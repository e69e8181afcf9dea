"""Article-body extraction on real pages: newsmap's own HTML reader beside trafilatura.

Reads ../shared/data/html (121 article pages from the Article Extraction Benchmark, each
gzipped under its sha256, with ground-truth.json holding the hand-marked `articleBody`),
decodes each page as `manage.py ingest` does, extracts its main text with each reader
and scores it with the benchmark's metric: word 4-gram shingles (words are runs of \\w),
true and false positives and misses counted over the shingle multisets and normalised
per page so every page weighs the same, precision and recall averaged over the pages
and F1 from the two averages. Published: trafilatura 2.0 .958.

    .venv/bin/python benchmarks/html_bodies.py [DATA_DIR] [--worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsmap.settings")
SHARED = Path(os.environ.get("NEWSMAP_SHARED_DIR", BASE.parent / "shared"))
DEFAULT_DATA = SHARED / "data" / "html"
READERS = ("newsmap", "trafilatura")
_WORD = re.compile(r"\w+")

Counts = tuple[float, float, float]  # true positives, false positives, misses; summing to 1


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text)
    # A text shorter than n words is one shingle of all its words.
    return Counter(tuple(words[i : i + n]) for i in range(max(1, len(words) - n + 1)) if words)


def page_counts(gold: str, found: str) -> Counts:
    want, got = shingles(gold), shingles(found)
    hits = sum((want & got).values())
    extra = sum((got - want).values())
    missed = sum((want - got).values())
    total = hits + extra + missed
    return (hits / total, extra / total, missed / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def scores(pages: list[Counts]) -> tuple[float, float, float]:
    """(F1, precision, recall): precision over pages that found something, recall over
    pages whose gold has something."""
    precisions = [_precision(*c) for c in pages if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in pages if c[0] + c[2] > 0]
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, precision, recall


def extract(reader: str, name: str, raw: bytes, url: str) -> str:
    """The page's main text as newsmap reads a .html file with this reader; "" when
    the reader refuses the page (counted as finding nothing)."""
    from events.readers import ReadError, _decode_html, page_fields

    where = Path(f"{name}.html")
    try:
        html = _decode_html(where, raw)
        return page_fields(where, html, None, reader, url).text
    except ReadError as error:
        print(f"  {reader}: {error}", file=sys.stderr)
        return ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=0, help="list each reader's N worst pages")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").is_file():
        parser.error(f"{args.data}/ground-truth.json is not there (set NEWSMAP_SHARED_DIR)")

    import django

    django.setup()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {
        name: gzip.decompress((args.data / "pages" / f"{name}.html.gz").read_bytes())
        for name in truth
    }
    print(f"{len(pages)} pages from {args.data}")
    for reader in READERS:
        counts: list[tuple[Counts, str]] = []
        started = time.perf_counter()
        for name, raw in pages.items():
            found = extract(reader, name, raw, truth[name].get("url", ""))
            counts.append((page_counts(truth[name].get("articleBody", ""), found), name))
        seconds = time.perf_counter() - started
        f1, precision, recall = scores([c for c, _ in counts])
        print(
            f"{reader:<12} shingle F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}"
            f"  {1000 * seconds / len(pages):.1f} ms a page"
        )
        for (tp, fp, fn), name in sorted(counts)[: args.worst]:
            print(f"    {name[:12]}  hits {tp:.2f} extra {fp:.2f} missed {fn:.2f}")


if __name__ == "__main__":
    main()
