"""The project's NinjaAPI: one instance, routers from the apps, and one shape for errors."""

from django.conf import settings
from django.core.exceptions import TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from ninja import NinjaAPI
from ninja.errors import ValidationError

from events.api import router as events_router
from events.api_storymap import router as storymap_router
from events.api_timeline import router as timeline_router
from events.params import ParamError, describe

api = NinjaAPI(
    title="newsmap API",
    version="1",
    description="News events with places and dates, as GeoJSON.",
)
api.add_router("/", events_router)
api.add_router("/", timeline_router)
api.add_router("/", storymap_router)


@api.exception_handler(ValidationError)
def _invalid_parameter(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    # django-ninja answers 422 with pydantic's list of errors; every refusal of
    # this API is a 400 with one `detail` line instead, as the schema documents.
    return api.create_response(request, {"detail": describe(exc.errors)}, status=400)


@api.exception_handler(ParamError)
def _refused_parameter(request: HttpRequest, exc: ParamError) -> HttpResponse:
    return api.create_response(request, {"detail": str(exc)}, status=400)


@api.exception_handler(TooManyFieldsSent)
def _too_many_parameters(request: HttpRequest, exc: TooManyFieldsSent) -> HttpResponse:
    # Django answers this with its HTML 400 page; an API client reads JSON.
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    detail = f"too many query parameters: at most {limit} are read"
    return api.create_response(request, {"detail": detail}, status=400)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Django's 404 (handler404): JSON like the API's own under /api/, the HTML page elsewhere.

    An address no operation has (/api/events/abc, /api/nothing) is answered by
    Django, not django-ninja; a client of the API reads the same shape as for
    /api/events/999.
    """
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": f"No such address in the API: {request.path}"}, status=404)
    return defaults.page_not_found(request, exception)
