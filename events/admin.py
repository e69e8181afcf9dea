"""Admin for editors. Imported explicitly from newsmap/urls.py (no autodiscovery)."""

from django.contrib import admin

from events.models import Article, Event, Mention, Place, PlaceAlias

admin.site.register([Article, Event, Mention, Place, PlaceAlias])
