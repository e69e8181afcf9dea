"""Reader pages: the map and the article pages."""

from django.urls import path

from events import views

urlpatterns = [
    path("", views.map_page, name="map"),
    path("articles/<int:article_id>/", views.article_page, name="article"),
    path("kinds.css", views.kinds_css, name="kinds-css"),
]
