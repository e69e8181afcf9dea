"""A progress bar for long commands, drawn only when the output is a terminal."""

from __future__ import annotations

import shutil
import time
from typing import TextIO


class ProgressBar:
    def __init__(self, total: int, stream: TextIO, label: str = "") -> None:
        self.total = max(total, 1)
        self.stream = stream
        self.label = label
        self.enabled = hasattr(stream, "isatty") and stream.isatty()
        self.started = time.monotonic()
        self._drawn_at = 0.0

    def update(self, done: float, detail: str = "") -> None:
        """done: items finished, a fraction where one is part done."""
        if not self.enabled:
            return
        now = time.monotonic()
        # Redrawing on every item costs more than the work on fast ingests.
        if done < self.total and now - self._drawn_at < 0.1:
            return
        self._drawn_at = now
        width = shutil.get_terminal_size((80, 20)).columns
        elapsed = now - self.started
        counts = f" {int(done)}/{self.total} {self.label} "
        if elapsed >= 1:  # a rate over the first instants says nothing
            rate = done / elapsed
            counts += f"{rate:.{0 if rate >= 10 else 1}f}/s "
        # The bar gives way to the detail (the file, its articles) on narrow terminals.
        bar_width = max(10, min(40, width - len(counts) - len(detail) - 3))
        filled = int(bar_width * done / self.total)
        line = f"[{'#' * filled}{'.' * (bar_width - filled)}]{counts}{detail}"
        self.stream.write("\r" + line[: width - 1].ljust(width - 1))
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (shutil.get_terminal_size((80, 20)).columns - 1) + "\r")
            self.stream.flush()
