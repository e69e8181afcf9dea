"""What a reader's timeline is made of: the wire corpus's events as sentences and as happenings.

Ingests a corpus (default ../shared/data/news/wire_1997_2005.jsonl) into a scratch
SQLite database and prints, for events taken one per sentence (as newsmap stored
them before happenings) and one per happening (a lead and its reports):

- the share with no place and no date of their own (the date is the article's);
- the share of reports over 400 characters (a paragraph, not a sentence);
- the share of background (history, forecasts) on the default timeline, which
  leaves it out (events/background.py), and among all events;
- the share of happenings told by 2 or more reports, and by 2 or more articles.

    .venv/bin/python benchmarks/events_shape.py [CORPUS.jsonl]
"""

from __future__ import annotations

import os
import sys
import tempfile
from io import StringIO
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = BASE.parent / "shared" / "data" / "news" / "wire_1997_2005.jsonl"


def _share(part: int, whole: int) -> str:
    return f"{part / whole:6.1%} ({part:,} of {whole:,})" if whole else "–"


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/shape.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsmap.settings")
        sys.path.insert(0, str(BASE))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        call_command("ingest", str(corpus), stdout=StringIO(), stderr=StringIO())
        report(corpus)


def report(corpus: Path) -> None:
    from events.background import background_q
    from events.models import Event

    rows = list(Event.objects.values_list("pk", "lead_id", "article_id", "date_text", "text"))
    placed = set(Event.places.through.objects.values_list("event_id", flat=True))
    background = set(Event.objects.filter(background_q()).values_list("pk", flat=True))
    happenings: dict[int, list[tuple[int, int, str]]] = {}
    for pk, lead, article, date_text, _ in rows:
        happenings.setdefault(lead or pk, []).append((pk, article, date_text))

    def unplaced_undated(reports: list[tuple[int, int, str]]) -> bool:
        return not any(pk in placed or date_text for pk, _, date_text in reports)

    def unplaced(reports: list[tuple[int, int, str]]) -> bool:
        return not any(pk in placed for pk, _, _ in reports)

    def undated(reports: list[tuple[int, int, str]]) -> bool:
        return not any(date_text for _, _, date_text in reports)

    n, h = len(rows), len(happenings)
    print(f"corpus {corpus.name}: {n:,} sentences, {h:,} happenings")
    print(f"{'':40} {'one event a sentence':>24} {'one event a happening':>24}")
    singles = [[(pk, a, d)] for pk, _, a, d, _ in rows]
    table = [
        (
            f"no {name}",
            _share(sum(test(r) for r in singles), n),
            _share(sum(test(r) for r in happenings.values()), h),
        )
        for name, test in [
            ("place", unplaced),
            ("date of their own", undated),
            ("place and no date of their own", unplaced_undated),
        ]
    ]
    table += [
        (
            "reports over 400 characters",
            _share(sum(len(text) > 400 for *_, text in rows), n),
            "(the same reports)",
        ),
        (
            "background (off the default timeline)",
            _share(len(background), n),
            _share(len(background & happenings.keys()), h),
        ),
        (
            "told by 2+ reports",
            _share(0, n),
            _share(sum(len(r) > 1 for r in happenings.values()), h),
        ),
        (
            "told by 2+ articles",
            _share(0, n),
            _share(sum(len({a for _, a, _ in r}) > 1 for r in happenings.values()), h),
        ),
    ]
    for name, before, after in table:
        print(f"{name:40} {before:>24} {after:>24}")


if __name__ == "__main__":
    main()
