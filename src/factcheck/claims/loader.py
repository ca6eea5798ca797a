"""The claims file (SPEC §2): a strict loader that turns ``claims.yaml`` into a ``ClaimsFile``.

Every defect becomes one ``ClaimsError`` naming file, line and key, because the command line turns
it into exit 2 with a one-line message; no other exception ever leaves this module. The node tree
the hardened reader composes is converted here by hand. The file is the editor's but may come from
anywhere (a pull request), so the loader refuses tags outside the core schema and source URLs
other than http(s).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Collection
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .. import numbers, settings
from ..claimtypes import KINDS
from ..model import ArticleSpec, Claim, ClaimsFile, ClaimType, SourceSpec
from .errors import ClaimsError
from .keys import ARTICLE_KEYS, CLAIM_KEYS, DATE_ORDERS, REGIONS, SOURCE_KEYS, TOP_KEYS
from .keys import TYPE_KEYS as _TYPE_KEYS
from .reader import compose

_ID = re.compile(r"[A-Za-z0-9_-]+")
_KEY = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_ -]*[A-Za-z0-9_-]|[A-Za-z0-9_-]")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# A bare word is a source *name*; these endings make it a file next to the claims file instead.
_FILE_SUFFIXES = (".html", ".htm", ".xhtml", ".txt", ".text", ".md", ".markdown", ".xml", ".json", ".pdf")

_CORE = "tag:yaml.org,2002:"
# Scalars that may stand for text: `value` and `merge` are what the resolver calls a bare `=` / `<<`.
_SCALAR_KINDS = {
    _CORE + "str": "string",
    _CORE + "value": "string",
    _CORE + "merge": "string",
    _CORE + "int": "integer",
    _CORE + "float": "number",
    _CORE + "bool": "boolean",
    _CORE + "null": "null",
    _CORE + "timestamp": "date",
}
_COLLECTION_TAGS: dict[type, str] = {SequenceNode: _CORE + "seq", MappingNode: _CORE + "map"}



def load_claims(path: Path | str) -> ClaimsFile:
    """Read and validate a claims file; any problem, including I/O, is a ``ClaimsError``."""
    try:
        p = Path(path)
        if p.is_dir():
            raise ClaimsError(path, None, None, "is a directory, not a claims file")
        with p.open("rb") as handle:
            data = handle.read(settings.CLAIMS_MAX_BYTES + 1)
    except ClaimsError:
        raise
    except FileNotFoundError:
        raise ClaimsError(path, None, None, "claims file not found") from None
    except PermissionError:
        raise ClaimsError(path, None, None, "cannot read claims file: permission denied") from None
    except (OSError, ValueError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise ClaimsError(path, None, None, f"cannot read claims file: {reason}") from None
    return _usable(parse_claims(data, path))


def _usable(loaded: ClaimsFile) -> ClaimsFile:
    """What only the files on disk tell: a claims file with no claims checks nothing, and a local file
    cited as a source (no URL to fall back on) must exist: a typo in its path is the editor's error,
    exit 2 naming the claim's line (SPEC §2), not an unverified claim."""
    if not loaded.claims:
        raise ClaimsError(loaded.path, None, "claims", "the list of claims is empty (nothing to check)")
    for i, claim in enumerate(loaded.claims):
        for j, spec in enumerate(claim.sources):
            if spec.url is None and spec.archive is not None and not os.path.lexists(spec.archive):
                raise ClaimsError(loaded.path, claim.line, f"claims[{i}].sources[{j}]",
                                  f"source file {_show(spec.key)} does not exist ({spec.archive})")
    return loaded


def parse_claims(text: str | bytes, path: Path | str) -> ClaimsFile:
    """Validate claims given as text; relative paths inside resolve against ``Path(path).parent``."""
    try:
        return _Converter(path).convert(compose(text, path))
    except ClaimsError:
        raise
    except RecursionError:
        raise ClaimsError(path, None, None, f"nesting deeper than {settings.CLAIMS_MAX_DEPTH} levels") from None
    except Exception as exc:  # the contract: nothing but ClaimsError, whatever the input
        raise ClaimsError(path, None, None, f"internal error while loading: {type(exc).__name__}: {exc}") from exc








def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _join(prefix: str, name: str) -> str:
    """A dotted key path; an odd key (spaces, dots, newlines) is shown quoted in brackets."""
    if not _KEY.fullmatch(name):
        return f"{prefix}[{_show(name, 30)}]"
    return f"{prefix}.{name}" if prefix else name


def _show(value: str, limit: int = 60) -> str:
    """A value quoted for a one-line message, cut short if long."""
    return repr(value if len(value) <= limit else value[: limit - 3] + "...")


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE) :] if tag.startswith(_CORE) else tag


def _kind(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return _SCALAR_KINDS.get(node.tag, "value")
    return "list" if isinstance(node, SequenceNode) else "mapping"


def _a(kind: str) -> str:
    if kind == "null":
        return "nothing (an empty value)"
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"


def _scheme(s: str) -> str | None:
    """The URL scheme of ``s``, if it has one; a one-letter 'scheme' is a Windows drive."""
    m = _SCHEME.match(s)
    return m.group(1).lower() if m and len(m.group(1)) > 1 else None


def _refused_scheme(scheme: str, s: str) -> str:
    return f"scheme '{scheme}:' is not allowed in {_show(s)} (only http and https URLs and local paths)"


def _looks_like_path(s: str) -> bool:
    return "/" in s or "\\" in s or s.startswith(".") or s.lower().endswith(_FILE_SUFFIXES)


class _Converter:
    """Turns the composed node tree into model types, failing at the first defect."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.base = Path(path).parent
        self.sources: dict[str, SourceSpec] = {}

    def fail(self, where: Node | int | None, key: str | None, message: str) -> ClaimsError:
        line = _line(where) if isinstance(where, Node) else where
        return ClaimsError(self.path, line, key, message)

    # -- generic checks -------------------------------------------------------------------------

    def check_tags(self, root: Node) -> None:
        """Only the core schema: an explicit tag (``!!python/object``, ``!foo``) is refused outright."""
        stack: list[tuple[Node, str]] = [(root, "")]
        while stack:
            node, key = stack.pop()
            if isinstance(node, ScalarNode):
                ok = node.tag in _SCALAR_KINDS
            else:
                ok = node.tag == _COLLECTION_TAGS.get(type(node))
            if not ok:
                raise self.fail(node, key or None, f"YAML tag {_show(_show_tag(node.tag))} is not allowed")
            children: list[tuple[Node, str]] = []
            if isinstance(node, SequenceNode):
                children = [(item, f"{key}[{i}]") for i, item in enumerate(node.value)]
            elif isinstance(node, MappingNode):
                for k, v in node.value:
                    name = k.value if isinstance(k, ScalarNode) else "?"
                    children += [(k, key), (v, _join(key, name))]
            stack.extend(reversed(children))  # so the first bad tag in the file is the one reported

    def entries(self, node: Node, key: str, what: str = "a mapping") -> dict[str, tuple[Node, Node]]:
        """The mapping's keys with their key and value nodes; keys must be unique plain strings."""
        if not isinstance(node, MappingNode):
            raise self.fail(node, key or None, f"expected {what}, got {_a(_kind(node))}")
        out: dict[str, tuple[Node, Node]] = {}
        for k, v in node.value:
            if not isinstance(k, ScalarNode):
                raise self.fail(k, key or None, f"keys must be plain strings, got {_a(_kind(k))}")
            if k.tag == _CORE + "merge":
                raise self.fail(k, key or None, "merge keys '<<' are not allowed in a claims file")
            if k.value in out:
                first = _line(out[k.value][0])
                raise self.fail(k, _join(key, k.value), f"duplicate key {_show(k.value)} (first at line {first})")
            out[k.value] = (k, v)
        return out

    def check_keys(
        self, node: Node, found: dict[str, tuple[Node, Node]], key: str, allowed: tuple[str, ...],
        required: tuple[str, ...],
    ) -> None:
        for name, (k, _) in found.items():
            if name not in allowed:
                close = difflib.get_close_matches(name, allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(allowed)
                raise self.fail(k, _join(key, name), f"unknown key {_show(name)} ({hint})")
        for name in required:
            if name not in found:
                raise self.fail(node, _join(key, name), f"missing required key {name!r}")

    def string(self, node: Node, key: str, *, verbatim: bool = False, what: str = "a string") -> str:
        """A non-empty string. With ``verbatim``, numbers and dates count as the text written
        (``expect: 2013``, ``expect: 2016-11-03`` are meant as text, YAML reads them as values)."""
        kind = _kind(node)
        if not (kind == "string" or (verbatim and kind in ("integer", "number", "date"))):
            hint = " (put it in quotes)" if kind in ("boolean", "integer", "number", "date") else ""
            raise self.fail(node, key, f"expected {what}, got {_a(kind)}{hint}")
        if not node.value.strip():
            raise self.fail(node, key, "must not be empty")
        return node.value

    def resolve(self, node: Node, key: str, s: str) -> Path:
        """A local path, relative to the claims file; never a URL in disguise."""
        scheme = _scheme(s)
        if scheme in ("http", "https"):
            raise self.fail(node, key, f"{_show(s)} is a URL, not a local path")
        if scheme:
            raise self.fail(node, key, _refused_scheme(scheme, s))
        if _CONTROL.search(s):
            raise self.fail(node, key, f"path {_show(s)} contains control characters")
        return Path(os.path.abspath(self.base / s))

    def url(self, node: Node, key: str, s: str) -> str:
        scheme = _scheme(s)
        if scheme is None:
            raise self.fail(node, key, f"{_show(s)} is not a URL (expected http:// or https://)")
        if scheme not in ("http", "https"):
            raise self.fail(node, key, _refused_scheme(scheme, s))
        if re.search(r"[\s\x00-\x1f\x7f]", s):
            raise self.fail(node, key, f"URL {_show(s)} contains white space or control characters")
        try:
            parts = urlsplit(s)
            parts.port  # noqa: B018 - raises on a malformed port
        except ValueError as exc:
            raise self.fail(node, key, f"{_show(s)} is not a valid URL ({exc})") from None
        if not parts.hostname:
            raise self.fail(node, key, f"URL {_show(s)} has no host")
        return s

    # -- the file -------------------------------------------------------------------------------

    def convert(self, root: Node | None) -> ClaimsFile:
        if root is None:
            raise self.fail(None, None, "empty claims file (expected a mapping with version, article and claims)")
        self.check_tags(root)
        top = self.entries(root, "", "a mapping with version, article and claims at the top level")
        self.version(root, top)
        self.check_keys(root, top, "", TOP_KEYS, ("version", "article", "claims"))
        if "sources" in top:
            self.named_sources(top["sources"][1])
        article = self.article(top["article"][1])
        claims = self.claims(top["claims"][1])
        return ClaimsFile(path=Path(self.path), article=article, claims=claims, sources=dict(self.sources))

    def version(self, root: Node, top: dict[str, tuple[Node, Node]]) -> None:
        if "version" not in top:
            raise self.fail(root, "version", "missing required key 'version' (this factcheck reads version 1)")
        node = top["version"][1]
        if isinstance(node, ScalarNode) and _kind(node) == "integer":
            try:
                if SafeConstructor().construct_yaml_int(node) == 1:
                    return
            except ValueError:
                pass
        kind = _kind(node)
        if kind in ("list", "mapping"):
            shown = _a(kind)
        else:
            shown = node.value if kind in ("integer", "number") else _show(node.value)
        raise self.fail(node, "version", f"unsupported version {shown} (this factcheck reads version 1)")

    def article(self, node: Node) -> ArticleSpec:
        found = self.entries(node, "article", "a mapping with path: or url:")
        self.check_keys(node, found, "article", ARTICLE_KEYS, ())
        if "path" in found and "url" in found:
            raise self.fail(found["url"][0], "article", "give either 'path' or 'url', not both")
        if "path" not in found and "url" not in found:
            raise self.fail(node, "article", "needs 'path' (a local file) or 'url'")
        path = url = published = None
        if "path" in found:
            v = found["path"][1]
            path = self.resolve(v, "article.path", self.string(v, "article.path"))
        if "url" in found:
            v = found["url"][1]
            url = self.url(v, "article.url", self.string(v, "article.url"))
        if "published" in found:
            published = self.published(found["published"][1])
        order = self.date_order(found["date_order"][1]) if "date_order" in found else None
        region = self.region(found["region"][1]) if "region" in found else ArticleSpec.region
        return ArticleSpec(path=path, url=url, published=published, date_order=order, region=region)

    def region(self, node: Node) -> str:
        codes = ", ".join(REGIONS)
        return self.one_of(node, "article.region", REGIONS, f"a region code ({codes})", f"is not one of {codes}")

    def date_order(self, node: Node) -> str:
        return self.one_of(node, "article.date_order", DATE_ORDERS, "DMY or MDY",
                           "is not DMY (22/04/2016) or MDY (04/22/2016)")

    def one_of(self, node: Node, key: str, allowed: Collection[str], expected: str, otherwise: str) -> str:
        """A scalar from a closed set; the errors say what was expected."""
        kind = _kind(node)
        if kind in ("null", "list", "mapping"):
            raise self.fail(node, key, f"expected {expected}, got {_a(kind)}")
        if node.value not in allowed:
            raise self.fail(node, key, f"{_show(node.value)} {otherwise}")
        return str(node.value)

    def published(self, node: Node) -> date:
        key = "article.published"
        kind = _kind(node)
        if kind in ("null", "list", "mapping"):
            raise self.fail(node, key, f"expected an ISO date (YYYY-MM-DD), got {_a(kind)}")
        m = _ISO_DATE.fullmatch(node.value)
        if m is None:
            raise self.fail(node, key, f"{_show(node.value)} is not an ISO date (YYYY-MM-DD)")
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            raise self.fail(node, key, f"{_show(node.value)} is not a valid date") from None

    # -- sources --------------------------------------------------------------------------------

    def named_sources(self, node: Node) -> None:
        for name, (k, v) in self.entries(node, "sources", "a mapping of source names").items():
            key = _join("sources", name)
            if not _ID.fullmatch(name):
                raise self.fail(k, key, f"source name {_show(name)} may use only letters, digits, '-' and '_'")
            if isinstance(v, MappingNode):
                spec = self.source_mapping(v, key, name)
            else:
                s = self.string(v, key, what="a URL, a local path or a mapping with url/archive/selector")
                spec = self.source_string(v, key, s, named=False)
                spec = SourceSpec(key=name, url=spec.url, archive=spec.archive)
            self.sources[name] = spec

    def source_mapping(self, node: Node, key: str, name: str | None = None) -> SourceSpec:
        found = self.entries(node, key)
        self.check_keys(node, found, key, SOURCE_KEYS, ())
        if "url" not in found and "archive" not in found:
            raise self.fail(node, key, "a source needs 'url' or 'archive'")
        url = archive = selector = None
        written = ""
        if "url" in found:
            v = found["url"][1]
            url = written = self.url(v, f"{key}.url", self.string(v, f"{key}.url"))
        if "archive" in found:
            v = found["archive"][1]
            s = self.string(v, f"{key}.archive")
            archive = self.resolve(v, f"{key}.archive", s)
            written = written or s
        if "selector" in found:
            v = found["selector"][1]
            selector = self.selector(v, f"{key}.selector", self.string(v, f"{key}.selector"))
        return SourceSpec(key=name or written, url=url, archive=archive, selector=selector)

    def selector(self, node: Node, key: str, s: str) -> str:
        """A CSS selector that soupsieve can compile: a typo fails here, not silently at run time."""
        from bs4 import BeautifulSoup

        try:
            BeautifulSoup("<p></p>", "html.parser").select_one(s)
        except Exception as exc:  # soupsieve's SelectorSyntaxError and friends
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise self.fail(node, key, f"invalid CSS selector {_show(s)}: {reason}") from None
        return s

    def source_string(self, node: Node, key: str, s: str, *, named: bool = True) -> SourceSpec:
        if s != s.strip():
            raise self.fail(node, key, f"source {_show(s)} has leading or trailing white space")
        if named and s in self.sources:
            return self.sources[s]
        scheme = _scheme(s)
        if scheme:
            return SourceSpec(key=s, url=self.url(node, key, s))
        if s.startswith("//") or s.lower().startswith("www."):
            raise self.fail(node, key, f"source {_show(s)} looks like a URL without http:// or https://")
        if _looks_like_path(s):
            return SourceSpec(key=s, archive=self.resolve(node, key, s))
        if named:
            raise self.fail(node, key, f"unknown source {_show(s)} (not defined under sources:, not a URL)")
        raise self.fail(node, key, f"{_show(s)} is neither an http(s) URL nor a local path")

    def claim_sources(self, node: Node, key: str) -> tuple[SourceSpec, ...]:
        if not isinstance(node, SequenceNode):
            raise self.fail(node, key, f"expected a list of sources, got {_a(_kind(node))}")
        out = []
        for i, item in enumerate(node.value):
            ikey = f"{key}[{i}]"
            if isinstance(item, MappingNode):
                out.append(self.source_mapping(item, ikey))
            else:
                s = self.string(item, ikey, what="a source name, URL, path or mapping")
                out.append(self.source_string(item, ikey, s))
        return tuple(out)

    # -- claims ---------------------------------------------------------------------------------

    def claims(self, node: Node) -> tuple[Claim, ...]:
        if not isinstance(node, SequenceNode):
            raise self.fail(node, "claims", f"expected a list of claims, got {_a(_kind(node))}")
        seen: dict[str, int] = {}
        return tuple(self.claim(item, f"claims[{i}]", seen) for i, item in enumerate(node.value))

    def claim(self, node: Node, key: str, seen: dict[str, int]) -> Claim:
        """One claim; ``seen`` maps the ids so far to their lines, to name the first of a duplicate."""
        found = self.entries(node, key, "a mapping (a claim with id, type, text)")
        self.check_keys(node, found, key, CLAIM_KEYS, ("id", "type", "text"))
        cid = self.claim_id(found["id"][1], f"{key}.id", seen)
        ctype = self.claim_type(found["type"][1], f"{key}.type")
        text = self.string(found["text"][1], f"{key}.text")

        def optional(name: str, read):
            """The key's value read by ``read`` (None when absent); a key its type does not take is refused."""
            if name not in found:
                return None
            k, v = found[name]
            if name in _TYPE_KEYS and name not in KINDS[ctype].keys:
                takes = ", ".join(t.value for t, kind in KINDS.items() if name in kind.keys)
                raise self.fail(k, f"{key}.{name}", f"{name!r} is only for {takes} claims, not {ctype.value}")
            return read(v, f"{key}.{name}")

        expect = optional("expect", lambda v, k: self.string(v, k, verbatim=True))
        expected = None if expect is None else self.expect(found["expect"][1], f"{key}.expect", ctype, expect)
        if expect is None and KINDS[ctype].needs_expect:
            raise self.fail(node, f"{key}.expect",
                            f"missing required key 'expect' ({ctype.value} claims need the verified value)")
        tolerance = optional("tolerance", lambda v, k: self.string(v, k, verbatim=True))
        margin = None if tolerance is None else self.tolerance(found["tolerance"][1], f"{key}.tolerance", tolerance)
        return Claim(
            id=cid,
            type=ctype,
            text=text,
            expect=expect,
            aliases=optional("aliases", self.aliases) or (),
            sources=optional("sources", self.claim_sources) or (),
            note=optional("note", self.string),
            accepted=optional("accepted", lambda v, k: self.string(v, k, what="a string (the reason it is accepted)")),
            tolerance=tolerance,
            line=_line(node),
            expected=expected,
            margin=margin,
        )

    def claim_id(self, v: Node, vkey: str, seen: dict[str, int]) -> str:
        cid = self.string(v, vkey)
        if not _ID.fullmatch(cid):
            raise self.fail(v, vkey, f"id {_show(cid)} may use only letters, digits, '-' and '_'")
        if cid in seen:
            raise self.fail(v, vkey, f"duplicate id {_show(cid)} (first at line {seen[cid]})")
        seen[cid] = _line(v)
        return cid

    def claim_type(self, v: Node, vkey: str) -> ClaimType:
        kind = self.string(v, vkey)
        try:
            return ClaimType(kind)
        except ValueError:
            allowed = ", ".join(t.value for t in ClaimType)
            raise self.fail(v, vkey, f"unknown type {_show(kind)} (expected one of: {allowed})") from None

    def tolerance(self, v: Node, vkey: str, tolerance: str) -> object:
        try:
            return numbers.parse_tolerance(tolerance)
        except ValueError:
            raise self.fail(v, vkey, f"{_show(tolerance)} is not a tolerance ('10%' relative, "
                                     "or a plain number in the value's unit)") from None

    def aliases(self, v: Node, vkey: str) -> tuple[str, ...]:
        if not isinstance(v, SequenceNode):
            raise self.fail(v, vkey, f"expected a list of strings, got {_a(_kind(v))}")
        return tuple(self.string(a, f"{vkey}[{j}]") for j, a in enumerate(v.value))

    def expect(self, node: Node, key: str, ctype: ClaimType, value: str) -> object:
        """``expect`` as its claim type reads it: it must mean something for its type, or every
        run would report the same nonsense."""
        try:
            return KINDS[ctype].parse_expect(value)
        except ValueError as exc:
            raise self.fail(node, key, f"{_show(value)} {exc}") from None
