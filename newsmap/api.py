"""The project's NinjaAPI: one instance, routers from the apps."""

from ninja import NinjaAPI

from events.api import router as events_router
from events.api_timeline import router as timeline_router

api = NinjaAPI(
    title="newsmap API",
    version="1",
    description="News events with places and dates, as GeoJSON.",
)
api.add_router("/", events_router)
api.add_router("/", timeline_router)
