"""A hardened YAML reader: the file is only *composed* (``yaml.SafeLoader``), never constructed,
so every value keeps its line; aliases (billion laughs), deep nesting, huge documents and huge
values are refused before they cost anything."""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import yaml
from yaml.nodes import Node
from yaml.reader import ReaderError

from .. import settings
from .errors import ClaimsError

_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused(Exception):
    def __init__(self, mark: yaml.Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message

class _Loader(yaml.SafeLoader):
    """The safe loader's composer with limits: aliases refused, depth and node count bounded."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Node | None, index: int) -> Node | None:
        event = self.peek_event()
        mark = cast(yaml.Mark, event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(mark, f"YAML aliases (*{(event.anchor or '')[:30]}) are not allowed in a claims file")
        self._nodes += 1
        if self._nodes > settings.CLAIMS_MAX_NODES:
            raise _Refused(mark, f"too many YAML values (more than {settings.CLAIMS_MAX_NODES})")
        if self._depth >= settings.CLAIMS_MAX_DEPTH:
            raise _Refused(mark, f"nesting deeper than {settings.CLAIMS_MAX_DEPTH} levels")
        if isinstance(event, yaml.ScalarEvent):
            if len(event.value) > settings.CLAIMS_MAX_SCALAR:
                raise _Refused(mark, f"value longer than {settings.CLAIMS_MAX_SCALAR:,} characters")
            if _SURROGATE.search(event.value):
                raise _Refused(mark, "a lone surrogate character (\\ud800-\\udfff) is not text")
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

def compose(text: str | bytes, path: Path | str) -> Node | None:
    if len(text) > settings.CLAIMS_MAX_BYTES:
        limit = settings.CLAIMS_MAX_BYTES // (1024 * 1024)
        raise ClaimsError(path, None, None, f"claims file too large (over {limit} MB)")
    if isinstance(text, (bytes, bytearray, memoryview)):
        data = bytes(text)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise ClaimsError(path, line, None, f"not UTF-8 (byte 0x{data[exc.start]:02x})") from None
    text = text.removeprefix("\ufeff")
    loader = None
    try:
        loader = _Loader(text)
        return loader.get_single_node()
    except _Refused as exc:
        raise ClaimsError(path, exc.mark.line + 1, None, exc.message) from None
    except ReaderError as exc:
        line = text.count("\n", 0, max(exc.position, 0)) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "?")
        raise ClaimsError(path, line, None, f"not valid YAML: character U+{char:04X} is not allowed") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        detail = exc.problem or "syntax error"
        if exc.context:
            started = exc.context_mark
            at = f" that started at line {started.line + 1}" if started and mark and started.line != mark.line else ""
            detail += f" ({exc.context}{at})"
        raise ClaimsError(path, mark.line + 1 if mark else None, None, f"not valid YAML: {detail}") from None
    except yaml.YAMLError as exc:
        raise ClaimsError(path, None, None, f"not valid YAML: {exc}") from None
    finally:
        if loader is not None:
            loader.dispose()
