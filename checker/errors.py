"""User-facing errors: a stable code and a message that names the file and the place."""

from __future__ import annotations


class CheckerError(Exception):
    """A mistake in the input or the call, not a bug: reported in one line, never a traceback.

    ``code`` is stable (scripts may key on it); ``path`` and ``line`` say where.
    """

    def __init__(self, code: str, message: str, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = self.path or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: error [{self.code}]: {self.message}"
