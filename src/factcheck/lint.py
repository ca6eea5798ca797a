"""``factcheck lint``: one name spelled two ways in one article, found without a claims file.

Names are grouped in two steps. Surnames (the last word of each name) that are the same or a typo
apart form a family; inside a family, full names whose given names clearly differ are different
people (Bill / Hillary Clinton, George W. / George H. W. Bush), and a surname alone belongs to the
person it most recently referred to. A person whose surname, or first given name, is spelled more
than one way is a finding.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from .article import Article
from .model import Mention
from .names import (
    NameOccurrence,
    NameToken,
    close_keys,
    extract_names,
    token_relation,
)


@dataclass(frozen=True)
class LintFinding:
    variants: tuple[Mention, ...]  # every mention of every spelling, in text order
    forms: tuple[str, ...]  # distinct spellings, most frequent (then fullest) first

    @property
    def first(self) -> Mention:
        return self.variants[0]

    def message(self) -> str:
        parts = []
        for form in self.forms:
            where = ", ".join(f"{m.line}:{m.column}" for m in self.variants if m.value == form)
            parts.append(f"'{form}' ({where})")
        return "inconsistent spelling of one name: " + ", ".join(parts)


def _spelling(token: NameToken) -> str:
    return token.compact


@dataclass
class _Person:
    full: list[NameOccurrence] = field(default_factory=list)
    all: list[NameOccurrence] = field(default_factory=list)
    givens: dict[tuple[str, ...], tuple[NameToken, ...]] = field(default_factory=dict)  # one per spelling

    def given_compatible(self, occ: NameOccurrence) -> bool:
        return all(_given_compatible(occ.given, other) for other in self.givens.values())

    def add_full(self, occ: NameOccurrence) -> None:
        self.full.append(occ)
        self.all.append(occ)
        self.givens.setdefault(tuple(t.compact for t in occ.given), occ.given)


def _tokens_compatible(a: NameToken, b: NameToken) -> bool:
    if a.initial or b.initial:
        return a.key[:1] == b.key[:1]
    return token_relation(a.key, b.key) is not None


def _given_compatible(a: tuple[NameToken, ...], b: tuple[NameToken, ...]) -> bool:
    """The same person's given names: first names alike; middle names, where both have them,
    alike and as many ("George W." vs "George H. W." are father and son)."""
    if not _tokens_compatible(a[0], b[0]):
        return False
    ma, mb = a[1:], b[1:]
    if ma and mb:
        return len(ma) == len(mb) and all(_tokens_compatible(x, y) for x, y in zip(ma, mb))
    return True


def _families(occurrences: list[NameOccurrence]) -> list[list[NameOccurrence]]:
    """Occurrences grouped by surname: the same or a near miss, transitively."""
    keys = sorted({o.surname.key for o in occurrences})
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key in keys:
        for other, _dist, _ in close_keys(key, keys):
            if other != key and token_relation(key, other):
                parent[root(other)] = root(key)
    groups: dict[str, list[NameOccurrence]] = {}
    for occ in occurrences:
        groups.setdefault(root(occ.surname.key), []).append(occ)
    return list(groups.values())


def _people(family: list[NameOccurrence]) -> list[_Person]:
    people: list[_Person] = []
    last: _Person | None = None
    bare: list[NameOccurrence] = []
    for occ in family:
        if occ.given:
            person = next((p for p in people if p.given_compatible(occ)), None)
            if person is None:
                person = _Person()
                people.append(person)
            person.add_full(occ)
            last = person
        else:
            bare.append(occ)
            occ_person = _bare_owner(occ, people, last)
            if occ_person is not None:
                occ_person.all.append(occ)
    if not people:
        return [_Person(all=list(family))]
    # a surname alone before any full name belongs to the first person it could be
    placed = {id(o) for p in people for o in p.all}
    for occ in bare:
        if id(occ) not in placed:
            _bare_owner(occ, people, people[0]).all.append(occ)
    for p in people:
        p.all.sort(key=lambda o: o.start)
    return people


def _bare_owner(occ: NameOccurrence, people: list[_Person], last: _Person | None) -> _Person | None:
    """Whom a surname alone refers to: the person who spells it that way, else the latest."""
    if last is None:
        return None
    spelling = _spelling(occ.surname)
    spelled = [p for p in people if any(_spelling(o.surname) == spelling for o in p.full)]
    if len(spelled) == 1:
        return spelled[0]
    return last


def _finding(article: Article, tokens: list[NameToken]) -> LintFinding | None:
    spellings: dict[str, list[NameToken]] = {}
    for tok in tokens:
        spellings.setdefault(_spelling(tok), []).append(tok)
    if len(spellings) < 2:
        return None
    shown: dict[str, str] = {}
    order: list[tuple[int, int, int, str]] = []
    for key, toks in spellings.items():
        texts = Counter(t.text for t in toks if not t.text.isupper()) or Counter(t.text for t in toks)
        shown[key] = texts.most_common(1)[0][0]
        order.append((-len(toks), -len(shown[key]), toks[0].start, key))
    forms = tuple(shown[k] for *_, k in sorted(order))
    variants = tuple(
        article.mention(t.start, t.end, value=shown[_spelling(t)]) for t in sorted(tokens, key=lambda t: t.start)
    )
    return LintFinding(variants, forms)


def _persons(occurrences: list[NameOccurrence]) -> Iterator[_Person]:
    for family in _families(occurrences):
        yield from _people(family)


def people(occurrences: list[NameOccurrence]) -> list[list[NameOccurrence]]:
    """The name occurrences grouped by person: spellings of one surname together, different
    people who share a surname ("Bill Clinton", "Hillary Clinton") apart."""
    return [person.all for person in _persons(occurrences)]


def lint_article(article: Article) -> list[LintFinding]:
    """Every name the article spells more than one way (case, diacritics and hyphens aside)."""
    findings: list[LintFinding] = []
    for person in _persons(extract_names(article.text)):
        surnames = [o.surname for o in person.all]
        firsts = [o.given[0] for o in person.full if not o.given[0].initial]
        for tokens in (surnames, firsts):
            found = _finding(article, tokens)
            if found is not None:
                findings.append(found)
    findings.sort(key=lambda f: f.first.start)
    return findings


def render_text(article: Article, findings: list[LintFinding]) -> str:
    """One compiler-style line per finding: ``path:line:column: message``."""
    return "".join(f"{article.path}:{f.first.line}:{f.first.column}: {f.message()}\n" for f in findings)


def render_json(article: Article, findings: list[LintFinding]) -> str:
    doc = {
        "article": article.path,
        "findings": [
            {
                "line": f.first.line,
                "column": f.first.column,
                "message": f.message(),
                "variants": [{"text": m.text, "line": m.line, "column": m.column} for m in f.variants],
            }
            for f in findings
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
