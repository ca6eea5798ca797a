"""The claims file: its keys (``keys``), the hardened YAML reader (``reader``), the strict loader
(``loader``) and the writer ``factcheck extract`` drafts with (``writer``)."""

from __future__ import annotations

from ..model import ClaimsFile
from ..settings import CLAIMS_MAX_BYTES as MAX_BYTES
from .errors import ClaimsError
from .loader import load_claims, parse_claims

__all__ = ["MAX_BYTES", "ClaimsError", "ClaimsFile", "load_claims", "parse_claims"]
