"""The one exception a claims file can cause."""

from __future__ import annotations

from pathlib import Path


class ClaimsError(Exception):
    """An unusable claims file, located for an editor: ``path:line: key: message`` on one line."""

    def __init__(self, path: Path | str, line: int | None, key: str | None, message: str) -> None:
        super().__init__(path, line, key, message)
        self.path = path
        self.line = line
        self.key = None if key is None else "".join(c if c.isprintable() else repr(c)[1:-1] for c in key)
        self.message = " ".join(str(message).split())

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.key}: {self.message}" if self.key else f"{where}: {self.message}"
