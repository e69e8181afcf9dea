"""The scorer behind `evaluate`: spans, distances and TIMEX3 values."""

from __future__ import annotations

from events.evaluation import score_dates_document, score_geo_document


def test_overlapping_spans_count_and_exact_ones_need_both_ends() -> None:
    gold = {
        "toponyms": [
            {"start": 0, "end": 6, "name": "Zawiya", "lat": 32.76, "lon": 12.73},
            {"start": 10, "end": 18, "name": "Benghazi", "lat": 32.12, "lon": 20.07},
        ]
    }
    system = {
        "places": [
            {
                "start": 0,
                "end": 6,
                "text": "Zawiya",
                "name": "Zawiya",
                "lat": 32.75,
                "lon": 12.73,
                "country": "LY",
            },
            {
                "start": 10,
                "end": 14,
                "text": "Beng",
                "name": "Tripoli",
                "lat": 32.89,
                "lon": 13.19,
                "country": "LY",
            },
            {
                "start": 30,
                "end": 35,
                "text": "Paris",
                "name": "Paris",
                "lat": 48.86,
                "lon": 2.35,
                "country": "FR",
            },
        ]
    }
    score, notes = score_geo_document(gold, system)
    assert (score.exact.matched_gold, score.overlap.matched_gold) == (1, 2)
    assert round(score.overlap.precision, 3) == round(2 / 3, 3)
    assert score.overlap.recall == 1.0
    assert score.accuracy_161 == 0.5  # Benghazi placed at Tripoli, 640 km off
    assert any("wrong place" in n for n in notes) and any("not a place" in n for n in notes)


def test_a_date_counts_for_value_only_with_the_same_timex3_value() -> None:
    text = "Headline\nMarch 01 , 2008\nIt happened on Friday and lasted two days ."
    friday = text.index("Friday")
    gold = {
        "text": text,
        "dct": "2008-03-01",
        "timexes": [
            {"start": friday, "end": friday + 6, "text": "Friday", "value": "2008-02-29"},
            {
                "start": text.index("two"),
                "end": text.index("two") + 8,
                "text": "two days",
                "value": "P2D",
            },
        ],
    }
    system = {
        "dates": [
            {"start": 9, "end": 24, "text": "March 01 , 2008", "value": "2008-03-01"},
            {"start": friday - 3, "end": friday + 6, "text": "on Friday", "value": "2008-02-22"},
            {
                "start": text.index("two"),
                "end": text.index("two") + 8,
                "text": "two days",
                "value": "P2D",
            },
        ]
    }
    score, _ = score_dates_document(gold, system)
    # The dateline is the document's creation time, which TempEval-3 does not score.
    assert score.relaxed.system == 2
    assert score.strict.matched_gold == 1
    assert score.relaxed.matched_gold == 2
    assert score.value.matched_gold == 1
