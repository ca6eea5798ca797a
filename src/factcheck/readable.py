"""Main-text extraction: the readable article body of a reference page's HTML.

Evidence is only as good as the text it is read from: a "most read" box, a cookie banner or a
related-stories list can carry a distractor figure, and a dropped paragraph hides the fact. So the
page is cleaned of what is never content (scripts, styles, forms, navigation, hidden nodes), the
block that holds the article is found by scoring paragraphs and crediting their ancestors
(readability's idea: text length, commas, link density, class/id hints, <article>/<main>/
schema.org hints), siblings that continue it are added, boilerplate boxes inside it are pruned, and
the rest is rendered with its paragraph, list and table structure, since facts live in tables too.

Pages are untrusted: nothing is executed or fetched, and every walk over the tree is iterative and
linear, so deeply nested markup can neither exhaust the recursion limit nor go quadratic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import CData, Comment, Declaration, Doctype, ProcessingInstruction
from soupsieve import SelectorSyntaxError

__all__ = ["NO_BODY_NOTE", "Extracted", "extract"]


@dataclass(frozen=True)
class Extracted:
    text: str  # paragraphs separated by blank lines; list items and table rows one per line
    title: str | None
    main_found: bool  # False: no article body identified, ``text`` is all visible text
    note: str | None  # why main_found is False, or why the selector was not used


NO_BODY_NOTE = "no article body found; showing all visible text"

# --- decoding ---------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def _decode(data: bytes) -> str:
    """Decode by BOM or <meta charset>, else UTF-8; undecodable bytes become U+FFFD, never an error."""
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if data.startswith(bom):
            return data[len(bom):].decode(codec, "replace")
    m = _META_CHARSET.search(data[:8192])
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), "replace")
        except (LookupError, UnicodeError):
            pass
    return data.decode("utf-8", "replace")


# --- vocabulary -------------------------------------------------------------------------------

_DROP_ALWAYS = {
    "script", "style", "noscript", "template", "link", "meta", "iframe", "frame", "frameset",
    "object", "embed", "applet", "svg", "math", "canvas", "video", "audio", "source", "track",
    "picture", "img", "map", "area", "button", "input", "select", "option", "optgroup",
    "textarea", "datalist", "output", "progress", "meter", "dialog", "head", "title", "base",
}
_BOILERPLATE_TAGS = {"nav", "aside", "menu", "footer"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
    "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "body", "html",
    "br", "legend",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_PARAGRAPH_BREAK = {
    "p", "pre", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "dl",
    "figure", "section", "article", "main", "header", "footer", "hr", "address", "fieldset",
    "details", "center", "body", "html",
}
_CONTAINERS = {"div", "section", "article", "main"}
_SCORED = {"p", "pre", "td", "blockquote"}
_TAG_SCORE = {"div": 5, "article": 5, "pre": 3, "td": 3, "blockquote": 3, "address": -3, "ol": -3,
              "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3, "h1": -5, "h2": -5,
              "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5}
_PRUNABLE = {"div", "section", "table", "ul", "ol", "dl", "form", "fieldset", "aside", "header", "figure",
             "footer", "nav", "span", "center", "details", "blockquote", "article", "p", "h1", "h2", "h3",
             "h4", "h5", "h6", "figcaption"}
_META_PROPS = {"datePublished", "dateModified", "dateCreated", "author", "creator", "publisher", "keywords",
               "byline", "contributor", "copyrightHolder"}
_TABLE_HEAD = {"th", "caption", "thead", "tfoot", "colgroup", "col"}

_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|"
    r"header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|cookie|consent|newsletter|"
    r"subscribe|most-?read|most-?popular|popular|share|sharing|promo|outbrain|taboola|widget",
    re.IGNORECASE,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|story|post|entry|text", re.IGNORECASE)
_EMBED = re.compile(r"embed|tweet", re.IGNORECASE)
_POSITIVE = re.compile(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose", re.IGNORECASE)
_NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|"
    r"media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|"
    r"tags|widget|social|cookie|consent|newsletter|subscribe|popular|most-?read|breadcrumb|menu|"
    r"nav|advert|byline|author|caption|credit|taboola|recommend|signup|sign-up|toolbar",
    re.IGNORECASE,
)
_UNLIKELY_ROLES = {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog",
                   "banner", "contentinfo", "search"}
_BOILER_LEAD = re.compile(
    r"^\W*(?:related(?: \w+)?\s*(?::|$)|related (?:stories|articles|posts|content|coverage|links|reading|news|videos?)"
    r"|more (?:from|on|stories|news|coverage|videos?|like this)\b|more\s*:|read (?:more|next|also)\b"
    r"|also (?:read|on|see)\b|see also\b|you (?:may|might) (?:also )?(?:like|enjoy|be interested)"
    r"|recommended\b|most (?:read|popular|viewed|shared)\b|trending\b|sign up\b|subscribe\b|follow us\b"
    r"|share (?:this|on)\b|click here\b|advertisement\b|sponsored\b|leggi anche\b|lesen sie auch\b"
    r"|lire aussi\b|leia também\b|leia mais\b|читайте также\b)",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_COMMAS = re.compile(r"[,\u060c\ufe50\ufe10\ufe11\u2e41\u2e34\u2e32\uff0c]")
_SENTENCE_END = re.compile(r"\.( |$)")
_WS = re.compile(r"\s+")
_SHORT = 300  # nodes with at most this much text keep their full text for label and title checks
_MIN_ARTICLE = 100  # characters: less than this is not an article body


def _attr(tag: Tag, name: str) -> str:
    value = tag.get(name)
    if isinstance(value, list):
        return " ".join(value)
    return value if isinstance(value, str) else ""


def _class_weight(tag: Tag) -> int:
    """+25 / -25 for each of class and id; within one name a negative word wins ("post-author")."""
    weight = 0
    for value in (tag.get("class"), tag.get("id")):
        if not value:
            continue
        words = value if isinstance(value, list) else value.split()
        if any(_NEGATIVE.search(w) for w in words):
            weight -= 25
        elif any(_POSITIVE.search(w) for w in words):
            weight += 25
    return weight


def _is_article_body(tag: Tag) -> bool:
    return "articleBody" in _attr(tag, "itemprop")


def _is_hidden(tag: Tag) -> bool:
    attrs = tag.attrs
    if "hidden" in attrs:
        return True
    style = attrs.get("style")
    return isinstance(style, str) and bool(_HIDDEN_STYLE.search(style))


def _unlikely(tag: Tag) -> bool:
    """Boilerplate by role or class/id name (readability's "unlikely candidates")."""
    if tag.name in ("body", "html", "a", "article", "main") or _is_article_body(tag):
        return False
    if _attr(tag, "role") in _UNLIKELY_ROLES:
        return True
    hint = f"{_attr(tag, 'class')} {_attr(tag, 'id')}".strip()
    return bool(hint) and bool(_UNLIKELY.search(hint)) and not _MAYBE.search(hint) and not _EMBED.search(hint)


# --- tree passes ------------------------------------------------------------------------------


def _elements(root: Tag) -> list[Tag]:
    """Every element under ``root`` in document order (bs4's find_all is iterative)."""
    return [root, *root.find_all(True)]


def _preclean(root: Tag) -> None:
    """Remove what is never article text: code, media, controls, hidden nodes and comments."""
    doomed = []
    for node in root.descendants:
        if isinstance(node, Tag):
            if node.name in _DROP_ALWAYS or _is_hidden(node):
                doomed.append(node)
        elif isinstance(node, (Comment, CData, ProcessingInstruction, Declaration, Doctype)):
            doomed.append(node)
    for node in doomed:
        node.extract()


def _skipped(order: list[Tag], strict: bool) -> set[int]:
    """Subtrees left out of scoring and output: boilerplate tags always, class/role names if strict."""
    skip: set[int] = set()
    for tag in order:
        parent = tag.parent
        if parent is not None and id(parent) in skip or tag.name in _BOILERPLATE_TAGS or (strict and _unlikely(tag)):
            skip.add(id(tag))
    return skip


class _Stats:
    """Per-element counts, each computed from its children's: one bottom-up pass, no get_text."""

    def __init__(self) -> None:
        self.text: dict[int, int] = {}
        self.link: dict[int, int] = {}
        self.commas: dict[int, int] = {}
        self.block: dict[int, bool] = {}  # has a block-level descendant
        self.inline: dict[int, int] = {}  # text not inside a block-level child
        self.paras: dict[int, int] = {}
        self.lis: dict[int, int] = {}
        self.heads: dict[int, int] = {}  # text inside headings
        self.rows: dict[int, int] = {}
        self.cols: dict[int, int] = {}  # most cells in one row
        self.thead: dict[int, int] = {}  # th, caption, thead...: marks of a data table
        self.tables: dict[int, int] = {}
        self.short: dict[int, str | None] = {}  # the whole text, for nodes with little text

    @classmethod
    def of(cls, order: list[Tag], skip: set[int]) -> _Stats:
        stats = cls()
        for tag in reversed(order):
            stats.measure(tag, skip)
        return stats

    def measure(self, tag: Tag, skip: set[int]) -> None:
        """Count ``tag`` from its (already measured) children, leaving out skipped ones."""
        t = c = li = inl = np = nl = nh = rows = cols = th = tables = cells = 0
        block = False
        pieces: list[str] | None = []
        for child in tag.contents:
            if isinstance(child, Tag):
                ck = id(child)
                if ck in skip or ck not in self.text:
                    continue
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
                cols = max(cols, self.cols[ck])
                name = child.name
                if name in _BLOCK:
                    block = True
                else:
                    inl += ct
                    block = block or self.block[ck]
                if name in ("td", "th"):
                    cells += 1
                if pieces is not None:
                    short = self.short[ck]
                    if short is None:
                        pieces = None
                    elif short:
                        pieces.append(f" {short} " if name in _BLOCK else short)
            elif type(child) is NavigableString:
                s = str(child)
                if s.strip():
                    n = len(_WS.sub(" ", s).strip()) + 1
                    t += n
                    inl += n
                    c += len(_COMMAS.findall(s))
                    if pieces is not None:
                        pieces.append(s)
        key = id(tag)
        name = tag.name
        self.text[key] = t
        self.commas[key] = c
        self.link[key] = t if name == "a" else li
        self.block[key] = block
        self.inline[key] = inl
        self.paras[key] = np + (name == "p")
        self.lis[key] = nl + (name == "li")
        self.heads[key] = t if name in _HEADINGS else nh
        self.rows[key] = rows + (name == "tr")
        self.cols[key] = max(cols, cells) if name == "tr" else cols
        self.thead[key] = th + (name in _TABLE_HEAD)
        self.tables[key] = tables + (name == "table")
        self.short[key] = " ".join("".join(pieces).split()) if pieces is not None and t <= _SHORT else None

    def link_density(self, tag: Tag) -> float:
        t = self.text.get(id(tag), 0)
        return self.link.get(id(tag), 0) / t if t else 0.0

    def data_table(self, table: Tag) -> bool:
        """A table that holds data (facts) rather than laying out the page."""
        key = id(table)
        if _attr(table, "role") == "presentation":
            return False
        if self.thead[key]:
            return True
        if self.tables[key] > 1:
            return False
        rows, cols = self.rows[key], self.cols[key]
        return rows >= 10 or (cols > 2 and rows > 1) or cols * rows > 10


# --- finding the article ----------------------------------------------------------------------


def _score(order: list[Tag], stats: _Stats, skip: set[int]) -> tuple[dict[int, float], dict[int, Tag]]:
    """Readability's scoring: each paragraph credits its parent fully and its ancestors less."""
    scores: dict[int, float] = {}
    nodes: dict[int, Tag] = {}
    for tag in order:
        key = id(tag)
        if key in skip:
            continue
        name = tag.name
        if name in _SCORED or (name in _CONTAINERS and not stats.block[key]):
            length, commas, node = stats.text[key], stats.commas[key], tag.parent
        elif name in _CONTAINERS and stats.inline[key] >= 25:  # loose text beside block children
            length, commas, node = stats.inline[key], 0, tag
        else:
            continue
        if length < 25:
            continue
        gain = 1 + commas + min(length // 100, 3)
        level = 0
        while isinstance(node, Tag) and level < 5 and id(node) in stats.text:  # not above the root
            k = id(node)
            if k not in scores:
                base = _TAG_SCORE.get(node.name, 0) + _class_weight(node)
                if _is_article_body(node):
                    base += 25
                scores[k] = base
                nodes[k] = node
            scores[k] += gain / (1 if level == 0 else 2 if level == 1 else level * 3)
            node = node.parent
            level += 1
    for k, tag in nodes.items():
        scores[k] *= 1 - stats.link_density(tag)
    return scores, nodes


def _top(scores: dict[int, float], nodes: dict[int, Tag], body: Tag) -> Tag | None:
    """The best candidate, moved up when the article is split across several of its children."""
    if not scores:
        return None
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    top, best = nodes[ranked[0]], scores[ranked[0]]
    close = [k for k in ranked[1:5] if best > 0 and scores[k] / best >= 0.75]
    if len(close) >= 3:
        lineages = [{id(p) for p in nodes[k].parents} for k in close]
        parent = top.parent
        while isinstance(parent, Tag) and parent is not body:
            if sum(id(parent) in lineage for lineage in lineages) >= 3:
                top = parent
                break
            parent = parent.parent
    last = scores.get(id(top), 0.0)
    threshold = last / 3
    parent = top.parent
    while isinstance(parent, Tag) and parent is not body:
        s = scores.get(id(parent))
        if s is not None:
            if s < threshold:
                break
            if s > last:
                top = parent
                break
            last = s
        parent = parent.parent
    while top is not body and isinstance(top.parent, Tag) and top.parent is not body:
        if len(top.parent.find_all(True, recursive=False)) != 1:
            break
        top = top.parent
    return top


def _with_siblings(top: Tag, scores: dict[int, float], nodes: dict[int, Tag], stats: _Stats,
                   skip: set[int]) -> list[Tag]:
    """The top candidate plus siblings that continue the article (same class, good score, prose)."""
    parent = top.parent
    if not isinstance(parent, Tag) or id(parent) not in stats.text:  # top is the root we measured
        return [top]
    best = scores.get(id(top), 0.0)
    threshold = max(10.0, best * 0.2)
    # each sibling's strongest candidate inside it: articles split into wrappers of unequal depth
    inner: dict[int, float] = {}
    for k, s in scores.items():
        node, steps = nodes[k], 0
        while isinstance(node.parent, Tag) and node.parent is not parent and steps < 64:
            node, steps = node.parent, steps + 1
        if node.parent is parent and s > inner.get(id(node), float("-inf")):
            inner[id(node)] = s
    top_class = top.get("class")
    out = []
    for sib in parent.find_all(True, recursive=False):
        key = id(sib)
        if sib is top:
            out.append(sib)
            continue
        if key in skip or _class_weight(sib) < 0:
            continue
        if top.name == "article" and (sib.name == "article" or sib.find("article") is not None):
            continue  # another story, or a teaser for one
        bonus = best * 0.2 if top_class and sib.get("class") == top_class else 0.0
        density = stats.link_density(sib)
        if inner.get(key, float("-inf")) + bonus >= threshold and density < 0.25:
            out.append(sib)
        elif sib.name == "p" or (sib.name in _CONTAINERS and not stats.block[key]):
            length = stats.text[key]
            if (length > 80 and density < 0.25) or (
                    0 < length <= 80 and density == 0 and _SENTENCE_END.search(stats.short[key] or "")):
                out.append(sib)
    return out


def _same_as_title(text: str | None, title: str | None) -> bool:
    """The headline repeated in the body ("Headline | Site" titles hold it as a part)."""
    if not text or title is None:
        return False
    text, title = text.casefold(), title.casefold()
    return text == title or (len(text) >= 20 and text in title)


def _prune(article: list[Tag], skip: set[int], title: str | None, page: _Stats) -> set[int]:
    """Drop boxes inside the article that read as boilerplate (readability's conditional clean).

    Bottom-up, so each box is judged on what is left of it once its own boilerplate is gone.
    Data tables (judged on ``page``, the counts before pruning) are kept whole: facts live there.
    """
    order = [t for node in article for t in _elements(node)]
    keep: set[int] = set()
    for tag in order:
        parent = tag.parent
        if (parent is not None and id(parent) in keep) or (tag.name == "table" and page.data_table(tag)):
            keep.add(id(tag))
    total = sum(page.text[id(n)] for n in article) or 1
    roots = {id(n) for n in article}
    gone = set(skip)
    pruned: set[int] = set()
    stats = _Stats()
    for tag in reversed(order):
        key = id(tag)
        if key in gone:
            continue
        stats.measure(tag, gone)
        name = tag.name
        if key in roots or key in keep or name not in _PRUNABLE:
            continue
        text = stats.text[key]
        if _attr(tag, "itemprop") in _META_PROPS and text < 200:
            gone.add(key)  # date, author, publisher lines
            pruned.add(key)
            continue
        if name == "span" and not stats.block[key]:
            # inside running text: a name or a ticker link is content, a run of links is a pop-up
            if (text > 100 and stats.link_density(tag) > 0.5) or _class_weight(tag) < 0:
                gone.add(key)
                pruned.add(key)
            continue
        weight = _class_weight(tag)
        density = stats.link_density(tag)
        short = stats.short[key]
        if short is not None and name not in ("table", "article") and _boilerplate_label(tag, short, density):
            drop = True
            follower = tag.find_next_sibling(True)
            if name in _HEADINGS and follower is not None and id(follower) not in gone \
                    and id(follower) not in keep and stats.link_density(follower) > 0.5:
                gone.add(id(follower))
                pruned.add(id(follower))
        elif name in _HEADINGS:
            drop = weight < 0 or name == "h1" or _same_as_title(short, title)
        elif name in ("header", "figcaption"):
            drop = True
        elif name == "p":
            drop = text == 0 or weight < 0
        elif _EMBED.search(_attr(tag, "class")):
            drop = False
        elif text > total / 2:
            drop = False  # a box holding most of the text is the article, whatever its class says
        elif weight < 0:
            drop = True
        elif stats.commas[key] < 10:
            is_list = name in ("ul", "ol")
            heading_density = stats.heads[key] / text if text else 0.0
            drop = not is_list and (
                stats.lis[key] - 100 > stats.paras[key]
                or (heading_density < 0.9 and text < 25)
                or (weight < 25 and density > 0.2)
                or (weight >= 25 and density > 0.5)
            )
        else:
            drop = False
        if drop:
            gone.add(key)
            pruned.add(key)
    return pruned


def _boilerplate_label(tag: Tag, short: str, density: float) -> bool:
    """"Related:", "Read more", "Advertisement"...: a label that introduces what is not the article."""
    if not (tag.name in _HEADINGS or len(short) < 80 or density >= 0.25):
        return False
    return bool(_BOILER_LEAD.match(short))


# --- rendering --------------------------------------------------------------------------------


def _render(nodes: list[Tag], skip: set[int]) -> str:
    """Text with structure: blank line between paragraphs, one line per list item or table row."""
    parts: list[tuple[int, str]] = []
    buf: list[str] = []
    pending = 0
    pre = cell = items = 0
    rows: list[int] = []

    def strength(name: str) -> int:
        if name in ("ul", "ol", "dl") and items:
            return 1  # a list nested in a list item stays in the list, one item per line
        return 2 if name in _PARAGRAPH_BREAK else 1

    def flush(strength: int) -> None:
        nonlocal pending
        if buf:
            raw = "".join(buf)
            buf.clear()
            text = "\n".join(line for line in (" ".join(part.split()) for part in raw.split("\n")) if line)
            if text:
                parts.append((pending, text))
                pending = 0
        pending = max(pending, strength)

    stack: list[tuple[object, bool]] = [(n, False) for n in reversed(nodes)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, Tag):
            name = node.name
            if leaving:
                if name == "pre":
                    pre -= 1
                elif name in ("td", "th"):
                    cell -= 1
                    continue
                elif name == "tr":
                    rows.pop()
                elif name == "li":
                    items -= 1
                if name in _BLOCK:
                    if cell:
                        buf.append(" ")
                    else:
                        flush(strength(name))
                continue
            if id(node) in skip:
                continue
            if name in ("td", "th"):
                if rows:
                    if rows[-1]:
                        buf.append(" | ")
                    rows[-1] += 1
                cell += 1
            elif name == "tr":
                rows.append(0)
                if not cell:
                    flush(1)
            elif name in _BLOCK:
                if cell:
                    buf.append(" ")
                else:
                    flush(strength(name))
            if name == "pre":
                pre += 1
            elif name == "li":
                items += 1
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(node.contents))
        elif type(node) is NavigableString:
            s = str(node)
            buf.append(s if pre else _WS.sub(" ", s))
    flush(0)
    return "".join(("\n\n" if strength >= 2 else "\n") + text if i else text
                   for i, (strength, text) in enumerate(parts))


# --- entry point ------------------------------------------------------------------------------


def _title(soup: BeautifulSoup) -> str | None:
    for attrs in ({"property": "og:title"}, {"name": "twitter:title"}):
        meta = soup.find("meta", attrs=attrs)
        if meta is not None and _attr(meta, "content").strip():
            return " ".join(_attr(meta, "content").split())
    for name in ("title", "h1"):
        tag = soup.find(name)
        if tag is not None:
            text = " ".join(tag.get_text(" ").split())
            if text:
                return text
    return None


def _article(body: Tag, title: str | None) -> str:
    """The article's text, or "" when no block reads as one."""
    best = ""
    for strict in (True, False):  # class/id names rule out boxes; if that leaves too little, retry without
        order = _elements(body)
        skip = _skipped(order, strict)
        stats = _Stats.of(order, skip)
        scores, nodes = _score(order, stats, skip)
        top = _top(scores, nodes, body)
        if top is None:
            continue
        article = _with_siblings(top, scores, nodes, stats, skip)
        text = _render(article, skip | _prune(article, skip, title, stats))
        if len(text) > len(best):
            best = text
        if len(text) >= 500:
            break
    return best if len(best) >= _MIN_ARTICLE else ""


def extract(html: str | bytes, selector: str | None = None, url: str | None = None) -> Extracted:
    """The article text of an HTML page.

    ``selector`` (CSS) narrows the page first: what it matches is taken whole, less navigation and
    hidden nodes; when it matches nothing the whole page is used and ``note`` says so. ``url`` is
    context only: nothing the page references is ever fetched.
    """
    if isinstance(html, bytes):
        html = _decode(html)
    soup = BeautifulSoup(html, "lxml")
    title = _title(soup)
    _preclean(soup)
    body = soup.body or soup
    note = None
    if selector:
        try:
            chosen = soup.select(selector)
        except (SelectorSyntaxError, NotImplementedError, ValueError) as exc:  # bad or unsupported CSS
            chosen = []
            note = f"invalid CSS selector {selector!r} ({type(exc).__name__}); used the whole page"
        else:
            if not chosen:
                note = f"selector {selector!r} matched nothing; used the whole page"
        ids = {id(c) for c in chosen}
        chosen = [c for c in chosen if not any(id(p) in ids for p in c.parents)]
        if chosen:
            order = [t for c in chosen for t in _elements(c)]
            return Extracted(_render(chosen, _skipped(order, strict=False)), title, True, None)
    text = _article(body, title)
    if text:
        return Extracted(text, title, True, note)
    text = _render([body], set())
    return Extracted(text, title, False, f"{note}; {NO_BODY_NOTE}" if note else NO_BODY_NOTE)
