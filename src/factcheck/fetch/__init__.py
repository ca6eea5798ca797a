"""The HTTP layer: fetches cited reference pages concurrently, politely, through a
persistent cache, and turns everything a server or URL can do into a ``FetchResult``
(a one-line ``error`` and a ``FailureKind``). It imports no click: progress is a ``Progress``."""

from .client import USER_AGENT, Fetcher, FetchResult
from .decode import decode_body
from .failures import FailureKind
from .interface import SourceFetcher
from .progress import NoProgress, Progress, TerminalBar

__all__ = ["USER_AGENT", "FailureKind", "FetchResult", "Fetcher", "NoProgress", "Progress", "SourceFetcher",
           "TerminalBar", "decode_body"]
