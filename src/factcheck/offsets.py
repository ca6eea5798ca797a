"""Where each character of a derived text came from, stored by stretches instead of one integer each.

An article's plain text maps every character back to its offset in the original file. A list of
Python ints costs some 36 bytes a character (a 50 MB article: about 2 GB, and the time to build
it); nearly all characters follow their predecessor one to one, so a stretch (where it starts in
the derived text, where in the original, step 1) holds thousands of them. An entity that expands
to several characters is a stretch of step 0: each of them maps onto its ``&``.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterator, Sequence
from typing import overload


class Offsets(Sequence[int]):
    """``offsets[i]``: the offset in the original of character ``i``; O(log stretches) per lookup."""

    __slots__ = ("_starts", "_origins", "_steps", "_length")

    def __init__(self) -> None:
        self._starts = array("q")
        self._origins = array("q")
        self._steps = array("b")
        self._length = 0

    @classmethod
    def identity(cls, length: int) -> Offsets:
        offsets = cls()
        offsets.add(0, length)
        return offsets

    def add(self, origin: int, count: int, step: int = 1) -> None:
        """Append ``count`` characters from ``origin`` on (step 1), or all at ``origin`` (step 0)."""
        if count <= 0:
            return
        if count == 1:
            step = 1  # one character maps the same either way; as step 1 it can join its neighbour
        if self._steps and self._steps[-1] == step == 1 and \
                self._origins[-1] + self._length - self._starts[-1] == origin:
            self._length += count
            return
        self._starts.append(self._length)
        self._origins.append(origin)
        self._steps.append(step)
        self._length += count

    def drop_last(self) -> None:
        """Forget the last character (a trailing line break)."""
        if not self._length:
            raise IndexError("drop_last from empty Offsets")
        self._length -= 1
        if self._starts[-1] == self._length:
            self._starts.pop()
            self._origins.pop()
            self._steps.pop()

    def runs(self, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """The characters ``start:end`` as (origin, count, step) stretches, for composing mappings."""
        end = min(end, self._length)
        if start >= end:
            return
        k = bisect.bisect_right(self._starts, start) - 1
        while start < end:
            stretch_end = self._starts[k + 1] if k + 1 < len(self._starts) else self._length
            count = min(end, stretch_end) - start
            yield self._origins[k] + (start - self._starts[k]) * self._steps[k], count, self._steps[k]
            start += count
            k += 1

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> int: ...

    @overload
    def __getitem__(self, index: slice) -> list[int]: ...

    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._length))]
        if index < 0:
            index += self._length
        if not 0 <= index < self._length:
            raise IndexError("Offsets index out of range")
        k = bisect.bisect_right(self._starts, index) - 1
        return self._origins[k] + (index - self._starts[k]) * self._steps[k]

    def __iter__(self) -> Iterator[int]:
        for origin, count, step in self.runs(0, self._length):
            yield from (range(origin, origin + count) if step else [origin] * count)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Offsets):
            return (self._length, self._starts, self._origins, self._steps) == \
                (other._length, other._starts, other._origins, other._steps)
        if isinstance(other, Sequence):
            return len(other) == self._length and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self._starts.tobytes(), self._origins.tobytes(), self._steps.tobytes()))

    def __repr__(self) -> str:
        return f"Offsets(length={self._length}, stretches={len(self._starts)})"


def compose(kept: Iterator[tuple[int, int]], origin: Offsets | None) -> Offsets:
    """The mapping of a text made of the stretches ``kept`` ((start, end) in an intermediate text)
    of an intermediate text whose own mapping is ``origin`` (None: the intermediate is the original)."""
    out = Offsets()
    for start, end in kept:
        if origin is None:
            out.add(start, end - start)
        else:
            for o, count, step in origin.runs(start, end):
                out.add(o, count, step)
    return out
