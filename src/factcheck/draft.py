"""``factcheck extract``: a first claims file drafted from the article itself.

An editor starting a fact-check needs the list of what can be checked more than anything clever:
every named person, date, figure, quotation and attributed statement, each with the article's own
wording as ``text`` and the article's own value as ``expect``. The draft therefore verifies as
``unverified`` throughout (nothing confirms it yet, nothing contradicts it); the editor corrects
``expect`` where the article is wrong and adds ``sources``.

Nothing here parses dates, figures or names again: the article model, ``dates.find_dates``,
``numbers.find_numbers``, ``names.extract_names`` and the lint's grouping of spellings into people
do that, and every drafted claim is read back through ``checks.read_article`` so that a claim the
checker could not locate or would disagree with never reaches the file.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date

import yaml

from . import dates, numbers
from .article import Article
from .checks import read_article
from .lint import lint_article, people as group_people
from .locate import STOPWORDS, sentences, view
from .model import Claim, ClaimType
from .names import TITLES, NameOccurrence, extract_names, find_name_mentions
from .normalize import fold

SOURCES_LINE = "sources: []  # add the reference pages that confirm this"

# Titles that name a person's office when they stand right before a name ("President Obama",
# "chairman Viktor Ozerov"); the broader ``TITLES`` also holds words such as "national" or "first".
_PERSON_TITLES = frozenset(
    """
    president minister secretary envoy representative leader ayatollah king queen prince princess
    sheikh sheik emir sultan chancellor senator sen rep governor gov mayor ambassador general gen
    admiral adm colonel col major maj captain capt lieutenant lt sergeant sgt commander judge justice
    dr mr mrs ms mme miss sir dame lord lady pope cardinal archbishop bishop rabbi imam chairman
    chairwoman spokesman spokeswoman spokesperson director undersecretary premier pres speaker
    commissioner prof professor adviser advisor attorney
    """.split()
)
_ABBREVIATED = frozenset("mr mrs ms dr gen sen rep gov lt col capt prof adm maj sgt pres".split())
_SPEECH = (
    r"said|says|told|tells|added|stated|declared|announced|confirmed|explained|noted|argued|wrote|"
    r"insisted|warned|expressed|urged|stressed|denied|claimed|welcomed|called|replied|asked"
)
_SPEECH_AFTER = re.compile(rf"[ ,]+(?:{_SPEECH})\b")
_SPEECH_BEFORE = re.compile(rf"\b(?:{_SPEECH})\s+(?:[A-Z][a-z]+\s+)*$")  # '…," said President Putin
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|confirmed|confirms|announced|announces)\b"
    r"|\baccording\s+to\s+(?=[A-Z\d]|(?:the|a|an|officials|sources|data|figures|reports|estimates)\b)"
)
_ADJECTIVE_BEFORE = re.compile(r"(?i)\b(?:the|a|an|its|their|his|her|newly|recently)\s+$")
_DEFINITE_BEFORE = re.compile(r"(?i)\b(?:the|these|those|both|all)\s+$")
_PLACE_BEFORE = re.compile(r"(?i)\b(?:in|of|across|near|throughout|within)\s+$")
_DAY_WORDS = re.compile(r"(?i)^(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))$")
_DAY_OF_MONTH = re.compile(r"\d")  # "February 4", "4 Feb.", "2017-02-04"
_DATELINE_LEAD = re.compile(r"(?i)^\W*(?:published|updated|posted|first\s+published|date|dateline)\b")
_QUOTE = re.compile(r'"((?:[^"\n]|\n(?![ \t]*\n))+)"')  # within a paragraph
_MIN_QUOTE_WORDS = 4
_LONG_SENTENCE = 200  # a longer attributed sentence is drafted as its attributing clause
_SLUG_LIMIT = 40


@dataclass(frozen=True)
class _Draft:
    """A drafted claim and where the article states it, for ordering."""

    claim: Claim
    start: int


# --- helpers -----------------------------------------------------------------------------------


def _flat(text: str) -> str:
    """One line: an article wrapped at 80 columns must not put line breaks into the claims."""
    return " ".join(text.split())


def _slug(text: str) -> str:
    words = re.findall(r"[a-z0-9]+", fold(text))
    out = ""
    for w in words:
        nxt = f"{out}-{w}" if out else w
        if len(nxt) > _SLUG_LIMIT and out:
            break
        out = nxt
    return out or "x"


class _Ids:
    """Readable ids, made unique by a numeric suffix."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def take(self, *candidates: str) -> str:
        for c in candidates:
            if c and c not in self.used:
                self.used.add(c)
                return c
        base, n = candidates[0], 2
        while f"{base}-{n}" in self.used:
            n += 1
        self.used.add(f"{base}-{n}")
        return f"{base}-{n}"


def _occurrences(needle: str, hay: str) -> int:
    count, i = 0, hay.find(needle)
    while i >= 0:
        count += 1
        i = hay.find(needle, i + 1)
    return count


def _unique(article: Article, text: str) -> bool:
    """Whether ``text`` occurs once in the article as the locator sees it (folded, spaces collapsed)."""
    needle = view(text).text.strip()
    return bool(needle) and _occurrences(needle, view(article.text).text) == 1


def _sentence(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    for s, e in spans:
        if s <= start and end <= e:
            return s, e
    return start, end


def _context(article: Article, spans, start: int, end: int, floor: int, before: int, after: int,
             least: int = 5) -> str | None:
    """The match with a few words of its clause around it (``before`` words before, ``after``
    after, at least ``least`` in all where the clause allows), grown until it is unique. It
    never reaches back past ``floor`` (the end of the previous value of the same kind), so the
    value the checker reads first in the passage is this one."""
    text = article.text
    s, e = _sentence(spans, start, end)
    lo = max(s, floor)
    pre = [(lo + m.start(), lo + m.end()) for m in re.finditer(r"\S+", text[lo:start])]
    post = [(end + m.start(), end + m.end()) for m in re.finditer(r"\S+", text[end:e])]
    in_clause_pre = next((len(pre) - i - 1 for i in range(len(pre) - 1, -1, -1)
                          if text[pre[i][1] - 1] in ",;:"), len(pre))
    in_clause_post = next((i + 1 for i, (_, we) in enumerate(post) if text[we - 1] in ",;:"), len(post))
    own = len(text[start:end].split())
    b = min(before, in_clause_pre)
    a = min(after, in_clause_post)
    b = min(in_clause_pre, b + max(0, least - own - a - b))
    a = min(in_clause_post, a + max(0, least - own - a - b))
    grown = a
    while True:
        while a and fold(text[post[a - 1][0] : post[a - 1][1]]).strip(",;:.") in STOPWORDS:
            a -= 1  # "six-day visit to Iran", not "... to Iran to"
        first = pre[-b][0] if b else start
        last = post[a - 1][1] if a else end
        piece = text[first:last]
        if first < start:
            piece = re.sub(r"^[^\w$\u20ac\u00a3]+", "", piece)
        if last > end:
            piece = re.sub(r"[\s,;:.!?\"'()\-]+$", "", piece)
        if piece and _unique(article, piece):
            return _flat(piece)
        if b >= len(pre) and grown >= len(post):
            return None
        b, grown = min(b + 1, len(pre)), min(grown + 1, len(post))
        a = grown


# --- names -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    occurrences: tuple[NameOccurrence, ...]
    full: NameOccurrence  # the most complete spelling, as the article writes it


def _is_title(word: str) -> bool:
    low = word.casefold()
    return low in TITLES or (low.endswith("s") and low[:-1] in TITLES)  # "Democratic senators Joe Manchin"


def _title_before(text: str, start: int) -> int:
    """Start of the run of title words right before a name ("Special Envoy", "chairman",
    "Secretary of State")."""
    pos = start
    while True:
        window = text[max(0, pos - 60) : pos]
        m = re.search(r"([A-Za-z]+)(\.?)\s+$", window)
        if not m or not _is_title(m.group(1)) or (m.group(2) and m.group(1).casefold() not in _ABBREVIATED):
            return pos  # "a North Korean leader. Kim" ends a sentence; "Gen. Milley" does not
        pos = pos - len(window) + m.start(1)
        of = re.search(r"([A-Za-z]+)\s+of\s+$", text[max(0, pos - 60) : pos])
        if of and _is_title(of.group(1)):
            pos -= len(of.group(0))


def _role(text: str, occ: NameOccurrence) -> str | None:
    """An apposition that says who the person is: "An Iranian commentator, Shoeib Bahman",
    "South Korea's president, Moon Jae-in" or "Ali Shamkhani, secretary of Iran's Supreme
    National Security Council,"."""
    after = re.match(r",\s+([a-z][^,.;:\"]{2,80}?),", text[occ.end :])  # closed by a comma
    if after:
        words = after.group(1).split()
        if len(words) <= 10 and (words[0] in ("the", "a", "an", "former") or _is_title(words[0])):
            return " ".join(words)
    before = re.search(r"(?:^|[.;:,]\s*|\n\s*\n)([^,.;:\"]{2,60}),\s+$", text[max(0, occ.start - 80) : occ.start])
    if before:
        chunk = before.group(1).split()
        while len(chunk) > 1 and chunk[0].casefold() in ("and", "but", "while", "with"):
            chunk = chunk[1:]
        if len(chunk) <= 5 and (chunk[0].casefold() in ("a", "an", "the") or chunk[-1].casefold() in _PERSON_TITLES):
            return " ".join(chunk)
    return None


def _titled(text: str, occ: NameOccurrence) -> bool:
    """A personal title right before the name or in an apposition beside it."""
    start = _title_before(text, occ.start)
    words = set(re.findall(r"[a-z]+", text[start : occ.start].casefold()))
    role = _role(text, occ)
    if role:
        words |= set(re.findall(r"[a-z]+", role.casefold()))
    return bool(words & _PERSON_TITLES)


def _is_person(text: str, occs: list[NameOccurrence], full: NameOccurrence, standalone: set[str]) -> bool:
    """Places, bodies and peoples look like names too; a person is named with a personal title,
    speaks, or is introduced in full and then called by surname alone (not "in Korea")."""
    if any(t.text.isupper() and len(t.text) > 1 for t in full.tokens):
        return False
    if re.search(r"(?i)\bthe\s+$", text[max(0, full.start - 8) : full.start]):
        return False  # "the Middle East", "the White House"
    for occ in occs:
        if _titled(text, occ) or (len(occ.tokens) > 1 and _SPEECH_AFTER.match(text, occ.end)):
            return True
    bare = [o for o in occs if not o.given and not _PLACE_BEFORE.search(text, max(0, o.start - 12), o.start)]
    given_alone = any(t.key in standalone for t in full.given)
    return bool(full.given) and bool(bare) and not given_alone


def _people_in(article: Article) -> list[_Person]:
    occurrences = extract_names(article.text)
    standalone = {o.tokens[0].key for o in occurrences if len(o.tokens) == 1}
    people = []
    for group in group_people(occurrences):
        occs = sorted(group, key=lambda o: o.start)
        if not occs:
            continue
        spelled = Counter(tuple(t.text for t in o.tokens) for o in occs)
        full = max(occs, key=lambda o: (len(o.tokens), spelled[tuple(t.text for t in o.tokens)], -o.start))
        if _is_person(article.text, occs, full, standalone):
            people.append(_Person(tuple(occs), full))
    return people


def _name_claims(article: Article, people: list[_Person], ids: _Ids) -> list[_Draft]:
    text = article.text
    findings = lint_article(article)
    out = []
    for person in people:
        full = person.full
        expect = _flat(text[full.tokens[0].start : full.end])
        start = _title_before(text, full.start)
        wording = _flat(text[start : full.end])
        aliases: list[str] = []
        for _ in range(3):  # other spellings in the article become aliases, so the draft agrees
            variants = [_flat(m.text) for m in find_name_mentions(text, expect, aliases) if m.kind == "variant"]
            if not variants:
                break
            aliases += [v for v in dict.fromkeys(variants) if v not in aliases]
        notes = []
        if start < full.start:
            notes.append(f"title in the article: {_flat(text[start:full.start])}")
        if role := _role(text, full):
            notes.append(f"described as: {role}")
        keys = {t.start for o in person.occurrences for t in o.tokens}
        for f in findings:
            if any(v.start in keys for v in f.variants):
                where = ", ".join(f"'{_flat(v.text)}' ({v.line}:{v.column})" for v in f.variants)
                notes.append(f"the article spells it more than one way: {where}; keep the verified spelling "
                             f"as expect and drop misspellings from aliases")
                break
        if aliases and not any("more than one way" in n for n in notes):
            notes.append("aliases are other spellings found in the article: drop any that are misspellings")
        cid = ids.take(f"name-{_slug(full.surname.text)}", f"name-{_slug(expect)}")
        claim = Claim(cid, ClaimType.NAME, wording, expect=expect, aliases=tuple(aliases),
                      note="; ".join(notes) or None)
        out.append(_Draft(claim, full.start))
    return out


# --- dates and figures -------------------------------------------------------------------------


def _date_expect(span: dates.DateSpan) -> str:
    """The article's date at its own precision; a range (a week, "4-6 February") by its first day."""
    shown = str(span)
    if "/" not in shown:
        return shown
    if span.precision == "year":
        return f"{span.start.year:04d}"
    if span.precision == "month":
        return f"{span.start.year:04d}-{span.start.month:02d}"
    return span.start.isoformat()


def _date_claims(article: Article, found: list[dates.DateMatch], spans, ids: _Ids) -> list[_Draft]:
    out = []
    floor = 0
    for m in found:
        prev_floor, floor = floor, m.end
        if m.span is None or _DAY_WORDS.match(m.text):
            continue  # unresolved without a publication date, or "today": the dateline's business
        if m.span.precision == "day" and not _DAY_OF_MONTH.search(m.text):
            continue  # "on Saturday", "two days ago": rarely the point of a sentence
        wording = _context(article, spans, m.start, m.end, prev_floor, 3, 0)
        if wording is None:
            continue
        expect = _date_expect(m.span)
        claim = Claim(ids.take(f"date-{expect}", f"date-{_slug(m.text)}"), ClaimType.DATE, wording, expect=expect,
                      note=f"the article says '{_flat(m.text)}' ({m.span})")
        out.append(_Draft(claim, m.start))
    return out


def _plural(unit: str) -> str:
    head, sep, rest = unit.partition(" per ")
    words = head.split(" ")
    last = words[-1]
    if re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    elif re.search(r"(?:s|x|z|ch|sh)$", last):
        last += "es"
    else:
        last += "s"
    return " ".join(words[:-1] + [last]) + sep + rest


def _figure(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.3f}".rstrip("0").rstrip(".") + f" {word}"
    if value.is_integer():
        return f"{int(value):,}" if abs(value) >= 10000 else str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _number_expect(q: numbers.Quantity, wording: str) -> str | None:
    """A figure ``numbers.parse_expect`` reads back as the article's own value and unit."""
    core = _figure(q.value)
    hedge = f"{q.hedge} " if q.hedge else ""
    candidates = []
    if q.unit == "%":
        candidates.append(f"{hedge}{core}%")
    elif q.unit:
        if q.value != 1:
            candidates.append(f"{hedge}{core} {_plural(q.unit)}")
        candidates.append(f"{hedge}{core} {q.unit}")
    else:
        candidates.append(f"{hedge}{core}")
    candidates.append(wording)
    for c in candidates:
        try:
            parsed = numbers.parse_expect(c)
        except ValueError:
            continue
        if numbers.canonical_unit(parsed.unit) == numbers.canonical_unit(q.unit) and numbers.agrees(q, parsed):
            return c
    return None


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t\"'(")
    return not before or before[-1] in ".!?:" or before.endswith("\n") or text[:index].endswith("\n\n")


def _number_claims(article: Article, found: list[numbers.NumberMatch], date_spans, spans, ids: _Ids) -> list[_Draft]:
    text = article.text
    out = []
    floor = 0
    for m in found:
        prev_floor, floor = floor, m.end
        q = m.quantity
        if any(s < m.end and m.start < e for s, e in date_spans):
            continue  # the day or year of a date is the date's claim
        has_digits = bool(re.search(r"\d", m.text))
        if q.unit is None and not has_digits:
            continue  # "One of the dimensions": a word, not a figure
        if q.unit is None and not q.hedge and q.value.is_integer() and 1000 <= q.value <= 2999:
            continue  # a year
        if not has_digits and _DEFINITE_BEFORE.search(text, max(0, m.start - 12), m.start):
            continue  # "the two countries" refers back; it states no figure
        if not has_digits and q.value == 1 and not q.hedge and q.unit != "%":
            continue  # "one name", "one of them": an article more often than a count
        if m.text[:1].isupper() and not _starts_sentence(text, m.start):
            continue  # "the Group of Seven": part of a name
        wording = _context(article, spans, m.start, m.end, prev_floor, 0, 4)
        if wording is None:
            continue
        expect = _number_expect(q, m.text)
        if expect is None:
            continue
        cid = ids.take(f"number-{_slug(m.text.replace('%', ' percent'))}")
        claim = Claim(cid, ClaimType.NUMBER, wording, expect=expect,
                      note=f"the article says {q}" if not has_digits else f"the article says '{_flat(m.text)}'")
        out.append(_Draft(claim, m.start))
    return out


# --- quotations and attributed statements ------------------------------------------------------


def _speaker(article: Article, people: list[_Person], spans, start: int, end: int) -> _Person | None:
    """Who says the quotation ``text[start:end]``: a person named right after it ('…," Bahman
    said') or before it in its sentence, or else in the sentence that introduces it ('Putin
    expressed this view. "…"')."""
    text = article.text
    tail = re.match(r"(?:[^.!?\n]|\n(?!\s*\n))*", text[end:])
    after = [(o.start, p) for p in people for o in p.occurrences if end <= o.start < end + tail.end()
             and (_SPEECH_AFTER.match(text, o.end) or _SPEECH_BEFORE.search(text, max(0, o.start - 20), o.start))]
    if after:
        return min(after, key=lambda sp: sp[0])[1]
    index = next((i for i, (s, e) in enumerate(spans) if s <= start < e), None)
    if index is None:
        return None
    windows = [(spans[index][0], start)]
    if index > 0 and "\n\n" not in text[spans[index - 1][1] : spans[index][0]]:
        windows.append(spans[index - 1])
    for lo, hi in windows:
        before = [(o.start, p) for p in people for o in p.occurrences if o.end > lo and o.start < hi]
        if before:
            return max(before, key=lambda sp: sp[0])[1]
    return None


def _quotes(article: Article) -> list[tuple[int, int]]:
    """Spans of the quotations inside straight double quotes, long enough to be someone's words."""
    out = []
    for m in _QUOTE.finditer(article.text):
        s, e = m.start(1), m.end(1)
        inner = article.text[s:e]
        stripped = inner.rstrip(" ,;:")
        e -= len(inner) - len(stripped)
        lead = len(stripped) - len(stripped.lstrip())
        if len(stripped.split()) >= _MIN_QUOTE_WORDS:
            out.append((s + lead, e))
    return out


def _quote_claims(article: Article, quotes, people, spans, ids: _Ids) -> list[_Draft]:
    out = []
    counts: Counter[str] = Counter()
    seen = set()
    for s, e in quotes:
        wording = _flat(article.text[s:e])
        if wording in seen:
            continue
        seen.add(wording)
        speaker = _speaker(article, people, spans, s - 1, e + 1)
        who = _slug(speaker.full.surname.text) if speaker else "unattributed"
        counts[who] += 1
        name = _flat(article.text[speaker.full.tokens[0].start : speaker.full.end]) if speaker else None
        note = f"speaker: {name}" if name else "speaker not found in the article: say who said it"
        claim = Claim(ids.take(f"quote-{who}-{counts[who]}"), ClaimType.QUOTE, wording, note=note)
        out.append(_Draft(claim, s))
    return out


def _clause(text: str, s: int, e: int, verb: re.Match) -> tuple[int, int]:
    """The clause around an attribution verb in a long sentence ("the Committee's chairman
    Viktor Ozerov told Russia's media"), widened to the clause before when it is too short."""
    bounds = [s] + [s + m.end() for m in re.finditer(r"[,;]\s+", text[s:e])] + [e]
    for i in range(len(bounds) - 1):
        if bounds[i] <= verb.start() < bounds[i + 1]:
            lo, hi = i, i + 1
            while len(text[bounds[lo] : bounds[hi]].split()) < 6 and lo > 0:
                lo -= 1
            return bounds[lo], bounds[hi]
    return s, e


def _who(text: str, people: list[_Person], names: list[NameOccurrence], cs: int, ce: int, verb: re.Match) -> str:
    """A short subject for a statement's id: the person before the verb (after it in the passive,
    "announced by Mogherini"), else a named body ("Russia said"), the words before the verb
    ("officials said"), or the person after it ("Aides said Clinton would...")."""
    def people_in(lo: int, hi: int) -> list[_Person]:
        found = [(o.start, p) for p in people for o in p.occurrences if lo <= o.start < hi]
        found.sort(key=lambda sp: sp[0])
        return [p for _, p in found]

    after = people_in(verb.end(), ce)
    if after and re.match(r"\s+by\s", text[verb.end() : verb.end() + 5]):
        return _slug(after[0].full.surname.text)
    cs = max(cs, text.rfind(";", cs, verb.start()) + 1)  # "...met Putin; Syrian state media said"
    before = people_in(cs, verb.start())
    if before:  # the first: "Haitham al-Ghais, who succeeded Mohammad Barkindo, said"
        return _slug(before[0].full.surname.text)
    named = [o for o in names if cs <= o.start < verb.start()
             and not _PLACE_BEFORE.search(text, max(0, o.start - 12), o.start)]  # not "Analysts in Baghdad"
    if named:
        return _slug(text[named[-1].start : named[-1].end])
    words = [w for w in re.findall(r"[A-Za-z]+", text[cs : verb.start()]) if w.casefold() not in STOPWORDS][-2:]
    if words:
        return _slug(" ".join(words))
    return _slug(after[0].full.surname.text) if after else "source"


def _statement_claims(article: Article, spans, quotes, people, ids: _Ids) -> list[_Draft]:
    text = article.text
    names = extract_names(text)
    out = []
    for s, e in spans:
        if any(qs < e and s < qe for qs, qe in quotes):
            continue  # the quotation's own claim covers it
        if text[e - 1] not in ".!?\"')":
            continue  # a heading ("Briefing: who said what this week") states nothing
        verb = next((m for m in _ATTRIBUTION.finditer(text, s, e)
                     if not (m.group().startswith("announced") and _ADJECTIVE_BEFORE.search(text, s, m.start()))),
                    None)
        if verb is None:
            continue
        cs, ce = (s, e) if e - s <= _LONG_SENTENCE else _clause(text, s, e, verb)
        wording = _flat(re.sub(r"[\s,;:.]+$", "", text[cs:ce]))
        if not wording or not _unique(article, wording):
            wording = _flat(re.sub(r"[\s.]+$", "", text[s:e]))
            if not _unique(article, wording):
                continue
        cid = ids.take(f"statement-{_who(text, people, names, cs, ce, verb)}-{_slug(verb.group().split()[0])}")
        out.append(_Draft(Claim(cid, ClaimType.STATEMENT, wording), cs))
    return out


# --- the publication date ----------------------------------------------------------------------


def find_dateline(article: Article) -> date | None:
    """The article's own date, when its first lines carry one: a short line holding a full date,
    a "Published: …" line, or a "CITY, March 10, 2023 -" lead. An event date in the first
    sentence is not a dateline."""
    lines = [ln for ln in article.text.splitlines() if ln.strip()][:6]
    for line in lines:
        for m in dates.find_dates(line, None):
            if m.span is None or m.span.precision != "day" or m.span.start != m.span.end:
                continue
            stripped = line.strip()
            lead = line[: m.start]
            if (len(stripped) <= 60 or _DATELINE_LEAD.match(line)
                    or (len(lead) <= 40 and re.match(r"[\s,)(A-Za-z]*\s+-\s", line[m.end :]))):
                return m.span.start
    return None


# --- YAML --------------------------------------------------------------------------------------


# What a YAML stream may hold unescaped (YAML 1.1 §5.1); the rest is escaped in double quotes.
# Line breaks YAML reads inside a quoted string (NEL, LS, PS) are escaped too.
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _roundtrips(doc: str, value: str) -> bool:
    try:
        return yaml.safe_load(doc) == {"k": value}
    except yaml.YAMLError:
        return False


def _scalar(value: str, indent: int, quoted: bool = False) -> str:
    """``value`` as YAML after ``key:``: plain when that reads back as the same string, folded
    when long, double-quoted otherwise (JSON strings are valid YAML)."""
    if not quoted and len(value) <= 90 and _roundtrips(f"k: {value}\n", value):
        return " " + value
    if len(value) > 90 and "\n" not in value and "  " not in value and value == value.strip():
        pad = " " * (indent + 2)
        lines, line = [], ""
        for word in value.split(" "):
            if line and len(line) + 1 + len(word) > 96 - len(pad):
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        block = " >-\n" + "\n".join(pad + ln for ln in lines)
        body = "k: >-\n" + "\n".join("  " + ln for ln in lines) + "\n"
        if _roundtrips(body, value):
            return block
    return " " + _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def _claim_yaml(claim: Claim) -> str:
    out = [f"  - id: {claim.id}", f"    type: {claim.type.value}", "    text:" + _scalar(claim.text, 4)]
    if claim.expect is not None:
        quoted = claim.type in (ClaimType.DATE, ClaimType.NUMBER)
        out.append("    expect:" + _scalar(claim.expect, 4, quoted=quoted))
    if claim.aliases:
        out.append("    aliases:")
        out += ["      -" + _scalar(a, 6) for a in claim.aliases]
    if claim.note:
        out.append("    note:" + _scalar(claim.note, 4))
    out.append("    " + SOURCES_LINE)
    return "\n".join(out) + "\n"


_SECTIONS = {
    ClaimType.NAME: "names: every mention of the person is checked, full name or surname",
    ClaimType.DATE: "dates: expect is the article's own date; correct it if the article is wrong",
    ClaimType.NUMBER: "numbers: expect is the article's own figure, hedge and unit",
    ClaimType.QUOTE: "quotes: the source must hold these words",
    ClaimType.STATEMENT: "statements: attributed statements; a source must say the same",
}


def _render(article_path: str, published: date | None, from_dateline: bool, skipped: int,
            drafts: list[_Draft]) -> str:
    lines = [
        f"# Draft claims for {_NOT_PRINTABLE.sub('?', _flat(article_path))}, written by `factcheck extract`.",
        "# Every `text` is copied from the article and every `expect` is the article's own value, so each",
        "# claim verifies as `unverified` until sources are added. Check each one, correct `expect` where",
        "# the article is wrong, add reference pages under `sources:`, and delete what is not worth checking.",
        "version: 1",
        "article:",
        "  path:" + _scalar(article_path, 2),
    ]
    if published is not None:
        comment = "  # from the article's dateline: check it" if from_dateline else ""
        lines.append(f"  published: {published.isoformat()}{comment}")
    else:
        lines.append("  # published: YYYY-MM-DD   # not found in the article: add it to check relative dates")
        if skipped:
            lines.append(f"  # ({skipped} date expression{'s' if skipped > 1 else ''} like 'last week' or "
                         "'February 4' left out until it is set)")
    lines += [
        "# sources:                     # optional: name a reference page once, cite it by name",
        "#   example:",
        "#     url: https://example.org/page",
        "#     archive: pages/example.html   # a saved copy, used offline",
        "",
        "claims:",
    ]
    text = "\n".join(lines) + "\n"
    if not drafts:
        return text[: -len("claims:\n")] + "claims: []  # nothing checkable was found\n"
    for ctype in ClaimType:
        group = [d for d in drafts if d.claim.type is ctype]
        if not group:
            continue
        text += f"  # --- {_SECTIONS[ctype]}\n"
        text += "\n".join(_claim_yaml(d.claim) for d in group) + "\n"
    return text.rstrip("\n") + "\n"


# --- the draft ---------------------------------------------------------------------------------


def _drafts(article: Article, published: date | None) -> tuple[list[_Draft], int]:
    text = article.text
    spans = sentences(text)
    ids = _Ids()
    people = _people_in(article)
    found_dates = dates.find_dates(text, published)
    skipped = sum(1 for m in found_dates if m.span is None)
    quotes = _quotes(article)
    drafts = (
        _name_claims(article, people, ids)
        + _date_claims(article, found_dates, spans, ids)
        + _number_claims(article, numbers.find_numbers(text), [(m.start, m.end) for m in found_dates], spans, ids)
        + _quote_claims(article, quotes, people, spans, ids)
        + _statement_claims(article, spans, quotes, people, ids)
    )
    kept = []
    for d in drafts:
        reading = read_article(d.claim, article, published)
        if reading.mentions and reading.agrees:
            kept.append(d)
    order = {t: i for i, t in enumerate(ClaimType)}
    kept.sort(key=lambda d: (order[d.claim.type], d.start))
    return kept, skipped


def draft_claims(article: Article, article_path: str, published: date | None) -> str:
    """The claims file (YAML text) for ``article``; ``article_path`` is written as ``article.path``.
    Without ``published`` the article's own dateline is used if it has one."""
    from_dateline = False
    if published is None:
        published = find_dateline(article)
        from_dateline = published is not None
    drafts, skipped = _drafts(article, published)
    return _render(article_path, published, from_dateline, skipped, drafts)
