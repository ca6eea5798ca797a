"""The HTTP layer: fetches cited reference pages concurrently, politely, through a
persistent cache, and turns everything a server or URL can do into a ``FetchResult``."""

from .client import USER_AGENT, Fetcher, FetchResult
from .decode import decode_body

__all__ = ["USER_AGENT", "FetchResult", "Fetcher", "decode_body"]
