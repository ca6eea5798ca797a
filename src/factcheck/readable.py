"""Main-text extraction: the readable article body of a reference page's HTML.

Evidence is only as good as the text it is read from: a "most read" box, a cookie banner or a
related-stories list can carry a distractor figure, and a dropped paragraph hides the fact. So the
page is parsed once with lxml, what is never content (scripts, styles, forms, navigation, hidden
nodes) is left out, the block that holds the article is found by scoring paragraphs and crediting
their ancestors (readability's idea: text length, commas, link density, class/id hints, <article>/
<main>/schema.org hints), siblings that continue it are added, boilerplate boxes inside it are
pruned, and the rest is rendered with its paragraph, list and table structure, since facts live in
tables too.

``extract`` is a pure function of its arguments (no global state is written), so it can run in a
process pool. Pages are untrusted: nothing is executed or fetched, every walk over the tree is
iterative and every stage linear, so deeply nested or huge markup can neither exhaust the recursion
limit nor go quadratic. Per-element counts live in flat lists indexed by document order, not in
per-node objects, so a page of a million elements stays within a few hundred megabytes.
"""

from __future__ import annotations

import re
from array import array
from collections import deque
from dataclasses import dataclass

from lxml import etree

__all__ = ["NO_BODY_NOTE", "Extracted", "extract"]


@dataclass(frozen=True)
class Extracted:
    text: str  # paragraphs separated by blank lines; list items and table rows one per line
    title: str | None
    main_found: bool  # False: no article body identified, ``text`` is all visible text
    note: str | None  # why main_found is False, or why the selector was not used


NO_BODY_NOTE = "no article body found; showing all visible text"

# --- settings: every threshold and hint list, each with why -----------------------------------

# never article text: code, media, controls, metadata
DROP_ALWAYS = frozenset({
    "script", "style", "noscript", "template", "link", "meta", "iframe", "frame", "frameset",
    "object", "embed", "applet", "svg", "canvas", "video", "audio", "source", "track",
    "picture", "img", "map", "area", "button", "input", "select", "option", "optgroup",
    "textarea", "datalist", "output", "progress", "meter", "dialog", "head", "title", "base",
})
# page furniture by its HTML5 meaning, whatever its class says
BOILERPLATE_TAGS = frozenset({"nav", "aside", "menu", "footer"})
# scored as a paragraph of the article: their parent gains credit
SCORED_TAGS = frozenset({"p", "pre", "td", "blockquote"})
# scored only when nothing else reads as an article: an FAQ or a page of list items
LAST_RESORT_TAGS = SCORED_TAGS | {"li", "dd"}
# readability's starting scores by tag: divs and articles hold prose, headings and lists rarely do
TAG_SCORE = {"div": 5, "article": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3,
             "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5,
             "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
CLASS_WEIGHT = 25  # per class and per id: a hint decides between two blocks of similar text
ARTICLE_BODY_BONUS = 25  # itemprop=articleBody is the page saying where its article is
PARAGRAPH_COMMAS = 8  # commas one paragraph can score: a donation appeal or a bio is one comma-rich run
NAME_LINE = 80  # characters: a shorter paragraph with no sentence end is a name line (a signatory), no comma credit
MIN_PARAGRAPH = 25  # characters: shorter text is a label or a link, not a paragraph
SCORE_LEVELS = 5  # ancestors credited by a paragraph (parent fully, grandparent half, then 1/3n)
SPLIT_CLOSE = 0.75  # candidates within this share of the best may be one article split in parts
SPLIT_MIN = 3  # ... and when this many share an ancestor, the ancestor is the article
SECTIONS_GROWTH = 3.0  # an ancestor holding this many times the top's paragraph credit holds the
# article's later sections too (the intro was the best block); 3 levels up at most, never body
SIBLING_SHARE = 0.5  # a sibling scoring this share of the best continues the article
SIBLING_MIN = 10.0  # ... and at least this much
SIBLING_LINKS = 0.25  # a sibling more linked than this is navigation
SIBLING_PROSE = 80  # characters: a plain sibling paragraph longer than this is article text
SHORT = 300  # nodes with at most this much text keep their full text for label and title checks
MIN_ARTICLE = 100  # characters: less than this is not an article body
ENOUGH_ARTICLE = 500  # characters: the strict pass found an article; no lenient retry
MAX_DEPTH = 1024  # nesting deeper than this is flattened (libxml2 stops at 2048 and drops the rest)
META_PROPS = frozenset({"datePublished", "dateModified", "dateCreated", "author", "creator", "publisher",
                        "keywords", "byline", "contributor", "copyrightHolder"})  # byline lines, not text
UNLIKELY_ROLES = frozenset({"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
                            "banner", "contentinfo", "search"})  # ARIA landmarks that are never the article
# class/id names of boxes that are not the article (readability's "unlikely candidates" and more)
UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    r"header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent|newsletter|"
    r"subscribe|most-?read|most-?popular|popular|share|sharing|promo|outbrain|taboola|widget",
    re.IGNORECASE,
)
# ... unless the name also says article ("article-header" may hold it)
MAYBE = re.compile(r"and|article|body|column|content|main|shadow|story|post|entry|text", re.IGNORECASE)
EMBED = re.compile(r"embed|tweet", re.IGNORECASE)  # embedded posts quoted by the article
POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose",
                      re.IGNORECASE)
NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|"
    r"media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
    r"tags|widget|social|cookie|consent|newsletter|subscribe|popular|most-?read|breadcrumb|menu|"
    r"nav|advert|byline|author|caption|credit|taboola|recommend|signup|sign-up|toolbar",
    re.IGNORECASE,
)
# a label that introduces what is not the article
BOILER_LEAD = re.compile(
    r"^\W*(?:related(?: \w+)?\s*(?::|$)|related (?:stories|articles|posts|content|coverage|links|reading|news|videos?)"
    r"|more (?:from|on|stories|news|coverage|videos?|like this)\b|more\s*:|read (?:more|next|also)\b"
    r"|also (?:read|on|see)\b|you (?:may|might) (?:also )?(?:like|enjoy|be interested)"
    r"|recommended\b|most (?:read|popular|viewed|shared)\b|trending\b|sign up\b|subscribe\b|follow us\b"
    r"|share (?:this|on)\b|click here\b|advertisement\b|sponsored\b|leggi anche\b|lesen sie auch\b"
    r"|lire aussi\b|leia também\b|leia mais\b|читайте также\b)",
    re.IGNORECASE,
)
# reference lists and footnotes: links, but the page's sources, which a fact-checker wants
REFERENCES = re.compile(r"reference|reflist|citation|footnote", re.IGNORECASE)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

# --- vocabulary -------------------------------------------------------------------------------

_BLOCK = frozenset({
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "body", "html",
    "br", "legend",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PARAGRAPH_BREAK = frozenset({
    "p", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl",
    "figure", "section", "article", "main", "header", "footer", "hr", "address", "fieldset",
    "details", "center", "body", "html",
})
_CONTAINERS = frozenset({"div", "section", "article", "main"})
_PRUNABLE = frozenset({"div", "section", "table", "ul", "ol", "dl", "form", "fieldset", "aside", "header",
                       "figure", "footer", "nav", "span", "center", "details", "blockquote", "article", "p",
                       "h1", "h2", "h3", "h4", "h5", "h6", "figcaption"})
_TABLE_HEAD = frozenset({"th", "caption", "thead", "tfoot", "colgroup", "col"})
_COMMAS = re.compile(r"[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c]")
_SENTENCE_END = re.compile(r"\.( |$)")
_NOSCRIPT_OPEN = re.compile(r"<noscript\b", re.IGNORECASE)
_NOSCRIPT_CLOSE = re.compile(r"</noscript\s*>", re.IGNORECASE)


# --- parsing ----------------------------------------------------------------------------------


def _without_noscript(html: str) -> str:
    """Cut ``<noscript>…</noscript>`` as a browser running scripts reads it: raw text, not markup.

    Parsed as markup, an unclosed ``<div>`` inside it would swallow the rest of the page, and
    dropping the noscript would then drop the article. One forward scan: linear.
    """
    out: list[str] = []
    pos = 0
    while True:
        start = _NOSCRIPT_OPEN.search(html, pos)
        if start is None:
            break
        end = _NOSCRIPT_CLOSE.search(html, start.end())
        if end is None:
            break  # never closed: leave the rest as the parser reads it
        out.append(html[pos:start.start()])
        pos = end.end()
    if not out:
        return html
    out.append(html[pos:])
    return "".join(out)


class _FlatBuilder:
    """SAX target building a tree no deeper than MAX_DEPTH: deeper tags are left out, their text kept
    (but not the text of what is never content, such as a script)."""

    def __init__(self) -> None:
        self.builder = etree.TreeBuilder()
        self.depth = 0
        self.muted: list[bool] = []  # per flattened level: inside a DROP_ALWAYS tag

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self.depth += 1
        if self.depth <= MAX_DEPTH:
            self.builder.start(tag, attrib)
        else:
            self.muted.append(tag in DROP_ALWAYS or bool(self.muted and self.muted[-1]))

    def end(self, tag: str) -> None:
        if self.depth <= MAX_DEPTH:
            self.builder.end(tag)
        elif self.muted:
            self.muted.pop()
        self.depth -= 1

    def data(self, data: str) -> None:
        if not (self.muted and self.muted[-1]):
            self.builder.data(data)

    def close(self) -> etree._Element:
        return self.builder.close()


# libxml2 reading a UTF-8 page: no comments or processing instructions kept, nothing fetched, no size limit
_PARSER = {"encoding": "utf-8", "remove_comments": True, "remove_pis": True, "no_network": True, "huge_tree": True}


def html_tree(data: bytes) -> tuple[etree._Element | None, etree._ListErrorLog]:
    """libxml2's tree of a UTF-8 page (recovering from any markup; None for no elements) and what
    the parser had to mend."""
    parser = etree.HTMLParser(**_PARSER)
    try:
        return etree.fromstring(data, parser), parser.error_log
    except etree.XMLSyntaxError:
        return None, parser.error_log


def _parse(html: str) -> etree._Element | None:
    """The page's tree (lxml, recovering from any markup), or None for a page with no elements."""
    data = _without_noscript(html).replace("\x00", "").encode("utf-8", "replace")
    if not data.strip():
        return None
    root, errors = html_tree(data)
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in errors):  # nesting too deep: flatten
        flat = etree.HTMLParser(**_PARSER, target=_FlatBuilder())
        flat.feed(data)
        root = flat.close()
    return root


def _templates(root: etree._Element) -> None:
    """Markup a page ships as a template (a Blogger post in ``<script type="text/template">``),
    parsed and put in the script's place so it can be read like the rest."""
    for script in list(root.iter("script")):
        kind = (script.get("type") or "").lower()
        text = script.text or ""
        if "template" not in kind or "<p" not in text:
            continue
        inner = _parse(text)
        body = inner.find("body") if inner is not None else None
        if body is None:
            continue
        body.tag = "div"
        body.tail = script.tail
        parent = script.getparent()
        if parent is not None:
            parent.replace(script, body)


# --- hints ------------------------------------------------------------------------------------


def _class_weight(el: etree._Element) -> int:
    """+25 / -25 for each of class and id; within one name a negative word wins ("post-author")."""
    weight = 0
    for value in (el.get("class"), el.get("id")):
        if not value:
            continue
        words = value.split()
        if any(NEGATIVE.search(w) for w in words):
            weight -= CLASS_WEIGHT
        elif any(POSITIVE.search(w) for w in words):
            weight += CLASS_WEIGHT
    return weight


def _is_article_body(el: etree._Element) -> bool:
    return "articleBody" in (el.get("itemprop") or "")


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None:
        return True
    style = el.get("style")
    return style is not None and bool(HIDDEN_STYLE.search(style))


def _unlikely(el: etree._Element) -> bool:
    """Boilerplate by role or class/id name (readability's "unlikely candidates")."""
    if el.tag in ("body", "html", "a", "article", "main") or _is_article_body(el):
        return False
    if (el.get("role") or "") in UNLIKELY_ROLES:
        return True
    hint = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    return bool(hint) and bool(UNLIKELY.search(hint)) and not MAYBE.search(hint) and not EMBED.search(hint)


# --- the tree as flat arrays ------------------------------------------------------------------


class _Tree:
    """Elements in document order with their parent's position, each dropped or not."""

    def __init__(self, root: etree._Element) -> None:
        self.order: list[etree._Element] = list(root.iter(etree.Element))
        self.index: dict[etree._Element, int] = {el: i for i, el in enumerate(self.order)}
        self.tags: list[str] = [el.tag if isinstance(el.tag, str) else "" for el in self.order]
        parent = array("i", [-1]) * len(self.order)
        dropped = bytearray(len(self.order))
        index = self.index
        for i, el in enumerate(self.order):
            p = el.getparent()
            pi = index.get(p, -1) if p is not None else -1
            parent[i] = pi
            dropped[i] = (pi >= 0 and dropped[pi]) or self.tags[i] in DROP_ALWAYS or _is_hidden(el)
        self.parent = parent
        self.dropped = dropped
        ends = array("i", range(1, len(parent) + 1))  # one past each subtree's last element
        for j in range(len(parent) - 1, -1, -1):
            p = parent[j]
            if p >= 0 and ends[j] > ends[p]:
                ends[p] = ends[j]
        self.ends = ends

    def subtree(self, i: int) -> range:
        """Positions of element ``i`` and its descendants (contiguous in document order)."""
        return range(i, self.ends[i])

    def skipped(self, strict: bool) -> bytearray:
        """Left out of scoring and output: dropped, boilerplate tags, and class/role names if strict."""
        skip = bytearray(len(self.order))
        tags, parent, dropped = self.tags, self.parent, self.dropped
        for i, el in enumerate(self.order):
            p = parent[i]
            skip[i] = dropped[i] or (p >= 0 and skip[p]) or tags[i] in BOILERPLATE_TAGS or (strict and _unlikely(el))
        return skip


class _Stats:
    """Per-element counts, each made from its children's: one bottom-up pass, no text copies."""

    def __init__(self, n: int) -> None:
        zeros = array("i", [0]) * n
        self.text = zeros
        self.link = array("i", zeros)
        self.commas = array("i", zeros)
        self.block = bytearray(n)  # has a block-level descendant
        self.inline = array("i", zeros)  # text not inside a block-level child
        self.paras = array("i", zeros)
        self.lis = array("i", zeros)
        self.heads = array("i", zeros)  # text inside headings
        self.rows = array("i", zeros)
        self.cols = array("i", zeros)  # most cells in one row
        self.thead = array("i", zeros)  # th, caption, thead...: marks of a data table
        self.tables = array("i", zeros)
        self.short: list[str | None] = [None] * n  # the whole text, for nodes with little text
        self.measured = bytearray(n)

    @classmethod
    def of(cls, tree: _Tree, skip: bytearray, positions: range | None = None) -> _Stats:
        stats = cls(len(tree.order))
        for i in reversed(positions if positions is not None else range(len(tree.order))):
            if not skip[i]:
                stats.measure(tree, i, skip)
        return stats

    def unmeasured_copy(self) -> _Stats:
        """The same counts, none marked measured: for counting again only what changed."""
        twin = _Stats.__new__(_Stats)
        twin.__dict__.update((name, values[:]) for name, values in vars(self).items())
        twin.measured = bytearray(len(self.measured))
        return twin

    def measure(self, tree: _Tree, i: int, skip: bytearray) -> None:
        """Count element ``i`` from its (already measured) children, leaving out skipped ones."""
        el = tree.order[i]
        index, tags = tree.index, tree.tags
        t = c = li = inl = np = nl = nh = rows = cols = th = tables = cells = 0
        block = False
        pieces: list[str] | None = []
        s = el.text
        if s and not s.isspace():
            n = len(" ".join(s.split())) + 1
            t += n
            inl += n
            c += _count_commas(s)
            pieces = [s]
        for child in el:
            ck = index.get(child, -1)
            if ck >= 0 and not skip[ck] and self.measured[ck]:
                ct = self.text[ck]
                t += ct
                c += self.commas[ck]
                li += self.link[ck]
                np += self.paras[ck]
                nl += self.lis[ck]
                nh += self.heads[ck]
                rows += self.rows[ck]
                th += self.thead[ck]
                tables += self.tables[ck]
                if self.cols[ck] > cols:
                    cols = self.cols[ck]
                name = tags[ck]
                if name in _BLOCK:
                    block = True
                else:
                    inl += ct
                    block = block or bool(self.block[ck])
                if name in ("td", "th"):
                    cells += 1
                if pieces is not None:
                    short = self.short[ck]
                    if short is None:
                        pieces = None
                    elif short:
                        pieces.append(f" {short} " if name in _BLOCK else short)
            s = child.tail
            if s and not s.isspace():
                n = len(" ".join(s.split())) + 1
                t += n
                inl += n
                c += _count_commas(s)
                if pieces is not None:
                    pieces.append(s)
        name = tags[i]
        self.text[i] = t
        self.commas[i] = c
        self.link[i] = t if name == "a" else li
        self.block[i] = block
        self.inline[i] = inl
        self.paras[i] = np + (name == "p")
        self.lis[i] = nl + (name == "li")
        self.heads[i] = t if name in _HEADINGS else nh
        self.rows[i] = rows + (name == "tr")
        self.cols[i] = max(cols, cells) if name == "tr" else cols
        self.thead[i] = th + (name in _TABLE_HEAD)
        self.tables[i] = tables + (name == "table")
        self.short[i] = " ".join("".join(pieces).split()) if pieces is not None and t <= SHORT else None
        self.measured[i] = True

    def link_density(self, i: int) -> float:
        t = self.text[i]
        return self.link[i] / t if t else 0.0

    def data_table(self, tree: _Tree, i: int) -> bool:
        """A table that holds data (facts) rather than laying out the page."""
        if tree.order[i].get("role") == "presentation":
            return False
        if self.thead[i]:
            return True
        if self.tables[i] > 1:
            return False
        rows, cols = self.rows[i], self.cols[i]
        return rows >= 10 or (cols > 2 and rows > 1) or cols * rows > 10


def _count_commas(s: str) -> int:
    return s.count(",") if s.isascii() else len(_COMMAS.findall(s))


# --- finding the article ----------------------------------------------------------------------


@dataclass
class _Scores:
    score: dict[int, float]  # candidate → readability score
    direct: dict[int, float]  # paragraph parent → its paragraphs' credit, before link density


def _score(tree: _Tree, stats: _Stats, skip: bytearray, body: int,
           scored: frozenset[str] = SCORED_TAGS) -> _Scores:
    """Readability's scoring: each paragraph credits its parent fully and its ancestors less.

    A paragraph seen before on the page (a vendor's purposes, a repeated blurb) credits nothing."""
    scores: dict[int, float] = {}
    direct: dict[int, float] = {}
    tags, parent = tree.tags, tree.parent
    seen: set[str] = set()
    for i in range(body, tree.subtree(body).stop):
        if skip[i]:
            continue
        name = tags[i]
        if name in scored or (name in _CONTAINERS and not stats.block[i]):
            length, commas, node = stats.text[i], stats.commas[i], parent[i]
        elif name in _CONTAINERS and stats.inline[i] >= MIN_PARAGRAPH:  # loose text beside block children
            length, commas, node = stats.inline[i], 0, i
        else:
            continue
        if length < MIN_PARAGRAPH:
            continue
        short = stats.short[i]
        if short is not None:
            if short in seen:
                continue
            seen.add(short)
            if length < NAME_LINE and not _SENTENCE_END.search(short):
                commas = 0
        gain = 1 + min(commas, PARAGRAPH_COMMAS) + min(length // 100, 3)
        if node >= body:
            direct[node] = direct.get(node, 0.0) + gain
        level = 0
        while node >= body and level < SCORE_LEVELS:  # not above the root
            if node not in scores:
                el = tree.order[node]
                base = TAG_SCORE.get(tags[node], 0) + _class_weight(el)
                if _is_article_body(el):
                    base += ARTICLE_BODY_BONUS
                scores[node] = base
            scores[node] += gain / (1 if level == 0 else 2 if level == 1 else level * 3)
            node = parent[node]
            level += 1
    for k in scores:
        scores[k] *= 1 - stats.link_density(k)
    return _Scores(scores, direct)


def _ancestors(tree: _Tree, i: int) -> list[int]:
    out = []
    p = tree.parent[i]
    while p >= 0:
        out.append(p)
        p = tree.parent[p]
    return out


def _element_children(tree: _Tree, i: int) -> list[int]:
    index = tree.index
    return [index[c] for c in tree.order[i] if c in index]


def _top(tree: _Tree, scored: _Scores, stats: _Stats, body: int) -> int | None:
    """The best candidate, moved up when the article is split across several of its children."""
    scores = scored.score
    if not scores:
        return None
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    top, best = ranked[0], scores[ranked[0]]
    close = [k for k in ranked[1:5] if best > 0 and scores[k] / best >= SPLIT_CLOSE]
    parent = tree.parent
    if len(close) >= SPLIT_MIN:
        lineages = [set(_ancestors(tree, k)) for k in close]
        p = parent[top]
        while p >= 0 and p != body:
            if sum(p in lineage for lineage in lineages) >= SPLIT_MIN:
                top = p
                break
            p = parent[p]
    last = scores.get(top, 0.0)
    threshold = last / 3
    p = parent[top]
    while p >= 0 and p != body:
        s = scores.get(p)
        if s is not None:
            if s < threshold:
                break
            if s > last:
                top = p
                break
            last = s
        p = parent[p]
    top = _sections(tree, top, scored.direct, stats, body)
    while top != body and parent[top] >= 0 and parent[top] != body:
        if len(tree.order[parent[top]]) != 1:
            break
        top = parent[top]
    return top


def _sections(tree: _Tree, top: int, direct: dict[int, float], stats: _Stats, body: int) -> int:
    """Up to the ancestor that also holds the article's later sections, when it holds far more of
    its paragraphs than the top block and is not navigation."""
    def credit(i: int) -> float:
        end = tree.ends[i]
        return sum(g for k, g in direct.items() if i <= k < end)

    here = credit(top)
    p = tree.parent[top]
    for _ in range(3):
        if p < 0 or p <= body:
            break
        there = credit(p)
        if there >= SECTIONS_GROWTH * here and stats.link_density(p) < SIBLING_LINKS:
            top, here = p, there
        p = tree.parent[p]
    return top


def _with_siblings(tree: _Tree, top: int, scores: dict[int, float], stats: _Stats, skip: bytearray,
                   body: int) -> list[int]:
    """The top candidate plus siblings that continue the article (same class, good score, prose)."""
    parent = tree.parent[top]
    if parent < body:  # top is the root we measured
        return [top]
    best = scores.get(top, 0.0)
    threshold = max(SIBLING_MIN, best * SIBLING_SHARE)
    # each sibling's strongest candidate inside it: articles split into wrappers of unequal depth
    inner: dict[int, float] = {}
    for k, s in scores.items():
        node, steps = k, 0
        while tree.parent[node] >= 0 and tree.parent[node] != parent and steps < 64:
            node, steps = tree.parent[node], steps + 1
        if tree.parent[node] == parent and s > inner.get(node, float("-inf")):
            inner[node] = s
    top_el = tree.order[top]
    top_class = top_el.get("class")
    out: list[int] = []
    for sib in _element_children(tree, parent):
        if sib == top:
            out.append(sib)
            continue
        if tree.tags[sib] in _LISTS and out and out[-1] == _previous_element(tree, sib) \
                and _ends_with_colon(tree.order[out[-1]]):
            out.append(sib)  # "... were as follows:" and then the list or table
            continue
        el = tree.order[sib]
        if skip[sib] or _class_weight(el) < 0:
            continue
        if tree.tags[top] == "article" and (tree.tags[sib] == "article" or el.find(".//article") is not None):
            continue  # another story, or a teaser for one
        bonus = best * SIBLING_SHARE if top_class and el.get("class") == top_class else 0.0
        density = stats.link_density(sib)
        if inner.get(sib, float("-inf")) + bonus >= threshold and density < SIBLING_LINKS:
            out.append(sib)
        elif tree.tags[sib] == "p" or (tree.tags[sib] in _CONTAINERS and not stats.block[sib]):
            length = stats.text[sib]
            if (length > SIBLING_PROSE and density < SIBLING_LINKS) or (
                    0 < length <= SIBLING_PROSE and density == 0 and _SENTENCE_END.search(stats.short[sib] or "")):
                out.append(sib)
    return out


_LISTS = frozenset({"ol", "ul", "dl", "table"})


def _previous_element(tree: _Tree, i: int) -> int:
    el = tree.order[i].getprevious()
    while el is not None and el not in tree.index:
        el = el.getprevious()
    return tree.index[el] if el is not None else -1


def _ends_with_colon(el: etree._Element) -> bool:
    """The block's text ends with ":", introducing what follows it."""
    last = deque((t for t in el.itertext() if not t.isspace()), maxlen=1)
    return bool(last) and last[0].rstrip().endswith(":")


def _same_as_title(text: str | None, title: str | None) -> bool:
    """The headline repeated in the body ("Headline | Site" titles hold it as a part)."""
    if not text or title is None:
        return False
    text, title = text.casefold(), title.casefold()
    return text == title or (len(text) >= 20 and text in title)


def _next_element(tree: _Tree, i: int) -> int:
    el = tree.order[i].getnext()
    while el is not None and el not in tree.index:
        el = el.getnext()
    return tree.index[el] if el is not None else -1


def _prune(tree: _Tree, article: list[int], skip: bytearray, title: str | None, page: _Stats) -> bytearray:
    """Drop boxes inside the article that read as boilerplate (readability's conditional clean).

    Bottom-up, so each box is judged on what is left of it once its own boilerplate is gone.
    Data tables (judged on ``page``, the counts before pruning) are kept whole: facts live there.
    Returns the new skip list (``skip`` plus what was pruned).
    """
    gone = bytearray(skip)
    spans = [tree.subtree(a) for a in article]
    keep = bytearray(len(tree.order))
    for span in spans:
        for i in span:
            p = tree.parent[i]
            if (p >= 0 and keep[p]) or (tree.tags[i] == "table" and page.data_table(tree, i)):
                keep[i] = True
    total = sum(page.text[a] for a in article) or 1
    roots = set(article)
    stats = page.unmeasured_copy()
    tags, parent = tree.tags, tree.parent
    changed = bytearray(len(tree.order))  # something below was pruned: counted anew, else as ``page`` counts it

    def prune(j: int) -> None:
        gone[j] = True
        p = parent[j]
        while p >= 0 and not changed[p]:
            changed[p] = True
            p = parent[p]

    for span in spans:
        for i in reversed(span):
            if gone[i]:
                continue
            if changed[i] or not page.measured[i]:
                stats.measure(tree, i, gone)
            else:
                stats.measured[i] = True
            name = tags[i]
            if i in roots or keep[i] or name not in _PRUNABLE:
                continue
            el = tree.order[i]
            text = stats.text[i]
            if (el.get("itemprop") or "") in META_PROPS and text < 200:
                prune(i)  # date, author, publisher lines
                continue
            weight = _class_weight(el)
            density = stats.link_density(i)
            if name == "span" and not stats.block[i]:
                # inside running text: a name or a ticker link is content, a run of links is a pop-up
                if (text > 100 and density > 0.5) or weight < 0:
                    prune(i)
                continue
            short = stats.short[i]
            if short is not None and name not in ("table", "article") and _boilerplate_label(name, short, density):
                drop = True
                follower = _next_element(tree, i)
                if name in _HEADINGS and follower >= 0 and not gone[follower] and not keep[follower] \
                        and stats.measured[follower] and stats.link_density(follower) > 0.5:
                    prune(follower)
            elif name in _HEADINGS:
                drop = weight < 0 or name == "h1" or _same_as_title(short, title)
            elif name in ("header", "figcaption"):
                drop = True
            elif name == "p":
                drop = text == 0 or weight < 0
            elif EMBED.search(el.get("class") or "") or REFERENCES.search(f"{el.get('class')} {el.get('id')}"):
                drop = False
            elif text > total / 2:
                drop = False  # a box holding most of the text is the article, whatever its class says
            elif weight < 0:
                drop = True
            elif stats.commas[i] < 10:
                is_list = name in ("ul", "ol")
                heading_density = stats.heads[i] / text if text else 0.0
                drop = not is_list and (
                    stats.lis[i] - 100 > stats.paras[i]
                    or (heading_density < 0.9 and text < MIN_PARAGRAPH)
                    or (weight < CLASS_WEIGHT and density > 0.2)
                    or (weight >= CLASS_WEIGHT and density > 0.5)
                )
            else:
                drop = False
            if drop:
                prune(i)
    return gone


def _boilerplate_label(name: str, short: str, density: float) -> bool:
    """"Related:", "Read more", "Advertisement"...: a label that introduces what is not the article."""
    if not (name in _HEADINGS or len(short) < 80 or density >= 0.25):
        return False
    return bool(BOILER_LEAD.match(short))


# --- rendering --------------------------------------------------------------------------------


class _Renderer:
    """Text with structure: blank line between paragraphs, one line per list item or table row."""

    def __init__(self) -> None:
        self.parts: list[tuple[int, str]] = []
        self.buf: list[str] = []
        self.pending = 0
        self.pre = self.cell = self.items = 0
        self.rows: list[int] = []

    def strength(self, name: str) -> int:
        if name in ("ul", "ol", "dl") and self.items:
            return 1  # a list nested in a list item stays in the list, one item per line
        return 2 if name in _PARAGRAPH_BREAK else 1

    def flush(self, strength: int) -> None:
        if self.buf:
            raw = "".join(self.buf)
            self.buf.clear()
            text = "\n".join(line for line in (" ".join(part.split()) for part in raw.split("\n")) if line)
            if text:
                self.parts.append((self.pending, text))
                self.pending = 0
        self.pending = max(self.pending, strength)

    def add(self, s: str | None) -> None:
        """Outside ``pre`` a line break in the markup is a space: ``flush`` collapses the rest."""
        if s:
            self.buf.append(s if self.pre else s.replace("\n", " "))

    def enter(self, name: str) -> None:
        if name in ("td", "th"):
            if self.rows:
                if self.rows[-1]:
                    self.buf.append(" | ")
                self.rows[-1] += 1
            self.cell += 1
        elif name == "tr":
            self.rows.append(0)
            if not self.cell:
                self.flush(1)
        elif name in _BLOCK:
            if self.cell:
                self.buf.append(" ")
            else:
                self.flush(self.strength(name))
        if name == "pre":
            self.pre += 1
        elif name == "li":
            self.items += 1

    def leave(self, name: str) -> None:
        if name == "pre":
            self.pre -= 1
        elif name in ("td", "th"):
            self.cell -= 1
            return
        elif name == "tr":
            self.rows.pop()
        elif name == "li":
            self.items -= 1
        if name in _BLOCK:
            if self.cell:
                self.buf.append(" ")
            else:
                self.flush(self.strength(name))

    def result(self) -> str:
        self.flush(0)
        return "".join(("\n\n" if strength >= 2 else "\n") + text if i else text
                       for i, (strength, text) in enumerate(self.parts))


def _render(tree: _Tree, nodes: list[int], skip: bytearray) -> str:
    out = _Renderer()
    index, tags = tree.index, tree.tags
    stack: list[tuple[etree._Element, bool, bool]] = [(tree.order[n], False, False) for n in reversed(nodes)]
    while stack:
        el, leaving, with_tail = stack.pop()
        i = index.get(el, -1)
        if leaving:
            out.leave(tags[i])
            if with_tail:
                out.add(el.tail)
            continue
        if i < 0 or skip[i]:
            if with_tail:
                out.add(el.tail)
            continue
        out.enter(tags[i])
        out.add(el.text)
        stack.append((el, True, with_tail))
        stack.extend((child, False, True) for child in reversed(el))
    return out.result()


# --- entry point ------------------------------------------------------------------------------


def _title(root: etree._Element) -> str | None:
    metas = list(root.iter("meta"))
    for key, value in (("property", "og:title"), ("name", "twitter:title")):
        for meta in metas:
            content = meta.get("content") or ""
            if meta.get(key) == value and content.strip():
                return " ".join(content.split())
    for name in ("title", "h1"):
        for el in root.iter(name):
            text = " ".join(" ".join(el.itertext()).split())
            if text:
                return text
            break
    return None


def _article(tree: _Tree, body: int, title: str | None) -> str:
    """The article's text, or "" when no block reads as one."""
    best = ""
    # class/id names rule out boxes; if that leaves too little, retry without; then score list items too
    for strict, scored in ((True, SCORED_TAGS), (False, SCORED_TAGS), (False, LAST_RESORT_TAGS)):
        skip = tree.skipped(strict)
        stats = _Stats.of(tree, skip, tree.subtree(body))
        scores = _score(tree, stats, skip, body, scored)
        top = _top(tree, scores, stats, body)
        if top is None:
            continue
        article = _with_siblings(tree, top, scores.score, stats, skip, body)
        text = _render(tree, article, _prune(tree, article, skip, title, stats))
        if len(text) > len(best):
            best = text
        if len(text) >= ENOUGH_ARTICLE:
            break
    return best if len(best) >= MIN_ARTICLE else ""


def _selected(html: str, selector: str) -> tuple[str | None, str | None]:
    """The markup ``selector`` matches, outermost matches only, or None and a note saying why not.

    CSS selection is soupsieve's (through BeautifulSoup), the one place the extractor uses them."""
    from bs4 import BeautifulSoup
    from soupsieve import SelectorSyntaxError

    soup = BeautifulSoup(html, "lxml")
    try:
        chosen = soup.select(selector)
    except (SelectorSyntaxError, NotImplementedError, ValueError) as exc:  # bad or unsupported CSS
        return None, f"invalid CSS selector {selector!r} ({type(exc).__name__}); used the whole page"
    if not chosen:
        return None, f"selector {selector!r} matched nothing; used the whole page"
    ids = {id(c) for c in chosen}
    return "".join(str(c) for c in chosen if not any(id(p) in ids for p in c.parents)), None


def extract(html: str | bytes, selector: str | None = None, url: str | None = None) -> Extracted:
    """The article text of an HTML page: a pure function, safe to run in a process pool.

    ``selector`` (CSS) narrows the page first: what it matches is taken whole, less navigation and
    hidden nodes; when it matches nothing the whole page is used and ``note`` says so. ``url`` is
    context only: nothing the page references is ever fetched. Bytes are decoded as fetched pages are.
    """
    if isinstance(html, bytes):
        from .fetch.decode import decode_body
        html = decode_body(html, "text/html")
    root = _parse(html)
    if root is None:
        return Extracted("", None, False, NO_BODY_NOTE)
    title = _title(root)
    note = None
    if selector:
        markup, note = _selected(html, selector)
        if markup is not None:
            part = _parse(f"<html><body>{markup}</body></html>")
            if part is not None:
                tree = _Tree(part)
                found = part.find("body")
                body = tree.index.get(found, 0) if found is not None else 0
                return Extracted(_render(tree, _element_children(tree, body), tree.skipped(strict=False)),
                                 title, True, None)
    _templates(root)
    tree = _Tree(root)
    body_el = root.find("body")
    body = tree.index.get(body_el, 0) if body_el is not None else 0
    text = _article(tree, body, title)
    if text:
        return Extracted(text, title, True, note)
    text = _render(tree, [body], tree.dropped)
    return Extracted(text, title, False, f"{note}; {NO_BODY_NOTE}" if note else NO_BODY_NOTE)
