"""What a report of a happening is: its kind and its headline, from its sentence alone."""

from events.extraction.happenings.headline import headline
from events.extraction.happenings.kinds import KINDS, Kind, classify

__all__ = ["KINDS", "Kind", "classify", "headline"]
