"""Score the pipeline against annotated corpora (formats in shared/data/README.md).

Places: toponym precision, recall and F1 with exact spans and with overlapping
spans, and for the overlapping pairs whose gold has coordinates, accuracy@161 km
and the median and mean error. Dates: TempEval-3's strict (exact span), relaxed
(overlap) and value (overlap and the same TIMEX3 value) F1. Kinds: agreement
with a person's judgment of each sentence (docs/judgments/).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from events.extraction.happenings import classify
from events.extraction.happenings.same import PlaceRef, Report, group
from events.toponyms import haversine_km

Span = tuple[int, int]


@dataclass
class PRF:
    matched_system: int = 0
    system: int = 0
    matched_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched_system / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.matched_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.matched_system += other.matched_system
        self.system += other.system
        self.matched_gold += other.matched_gold
        self.gold += other.gold

    def line(self, name: str) -> str:
        return (
            f"{name:<10} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}  "
            f"(system {self.system}, gold {self.gold})"
        )


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def pair_spans(gold: Sequence[Span], system: Sequence[Span], exact: bool) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, system index), greedy by position."""
    pairs: list[tuple[int, int]] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if si in used:
                continue
            if (s == g) if exact else _overlaps(s, g):
                pairs.append((gi, si))
                used.add(si)
                break
    return pairs


def _prf(gold: Sequence[Any], system: Sequence[Any], pairs: list[tuple[int, int]]) -> PRF:
    return PRF(len(pairs), len(system), len(pairs), len(gold))


@dataclass
class GeoScore:
    exact: PRF = field(default_factory=PRF)
    overlap: PRF = field(default_factory=PRF)
    errors_km: list[float] = field(default_factory=list)

    @property
    def accuracy_161(self) -> float:
        if not self.errors_km:
            return 0.0
        return sum(1 for e in self.errors_km if e <= 161) / len(self.errors_km)

    def lines(self) -> list[str]:
        errors = self.errors_km or [0.0]
        return [
            self.exact.line("exact"),
            self.overlap.line("overlap"),
            f"accuracy@161km {self.accuracy_161:.3f}  median error {statistics.median(errors):.0f}"
            f" km  mean error {statistics.fmean(errors):.0f} km  (pairs {len(self.errors_km)})",
        ]


# The roles `annotate` gives a toponym (events.toponyms): where something is,
# an adjective of a place, a place inside an organisation's name.
ROLES = ("place", "demonym", "embedded")


def score_geo_document(
    gold: dict[str, Any], system: dict[str, Any], roles: Iterable[str] = ROLES
) -> tuple[GeoScore, list[str]]:
    """Scores one document; returns the score and lines describing its errors.

    roles: the toponyms the corpus annotates. GeoWebNews counts demonyms and
    names inside names; GeoVirus and most older corpora count only places.
    """
    wanted = set(roles)
    gold_t = sorted(gold["toponyms"], key=lambda t: t["start"])
    sys_t = sorted(
        (t for t in system["places"] if t.get("role", "place") in wanted),
        key=lambda t: t["start"],
    )
    gold_spans = [(t["start"], t["end"]) for t in gold_t]
    sys_spans = [(t["start"], t["end"]) for t in sys_t]
    score = GeoScore()
    score.exact = _prf(gold_spans, sys_spans, pair_spans(gold_spans, sys_spans, exact=True))
    overlap_pairs = pair_spans(gold_spans, sys_spans, exact=False)
    score.overlap = _prf(gold_spans, sys_spans, overlap_pairs)
    notes: list[str] = []
    for gi, si in overlap_pairs:
        g, s = gold_t[gi], sys_t[si]
        if g.get("lat") is None or g.get("lon") is None:
            continue
        km = haversine_km(g["lat"], g["lon"], s["lat"], s["lon"])
        score.errors_km.append(km)
        if km > 161:
            notes.append(f"  wrong place  {g['name']!r} → {s['name']} ({s['country']}) {km:.0f} km")
    matched_gold = {gi for gi, _ in overlap_pairs}
    matched_sys = {si for _, si in overlap_pairs}
    notes += [
        f"  missed       {t['name']!r}" for i, t in enumerate(gold_t) if i not in matched_gold
    ]
    notes += [
        f"  not a place  {t['text']!r} → {t['name']} ({t['country']})"
        for i, t in enumerate(sys_t)
        if i not in matched_sys
    ]
    return score, notes


@dataclass
class DateScore:
    strict: PRF = field(default_factory=PRF)
    relaxed: PRF = field(default_factory=PRF)
    value: PRF = field(default_factory=PRF)

    def lines(self) -> list[str]:
        return [self.strict.line("strict"), self.relaxed.line("relaxed"), self.value.line("value")]


def _is_dateline(text: str, dct: str | None, timex: dict[str, Any]) -> bool:
    """A line that is nothing but the publication date.

    TimeML annotates the document creation time apart from the text, and
    TempEval-3 does not score it, so corpora that print it as a dateline
    (MEANTIME's second line) leave that line unannotated.
    """
    if not dct or timex["value"] != dct:
        return False
    line_start = text.rfind("\n", 0, timex["start"]) + 1
    line_end = text.find("\n", timex["end"])
    line = text[line_start : line_end if line_end != -1 else len(text)]
    return line.strip() == timex["text"].strip()


def score_dates_document(
    gold: dict[str, Any], system: dict[str, Any]
) -> tuple[DateScore, list[str]]:
    gold_t = sorted(gold["timexes"], key=lambda t: t["start"])
    sys_t = [
        t
        for t in sorted(system["dates"], key=lambda t: t["start"])
        if not _is_dateline(gold["text"], gold.get("dct"), t)
    ]
    gold_spans = [(t["start"], t["end"]) for t in gold_t]
    sys_spans = [(t["start"], t["end"]) for t in sys_t]
    score = DateScore()
    score.strict = _prf(gold_spans, sys_spans, pair_spans(gold_spans, sys_spans, exact=True))
    relaxed_pairs = pair_spans(gold_spans, sys_spans, exact=False)
    score.relaxed = _prf(gold_spans, sys_spans, relaxed_pairs)
    same_value = [(g, s) for g, s in relaxed_pairs if gold_t[g]["value"] == sys_t[s]["value"]]
    score.value = _prf(gold_spans, sys_spans, same_value)
    notes: list[str] = []
    for g, s in relaxed_pairs:
        if gold_t[g]["value"] != sys_t[s]["value"]:
            notes.append(
                f"  wrong value  {gold_t[g]['text']!r}: {sys_t[s]['value']} "
                f"(gold {gold_t[g]['value']})"
            )
    matched_gold = {g for g, _ in relaxed_pairs}
    matched_sys = {s for _, s in relaxed_pairs}
    notes += [
        f"  missed       {t['text']!r} {t['value']}"
        for i, t in enumerate(gold_t)
        if i not in matched_gold
    ]
    notes += [
        f"  not a timex  {t['text']!r} {t['value']}"
        for i, t in enumerate(sys_t)
        if i not in matched_sys
    ]
    return score, notes


def total_geo(scores: Iterable[GeoScore]) -> GeoScore:
    total = GeoScore()
    for score in scores:
        total.exact.add(score.exact)
        total.overlap.add(score.overlap)
        total.errors_km.extend(score.errors_km)
    return total


def total_dates(scores: Iterable[DateScore]) -> DateScore:
    total = DateScore()
    for score in scores:
        total.strict.add(score.strict)
        total.relaxed.add(score.relaxed)
        total.value.add(score.value)
    return total


@dataclass
class KindScore:
    """How often the kind classifier agrees with a person's judgment, per kind."""

    right: int = 0
    total: int = 0
    confusions: Counter[tuple[str, str]] = field(default_factory=Counter)

    def lines(self) -> list[str]:
        share = self.right / self.total if self.total else 0.0
        out = [f"kinds: {self.right} of {self.total} as judged ({share:.2f})"]
        for (judged, given), n in self.confusions.most_common(8):
            out.append(f"  judged {judged}, classified {given}: {n}")
        return out


def score_kinds(judged: Iterable[dict[str, Any]]) -> KindScore:
    score = KindScore()
    for item in judged:
        given = classify(item["text"]).name
        score.total += 1
        if given == item["kind"]:
            score.right += 1
        else:
            score.confusions[(item["kind"], given)] += 1
    return score


@dataclass
class HappeningScore:
    """How often the grouping agrees with a person's judgment of the happenings it
    made: a group judged one happening should still be joined, one judged several
    should now be split."""

    joined: int = 0  # judged one happening, grouped as one
    same: int = 0
    split: int = 0  # judged several, no longer one group
    different: int = 0

    def lines(self) -> list[str]:
        right, total = self.joined + self.split, self.same + self.different
        share = right / total if total else 0.0
        return [
            f"happenings: {right} of {total} as judged ({share:.2f})",
            f"  judged one happening, still one: {self.joined} of {self.same}",
            f"  judged several, now split: {self.split} of {self.different}",
        ]


def score_happenings(judged: Iterable[dict[str, Any]]) -> HappeningScore:
    score = HappeningScore()
    for item in judged:
        reports = [_judged_report(at, report) for at, report in enumerate(item["reports"])]
        one = len(group(reports)) == 1
        if item["same"]:
            score.same += 1
            score.joined += one
        else:
            score.different += 1
            score.split += not one
    return score


def _judged_report(at: int, report: dict[str, Any]) -> Report:
    places = tuple(PlaceRef(*place) for place in report["places"])
    day = date.fromisoformat(report["day"])
    return Report((report["article"], at), report["kind"], day, places, report["text"])
