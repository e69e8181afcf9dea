"""TimelineJS3 JSON for newsrooms that already use TimelineJS."""

from ninja import Router

router = Router(tags=["timeline"])
