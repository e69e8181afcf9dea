"""What newsmap stores: articles, the places they name, and the events they report.

Coordinates are plain indexed floats, not GeoDjango geometries: GeoDjango needs
GDAL/GEOS/SpatiaLite on every machine, and bounding-box filters on indexed
floats measured faster than SpatiaLite's (see the core issue).
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator, URLValidator
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from events.extraction.happenings import KINDS


class Article(models.Model):
    title = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=200, blank=True)
    url = models.URLField(max_length=2000, blank=True)
    # The calendar day is always known (events are resolved against it); the
    # time of day only sometimes.
    published = models.DateField(db_index=True)
    published_at = models.DateTimeField(null=True, blank=True)
    text = models.TextField()
    # Where the article came from on disk (file and record id), so that a
    # changed article is updated instead of stored twice. Kept whole: a path
    # and an id can pass any length an index allows, and two origins cut to
    # one would be one article. Lookups go by origin_hash.
    origin = models.TextField(blank=True)
    # sha256 of origin; null for articles with none (made by hand), which may be many.
    origin_hash = models.CharField(
        max_length=64, null=True, blank=True, unique=True, editable=False
    )
    content_hash = models.CharField(max_length=64, unique=True)
    ingested_at = models.DateTimeField(auto_now=True)
    # Who wrote it, as the page names them (web pages; files do not say).
    author = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-published", "id"]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.origin_hash = origin_hash(self.origin)
        super().save(*args, **kwargs)


def origin_hash(origin: str) -> str | None:
    """The key an origin is found by (bulk_create skips save(): callers set it)."""
    return hashlib.sha256(origin.encode()).hexdigest() if origin else None


class Place(models.Model):
    class Kind(models.TextChoices):
        CITY = "city", "City or town"
        REGION = "region", "Region"
        COUNTRY = "country", "Country"
        WATER = "water", "Sea or water body"
        OTHER = "other", "Other"

    class Source(models.TextChoices):
        GAZETTEER = "gazetteer", "Gazetteer"
        GEOCODER = "geocoder", "Geocoder"
        EDITOR = "editor", "Editor"

    name = models.CharField(max_length=200, db_index=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.OTHER)
    country_code = models.CharField(max_length=2, blank=True, db_index=True)
    lat = models.FloatField(db_index=True)
    lon = models.FloatField(db_index=True)
    population = models.BigIntegerField(default=0)
    geonameid = models.BigIntegerField(null=True, blank=True, unique=True)
    # The gazetteer's own key, for places the supplement adds without a
    # GeoNames id (seas, regions): re-ingests find the same row by it.
    gazetteer_key = models.CharField(max_length=100, blank=True, db_index=True)
    geocode_source = models.CharField(
        max_length=10, choices=Source.choices, default=Source.GAZETTEER
    )
    verified = models.BooleanField(default=False)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    verified_at = models.DateTimeField(null=True, blank=True)
    # Every editor's change, with who, when and the values before and after.
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["lat", "lon"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.country_code})" if self.country_code else self.name


class PlaceAlias(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)
    # Lower-cased, accents and punctuation folded: what lookups compare.
    normalized = models.CharField(max_length=200, db_index=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["place", "normalized"], name="unique_alias_per_place")
        ]
        verbose_name_plural = "place aliases"

    def __str__(self) -> str:
        return f"{self.name} → {self.place.name}"


class Mention(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="mentions")
    place = models.ForeignKey(
        Place, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentions"
    )
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    surface = models.CharField(max_length=200)
    confidence = models.FloatField(default=0.0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return self.surface


KIND_CHOICES = [(kind, kind.replace("_", " ").capitalize()) for kind in KINDS]


class Event(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", "Day"
        WEEK = "week", "Week"
        MONTH = "month", "Month"
        YEAR = "year", "Year"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.TextField()
    date_start = models.DateField(db_index=True)
    date_end = models.DateField(db_index=True)
    date_precision = models.CharField(
        max_length=5, choices=Precision.choices, default=Precision.DAY
    )
    date_text = models.CharField(max_length=200, blank=True)
    timex_value = models.CharField(max_length=50, blank=True)
    # Longer than SHORT_SPAN_DAYS, kept by save(): date-window queries find the
    # short events by their start alone and these few apart (see overlapping()).
    is_long = models.BooleanField(default=False, editable=False)
    places = models.ManyToManyField(Place, blank=True, related_name="events")
    is_caption = models.BooleanField(default=False)
    # What happened, from the sentence (events/extraction/happenings): an editor may correct both.
    kind = models.CharField(max_length=30, choices=KIND_CHOICES, default="other", db_index=True)
    headline = models.CharField(max_length=100, blank=True)
    # Whose words a statement reports, where its sentence names them ("Larijani").
    speaker = models.CharField(max_length=100, blank=True)
    # The report that leads the happening this one also tells (events/happenings.py);
    # None: this event leads its own, alone or with the reports that point here.
    lead = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reports",
        editable=False,
    )
    history = HistoricalRecords(m2m_fields=[places], excluded_fields=["lead"])

    # Events at most this long are found by the start of their range alone.
    SHORT_SPAN_DAYS = 31

    class Meta:
        ordering = ["date_start", "article", "start"]
        indexes = [
            models.Index(fields=["date_start", "date_end"]),
            models.Index(fields=["is_long", "date_start"]),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.is_long = is_long(self.date_start, self.date_end)
        super().save(*args, **kwargs)

    @classmethod
    def overlapping(cls, start: date | None, end: date | None) -> Q:
        """Events whose [date_start, date_end] overlaps [start, end] (either open).

        'Starts before the end and ends after the start' alone makes the
        database walk every event that started before the window. Short
        events must also start at most SHORT_SPAN_DAYS before it, which
        bounds the index scan; the few long ones are found by is_long.
        """
        before_end = Q(date_start__lte=end) if end is not None else Q()
        if start is None:
            return before_end
        overlaps = before_end & Q(date_end__gte=start)
        # Two whole terms, so that each can use an index of its own (SQLite's
        # OR optimisation, PostgreSQL's BitmapOr).
        short = Q(date_start__gte=_days_before(start, cls.SHORT_SPAN_DAYS)) & overlaps
        # "is_long IN (true)": a bare boolean column is no index equality to SQLite.
        long = Q(is_long__in=[True]) & overlaps
        return short | long


def _days_before(day: date, days: int) -> date:
    # The calendar begins on 1 January of year 1: a window opening in its first
    # days reaches back to that day, not into an OverflowError.
    return day - timedelta(days=days) if day.toordinal() > days else date.min


def is_long(date_start: date, date_end: date) -> bool:
    return (date_end - date_start).days > Event.SHORT_SPAN_DAYS


class PlaceRedirect(models.Model):
    """A gazetteer identity whose Place was merged into another.

    Without it the next ingest that meets the merged place's GeoNames id (or
    supplement key) would create that Place again, undoing the merge.
    """

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="redirects")
    geonameid = models.BigIntegerField(null=True, blank=True, unique=True)
    gazetteer_key = models.CharField(max_length=100, blank=True, db_index=True)
    merged_name = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.merged_name or self.gazetteer_key} → {self.place.name}"


class StopName(models.Model):
    """A name editors say is not a place: never, or not in one article."""

    class Scope(models.TextChoices):
        NEVER = "never", "Never a place"
        NOT_HERE = "not_here", "Not a place in this article"

    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200, db_index=True)
    scope = models.CharField(max_length=10, choices=Scope.choices, default=Scope.NEVER)
    article = models.ForeignKey(
        Article,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="stop_names",
        help_text="Only for 'not a place in this article'.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["normalized"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalized"],
                condition=models.Q(scope="never"),
                name="unique_never_name",
            ),
            models.UniqueConstraint(
                fields=["normalized", "article"],
                condition=models.Q(scope="not_here"),
                name="unique_not_here_name_per_article",
            ),
            models.CheckConstraint(
                condition=models.Q(scope="never", article__isnull=True)
                | models.Q(scope="not_here", article__isnull=False),
                name="stop_name_scope_matches_article",
            ),
        ]

    def __str__(self) -> str:
        where = f" in {self.article}" if self.article_id else ""
        return f"{self.name} ({self.get_scope_display().lower()}{where})"


class PlaceChoice(models.Model):
    """An editor's word that, in one article, a name means this place.

    Made when an editor re-points a mention; the next ingest of a changed
    version of that article feeds it to the pipeline as an alias for that
    article alone, so the correction is not lost with the old mentions.
    """

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="place_choices")
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="choices")
    name = models.CharField(max_length=200)
    normalized = models.CharField(max_length=200)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    chosen_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "normalized"], name="unique_place_choice_per_article"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} → {self.place.name} in {self.article}"


class HappeningChoice(models.Model):
    """An editor's word that two reports tell one happening, or two.

    Made by the Events admin's join and split actions; every grouping after it
    (events/happenings.py) takes it over the evidence. Events keep their ids through
    re-ingests of their article (events/identities.py), so the word outlives them.
    """

    first = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    second = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="+")
    same = models.BooleanField(help_text="One happening (joined), or two (split).")
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    chosen_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["first", "second"], name="unique_happening_choice"),
            models.CheckConstraint(
                condition=models.Q(first__lt=models.F("second")), name="happening_choice_in_order"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.first_id} {'with' if self.same else 'apart from'} {self.second_id}"


class Feed(models.Model):
    """An RSS or Atom feed that `manage.py poll` reads when it is due."""

    class Status(models.TextChoices):
        NEVER = "", "Not polled yet"
        OK = "ok", "Read"
        UNCHANGED = "unchanged", "Unchanged (304)"
        PARTLY = "partly", "Read, some entries failed"
        FAILED = "failed", "Failed"

    name = models.CharField(max_length=200, unique=True, help_text="How `manage.py poll` names it.")
    url = models.URLField(
        "URL",
        max_length=2000,
        unique=True,
        validators=[URLValidator(schemes=["http", "https"])],
        help_text="The feed's address (RSS or Atom), http or https.",
    )
    # A name, not a Place: the home of a new paper need not be in the database yet,
    # and a place editors merge away would take the feed's home with it.
    home_place = models.CharField(
        max_length=200,
        blank=True,
        help_text="The town or region the paper covers, as the gazetteer names it "
        "('Paris, Texas'); empty for none.",
    )
    poll_interval = models.PositiveIntegerField(
        "poll every (minutes)", default=30, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(default=True, help_text="Polled when due.")
    last_polled = models.DateTimeField(null=True, blank=True, editable=False)
    last_status = models.CharField(
        max_length=10, choices=Status.choices, blank=True, default="", editable=False
    )
    last_error = models.TextField(blank=True, editable=False)
    articles_found = models.PositiveIntegerField(
        default=0, editable=False, help_text="New articles stored from this feed, in all."
    )
    # The last answer's validators, sent back for a conditional GET (a 304 costs nothing).
    etag = models.CharField(max_length=500, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    # Each entry of the last answer (its id → a stamp of its version): entries that
    # have not changed are not fetched again.
    entries = models.JSONField(default=dict, blank=True, editable=False)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def is_due(self, now: datetime) -> bool:
        if self.last_polled is None:
            return True
        return self.last_polled + timedelta(minutes=self.poll_interval) <= now
