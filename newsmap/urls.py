from django.contrib import admin
from django.urls import include, path

# The admin runs as SimpleAdminConfig (see settings.INSTALLED_APPS), so our
# admin modules register themselves only when imported here.
import events.admin  # noqa: F401
from newsmap.api import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("embed/", include("events.embed_urls")),
    path("", include("events.urls")),
]

# Unknown addresses under /api/ answer JSON, as the API's own 404s do.
handler404 = "newsmap.api.not_found"
