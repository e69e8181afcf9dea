"""What the read API and the embed accept in a query string, and the words for what they refuse.

One module, so that /api/ and /embed/ refuse the same values with the same
message, and so that the limits are declared on the parameters' types: the
OpenAPI schema then states them (minimum, maximum, pattern) for clients and for
schemathesis, and a value past them is refused before it reaches a database
that could not hold it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, Field

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


# Words to search for or match: any text but NUL, as the schema says with a pattern.
SearchText = Annotated[
    str, AfterValidator(_without_nul), Field(json_schema_extra={"pattern": r"^[^\x00]*$"})
]


# pydantic's error types, in words that name what the parameter must be.
_KINDS = {
    "int_parsing": "must be a whole number",
    "int_parsing_size": "must be a whole number of at most 19 digits",
    "int_from_float": "must be a whole number",
    "int_type": "must be a whole number",
    "date_parsing": "must be a day as YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a day as YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a day as YYYY-MM-DD",
    "date_type": "must be a day as YYYY-MM-DD",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
}

# Where django-ninja says a parameter came from: not part of its name.
_SOURCES = {"query", "path", "header", "cookie", "body", "form"}


def _name(loc: Iterable[Any]) -> str:
    parts = [str(part) for part in loc if part not in _SOURCES]
    return parts[0] if parts else "the request"


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
