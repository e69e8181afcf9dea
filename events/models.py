"""What newsmap stores: articles, the places they name, and the events they report.

Coordinates are plain indexed floats, not GeoDjango geometries: GeoDjango needs
GDAL/GEOS/SpatiaLite on every machine, and bounding-box filters on indexed
floats measured faster than SpatiaLite's (see the core issue).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


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
    # changed article is updated instead of stored twice.
    origin = models.CharField(max_length=1000, blank=True, db_index=True)
    content_hash = models.CharField(max_length=64, unique=True)
    ingested_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published", "id"]

    def __str__(self) -> str:
        return self.title or f"Article {self.pk}"


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

    class Meta:
        ordering = ["article", "start"]

    def __str__(self) -> str:
        return self.surface


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
    places = models.ManyToManyField(Place, blank=True, related_name="events")
    is_caption = models.BooleanField(default=False)

    class Meta:
        ordering = ["date_start", "article", "start"]
        indexes = [models.Index(fields=["date_start", "date_end"])]

    def __str__(self) -> str:
        return self.text[:80]
