"""The Place form's map: a Leaflet marker kept in sync with the lat and lon inputs.

django-leaflet's LeafletGeoAdmin needs GeoDjango (GDAL), which newsmap does not
use, so this is a small widget of our own on the two float fields. Leaflet
itself comes from django-leaflet's template tags in
templates/admin/events/place/change_form.html.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html

from events import basemap


class CoordinateInput(forms.NumberInput):
    """A latitude or longitude input that the map script finds by its axis."""

    def __init__(self, axis: str, attrs: dict[str, Any] | None = None) -> None:
        if axis not in {"lat", "lon"}:
            raise ValueError(f"axis must be lat or lon, not {axis!r}")
        limit = 90 if axis == "lat" else 180
        base = {
            "step": "any",
            "min": -limit,
            "max": limit,
            "inputmode": "decimal",
            "data-coordinate": axis,
            "class": "coordinate-input",
            "autocomplete": "off",
        }
        super().__init__(attrs={**base, **(attrs or {})})

    class Media:
        css = {"all": ("admin_map/place_map.css",)}
        js = (*basemap.SCRIPTS, "admin_map/place_map.js")


def _tiles() -> list[dict[str, Any]]:
    config = getattr(settings, "LEAFLET_CONFIG", {}) or {}
    tiles = []
    for tile in config.get("TILES", []):
        name, url, options = (list(tile) + [{}])[:3]
        if url:
            tiles.append({"name": name, "url": url, "options": options or {}})
    return tiles


def _places_url() -> str:
    try:
        return reverse("api-1:api-places")
    except NoReverseMatch:
        return ""


def map_container(
    lat_id: str = "id_lat", lon_id: str = "id_lon", place_id: int | None = None
) -> str:
    """The element place_map.js turns into a map bound to the two inputs."""
    config = getattr(settings, "LEAFLET_CONFIG", {}) or {}
    center = config.get("DEFAULT_CENTER", (30.0, 15.0))
    return format_html(
        '<div class="place-map" data-lat-input="{}" data-lon-input="{}" data-tiles="{}"'
        ' data-places-url="{}" data-center="{}" data-place-id="{}" data-basemap="{}"'
        ' role="application"'
        ' aria-label="Map: drag the marker to move the place"></div>'
        '<p class="help place-map-help">Drag the marker, or type or paste the coordinates'
        " (a pasted pair such as <code>30.41, 18.52</code> fills both). Grey dots are other"
        " places newsmap knows.</p>",
        lat_id,
        lon_id,
        json.dumps(_tiles()),
        _places_url(),
        json.dumps(list(center)),
        place_id or "",
        basemap.outlines_url(),
    )
