"""CSS selectors in a claims file that use a pseudo-class soupsieve has deprecated, said in our words.

soupsieve warns once per process (it caches compiled selectors) and in a developer's terms; the
editor instead gets one line naming the source and the spelling to use. The selector still works.
"""

from __future__ import annotations

import re

from .model import ClaimsFile

# soupsieve's deprecated pseudo-classes and their replacements
DEPRECATED_PSEUDO_CLASSES = {":contains": ":-soup-contains"}
_PSEUDO = re.compile("|".join(re.escape(p) + r"(?=\()" for p in DEPRECATED_PSEUDO_CLASSES))


def selector_warnings(claims: ClaimsFile) -> list[str]:
    """One line per source whose selector uses a deprecated pseudo-class."""
    seen: dict[str, str] = {}
    specs = [s for c in claims.claims for s in c.sources]
    for spec in specs:
        if spec.selector and spec.key not in seen:
            used = sorted(set(_PSEUDO.findall(spec.selector)))
            if used:
                advice = ", ".join(f"'{u}' is deprecated, write '{DEPRECATED_PSEUDO_CLASSES[u]}'" for u in used)
                seen[spec.key] = f"{claims.path}: source {spec.key}: selector {spec.selector!r}: {advice}"
    return list(seen.values())
