"""Pages that newsrooms frame in their own articles."""

urlpatterns: list = []
