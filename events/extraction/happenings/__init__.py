"""What a report of a happening is: its kind, its headline and a statement's speaker,
from its sentence alone."""

from events.extraction.happenings.headline import headline
from events.extraction.happenings.kinds import KINDS, Kind, classify
from events.extraction.happenings.speaker import speaker

__all__ = ["KINDS", "Kind", "classify", "headline", "speaker"]
