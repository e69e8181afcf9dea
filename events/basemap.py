"""The offline basemap's files: Natural Earth outlines from npm's world-atlas.

settings.STATICFILES_DIRS serves the two npm packages under static/vendor/;
static/basemap/basemap.js draws them under the markers of every map.
"""

from __future__ import annotations

from django.templatetags.static import static

# 1:110m: about 100 KB, enough for coastlines and borders at the zooms news is read at.
OUTLINES = "vendor/world-atlas/countries-110m.json"
# What a page loads, in order, to draw the basemap.
SCRIPTS = ("vendor/topojson-client/topojson-client.min.js", "basemap/basemap.js")


def outlines_url() -> str:
    return static(OUTLINES)
