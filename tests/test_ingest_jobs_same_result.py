"""`ingest --jobs 2` annotates in two worker processes and stores exactly what `--jobs 1`
stores: the same articles, places, mentions, events and happenings, from files, feeds
and pages, with a home place too."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.ingest_processes import WIRE, contents, write_wire_articles
from tests.scratch_database import ManagePy, migrated_database
from tests.web_news import RAS_LANUF, ZAWIYA, Item, article_page, rss20
from tests.web_server import LocalWeb

STORIES = 120  # in one .jsonl file: three batches of 50 and one of 20
SINGLE = 30  # and one story a file: batches of one, from many files at a time


def _news(folder: Path) -> None:
    write_wire_articles(folder / "single", STORIES + SINGLE)
    with WIRE.open() as lines, (folder / "wire.jsonl").open("w") as out:
        for _ in range(STORIES):
            out.write(next(lines))
    for path in sorted((folder / "single").iterdir())[:STORIES]:
        path.unlink()


def _ingest(manage: ManagePy, jobs: str, folder: Path) -> tuple[str, dict[str, list[object]]]:
    summary = manage.manage("ingest", "--jobs", jobs, str(folder)).strip()
    return re.sub(r" in [\d.]+ s$", "", summary), contents(manage)


def test_two_jobs_store_what_one_stores_and_say_the_same(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _news(folder)
    with migrated_database(tmp_path / "one", "newsmap_jobs_one") as one:
        expected = _ingest(one, "1", folder)
    with migrated_database(tmp_path / "two", "newsmap_jobs_two") as two:
        got = _ingest(two, "2", folder)
        again = two.manage("ingest", "--jobs", "2", str(folder))

    assert got == expected
    summary, stored = expected
    assert summary.startswith(f"{1 + SINGLE} files: {STORIES + SINGLE} articles")
    assert len(stored["articles"]) == STORIES + SINGLE
    assert any(event[7] is not None for event in stored["events"]), "no happening joined"
    assert f"(0 new, 0 updated, {STORIES + SINGLE} unchanged)" in again


def test_two_jobs_read_feeds_and_pages_with_a_home_place_as_one_does(
    tmp_path: Path, web: LocalWeb
) -> None:
    web.page("/2011/03/ras-lanuf.html", article_page("Fighting at Ras Lanuf", RAS_LANUF))
    web.page("/2011/03/zawiya.html", article_page("Zawiya shelled", ZAWIYA))
    items = [
        Item("Fighting at Ras Lanuf", web.url + "/2011/03/ras-lanuf.html"),
        Item("Zawiya shelled", web.url + "/2011/03/zawiya.html"),
        Item("Gone", web.url + "/2011/03/gone.html"),  # a 404: one line, the others go on
    ]
    feed = web.page("/feed.xml", rss20(items), "application/rss+xml")
    page = web.page("/paris.html", article_page("In Paris", "Floods closed roads in Paris."))
    folder = tmp_path / "news"
    write_wire_articles(folder, 5)
    sources = (feed, page, str(folder), "--home-place", "Paris, Texas")
    # The local server is on 127.0.0.1, and answers at once.
    env = {"FETCH_ALLOW_PRIVATE_ADDRESSES": "true", "FETCH_REQUESTS_PER_SECOND": "1000"}
    runs = []
    for jobs in ("1", "2"):
        with migrated_database(tmp_path / jobs, f"newsmap_jobs_web_{jobs}", **env) as manage:
            done = subprocess.run(
                manage.command("ingest", "--jobs", jobs, *sources),
                env=manage.env,
                capture_output=True,
                text=True,
            )
            runs.append((re.sub(r" in [\d.]+ s$", "", done.stdout.strip()), done.stderr))
            runs.append(contents(manage))

    assert runs[:2] == runs[2:]
    summary, errors = runs[0]
    assert summary.startswith("5 files, 2 URLs: 8 articles (8 new, 0 updated, 0 unchanged)")
    gone = f"{web.url}/2011/03/gone.html: the server answered 404 Not Found"
    assert errors.splitlines()[0] == f"{feed}: entry 3: {gone}"
    paris = [m for m in runs[1]["mentions"] if m[3] == "Paris"]
    # Paris, Texas (west of Greenwich), as the home place says, in both.
    assert paris and all(m[4][0] == "Paris" and m[4][4] < -90 for m in paris), paris
