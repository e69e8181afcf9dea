"""Who told each happening: how many reports, and the articles beyond the lead's.

An event the API, the timelines and the embed list is a happening's lead
(Event.lead is None); the reports that point to it tell the same happening,
often from other articles. These read, for a page of leads, the count and the
other sources, in one query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from events.models import Event

ARTICLE_FIELDS = ("article_id", "article__title", "article__source", "article__url")
ARTICLE_FIELDS += ("article__published",)


@dataclass
class Told:
    reports: int = 1  # the lead too
    report_ids: list[int] = field(default_factory=list)  # the others, in their articles' order
    # The other articles that tell it, oldest first: id, title, source, url, published.
    sources: list[dict[str, Any]] = field(default_factory=list)


def told_by(leads: Iterable[tuple[int, int]]) -> dict[int, Told]:
    """For (lead id, its article id) pairs, each lead's reports and other sources;
    a lead that no report points to is absent (Told() is its answer)."""
    article_of = dict(leads)
    if not article_of:
        return {}
    found: dict[int, Told] = {}
    reports = (
        Event.objects.filter(lead_id__in=list(article_of))
        .order_by("article__published", "article_id", "start")
        .values_list("lead_id", "id", *ARTICLE_FIELDS)
    )
    for lead, pk, article, title, source, url, published in reports:
        told = found.setdefault(lead, Told())
        told.reports += 1
        told.report_ids.append(pk)
        known = {s["id"] for s in told.sources} | {article_of[lead]}
        if article not in known:
            ref = {"id": article, "title": title, "source": source, "url": url}
            told.sources.append(ref | {"published": published.isoformat()})
    return found


def with_reports(events: QuerySet[Event]) -> QuerySet[Event]:
    """Model instances with their reports and the reports' articles, for sources()."""
    reports = Event.objects.select_related("article").only("lead", "start", *_ARTICLE_ONLY)
    return events.prefetch_related(Prefetch("reports", queryset=reports))


_ARTICLE_ONLY = ("article__title", "article__source", "article__url", "article__published")


def other_articles(event: Event) -> list[Any]:
    """The articles of an event's reports (prefetched by with_reports) beyond its own,
    oldest first, each once."""
    seen = {event.article_id}
    articles = []
    reports = sorted(event.reports.all(), key=lambda r: (r.article.published, r.article_id))
    for report in reports:
        if report.article_id not in seen:
            seen.add(report.article_id)
            articles.append(report.article)
    return articles
