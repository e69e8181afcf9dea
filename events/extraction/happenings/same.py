"""Which reports tell the same happening: evidence weighed, then grouped.

A report is one sentence's event. Two reports can be one happening only when they
are of the same kind and dated to the same single day (ACLED's unit is an event
type at one place on one day); reports with a span ("this week", "in March") each
stay a happening of their own, since a span says too little to join on, and so do
reports of kind "other": with no kind, nothing says what happened.

Between two such reports the evidence is weighed (WEIGHTS, one table):

- places: the same town or site (strong, as the share of places both name), only
  the same country ("Tripoli" and "Libya", or "Libya" twice: weak, a country's
  news on one day is many happenings), or two different towns (against: two towns
  shelled on one day are two events);
- the same act, from ACTS ("pounded" and "bombardment" are both shelling);
- the actors: both name people or bodies (capitalised words that are not places)
  and none in common is against (the EU's welcome and Sarkozy's of one council);
- the figures: both give numbers and none in common is against (two stock
  markets' turnovers, two crimes' tolls); a retelling repeats its figures;
- shared words: the share of the shorter sentence's content words that the other
  has too, besides the words of its acts and places, already weighed (two tellings
  of one vow share its actor and what was vowed).

Reports whose evidence reaches THRESHOLD are joined, strongest pair first; a join
that would put two reports with evidence against them in one group is refused, so
a happening never chains across towns. The result depends only on the reports,
not on the order they arrive in: ingesting in any order, or in several processes,
groups alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from itertools import combinations

# The weight of each piece of evidence; a pair at THRESHOLD or above is one happening.
WEIGHTS = {
    # Times the share of the two reports' towns, regions and sites that both name.
    "same_place": 1.5,
    # Only a country in common, named by both or holding the other's place.
    "same_country": 0.75,
    "other_place": -3.0,
    "same_act": 1.0,
    # Both name people or bodies, and none in common: different actors' acts.
    "other_actors": -0.75,
    # Both give figures, and none in common: different counts, prices, results.
    "other_figures": -1.0,
    # Times the share of shared content words (0 to 1).
    "shared_words": 2.5,
}
THRESHOLD = 2.0
# The kind of a report with no evidence of any (kinds.py): never joined.
UNKNOWN = "other"

# Acts that different words tell alike, by the stems that tell them.
ACTS: dict[str, tuple[str, ...]] = {
    "shelling": (
        "pound",
        "shell",
        "bombard",
        "bomb",
        "artillery",
        "rocket",
        "mortar",
        "airstrike",
        "shrapnel",
        "missile",
    ),
    "clash": ("battle", "clash", "fought", "fighting", "gunfire", "skirmish", "firefight"),
    "advance": ("advanc", "retake", "retook", "seize", "seiz", "captur", "overran", "overrun"),
    "retreat": ("retreat", "flee", "fled", "withdr", "evacuat"),
    "killing": ("kill", "dead", "death", "died", "slain", "massacre"),
    "meeting": ("meet", "met", "talks", "summit", "conference"),
    "vow": ("vow", "pledg", "promis", "threat", "warn"),
    "freeze": ("freez", "froze", "frozen", "embargo", "sanction"),
    "recognition": ("recogni",),
    "protest": ("protest", "demonstrat", "rally", "rallies", "march"),
    "arrest": ("arrest", "detain", "detention", "custody"),
    "vote": ("vote", "voted", "voting", "elect", "ballot", "poll"),
    "attack": ("attack", "ambush", "raid", "assault", "explosion", "blast", "suicide"),
    "aid": ("aid", "refugee", "displac", "relief", "humanitarian"),
}

# Words every report has, or that name its date rather than what happened.
_FUNCTION_TEXT = (
    "a about after again against all also an and any are as at be been before being "
    "but by can could did do does during each for from had has have he her here his "
    "how i if in into is it its itself just more most no not now of on once one only "
    "or other our out over own said same say says she should so some such than that "
    "the their them then there these they this those through to too under until up "
    "very was we were what when where which while who whom why will with would you "
    "today yesterday tomorrow tonight morning afternoon evening night week weekend "
    "month year monday tuesday wednesday thursday friday saturday sunday january "
    "february march april may june july august september october november december mr "
    "mrs ms "
)
_FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())

# A figure as written ("3.19", "1,274.42", "40,000", "319"). Not one or two digits
# (days of the month, clock times, small counts told in words elsewhere) nor four
# (years): the reports' dates are already weighed.
_FIGURE = re.compile(
    r"(?<![\w.,:])(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d{3}|\d{5,})(?![\w.,:]*\d)"
)
_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)


@dataclass(frozen=True)
class PlaceRef:
    id: int
    kind: str  # events.models.Place.Kind: city, region, country, water, other
    country: str
    name: str = ""


@dataclass(frozen=True, eq=False)
class Report:
    """One sentence's event, as far as grouping needs it. Compared by identity, so
    that a pair's score is remembered cheaply (score): a caller that groups the same
    reports again (each ingest batch groups its days whole) passes the same objects."""

    key: tuple[str, int]  # stable across runs: the article's content and the offset
    kind: str
    day: date | None  # the one day it happened on, or None: a span, never joined
    places: tuple[PlaceRef, ...]
    text: str
    words: frozenset[str] = field(init=False)
    acts: frozenset[str] = field(init=False)
    actors: frozenset[str] = field(init=False)
    figures: frozenset[str] = field(init=False)
    where: Where = field(init=False)

    def __post_init__(self) -> None:
        words = content_words(self.text)
        acts = acts_of(words)
        named = content_words(" ".join(p.name for p in self.places))
        told = frozenset(w for w in words if w not in named and not _acts_of_word(w))
        object.__setattr__(self, "words", told)
        object.__setattr__(self, "acts", acts)
        object.__setattr__(self, "actors", names_in(self.text) - named)
        object.__setattr__(self, "where", Where.of(self.places))
        object.__setattr__(self, "figures", frozenset(_FIGURE.findall(self.text)))


@dataclass(frozen=True)
class Where:
    """A report's places as the place evidence compares them (computed once: a day's
    reports are compared pairwise)."""

    ids: frozenset[int]
    local: frozenset[int]  # towns, regions, sites: all but countries
    towns: frozenset[int]
    countries: frozenset[str]  # the countries it names
    within: frozenset[str]  # the countries its other places are in

    @classmethod
    def of(cls, places: Sequence[PlaceRef]) -> Where:
        return cls(
            ids=frozenset(p.id for p in places),
            local=frozenset(p.id for p in places if p.kind != "country"),
            towns=frozenset(p.id for p in places if p.kind == "city"),
            countries=frozenset(p.country for p in places if p.kind == "country" and p.country),
            within=frozenset(p.country for p in places if p.kind != "country"),
        )


def content_words(text: str) -> frozenset[str]:
    words = (w.lower().strip("'-") for w in _WORD.findall(text))
    return frozenset(w for w in words if len(w) > 2 and w not in _FUNCTION_WORDS)


def names_in(text: str) -> frozenset[str]:
    """Capitalised words after the sentence's first, lower-cased, hyphenated parts
    apart ("pro-Gadhafi" names Gadhafi)."""
    found = set()
    for match in _WORD.finditer(text):
        if match.start() == 0:
            continue
        for part in match.group().split("-"):
            part = part.strip("'").removesuffix("'s")
            if part[:1].isupper() and part.lower() not in _FUNCTION_WORDS and len(part) > 2:
                found.add(part.lower())
    return frozenset(found)


def acts_of(words: Iterable[str]) -> frozenset[str]:
    return frozenset(act for word in words for act in _acts_of_word(word))


@cache
def _acts_of_word(word: str) -> tuple[str, ...]:
    return tuple(act for act, pattern in _ACT_PATTERNS.items() if pattern.fullmatch(word))


def _act_pattern(stems: tuple[str, ...]) -> re.Pattern[str]:
    # A short stem is a whole word with its endings: "met" is not "metre", "aid" not "aide".
    short = [re.escape(s) for s in stems if len(s) <= 4]
    long = [re.escape(s) for s in stems if len(s) > 4]
    ways = [f"(?:{'|'.join(long)})\\w*"] if long else []
    if short:
        ways.append(f"(?:{'|'.join(short)})(?:s|es|ed|d|ing|er|ers)?")
    return re.compile("|".join(ways))


_ACT_PATTERNS = {act: _act_pattern(stems) for act, stems in ACTS.items()}


def evidence(a: Report, b: Report) -> dict[str, float]:
    """The weighed evidence that a and b tell one happening, by name (for tests and
    for an editor asking why)."""
    found = _place_evidence(a.where, b.where)
    if a.acts & b.acts:
        found["same_act"] = WEIGHTS["same_act"]
    if a.actors and b.actors and not a.actors & b.actors:
        found["other_actors"] = WEIGHTS["other_actors"]
    if a.figures and b.figures and not a.figures & b.figures:
        found["other_figures"] = WEIGHTS["other_figures"]
    shorter = min(len(a.words), len(b.words))
    if shorter:
        found["shared_words"] = WEIGHTS["shared_words"] * len(a.words & b.words) / shorter
    return found


def _place_evidence(a: Where, b: Where) -> dict[str, float]:
    if not a.ids or not b.ids:
        return {}
    if a.local & b.local:
        share = len(a.local & b.local) / len(a.local | b.local)
        return {"same_place": WEIGHTS["same_place"] * share}
    if a.ids & b.ids or a.countries & b.within or b.countries & a.within:
        return {"same_country": WEIGHTS["same_country"]}
    if a.towns and b.towns:
        return {"other_place": WEIGHTS["other_place"]}
    return {}


@lru_cache(maxsize=1 << 20)
def score(a: Report, b: Report) -> float:
    if a.kind != b.kind or a.kind == UNKNOWN or a.day is None or a.day != b.day:
        return float("-inf")
    return sum(evidence(a, b).values())


Decided = Mapping[tuple[tuple[str, int], tuple[str, int]], bool]


def group(reports: Sequence[Report], decided: Decided | None = None) -> list[list[Report]]:
    """The happenings these reports tell, each a list of its reports in key order;
    every report is in exactly one.

    decided: an editor's word on pairs of reports (by key): True joins them before
    any evidence is weighed, False keeps them apart whatever the evidence says."""
    ordered = sorted(reports, key=lambda r: r.key)
    index = {r.key: i for i, r in enumerate(ordered)}
    pairs = _scored_pairs(ordered) + _decided_pairs(index, decided or {})
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    joined = {(i, j) for s, i, j in pairs if s == float("inf")}
    # Evidence against a pair an editor joined yields to the editor.
    against = {(i, j) for s, i, j in pairs if s < 0} - joined
    parent = list(range(len(ordered)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for s, i, j in pairs:
        if s < THRESHOLD:
            break
        ri, rj = root(i), root(j)
        if ri == rj or _any_against(members[ri], members[rj], against):
            continue
        parent[rj] = ri
        members[ri] += members.pop(rj)
    groups = [sorted(m) for m in members.values()]
    return [[ordered[i] for i in g] for g in sorted(groups, key=lambda g: index[ordered[g[0]].key])]


def _scored_pairs(ordered: Sequence[Report]) -> list[tuple[float, int, int]]:
    """Pairs of the same kind and day that join or object, strongest first, ties by key."""
    by_bucket: dict[tuple[str, date], list[int]] = {}
    for i, report in enumerate(ordered):
        if report.day is not None and report.kind != UNKNOWN:
            by_bucket.setdefault((report.kind, report.day), []).append(i)
    pairs = (
        (score(ordered[i], ordered[j]), i, j)
        for members in by_bucket.values()
        for i, j in combinations(members, 2)
    )
    # Only joins and objections count; the many pairs in between say nothing.
    telling = [p for p in pairs if p[0] >= THRESHOLD or p[0] < 0]
    return sorted(telling, key=lambda p: (-p[0], p[1], p[2]))


def _decided_pairs(
    index: Mapping[tuple[str, int], int], decided: Decided
) -> list[tuple[float, int, int]]:
    """An editor's pairs, scored beyond any evidence: a join first, a split against."""
    pairs = []
    for (a, b), same in decided.items():
        if a in index and b in index and a != b:
            i, j = sorted((index[a], index[b]))
            pairs.append((float("inf") if same else float("-inf"), i, j))
    return pairs


def _any_against(left: list[int], right: list[int], against: set[tuple[int, int]]) -> bool:
    return any((min(i, j), max(i, j)) in against for i in left for j in right)
