"""Pages that newsrooms frame in their own articles, and the page that writes the snippet."""

from django.urls import path

from events import embed

urlpatterns = [
    path("timeline/", embed.timeline_view, name="embed-timeline"),
    path("code/", embed.code_view, name="embed-code"),
    path("code/snippet/", embed.snippet_view, name="embed-snippet"),
    path("resize.js", embed.resize_script, name="embed-resize"),
]
