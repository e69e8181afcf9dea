"""Turn article files on disk into ArticleInput records, or one clear ReadError per bad file.

Supported formats: .txt (with an optional NAME.meta.json sidecar), .json (one record or a
list of records), .jsonl (one record per line) and .html/.htm (main text extracted).

Reading is all-or-nothing per file: the ingest stores one transaction per file, so a file
with one bad record must fail as a whole rather than be half imported.
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

TEXT_EXTENSIONS = (".txt",)
JSON_EXTENSIONS = (".json",)
JSONL_EXTENSIONS = (".jsonl",)
HTML_EXTENSIONS = (".html", ".htm")
KNOWN_EXTENSIONS = TEXT_EXTENSIONS + JSON_EXTENSIONS + JSONL_EXTENSIONS + HTML_EXTENSIONS
SIDECAR_SUFFIX = ".meta.json"
# "note" is free text for people (why the date is that day, where the text came from).
SIDECAR_KEYS = frozenset({"title", "source", "url", "published", "note"})
MAX_DEFAULT_TITLE = 200

_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}")
# Browsers only look for a charset declaration in the first 1024 bytes, so pages in the
# wild are written to satisfy exactly that.
_CHARSET_SCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# What browsers actually decode these labels as (WHATWG Encoding Standard): pages labelled
# latin-1 routinely contain windows-1252 curly quotes, and a UTF-16 label without a BOM
# cannot be right for a document whose label was readable as ASCII.
_CHARSET_ALIASES = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "utf-16": "utf-8",
    "utf-16le": "utf-8",
    "utf-16be": "utf-8",
}
# Elements whose text is never part of the article itself.
_DROPPED_TAGS = (
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "aside",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
)
# Elements that start a new line of the extracted text: "paragraphs joined by newlines"
# has to hold for text split into <div>s and <br>s too, not only for <p>.
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)


@dataclass(frozen=True, slots=True)
class ArticleInput:
    text: str
    title: str
    source: str
    url: str
    published: date | None  # calendar day
    published_at: datetime | None  # when the time of day is known (aware if an offset was given)
    origin: str  # "path/to/file.txt" or "path/to/file.jsonl#<id or line N>"


class ReadError(Exception):
    """A file that cannot be turned into articles, with a one-line reason for the user."""

    def __init__(self, path: Path, reason: str, line: int | None = None) -> None:
        super().__init__(path, reason, line)
        self.path = Path(path)
        # The message is printed as one line per bad file, so embedded newlines (which
        # json or codec messages can carry) would break the report apart.
        self.reason = " ".join(reason.split())
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path.as_posix()}: "
        if self.line is not None:
            where += f"line {self.line}: "
        return where + self.reason


# --- finding files ------------------------------------------------------------------------


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the article files to read, in a stable order.

    Folders are walked recursively and sorted, skipping hidden entries, sidecars and
    unknown extensions. A file named explicitly is always returned, so that read_file can
    report why it is unreadable instead of it being silently ignored.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        path = Path(path)
        if path.is_dir():
            candidates = _walk_folder(path)
        elif path.exists():
            candidates = [path]
        else:
            raise ReadError(path, "no such file or folder")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _walk_folder(folder: Path) -> list[Path]:
    files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(folder):
        # Pruning in place keeps os.walk out of .git and similar folders entirely.
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            if name.startswith(".") or _is_sidecar(name):
                continue
            if Path(name).suffix.lower() in KNOWN_EXTENSIONS:
                files.append(Path(dirpath, name))
    # Sorting by components keeps a folder's files together ("a/z" before "a-b").
    return sorted(files, key=lambda p: p.parts)


def _is_sidecar(name: str) -> bool:
    return name.lower().endswith(SIDECAR_SUFFIX)


def sidecar_path(path: Path) -> Path:
    """Where the metadata for an article file lives: story.txt -> story.meta.json."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


# --- dates --------------------------------------------------------------------------------


def parse_published(value: str) -> tuple[date, datetime | None]:
    """Parse YYYY-MM-DD or an ISO 8601 date-time into (calendar day, date-time or None).

    The calendar day is the one written in the value, not converted to UTC: an article
    published late evening in New York belongs to that day in New York.
    """
    text = value.strip()
    # fromisoformat alone also takes "20110310" and "2011-W10-4", which are far more
    # often typos or other fields than publication dates.
    if not _DATE_PREFIX.match(text):
        raise ValueError(
            f'bad publication date "{value}": expected YYYY-MM-DD '
            "or an ISO 8601 date-time such as 2011-03-10T14:00:00Z"
        )
    try:
        if len(text) == 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise ValueError(f'bad publication date "{value}": {exc}') from None
    return moment.date(), moment


def _published_from(
    raw: object, override: date | None, path: Path, line: int | None, missing: str
) -> tuple[date | None, datetime | None]:
    """Resolve a record's date, where `missing` is the hint for supplying an absent one."""
    if override is not None:
        # The override exists to rescue files whose dates are absent or wrong, so the
        # file's own value is not even validated.
        return override, None
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        raise ReadError(path, f"no publication date: {missing}", line)
    if not isinstance(raw, str):
        raise ReadError(
            path,
            f"bad publication date {json.dumps(raw)}: expected a string such as "
            f'"2011-03-10" (it is {_json_type(raw)})',
            line,
        )
    try:
        return parse_published(raw)
    except ValueError as exc:
        raise ReadError(path, str(exc), line) from None


# --- reading ------------------------------------------------------------------------------


def read_file(path: Path, published: date | None = None) -> list[ArticleInput]:
    """Read one article file; `published` replaces every record's date (--published)."""
    path = Path(path)
    if path.is_dir():
        raise ReadError(path, "is a folder, not a file")
    if not path.exists():
        raise ReadError(path, "no such file or folder")
    suffix = path.suffix.lower()
    if _is_sidecar(path.name):
        raise ReadError(
            path,
            f"is a metadata sidecar, not an article: read the article file next to it "
            f"(such as {path.name[: -len(SIDECAR_SUFFIX)]}.txt)",
        )
    if suffix not in KNOWN_EXTENSIONS:
        what = f'an unknown extension "{path.suffix}"' if path.suffix else "no extension"
        raise ReadError(path, f"has {what} (expected .txt, .json, .jsonl, .html or .htm)")

    raw = _read_bytes(path)
    if not raw:
        raise ReadError(path, "is empty")
    if suffix in TEXT_EXTENSIONS:
        return [_read_text(path, raw, published)]
    if suffix in JSON_EXTENSIONS:
        return _read_json(path, raw, published)
    if suffix in JSONL_EXTENSIONS:
        return _read_jsonl(path, raw, published)
    return [_read_html(path, raw, published)]


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(path, f"cannot be read: {exc.strerror or exc}") from None


def _decode_utf8(path: Path, raw: bytes) -> str:
    """Decode UTF-8 strictly, since offsets into the text are stored and must be exact."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise ReadError(path, "is UTF-16 encoded: save it as UTF-8")
    if b"\x00" in raw:
        raise ReadError(path, "is not text (binary content)")
    try:
        return normalize_text(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ReadError(path, f"is not valid UTF-8 ({_describe_bad_bytes(raw, exc)})") from None


def _describe_bad_bytes(raw: bytes, exc: UnicodeDecodeError) -> str:
    line = raw.count(b"\n", 0, exc.start) + 1
    return f"byte 0x{raw[exc.start]:02x} on line {line}: {exc.reason}"


def normalize_text(text: str) -> str:
    """Strip a BOM and turn CRLF/CR into LF; everything else is kept exactly as written."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def default_title(text: str) -> str:
    """The first non-blank line of the text, trimmed to at most MAX_DEFAULT_TITLE chars."""
    for line in text.split("\n"):
        line = " ".join(line.split())
        if line:
            return _shorten(line, MAX_DEFAULT_TITLE)
    return ""


def _shorten(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    # Cutting at a word boundary reads better, unless that would throw most of it away.
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _clean_title(title: str) -> str:
    return " ".join(title.split())


# --- .txt ---------------------------------------------------------------------------------


def _read_text(path: Path, raw: bytes, published: date | None) -> ArticleInput:
    text = _decode_utf8(path, raw)
    if not text.strip():
        raise ReadError(path, "contains only whitespace")
    meta = _read_sidecar(path)
    day, moment = _published_from(
        meta.get("published"), published, path, None, _missing_sidecar_hint(path)
    )
    return ArticleInput(
        text=text,
        title=_clean_title(meta.get("title") or "") or default_title(text),
        source=(meta.get("source") or "").strip(),
        url=(meta.get("url") or "").strip(),
        published=day,
        published_at=moment,
        origin=path.as_posix(),
    )


def _missing_sidecar_hint(path: Path) -> str:
    return f'add "published" to {sidecar_path(path).name} or pass --published'


def _read_sidecar(path: Path) -> dict[str, Any]:
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}
    raw = _read_bytes(sidecar)
    if not raw.strip():
        raise ReadError(sidecar, "is empty (a metadata sidecar must be a JSON object)")
    meta = _parse_json(sidecar, _decode_utf8(sidecar, raw))
    if not isinstance(meta, dict):
        raise ReadError(sidecar, f"is not a JSON object (it is {_json_type(meta)})")
    # Sidecars are written by hand, so a misspelt key ("publised") is far likelier than a
    # deliberate extra field, and silently dropping it would lose metadata.
    unknown = sorted(set(meta) - SIDECAR_KEYS)
    if unknown:
        raise ReadError(
            sidecar,
            f'has unknown key "{unknown[0]}" (expected any of: {", ".join(sorted(SIDECAR_KEYS))})',
        )
    for key in ("title", "source", "url"):
        if meta.get(key) is not None and not isinstance(meta[key], str):
            raise ReadError(sidecar, f'"{key}" is not a string (it is {_json_type(meta[key])})')
    return meta


# --- .json and .jsonl ---------------------------------------------------------------------


def _parse_json(path: Path, text: str, line: int | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # Within one JSONL line the line number is always 1, so only the column helps.
        where = f"column {exc.colno}"
        if line is None:
            where = f"line {exc.lineno} {where}"
        raise ReadError(path, f"is not valid JSON: {exc.msg} at {where}", line) from None


def _read_json(path: Path, raw: bytes, published: date | None) -> list[ArticleInput]:
    text = _decode_utf8(path, raw)
    if not text.strip():
        raise ReadError(path, "contains only whitespace")
    data = _parse_json(path, text)
    if isinstance(data, dict):
        records = [_record(path, data, published, label=None)]
    elif isinstance(data, list):
        if not data:
            raise ReadError(path, "contains an empty list: no records to read")
        records = [
            _record(path, item, published, label=f"record {number}")
            for number, item in enumerate(data, start=1)
        ]
    else:
        raise ReadError(
            path,
            f"is not a record object or a list of record objects (it is {_json_type(data)})",
        )
    _check_unique_origins(path, records)
    return [article for article, _ in records]


def _read_jsonl(path: Path, raw: bytes, published: date | None) -> list[ArticleInput]:
    text = _decode_utf8(path, raw)
    records: list[tuple[ArticleInput, str]] = []
    # split("\n") rather than splitlines(): JSON strings may legally contain U+2028 and
    # other characters that splitlines() treats as line ends.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        data = _parse_json(path, line, line=number)
        records.append(_record(path, data, published, label=f"line {number}", line=number))
    if not records:
        raise ReadError(path, "contains only whitespace")
    _check_unique_origins(path, records)
    return [article for article, _ in records]


def _record(
    path: Path,
    data: object,
    published: date | None,
    label: str | None,
    line: int | None = None,
) -> tuple[ArticleInput, str]:
    """Validate one JSON record; returns the article and where it sits, for error messages.

    `label` names the record within the file ("line 3", "record 2") and doubles as its
    origin suffix when it has no id. In .json lists there are no line numbers to report,
    so the label goes into the reason instead.
    """
    prefix = f"{label}: " if label and line is None else ""

    def fail(reason: str) -> ReadError:
        return ReadError(path, prefix + reason, line)

    if not isinstance(data, dict):
        raise fail(f"the record is not a JSON object (it is {_json_type(data)})")
    if "text" not in data or data["text"] is None:
        raise fail("the record has no text")
    text = data["text"]
    if not isinstance(text, str):
        raise fail(f'the record\'s "text" is not a string (it is {_json_type(text)})')
    text = normalize_text(text)
    if not text.strip():
        raise fail("the record's text is blank")
    fields: dict[str, str] = {}
    for key in ("title", "source", "url"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(f'the record\'s "{key}" is not a string (it is {_json_type(value)})')
        fields[key] = (value or "").strip()

    record_id = _record_id(data.get("id"), fail)
    try:
        day, moment = _published_from(
            data.get("published"),
            published,
            path,
            line,
            'add "published" to the record or pass --published',
        )
    except ReadError as exc:
        raise fail(exc.reason) from None

    if record_id is not None:
        origin = f"{path.as_posix()}#{record_id}"
    elif label is not None:
        origin = f"{path.as_posix()}#{label}"
    else:
        origin = path.as_posix()
    article = ArticleInput(
        text=text,
        title=_clean_title(fields["title"]) or default_title(text),
        source=fields["source"],
        url=fields["url"],
        published=day,
        published_at=moment,
        origin=origin,
    )
    return article, label or "the record"


def _record_id(value: object, fail: Any) -> str | None:
    if value is None:
        return None
    # bool is an int subclass, but true/false as an id is a mistake, not an identifier.
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise fail(f'the record\'s "id" must be a string or a number (it is {_json_type(value)})')
    record_id = str(value).strip()
    if not record_id:
        raise fail('the record\'s "id" is empty')
    return record_id


def _check_unique_origins(path: Path, records: list[tuple[ArticleInput, str]]) -> None:
    # The origin is how a re-ingest finds the stored article again, so two records
    # sharing one would overwrite each other.
    first_seen: dict[str, str] = {}
    for article, where in records:
        if article.origin in first_seen:
            record_id = article.origin.rpartition("#")[2]
            raise ReadError(
                path, f'{first_seen[article.origin]} and {where} have the same id "{record_id}"'
            )
        first_seen[article.origin] = where


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


# --- .html --------------------------------------------------------------------------------


def _read_html(path: Path, raw: bytes, published: date | None) -> ArticleInput:
    html = _decode_html(path, raw)
    if not html.strip():
        raise ReadError(path, "contains only whitespace")
    # With scripting on, <noscript> is one text node instead of markup that can push
    # <head> elements (such as the canonical link) into <body>.
    tree = LexborHTMLParser(html, scripting=True)

    title = _clean_title(
        _meta_content(tree, "og:title") or _node_text(tree.css_first("head title"))
    )
    url = _link_href(tree, "canonical") or _meta_content(tree, "og:url") or ""
    source = _clean_title(_meta_content(tree, "og:site_name") or "")
    published_raw = _meta_content(tree, "article:published_time") or _item_date(tree)

    for tag in _DROPPED_TAGS:
        for node in tree.css(tag):
            node.decompose()
    main = _main_element(tree)
    if published_raw is None and published is None:
        published_raw = _time_element_date(main) or _time_element_date(tree.body)
    text = _block_text(main) if main is not None else ""
    if not text:
        raise ReadError(path, "has no article text")
    sidecar = _read_sidecar(path)
    if "published" in sidecar:
        published_raw = sidecar["published"]

    day, moment = _published_from(
        published_raw,
        published,
        path,
        None,
        "the page has no article:published_time, datePublished or <time datetime>; "
        + _missing_sidecar_hint(path),
    )
    return ArticleInput(
        text=text,
        title=_clean_title(sidecar.get("title") or "") or title or default_title(text),
        source=(sidecar.get("source") or "").strip() or source,
        url=(sidecar.get("url") or "").strip() or url,
        published=day,
        published_at=moment,
        origin=path.as_posix(),
    )


def _decode_html(path: Path, raw: bytes) -> str:
    """Decode with the BOM or declared charset, strictly: stored offsets must be exact."""
    # A byte-order mark beats any declaration, as in browsers.
    if raw.startswith(codecs.BOM_UTF8):
        encoding = "utf-8"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif b"\x00" in raw:
        raise ReadError(path, "is not text (binary content)")
    else:
        encoding = _declared_charset(raw) or "utf-8"
    try:
        return normalize_text(raw.decode(encoding))
    except UnicodeDecodeError as exc:
        name = codecs.lookup(encoding).name
        raise ReadError(path, f"is not valid {name} ({_describe_bad_bytes(raw, exc)})") from None


def _declared_charset(raw: bytes) -> str | None:
    match = _META_CHARSET.search(raw[:_CHARSET_SCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _CHARSET_ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        # Browsers ignore labels they do not know; strict UTF-8 decoding then either works
        # or produces a clear error.
        return None
    # Reject codec-module pseudo-encodings such as base64 or rot13 declared by a page.
    return label if getattr(info, "_is_text_encoding", True) else None


def _meta_content(tree: LexborHTMLParser, key: str) -> str | None:
    # Open Graph uses property=, but enough sites write name= that both are worth reading.
    for attribute in ("property", "name"):
        node = tree.css_first(f'meta[{attribute}="{key}"]')
        if node is not None:
            value = (node.attributes.get("content") or "").strip()
            if value:
                return value
    return None


def _link_href(tree: LexborHTMLParser, rel: str) -> str | None:
    node = tree.css_first(f"link[rel~={rel} i]")
    if node is None:
        return None
    return (node.attributes.get("href") or "").strip() or None


def _item_date(tree: LexborHTMLParser) -> str | None:
    node = tree.css_first('[itemprop="datePublished"]')
    if node is None:
        return None
    attrs = node.attributes
    value = attrs.get("content") or attrs.get("datetime") or node.text()
    return value.strip() or None


def _time_element_date(root: LexborNode | None) -> str | None:
    """The first <time datetime> that is a date: a heuristic, so unusable values are skipped."""
    if root is None:
        return None
    for node in root.css("time[datetime]"):
        value = (node.attributes.get("datetime") or "").strip()
        try:
            parse_published(value)
        except ValueError:
            continue
        return value
    return None


def _node_text(node: LexborNode | None) -> str:
    return node.text() if node is not None else ""


def _main_element(tree: LexborHTMLParser) -> LexborNode | None:
    """The <article> with the most paragraph text, else the element holding the most."""
    articles = tree.css("article")
    if articles:
        return max(articles, key=_paragraph_length)
    # Credit each paragraph to its parent: the container of the story body collects the
    # most, while <body> (which holds everything) gets nothing unless the <p>s sit in it.
    totals: dict[int, tuple[int, LexborNode]] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        size = len(paragraph.text(strip=True))
        held, _ = totals.get(parent.mem_id, (0, parent))
        totals[parent.mem_id] = (held + size, parent)
    if totals:
        size, best = max(totals.values(), key=lambda entry: entry[0])
        if size:
            return best
    return tree.body


def _paragraph_length(node: LexborNode) -> int:
    return sum(len(p.text(strip=True)) for p in node.css("p"))


def _block_text(root: LexborNode) -> str:
    """Text of `root` with one line per block element and HTML whitespace collapsed."""
    pieces: list[str] = []
    for kind, node in _walk(root):
        if kind == "text":
            # Whitespace in HTML source (newlines included) is layout, not content.
            pieces.append(node.text(deep=False).replace("\n", " "))
        elif node.tag in _BLOCK_TAGS:
            pieces.append("\n")
    lines = (" ".join(line.split()) for line in "".join(pieces).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(root: LexborNode) -> Iterator[tuple[str, LexborNode]]:
    """Yield ("text", node) and ("open"/"close", element) events in document order.

    Iterative, because real pages nest deeper than Python's recursion limit allows.
    """
    stack: list[tuple[str, LexborNode]] = [("open", root)]
    while stack:
        kind, node = stack.pop()
        if kind == "close":
            yield kind, node
            continue
        if node.is_text_node:
            yield "text", node
            continue
        if not node.is_element_node and node is not root:
            continue
        yield "open", node
        stack.append(("close", node))
        children = list(node.iter(include_text=True))
        stack.extend(("open", child) for child in reversed(children))
