"""Regular expressions compiled when first used.

The readers of dates, numbers, units and names write some 170 patterns at import; compiling them
all took 60 ms of every start-up (a one-claim run: 0.36 s, 0.30 s without), and a run uses those
its claims need."""

from __future__ import annotations

import re
from functools import cached_property
from typing import cast


class _Lazy:
    """Stands for a compiled pattern. Each attribute, once read, is kept on the instance: a later
    call costs some 60 ns more than the pattern's own, under 1% of a warm run."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # other patterns are built from it at import: no compiling for it
        self._flags = flags

    @cached_property
    def _compiled(self) -> re.Pattern[str]:
        return re.compile(self.pattern, self._flags)

    def __getattr__(self, name: str) -> object:
        value = getattr(self._compiled, name)
        setattr(self, name, value)
        return value

    def __repr__(self) -> str:
        return f"lazy_regex({self.pattern!r})"


def lazy_regex(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile``, deferred to the pattern's first use."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
