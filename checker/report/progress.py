"""A progress bar on stderr for long runs: (done, total) in, one rewritten line out.

Shown only when the stream is a terminal and the run has at least
``min_total`` reports; otherwise every call is a no-op, so CI logs and pipes
stay clean. Redraws at most once per percent to keep the terminal cheap.
"""

from __future__ import annotations

import sys
from typing import TextIO


class ProgressBar:
    """Callable as ``progress(done, total)``; prints ``[#####.....] 120/400 reports`` in place."""

    def __init__(self, stream: TextIO | None = None, min_total: int = 50, width: int = 30) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.min_total = min_total
        self.width = width
        self._last = -1
        isatty = getattr(self.stream, "isatty", None)
        self.enabled = bool(isatty and isatty())

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total < self.min_total:
            return
        percent = done * 100 // total
        if percent == self._last and done != total:
            return
        self._last = percent
        filled = self.width * done // total
        bar = "#" * filled + "." * (self.width - filled)
        end = "\n" if done >= total else ""
        self.stream.write(f"\r[{bar}] {done}/{total} reports{end}")
        self.stream.flush()
