"""Which convention for a country's point the corpora's gold agrees with.

Not a test: it prints figures. For every toponym that `evaluate geo` pairs
with a country, it asks whether each of three points lies within 161 km of
the gold's: the CIA World Factbook's (the gazetteer's), the centre of the
country's outline (countryinfo's), and the centre of its largest landmass.

    .venv/bin/python benchmarks/country_points.py
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsmap.settings")

import django  # noqa: E402

django.setup()

from events.annotate import to_record  # noqa: E402
from events.evaluation import pair_spans  # noqa: E402
from events.gazetteer import _cells_inside, _package_data  # noqa: E402
from events.pipeline import Pipeline  # noqa: E402
from events.toponyms import haversine_km  # noqa: E402

DATA = BASE.parent / "shared" / "data" / "geo"
CORPORA = {"geowebnews.jsonl": None, "geovirus.jsonl": {"place", "embedded"}}
Point = tuple[float, float]


def gold_points(pipeline: Pipeline) -> tuple[dict[str, list[Point]], dict[str, Point]]:
    """The gold's points for toponyms newsmap puts at a country, and newsmap's points."""
    gold: dict[str, list[Point]] = defaultdict(list)
    ours: dict[str, Point] = {}
    for name, roles in CORPORA.items():
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            document = json.loads(line)
            published = date.fromisoformat(document.get("dct") or "2000-01-01")
            record = to_record(document["id"], pipeline.annotate(document["text"], published))
            golds = sorted(document["toponyms"], key=lambda t: t["start"])
            found = sorted(
                (t for t in record["places"] if roles is None or t["role"] in roles),
                key=lambda t: t["start"],
            )
            spans = pair_spans(
                [(t["start"], t["end"]) for t in golds],
                [(t["start"], t["end"]) for t in found],
                exact=False,
            )
            for g, s in spans:
                if golds[g].get("lat") is None or found[s]["kind"] != "country":
                    continue
                gold[found[s]["country"]].append((golds[g]["lat"], golds[g]["lon"]))
                ours[found[s]["country"]] = (found[s]["lat"], found[s]["lon"])
    return gold, ours


def outlines() -> dict[str, list[Any]]:
    polygons: dict[str, list[Any]] = {}
    for path in _package_data("countryinfo", "data").glob("*.json"):
        try:
            info = json.loads(path.read_text(encoding="utf-8"))
            geometry = info["geoJSON"]["features"][0]["geometry"]
            code = str(info["ISO"]["alpha2"]).upper()
        except (KeyError, IndexError, TypeError, ValueError):
            continue
        if geometry["type"] == "Polygon":
            polygons[code] = [geometry["coordinates"]]
        elif geometry["type"] == "MultiPolygon":
            polygons[code] = geometry["coordinates"]
    return polygons


def centre(polygons: list[Any]) -> Point | None:
    """The mean of quarter-degree cells as vectors from the Earth's centre."""
    x = y = z = 0.0
    for polygon in polygons:
        for lat, lon in _cells_inside(polygon[0], 0.25):
            phi, lam = math.radians(lat), math.radians(lon)
            weight = math.cos(phi)
            x += weight * math.cos(phi) * math.cos(lam)
            y += weight * math.cos(phi) * math.sin(lam)
            z += weight * math.sin(phi)
    if x == y == z == 0:
        return None
    return math.degrees(math.atan2(z, math.hypot(x, y))), math.degrees(math.atan2(y, x))


def main() -> None:
    gold, ours = gold_points(Pipeline())
    shapes = outlines()
    right: Counter[str] = Counter()
    for code, points in gold.items():
        polygons = shapes.get(code, [])

        def cells(polygon: Any) -> int:
            return sum(1 for _ in _cells_inside(polygon[0], 0.25))

        conventions = {
            "Factbook (the gazetteer's)": ours[code],
            "centre of the outline": centre(polygons) if polygons else None,
            "centre of the largest landmass": centre([max(polygons, key=cells)])
            if polygons
            else None,
        }
        for name, point in conventions.items():
            point = point or ours[code]  # no outline: the Factbook's point stands
            right[name] += sum(1 for lat, lon in points if haversine_km(lat, lon, *point) <= 161)
    total = sum(len(points) for points in gold.values())
    print(f"country pairs in GeoWebNews and GeoVirus: {total} ({len(gold)} countries)")
    for name, count in right.most_common():
        print(f"  within 161 km of the gold, {name}: {count} ({count / total:.3f})")


if __name__ == "__main__":
    main()
