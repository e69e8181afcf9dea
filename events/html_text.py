"""An article page's main text and metadata through trafilatura.

trafilatura is a maintained news extractor (boilerplate removal, comments and
navigation left out, metadata from JSON-LD, Open Graph and the page's markup); it
scores higher than newsmap's own reader on the hand-marked pages of the Article
Extraction Benchmark (benchmarks/html_bodies.py). Imported on first use: it takes
a quarter of a second to import, which an ingest of .txt files never needs.
"""

from __future__ import annotations

import logging

from events.readers import PageFields, normalize_text

# Its own warnings ("discarding data", "empty HTML tree") are about the pages, which
# the caller reports in its own words when nothing usable comes out.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


# Below this many characters of main text trafilatura falls back on its baseline,
# which breaks a line at every inline element ("He said\nno\nand left"): such short
# pages are left to newsmap's own reader, which keeps their sentences whole.
MIN_TEXT = 250


def extract(html: str, url: str = "") -> PageFields:
    import trafilatura

    # NUL is replaced as every HTML parser does (lxml refuses strings holding one).
    document = trafilatura.bare_extraction(
        html.replace("\x00", "\ufffd"),
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        # No second opinion from readability and jusText: it scores as well without
        # them (benchmarks/html_bodies.py) in less time.
        fast=True,
        # Dates from the page's metadata, its URL and its <time>s, not guessed from
        # the text: a story about 10 March 2011 is not thereby published that day.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None:
        return PageFields("", "", "", "", None, "")
    text = normalize_text(document.text or "")
    if len(text) < MIN_TEXT:
        text = ""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return PageFields(
        text="\n".join(line for line in lines if line),
        title=" ".join((document.title or "").split()),
        url=(document.url or "").strip(),
        source=" ".join((document.sitename or "").split()),
        published=document.date or None,
        author=" ".join((document.author or "").split()),
    )
