"""Turn article files on disk into ArticleInput records, or one clear ReadError per bad file.

Supported formats: .txt (with an optional NAME.meta.json sidecar), .json (one record or a
list of records), .jsonl (one record per line) and .html/.htm (main text extracted).

Reading is all-or-nothing per file: the ingest stores one transaction per file, so a file
with one bad record must fail as a whole rather than be half imported.
"""

from __future__ import annotations

import codecs
import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import webencodings
from selectolax.lexbor import LexborHTMLParser, LexborNode

from events.terminal import printable

TEXT_EXTENSIONS = (".txt",)
JSON_EXTENSIONS = (".json",)
JSONL_EXTENSIONS = (".jsonl",)
HTML_EXTENSIONS = (".html", ".htm")
KNOWN_EXTENSIONS = TEXT_EXTENSIONS + JSON_EXTENSIONS + JSONL_EXTENSIONS + HTML_EXTENSIONS
SIDECAR_SUFFIX = ".meta.json"
# "note" is free text for people (why the date is that day, where the text came from).
SIDECAR_KEYS = frozenset({"title", "source", "url", "published", "note"})
MAX_DEFAULT_TITLE = 200
# What one file may weigh unless the caller says otherwise (the ingest command passes
# settings.INGEST_MAX_FILE_BYTES): a file is read whole into memory, with its text.
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024

_DATE_PREFIX = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# Browsers only look for a charset declaration in the first 1024 bytes, so pages in the
# wild are written to satisfy exactly that.
_CHARSET_SCAN_BYTES = 1024
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
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
    origin: str  # "path/to/file.txt", "path/to/file.jsonl#<id or line N>", or a page's URL
    author: str = ""
    # The source's home place ("Paris, Texas"): evidence for which place a name means.
    home_place: str = ""


class ReadError(Exception):
    """A file that cannot be turned into articles, with a one-line reason for the user."""

    def __init__(self, path: Path | str, reason: str, line: int | None = None) -> None:
        super().__init__(path, reason, line)
        # A string is a URL (events.web): Path would fold its "//".
        self.path = path if isinstance(path, str) else Path(path)
        # The message is printed as one line per bad file, so embedded newlines (which
        # json or codec messages can carry) would break the report apart.
        self.reason = " ".join(reason.split())
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path if isinstance(self.path, str) else self.path.as_posix()}: "
        if self.line is not None:
            where += f"line {self.line}: "
        # File names and the values quoted in reasons come from the files: escaped, a
        # newline or a terminal escape in them cannot break or restyle the line.
        return printable(where + self.reason)


# --- finding files ------------------------------------------------------------------------


def find_files(paths: Iterable[Path]) -> list[Path]:
    """Expand files and folders into the article files to read, in a stable order.

    Folders are walked recursively and sorted, skipping hidden entries, sidecars and
    unknown extensions; folders linked to are not followed (a link can loop). A path
    named explicitly is always returned, as is anything a folder holds under an article's
    name (a FIFO, a device, a broken link), so that read_file can report why it is
    unreadable instead of it being silently ignored.
    """
    found: list[Path] = []
    seen: set[str] = set()
    for path in paths:
        path = Path(path)
        if _is_folder(path):
            candidates = _walk_folder(path)
        elif os.path.lexists(path):
            candidates = [path]
        else:
            raise ReadError(path, "no such file or folder")
        for candidate in candidates:
            # realpath, not Path.resolve: it does not raise on a symbolic link loop.
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                found.append(candidate)
    return found


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _walk_folder(folder: Path) -> list[Path]:
    files: list[Path] = []

    def unlistable(error: OSError) -> None:
        # read_file says why this folder could not be listed.
        if error.filename is not None:
            files.append(Path(error.filename))

    for dirpath, dirnames, filenames in os.walk(folder, onerror=unlistable):
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
            f"bad publication date {show(value)}: expected YYYY-MM-DD "
            "or an ISO 8601 date-time such as 2011-03-10T14:00:00Z"
        )
    try:
        if len(text) == 10:
            return date.fromisoformat(text), None
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        # Python's "Invalid isoformat string: '…'" would quote the whole value again.
        detail = "not an ISO 8601 date-time" if "isoformat" in str(exc) else str(exc)
        raise ValueError(f"bad publication date {show(value)}: {detail}") from None
    if moment.tzinfo is not None:
        try:
            # Stored in UTC: 9999-12-31T23:00-05:00 is in the year 10000 there, which
            # neither Python nor (read back) the database can hold.
            moment.astimezone(UTC)
        except OverflowError:
            raise ValueError(
                f"bad publication date {show(value)}: in UTC it falls outside the years 1 to 9999"
            ) from None
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
            f"bad publication date {show(raw)}: expected a string such as "
            f'"2011-03-10" (it is {_json_type(raw)})',
            line,
        )
    try:
        return parse_published(raw)
    except ValueError as exc:
        raise ReadError(path, str(exc), line) from None


# How much of a value from a file an error message quotes.
_SHOWN_CHARS = 60


def show(value: object) -> str:
    """A value from a file as an error message quotes it: as JSON writes it (quotes,
    escaped line breaks), cut short, and safe for a terminal."""
    if isinstance(value, str):
        cut = value if len(value) <= _SHOWN_CHARS else value[: _SHOWN_CHARS - 1] + "…"
        return printable(json.dumps(cut, ensure_ascii=False))
    if isinstance(value, bool | int | float | _LongNumber) or value is None:
        text = value.digits if isinstance(value, _LongNumber) else json.dumps(value)
        if len(text) <= _SHOWN_CHARS:
            return text
        return f"{text[:20]}… (a number of {len(text):,} digits)"
    return "[…]" if isinstance(value, list) else "{…}"


# What no database text column holds (PostgreSQL refuses NUL; a lone surrogate, half
# of a UTF-16 pair that JSON can write as "\ud800", is no character and cannot be
# encoded as UTF-8).
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def unstorable(field: str, value: str) -> str | None:
    """Why a field's text cannot be stored, naming the field and the character's place."""
    match = _UNSTORABLE.search(value)
    if match is None:
        return None
    char = match.group()
    if char == "\x00":
        what = "a NUL character (\\u0000), which the database cannot store"
    else:
        what = f"a lone surrogate (\\u{ord(char):04x}), half of a UTF-16 pair and no character"
    return f'"{field}" has {what} at character {match.start() + 1:,}'


def _control_character(field: str, value: str) -> str | None:
    match = _CONTROL.search(value)
    if match is None:
        return None
    shown = printable(match.group())
    return f'"{field}" has a control character ({shown}) at character {match.start() + 1:,}'


# Article.url's length: a longer address would be cut, and a cut address is a broken link.
MAX_URL_CHARS = 2000


def bad_url(url: str) -> str | None:
    """Why an article's address cannot be stored as it is: too long, or holding
    characters no address has."""
    if len(url) > MAX_URL_CHARS:
        return f'"url" is {len(url):,} characters long (at most {MAX_URL_CHARS:,})'
    return unstorable("url", url) or _control_character("url", url)


# --- reading ------------------------------------------------------------------------------


def read_file(
    path: Path, published: date | None = None, max_bytes: int = DEFAULT_MAX_FILE_BYTES
) -> list[ArticleInput]:
    """Read one article file; `published` replaces every record's date (--published).

    Only regular files are read (a symbolic link to one is fine), and none larger than
    `max_bytes`: FIFOs, devices and sockets are refused without being opened, since
    opening a FIFO waits for a writer and a device such as /dev/urandom never ends.
    """
    path = Path(path)
    _check_name(path)
    info = _regular_file(path)
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

    raw = _read_bytes(path, info, max_bytes)
    if not raw:
        raise ReadError(path, "is empty")
    if suffix in TEXT_EXTENSIONS:
        return [_read_text(path, raw, published, max_bytes)]
    if suffix in JSON_EXTENSIONS:
        return _read_json(path, raw, published)
    if suffix in JSONL_EXTENSIONS:
        return _read_jsonl(path, raw, published)
    return [_read_html(path, raw, published, max_bytes)]


def _check_name(path: Path) -> None:
    # A name whose bytes are not UTF-8 reaches Python with surrogates standing in for
    # them, which no database text column takes: the origin could not be stored.
    try:
        path.as_posix().encode("utf-8")
    except UnicodeEncodeError as exc:
        byte = ord(exc.object[exc.start]) - 0xDC00
        raise ReadError(
            path, f"the file name is not valid UTF-8 (byte 0x{byte:02x}): rename the file"
        ) from None


_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _regular_file(path: Path) -> os.stat_result:
    """What os.stat says of a regular file (following links), or why it is not one."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise ReadError(
                path, f"is a symbolic link to {printable(os.readlink(path))}, which does not exist"
            ) from None
        raise ReadError(path, "no such file or folder") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError(path, "is a symbolic link that loops back on itself") from None
        raise ReadError(path, f"cannot be read: {exc.strerror or exc}") from None
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        _check_listable(path)
        raise ReadError(path, "is a folder, not a file")
    for test, kind in _NOT_REGULAR:
        if test(mode):
            if os.path.islink(path):
                kind = f"a symbolic link to {printable(os.readlink(path))}, {kind}"
            raise ReadError(path, f"is {kind}, not a regular file: only regular files are read")
    if not stat.S_ISREG(mode):
        raise ReadError(path, "is not a regular file: only regular files are read")
    return info


def _check_listable(folder: Path) -> None:
    # find_files hands over the folders os.walk could not list.
    try:
        with os.scandir(folder):
            pass
    except OSError as exc:
        raise ReadError(folder, f"is a folder that cannot be listed: {exc.strerror}") from None


def _too_big(path: Path, size: int | None, max_bytes: int) -> ReadError:
    weight = f"is {size:,} bytes" if size is not None else "grew while being read"
    return ReadError(
        path,
        f"{weight}, over the limit of {max_bytes:,} bytes for one file "
        "(set INGEST_MAX_FILE_BYTES to raise it)",
    )


def _read_bytes(path: Path, info: os.stat_result, max_bytes: int) -> bytes:
    if info.st_size > max_bytes:
        raise _too_big(path, info.st_size, max_bytes)
    try:
        # O_NONBLOCK: if the path was swapped for a FIFO since os.stat, opening it
        # returns at once instead of waiting for a writer (checked just below).
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        with os.fdopen(fd, "rb") as file:
            opened = os.fstat(file.fileno())
            same = (opened.st_dev, opened.st_ino) == (info.st_dev, info.st_ino)
            if not stat.S_ISREG(opened.st_mode) or not same:
                raise ReadError(path, "changed while being read: try again")
            # One byte past the limit tells a file that grew (or that reports no size,
            # as /proc's do) from one that fits, without reading all of it.
            raw = file.read(max_bytes + 1)
    except OSError as exc:
        raise ReadError(path, f"cannot be read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise _too_big(path, None, max_bytes)
    return raw


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
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        # Only the line's start is cleaned: the text may be one line of megabytes.
        line = _clean_title(text[start:end].lstrip()[: MAX_DEFAULT_TITLE * 4])
        if line:
            return _shorten(line, MAX_DEFAULT_TITLE)
        start = end + 1
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
    """One line of words: white space collapsed, and control characters (a stray
    backspace or terminal escape from a CMS) dropped, since a title is a label."""
    words = (_CONTROL.sub("", word) for word in title.split())
    return " ".join(word for word in words if word)


# --- .txt ---------------------------------------------------------------------------------


def _read_text(path: Path, raw: bytes, published: date | None, max_bytes: int) -> ArticleInput:
    text = _decode_utf8(path, raw)
    if not text.strip():
        raise ReadError(path, "contains only whitespace")
    meta = _read_sidecar(path, max_bytes)
    day, moment = _published_from(
        meta.get("published"), published, path, None, _missing_sidecar_hint(path)
    )
    return ArticleInput(
        text=text,
        title=_clean_title(meta.get("title") or "") or default_title(text),
        source=_clean_title(meta.get("source") or ""),
        url=(meta.get("url") or "").strip(),
        published=day,
        published_at=moment,
        origin=path.as_posix(),
    )


def _missing_sidecar_hint(path: Path) -> str:
    # Escaped now: ReadError folds a reason's line breaks into spaces.
    return f'add "published" to {printable(sidecar_path(path).name)} or pass --published'


def _read_sidecar(path: Path, max_bytes: int) -> dict[str, Any]:
    sidecar = sidecar_path(path)
    if not os.path.lexists(sidecar):
        return {}
    # A sidecar that is a folder, a FIFO or a broken link is named, not passed over:
    # skipping it would lose the article's metadata without a word.
    raw = _read_bytes(sidecar, _regular_file(sidecar), max_bytes)
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
        problem = unstorable(key, meta.get(key) or "")
        if problem:
            raise ReadError(sidecar, problem)
    problem = bad_url((meta.get("url") or "").strip())
    if problem:
        raise ReadError(sidecar, problem)
    return meta


# --- .json and .jsonl ---------------------------------------------------------------------


class _LongNumber:
    """A JSON integer too long to be a number anything here uses (Python refuses to turn
    one of over 4,300 digits into text at all): kept as its digits, for messages."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits


# Longer integers are kept as _LongNumber.
_MAX_INT_DIGITS = 100


def _parse_int(digits: str) -> int | _LongNumber:
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else _LongNumber(digits)


class _DuplicateKey(Exception):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # {"text": "…", "text": "…"} keeps the last silently, so what a person reviewing
    # the file sees first would not be what is stored.
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return record


def _parse_json(path: Path, text: str, line: int | None = None) -> Any:
    try:
        return json.loads(text, parse_int=_parse_int, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        # Within one JSONL line the line number is always 1, so only the column helps.
        where = f"column {exc.colno}"
        if line is None:
            where = f"line {exc.lineno} {where}"
        raise ReadError(path, f"is not valid JSON: {exc.msg} at {where}", line) from None
    except RecursionError:
        # Python's parser recurses once per level of nesting; a record is one flat object.
        raise ReadError(
            path, "nests JSON lists or objects too deeply (an article record is flat)", line
        ) from None
    except _DuplicateKey as exc:
        raise ReadError(
            path, f"has the key {show(exc.args[0])} twice in one object: keep one", line
        ) from None


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
    fields: dict[str, str] = {}
    for key in ("text", "title", "source", "url"):
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise fail(f'the record\'s "{key}" is not a string (it is {_json_type(value)})')
        fields[key] = value or ""
        problem = unstorable(key, fields[key])
        if problem:
            raise fail(f"the record's {problem}")
    text = normalize_text(fields["text"])
    if not text.strip():
        raise fail("the record's text is blank")
    url = fields["url"].strip()
    problem = bad_url(url)
    if problem:
        raise fail(f"the record's {problem}")

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
        source=_clean_title(fields["source"]),
        url=url,
        published=day,
        published_at=moment,
        origin=origin,
    )
    return article, label or "the record"


# An id is how a re-ingest finds its article again, so it is kept exactly; past this
# it is more likely a whole document pasted into the wrong field than an identifier.
MAX_ID_CHARS = 500


def _record_id(value: object, fail: Any) -> str | None:
    """The id as text: a string as written, or a whole number's digits ("id": 42 is
    the same article as "id": "42")."""
    if value is None:
        return None
    # bool is an int subclass, but true/false as an id is a mistake, not an identifier.
    if isinstance(value, _LongNumber):
        value = value.digits
    elif isinstance(value, bool) or not isinstance(value, str | int):
        raise fail(f'the record\'s "id" must be a string or a whole number (it is {show(value)})')
    record_id = str(value).strip()
    if not record_id:
        raise fail('the record\'s "id" is empty')
    if len(record_id) > MAX_ID_CHARS:
        raise fail(
            f'the record\'s "id" is {len(record_id):,} characters long '
            f"(at most {MAX_ID_CHARS:,}): {show(record_id)}"
        )
    problem = unstorable("id", record_id) or _control_character("id", record_id)
    if problem:
        raise fail(f"the record's {problem}")
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


# The HTML parser looks through the elements open around each element it starts, so its
# time grows with the number of elements times their depth: 200,000 <div>s inside each
# other take minutes. This bounds the sum of the depths at which elements open (about
# half a second's parsing); real pages, even ones thousands deep from unclosed tags,
# stay far below it.
MAX_HTML_NESTING = 100_000_000
_TAG_OPEN = re.compile(r"<(!--|/?[A-Za-z][^\s/>]*)")
# Elements that never hold others, or that the parser closes by itself when the next one
# starts (an unclosed <p> or <li> does not nest): not counted.
_NOT_NESTING = frozenset(
    {
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound"),
        *("p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp"),
        *("rtc", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body"),
        *("a", "nobr", "button", "form"),
    }
)
# Elements whose content is not parsed as HTML elements: skipped to their end tag.
_OPAQUE = frozenset(
    {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"}
    | {"noscript", "svg", "math"}
)


def nests_too_deeply(html: str, limit: int) -> int:
    """The depth reached when the sum of the depths at which the page's elements open
    passes `limit`, or 0 if it never does. Told from the tags before the page is
    parsed, since parsing is what would take the time."""
    depth = work = 0
    position = 0
    while (match := _TAG_OPEN.search(html, position)) is not None:
        token = match.group(1)
        end = html.find("-->" if token == "!--" else ">", match.end())
        if end == -1:
            return 0
        position = end + 1
        name = token.lstrip("/").lower()
        if name in _NOT_NESTING or token == "!--":
            continue
        if token.startswith("/"):
            depth = max(0, depth - 1)
        elif name in _OPAQUE:
            closing = re.compile(f"</{name}", re.IGNORECASE).search(html, position)
            position = closing.end() if closing else len(html)
        else:
            depth += 1
            work += depth
            if work > limit:
                return depth
    return 0


@dataclass(frozen=True, slots=True)
class PageFields:
    """What an HTML page says of itself: its main text and its metadata, each a best guess."""

    text: str
    title: str
    url: str  # canonical, or "" when the page names none that could be stored
    source: str  # the site's name
    published: str | None  # as written in the page
    author: str


def page_fields(
    where: Path | str, html: str, published: date | None, extractor: str = "newsmap", url: str = ""
) -> PageFields:
    """The main text and metadata of a decoded page. where: the file or URL errors name;
    extractor: "newsmap" (this module's reader) or "trafilatura"; url: where the page was
    found, which trafilatura resolves relative links against."""
    if not html.strip():
        raise ReadError(where, "contains only whitespace")
    depth = nests_too_deeply(html, MAX_HTML_NESTING)
    if depth:
        raise ReadError(
            where,
            f"nests its elements too deeply ({depth:,} inside each other, and more): "
            "parsing it would take minutes",
        )
    # With scripting on, <noscript> is one text node instead of markup that can push
    # <head> elements (such as the canonical link) into <body>.
    tree = LexborHTMLParser(html, scripting=True)

    title = _clean_title(
        _meta_content(tree, "og:title") or _node_text(tree.css_first("head title"))
    )
    canonical = _link_href(tree, "canonical") or _meta_content(tree, "og:url") or ""
    source = _clean_title(_meta_content(tree, "og:site_name") or "")
    published_raw = _meta_content(tree, "article:published_time") or _item_date(tree)
    author = _clean_title(_meta_content(tree, "author") or "")
    text = ""
    if extractor == "trafilatura":
        found = trafilatura_fields(where, _without_chrome(tree), url)
        text = found.text
        title = title or _clean_title(found.title)
        canonical = canonical or found.url
        source = source or _clean_title(found.source)
        author = author or _clean_title(found.author)
        # Its date is a day at most, and a guess: the page's own metadata goes first.
        published_raw = published_raw or found.published
    if not text:
        # trafilatura leaves pages of a line or two (events.html_text.MIN_TEXT), and
        # pages nested past what lxml parses, to this module's reader.
        text, time_date = _newsmap_text(tree, published_raw is None and published is None)
        published_raw = published_raw or time_date
    elif published_raw is None and published is None:
        published_raw = _time_element_date(tree.body)
    if not text:
        raise ReadError(where, "has no article text")
    if bad_url(canonical):
        # A page's metadata is a best guess, like its <time> elements: a link that could
        # not be stored as written is left out rather than failing the article.
        canonical = ""
    return PageFields(text, title, canonical, source, published_raw, author)


# Site chrome, when it stands outside the story: trafilatura keeps a <header>'s or a
# lone <nav>'s paragraphs where there is little else; inside an <article> or <main> a
# <header> holds the headline and is kept.
_CHROME_TAGS = ("header", "nav", "footer", "aside")


def _without_chrome(tree: LexborHTMLParser) -> str:
    """The page's HTML less the chrome outside its <article>s and <main>, found in one
    walk: asking each element for its ancestors would cost the square of the depth."""
    chrome: list[LexborNode] = []
    story = 0  # how many <article> or <main> elements are open
    for kind, node in _walk(tree.root):
        if kind == "text":
            continue
        if node.tag in ("article", "main"):
            story += 1 if kind == "open" else -1
        elif kind == "open" and not story and node.tag in _CHROME_TAGS:
            chrome.append(node)
    for node in chrome:
        node.decompose()
    return tree.html or ""


def _newsmap_text(tree: LexborHTMLParser, wants_date: bool) -> tuple[str, str | None]:
    """The page's main text by this module's rules, and a <time> element's date."""
    for tag in _DROPPED_TAGS:
        for node in tree.css(tag):
            node.decompose()
    main = _main_element(tree)
    time_date = None
    if wants_date:
        time_date = _time_element_date(main) or _time_element_date(tree.body)
    return (_block_text(main) if main is not None else ""), time_date


def trafilatura_fields(where: Path | str, html: str, url: str = "") -> PageFields:
    """The main text and metadata as trafilatura finds them (events.html_text has why)."""
    from events.html_text import extract

    try:
        return extract(html, url)
    except ValueError as error:
        raise ReadError(where, f"could not be parsed as HTML ({error})") from None


# Which reader finds the main text of .html files (benchmarks/html_bodies.py compares them).
HTML_FILE_EXTRACTOR = "trafilatura"


def _read_html(path: Path, raw: bytes, published: date | None, max_bytes: int) -> ArticleInput:
    html = _decode_html(path, raw)
    page = page_fields(path, html, published, HTML_FILE_EXTRACTOR)
    sidecar = _read_sidecar(path, max_bytes)
    published_raw = sidecar.get("published", page.published)
    day, moment = _published_from(
        published_raw,
        published,
        path,
        None,
        "the page has no article:published_time, datePublished or <time datetime>; "
        + _missing_sidecar_hint(path),
    )
    return ArticleInput(
        text=page.text,
        title=_clean_title(sidecar.get("title") or "") or page.title or default_title(page.text),
        source=_clean_title(sidecar.get("source") or "") or page.source,
        url=(sidecar.get("url") or "").strip() or page.url,
        published=day,
        published_at=moment,
        origin=path.as_posix(),
        author=page.author,
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
        encoding = _declared_charset(path, raw) or "utf-8"
    try:
        return normalize_text(raw.decode(encoding))
    except UnicodeDecodeError as exc:
        name = codecs.lookup(encoding).name
        raise ReadError(path, f"is not valid {name} ({_describe_bad_bytes(raw, exc)})") from None


def _declared_charset(path: Path | str, raw: bytes) -> str | None:
    """The Python codec for the page's <meta> charset, as browsers read the label.

    The WHATWG Encoding Standard's labels (webencodings), not Python's codec names: a
    page may not pick a codec no browser has, such as unicode_escape (which spells out
    NUL and lone surrogates) or utf-7.
    """
    match = _META_CHARSET.search(raw[:_CHARSET_SCAN_BYTES])
    if match is None:
        return None
    label = match.group(1).decode("ascii")
    encoding = webencodings.lookup(label)
    if encoding is None:
        # Browsers ignore labels they do not know; strict UTF-8 decoding then either works
        # or produces a clear error.
        return None
    # HTML reads a declared UTF-16 as UTF-8 (a label readable as ASCII cannot be right)
    # and x-user-defined as windows-1252.
    name = {"utf-16le": "utf-8", "utf-16be": "utf-8", "x-user-defined": "windows-1252"}.get(
        encoding.name, encoding.name
    )
    if name == "replacement":
        raise ReadError(
            path,
            f"declares the charset {show(label)}, which browsers refuse to decode "
            "(it can hide markup): save the page as UTF-8",
        )
    return webencodings.lookup(name).codec_info.name


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
    if tree.css_first("article") is not None:
        return _fullest_article(tree)
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


def _fullest_article(tree: LexborHTMLParser) -> LexborNode | None:
    """The outermost <article> with the most paragraph text, in one walk of the page.

    An <article> inside another holds no more paragraph text than the one around it,
    so only the outermost are weighed (the first wins a tie, as the outer one did):
    weighing each would cost the square of how deeply they nest.
    """
    best: LexborNode | None = None
    best_size = -1
    current: LexborNode | None = None
    size = depth = 0
    for kind, node in _walk(tree.root):
        if kind == "text":
            continue
        if node.tag == "article":
            if kind == "open":
                depth += 1
                if depth == 1:
                    current, size = node, 0
            else:
                depth -= 1
                if depth == 0 and size > best_size:
                    best, best_size = current, size
        elif kind == "open" and node.tag == "p" and depth:
            size += len(node.text(strip=True))
    return best


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
