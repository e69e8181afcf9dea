"""What the read API and the embed accept in a query string, and the words for what they refuse.

One module, so that /api/ and /embed/ refuse the same values with the same
message, and so that the limits are declared on the parameters' types: the
OpenAPI schema then states them (minimum, maximum, pattern) for clients and for
schemathesis, and a value past them is refused before it reaches a database
that could not hold it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Annotated, Any

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from pydantic import AfterValidator, BeforeValidator, Field

from events.extraction.happenings import KINDS

# The largest whole number SQLite's INTEGER and PostgreSQL's bigint hold. An
# offset past it made SQLite fail ("datatype mismatch") and PostgreSQL raise
# NumericValueOutOfRange: a 500 for what is only a bad request.
INT64_MAX = 2**63 - 1


class ParamError(ValueError):
    """A parameter (or two together) refused; str() is the one line that says why."""


# An id past int64 made SQLite raise OverflowError in the query: refused here,
# with ids below 1, which no row has.
RecordId = Annotated[int, Field(ge=1, le=INT64_MAX)]
Offset = Annotated[int, Field(ge=0, le=INT64_MAX)]
# Larger limits than the server's maximum are lowered to it (see events/api.py);
# only numbers no database could take are refused.
Limit = Annotated[int, Field(ge=0, le=INT64_MAX)]


def _without_nul(value: str) -> str:
    # PostgreSQL refuses NUL in text (a 500), and SQLite's LIKE stops at it, so
    # that q=%00 matched every event: neither is an answer to the question.
    if "\x00" in value:
        raise ValueError("must not contain a NUL character")
    return value


# The API and the embed name the parameter themselves (with SearchText); the rest
# of the site (the admin's filters and searches, the pages) is guarded as a whole.
_VALIDATED_HERE = ("/api/", "/embed/")


class NulQueryMiddleware:
    """A NUL in any query parameter of the other pages is a 400, not a 500.

    The admin's list filters and autocomplete hand their values to the
    database: ?country_code=%00 was a 500 on PostgreSQL. Form fields refuse
    NUL already (Django's CharField does), so only query strings need this.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(_VALIDATED_HERE) and _query_has_nul(request):
            return HttpResponseBadRequest(
                "A query parameter must not contain a NUL character.\n",
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)


def _query_has_nul(request: HttpRequest) -> bool:
    # Only "%00" decodes to NUL: most requests are spared parsing their query here.
    if "%00" not in request.META.get("QUERY_STRING", ""):
        return False
    return any(
        "\x00" in name or any("\x00" in value for value in values)
        for name, values in request.GET.lists()
    )


# Words to search for or match: any text but NUL, as the schema says with a pattern.
SearchText = Annotated[
    str, AfterValidator(_without_nul), Field(json_schema_extra={"pattern": r"^[^\x00]*$"})
]


_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def parse_day(value: object) -> date:
    """A day written YYYY-MM-DD, as the schema's format: date says.

    pydantic alone also took "0" (a Unix time: 1970-01-01) and
    date.fromisoformat "20110310" or "2011-W10-4": answers to a question
    nobody asked, which no client could learn from the schema.
    """
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass  # 2011-02-30: the same words as any other mistake
    raise ValueError("must be a day as YYYY-MM-DD")


Day = Annotated[date, BeforeValidator(parse_day)]


def window_problem(start: date | None, end: date | None) -> str:
    """What is wrong with a date window [start, end] (either may be open), or ''.

    Refused rather than answered empty: a reversed window is a mistake its
    sender wants to hear about. No schema can compare two parameters, so this
    is the one refusal of a request whose parameters are each valid.
    """
    if start and end and start > end:
        return f"start ({start}) must not be after end ({end})"
    return ""


# One or more kinds of event, "fighting,protest", as a query parameter that may
# also be repeated (kind=fighting&kind=protest). The pattern lists the kinds, so
# that the schema says exactly what is accepted; "" is no filter, as a GET form
# sends it.
_KIND = "(?:" + "|".join(KINDS) + ")"
KIND_PATTERN = rf"^(?: *{_KIND} *(?:, *{_KIND} *)*)?$"
KIND_HELP = (
    "Only events of these kinds: one kind, several separated by commas, or the parameter "
    "repeated (any of them matches). The kinds are " + ", ".join(KINDS) + " (see /api/kinds). "
    "An unknown kind is refused (400)."
)


def split_kinds(value: str) -> tuple[str, ...]:
    """The kinds a "fighting, protest" names, or ValueError naming what is no kind."""
    kinds = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown or (value.strip() and not kinds):
        what = f"{unknown[0]!r} is no kind of event" if unknown else f"got {value!r}"
        raise ValueError(f"must be one or more of {', '.join(KINDS)}, separated by commas; {what}")
    return kinds


def _kinds_text(value: str) -> str:
    split_kinds(_without_nul(value))
    return value


# A list, so that django-ninja reads every kind= of a query string (it looks
# for list types among the fields, not inside Annotated).
KindText = Annotated[
    str, AfterValidator(_kinds_text), Field(json_schema_extra={"pattern": KIND_PATTERN})
]


def as_list(value: object) -> object:
    """The embed hands its parameters over as single strings, django-ninja as lists."""
    return [value] if isinstance(value, str) else value


def kinds_of(values: Iterable[str] | None) -> tuple[str, ...]:
    """The kinds a validated kind parameter names, each once, in the taxonomy's order."""
    named = {kind for value in values or () for kind in split_kinds(value)}
    return tuple(kind for kind in KINDS if kind in named)


BBox = tuple[float, float, float, float]

# A bbox number is plain decimal ASCII: "010.5", "-7.", "+.25". float() alone
# also took "1e2", "1_0", "nan", " ６ " (full-width digits) and the like, which
# no schema could describe. These patterns are the documented ranges, so that
# what the schema calls valid is what parse_bbox accepts (but south > north,
# which no pattern can compare); leading zeros are allowed, as float() read them.
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)"
_LON = r"[+-]?0*(?:180(?:\.0*)?|(?:1[0-7][0-9]|[1-9]?[0-9])(?:\.[0-9]*)?|\.[0-9]+)"
_LAT = r"[+-]?0*(?:90(?:\.0*)?|[1-8]?[0-9](?:\.[0-9]*)?|\.[0-9]+)"
_PAD = "[ ]*"  # spaces around a number, as "+" in a query string becomes one
BBOX_PATTERN = "^(?:" + ",".join(f"{_PAD}{axis}{_PAD}" for axis in (_LON, _LAT, _LON, _LAT)) + ")?$"

# "" is no bbox at all, as a GET form sends it.
BBoxText = Annotated[str, Field(json_schema_extra={"pattern": BBOX_PATTERN})]

_BBOX_USAGE = "bbox must be four comma-separated decimal numbers: west,south,east,north"


def parse_bbox(raw: str) -> BBox:
    """west, south, east, north from "w,s,e,n", or ParamError saying what is wrong."""
    parts = [part.strip(" ") for part in raw.split(",")]
    if len(parts) != 4 or not all(re.fullmatch(_NUMBER, part) for part in parts):
        raise ParamError(f"{_BBOX_USAGE}; got {raw!r}")
    west, south, east, north = (float(part) for part in parts)
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise ParamError(f"bbox west and east must be between -180 and 180; got {raw!r}")
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise ParamError(f"bbox south and north must be between -90 and 90; got {raw!r}")
    if south > north:
        raise ParamError(f"bbox south must not be greater than north; got {raw!r}")
    return west, south, east, north


# pydantic's error types, in words that name what the parameter must be.
_KINDS = {
    "int_parsing": "must be a whole number",
    "int_parsing_size": "must be a whole number of at most 19 digits",
    "int_from_float": "must be a whole number",
    "int_type": "must be a whole number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
}

# Where django-ninja says a parameter came from: not part of its name.
_SOURCES = {"query", "path", "header", "cookie", "body", "form"}


def _name(loc: Iterable[Any]) -> str:
    # A repeatable parameter's loc is nested, ("query", "filters", "kind", 0): its
    # name is the last word, not the model it belongs to or the item's index.
    parts = [str(part) for part in loc if part not in _SOURCES and not isinstance(part, int)]
    return parts[-1] if parts else "the request"


def _what(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "less_than_equal":
        return f"must be at most {ctx['le']}"
    if kind == "greater_than_equal":
        return f"must be at least {ctx['ge']}"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "")))
    if kind == "literal_error":
        return f"must be {ctx.get('expected', 'one of the listed values')}"
    if kind in _KINDS:
        return _KINDS[kind]
    message = str(error.get("msg", "is not valid"))
    return message[:1].lower() + message[1:]


def describe(errors: Iterable[Mapping[str, Any]]) -> str:
    """pydantic's (or django-ninja's) validation errors as one line: 'offset must be at most …'."""
    return "; ".join(f"{_name(error.get('loc', ()))} {_what(error)}" for error in errors)
