"""Reader pages: the map and the article pages."""

urlpatterns: list = []
