"""Feeds (RSS 0.9x/1.0/2.0, Atom) and article pages on the web, as ArticleInput records.

A URL is told to be a feed or a page by what it serves, not by its name: the root
element of the document (rss, feed, rdf:RDF) or, failing that, its Content-Type.
Feeds are parsed by feedparser, which copes with the encodings and the broken markup
feeds come with. Each entry's page is fetched and read for the whole text (a feed's
summary is often a paragraph); where the page cannot be had, the entry's own text
stands in. Pages are read by trafilatura (events.html_text).

An article's origin, how a re-ingest finds it again, is its canonical URL (tracking
parameters and fragment dropped), so the same story through two feeds, or again after
an edit, is one Article; without a canonical URL, the address it was found at.
"""

from __future__ import annotations

import calendar
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

import webencodings
from selectolax.lexbor import LexborHTMLParser

from events.fetch import Fetcher, FetchError, Response, shown_url
from events.readers import (
    ArticleInput,
    ReadError,
    _block_text,
    _clean_title,
    _declared_charset,
    bad_url,
    default_title,
    normalize_text,
    page_fields,
    parse_published,
    unstorable,
)
from events.terminal import printable

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.8, text/xml;q=0.8, text/html;q=0.7, */*;q=0.5"
)
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/rss"}
)
XML_TYPES = frozenset({"application/xml", "text/xml"})
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_ROOTS = frozenset({b"rss", b"feed", b"rdf:rdf", b"rdf"})
# Declarations, comments, processing instructions and a doctype before the root element.
_PROLOGUE = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>)", re.S | re.I)
_ROOT = re.compile(rb"\s*<([A-Za-z_][\w:.-]*)")
_SNIFF_BYTES = 4096
# Query parameters that say which link was clicked, not which article it is.
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|at_medium)$", re.I)


@dataclass
class WebRead:
    """What one URL gave: articles, one line for each entry that gave none, and the
    answer's validators for the next conditional GET."""

    articles: list[ArticleInput] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    kind: str = ""  # "feed", "page", or "unchanged" (a 304)
    title: str = ""  # a feed's own title
    etag: str = ""
    last_modified: str = ""
    # A feed's entries (id → its version stamp), for skipping unchanged ones next time.
    entries: dict[str, str] = field(default_factory=dict)


def is_url(source: object) -> bool:
    """A source given as scheme://…: read over the network (file:// is refused there)."""
    return isinstance(source, str) and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", source) is not None


def canonical_url(url: str) -> str:
    """The address an article is known by: no fragment, no tracking parameters."""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)
    ]
    return urlunsplit(
        (parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", urlencode(query), "")
    )


def read_url(
    url: str,
    fetcher: Fetcher,
    published: date | None = None,
    etag: str = "",
    last_modified: str = "",
    seen: Mapping[str, str] | None = None,
) -> WebRead:
    """The articles at url, a feed's or a page's; FetchError or ReadError (one line) when
    the URL itself gives nothing. seen: a feed's entries from last time (WebRead.entries),
    which are skipped unless they changed."""
    answer = fetcher.get(url, etag, last_modified, FEED_ACCEPT)
    if answer.status == 304:
        return WebRead(kind="unchanged", etag=etag, last_modified=last_modified)
    if looks_like_feed(answer.body, answer.content_type):
        read = _read_feed(url, answer, fetcher, published, seen or {})
    elif looks_like_html(answer.body, answer.content_type):
        read = WebRead(kind="page", articles=[_page_article(url, answer, published)])
    else:
        kind = answer.content_type or "no Content-Type"
        raise ReadError(url, f"is neither a feed nor an HTML page ({kind})")
    read.etag, read.last_modified = answer.etag, answer.last_modified
    return read


def _root_element(body: bytes) -> bytes | None:
    head = body[:_SNIFF_BYTES].removeprefix(b"\xef\xbb\xbf")
    position = 0
    while (match := _PROLOGUE.match(head, position)) is not None and match.end() > position:
        position = match.end()
    root = _ROOT.match(head, position)
    return root.group(1).lower() if root else None


def looks_like_feed(body: bytes, content_type: str) -> bool:
    root = _root_element(body)
    if root is not None:
        return root in FEED_ROOTS or root.endswith(b":rdf")
    return content_type in FEED_TYPES


def looks_like_html(body: bytes, content_type: str) -> bool:
    root = _root_element(body)
    if root is not None and root in (b"html", b"head", b"body"):
        return True
    return content_type in HTML_TYPES or (root is not None and content_type not in XML_TYPES)


# --- pages --------------------------------------------------------------------------------


def _decode_page(url: str, answer: Response) -> str:
    """Decoded as a browser would pick the encoding: a BOM, the HTTP charset, the
    page's <meta>, else UTF-8; strictly, so a wrong one is named rather than guessed."""
    raw = answer.body
    if raw.startswith(b"\xef\xbb\xbf"):
        encoding = "utf-8"  # normalize_text drops the mark
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif answer.charset and webencodings.lookup(answer.charset) is not None:
        encoding = webencodings.lookup(answer.charset).codec_info.name
    else:
        encoding = _declared_charset(url, raw) or "utf-8"
    try:
        return normalize_text(raw.decode(encoding))
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ReadError(
            url,
            f"is not valid {encoding} as it says it is (byte 0x{raw[error.start]:02x} "
            f"on line {line})",
        ) from None


def _page_article(
    url: str, answer: Response, published: date | None, entry: Any = None, feed_title: str = ""
) -> ArticleInput:
    html = _decode_page(url, answer)
    page = page_fields(url, html, published, "trafilatura", answer.url)
    found_at = canonical_url(answer.url)
    # A canonical link may be relative ("/2011/03/story"): it is resolved as a browser would.
    named = urljoin(answer.url, page.url) if page.url else ""
    address = canonical_url(named) if named.startswith(("http://", "https://")) else found_at
    if bad_url(address):
        address = found_at
    day, moment = _published(url, page.published, entry, published)
    source = page.source or feed_title or (urlsplit(answer.url).hostname or "")
    return ArticleInput(
        text=_storable(url, page.text),
        title=page.title or _entry_title(entry) or default_title(page.text),
        source=_clean_title(source),
        url=address,
        published=day,
        published_at=moment,
        origin=address,
        author=page.author or _clean_title((entry or {}).get("author", "") or ""),
    )


def _published(
    url: str, written: str | None, entry: Any, override: date | None
) -> tuple[date, datetime | None]:
    """The page's own date, else the feed entry's, else the override; --published
    replaces them all, as it does for files."""
    if override is not None:
        return override, None
    if written:
        try:
            return parse_published(written)
        except ValueError:
            pass  # a page's date is a guess: the feed's may do
    moment = _entry_moment(entry)
    if moment is not None:
        return moment.date(), moment
    raise ReadError(
        url, "no publication date: the page names none and no feed gives one (pass --published)"
    )


def _entry_moment(entry: Any) -> datetime | None:
    if not entry:
        return None
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: feedparser's own get() maps a missing "updated" to "published", warning.
        stamp = dict.get(entry, key)
        if stamp:
            try:
                return datetime.fromtimestamp(calendar.timegm(stamp), UTC)
            except (OverflowError, ValueError, OSError):
                continue
    return None


def _storable(url: str, text: str) -> str:
    problem = unstorable("text", text)
    if problem:
        raise ReadError(url, f"the page's {problem}")
    return text


# --- feeds --------------------------------------------------------------------------------


class _EntryProblem(Exception):
    """An entry that gives no article, said after "FEED: entry N: "."""


def _read_feed(
    url: str, answer: Response, fetcher: Fetcher, published: date | None, seen: Mapping[str, str]
) -> WebRead:
    import feedparser

    charset = f"; charset={answer.charset}" if answer.charset else ""
    # content-location: where relative links in the feed are resolved from.
    headers = {"content-type": answer.content_type + charset, "content-location": answer.url}
    parsed = feedparser.parse(answer.body, response_headers=headers, sanitize_html=False)
    problem = parsed.get("bozo_exception") if parsed.bozo else None
    # A wrong or missing encoding label is feedparser's to work round; broken XML is the
    # feed's fault, and what it recovered of it is read as far as it goes.
    benign = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)
    broken = problem is not None and not isinstance(problem, benign)
    if not parsed.entries and (broken or not parsed.version):
        why = f" ({_first_line(problem)})" if problem else ""
        raise ReadError(url, f"is not a feed that can be read{why}")
    read = WebRead(kind="feed", title=_clean_title(parsed.feed.get("title", "") or ""))
    if broken:
        read.errors.append(
            f"{shown_url(url)}: is not well-formed ({_first_line(problem)}): "
            f"its {len(parsed.entries)} entries read as far as they go"
        )
    for index, entry in enumerate(parsed.entries, start=1):
        key = str(entry.get("id") or entry.get("link") or f"entry {index}")
        stamp = _entry_stamp(entry)
        read.entries[key] = stamp
        if seen.get(key) == stamp:
            continue
        try:
            read.articles.append(_entry_article(url, entry, fetcher, published, read.title))
        except _EntryProblem as problem_here:
            del read.entries[key]
            if not broken:  # a fragment of a broken feed says nothing new
                read.errors.append(printable(f"{shown_url(url)}: entry {index}: {problem_here}"))
        except (FetchError, ReadError) as error:
            del read.entries[key]  # tried again next time
            read.errors.append(f"{printable(shown_url(url))}: entry {index}: {error}")
    return read


def _first_line(error: object) -> str:
    if hasattr(error, "getLineNumber"):  # XML's SAXParseException: where, without "<unknown>"
        line, column = error.getLineNumber(), error.getColumnNumber()
        return f"{error.getMessage()} at line {line}, column {column}"
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _entry_stamp(entry: Any) -> str:
    """What changes when an entry does: its dates, title and summary."""
    keys = ("updated", "published", "title", "link", "summary")
    parts = [str(dict.get(entry, k, "")) for k in keys]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "replace")).hexdigest()[:32]


def _entry_title(entry: Any) -> str:
    return _clean_title((entry or {}).get("title", "") or "")


def _entry_text(entry: Any) -> str:
    """The entry's own text (its content, else its summary), as plain text."""
    values = [c.get("value", "") for c in entry.get("content", []) or []]
    values.append(entry.get("summary", "") or "")
    for value in values:
        if value and value.strip():
            tree = LexborHTMLParser(f"<body>{value}</body>")
            text = _block_text(tree.body) if tree.body is not None else ""
            if text:
                return normalize_text(text)
    return ""


def _entry_article(
    feed_url: str,
    entry: Any,
    fetcher: Fetcher,
    published: date | None,
    feed_title: str,
) -> ArticleInput:
    link = (entry.get("link") or "").strip()
    page_error: FetchError | ReadError | None = None
    if link and is_url(link):
        try:
            answer = fetcher.get(link, accept=PAGE_ACCEPT)
            if looks_like_html(answer.body, answer.content_type):
                return _page_article(link, answer, published, entry, feed_title)
            page_error = ReadError(link, f"is not an HTML page ({answer.content_type})")
        except (FetchError, ReadError) as error:
            page_error = error
    text = _entry_text(entry)
    if not text:
        if page_error is not None:
            raise page_error
        raise _EntryProblem("has neither a link nor text")
    where = link or feed_url
    address = canonical_url(link) if link and is_url(link) and not bad_url(link) else ""
    origin = address or f"{canonical_url(feed_url)}#{entry.get('id') or _entry_stamp(entry)}"
    day, moment = _published(where, None, entry, published)
    return ArticleInput(
        text=_storable(where, text),
        title=_entry_title(entry) or default_title(text),
        source=feed_title,
        url=address,
        published=day,
        published_at=moment,
        origin=origin,
        author=_clean_title(entry.get("author", "") or ""),
    )
