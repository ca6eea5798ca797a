"""``factcheck lint``: one name spelled two ways in one article, found without a claims file.

Names are grouped in two steps. Surnames (the last word of each name) that are the same or a typo
apart form a family; inside a family, full names whose given names clearly differ are different
people (Bill / Hillary Clinton, George W. / George H. W. Bush), and a surname alone belongs to the
person it most recently referred to. A person whose surname, or first given name, is spelled more
than one way is a finding; so is a surname that a family shares (the Haqqani brothers) spelled
two ways.

Which spellings may be one name depends on the text's language (``language.detect``): where names
inflect, an ending is not a typo (Полина / Полины); where every noun is capitalised, only a word
that stands in a full name is taken for a name; and a word seen only at the start of sentences is
taken for a common word. Two words the text also writes in lower case are two common words
(Internet / Internal), and a brand is not its stem plus a capital (SpaceX / Space).
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from rapidfuzz.distance import DamerauLevenshtein

from .article import Article
from .language import ENGLISH, Language, detect
from .model import Mention
from .names import (
    KNOWN_WORDS,
    NameKind,
    NameOccurrence,
    NameToken,
    extract_names,
    one_slip,
    slip_neighbours,
    token_relation,
)
from .namewords import ORG_WORDS, PLACES, census

# Where names inflect, spellings that differ only in this many final letters are one word's forms.
_INFLECTION_LETTERS = 2


class MentionKind(Enum):
    USUAL = "usual"  # the spelling the article uses most
    VARIANT = "variant"  # another spelling of the same name


@dataclass(frozen=True)
class LintMention:
    mention: Mention
    kind: MentionKind


@dataclass(frozen=True)
class LintFinding:
    mentions: tuple[LintMention, ...]  # every mention of every spelling, in text order, each marked
    forms: tuple[str, ...]  # distinct spellings, most frequent (then fullest) first

    @property
    def variants(self) -> tuple[Mention, ...]:
        """Every mention, usual spelling and variants alike."""
        return tuple(m.mention for m in self.mentions)

    @property
    def first(self) -> Mention:
        return self.mentions[0].mention

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
        return len(ma) == len(mb) and all(_tokens_compatible(x, y) for x, y in zip(ma, mb, strict=True))
    return True


def _inflection(a: str, b: str) -> bool:
    stem = len(os.path.commonprefix([a, b]))
    return max(len(a), len(b)) - stem <= _INFLECTION_LETTERS and stem >= _INFLECTION_LETTERS


def _brand(a: NameToken, b: NameToken) -> bool:
    """One spelling is the other plus capitals: a product or a firm (SpaceX / Space)."""
    short, long_ = sorted((a.text, b.text), key=len)
    return long_.startswith(short) and long_[len(short) :].isupper()


def _elision(a: str, b: str) -> bool:
    """A dropped final g, as song titles write it (Running / Runnin')."""
    short, long_ = sorted((a, b), key=len)
    return short.endswith("in") and long_ == short + "g"


def _one_name(
    a: NameToken,
    b: NameToken,
    language: Language,
    start_only: frozenset[str] = frozenset(),
    in_full: frozenset[str] = frozenset(),
) -> bool:
    """Two different surname spellings that can be one name's. A word that only opens sentences
    next to a common word is another common word (Internal memo / the Internet); a common word
    and a surname someone bears in full are two words ("The Role of" / Jeremy Rolfe)."""
    if not token_relation(a.key, b.key) or not one_slip(a.key, b.key):
        return False
    if (a.common and b.key in in_full) or (b.common and a.key in in_full):
        return False
    if (a.common and b.common) or _brand(a, b) or _elision(a.key, b.key):
        return False
    if {a.key, b.key} & start_only and (a.common or b.common or KNOWN_WORDS & {a.key, b.key}):
        return False
    if language.capitalises_nouns and DamerauLevenshtein.distance(a.key, b.key) > 1:
        return False  # compounds share long stems (Krankenkasse / Krankenhäusern): a typo is one slip
    return not (language.inflects_names and _inflection(a.key, b.key))


def _families(occurrences: list[NameOccurrence], language: Language = ENGLISH) -> list[list[NameOccurrence]]:
    """Occurrences grouped by surname: the same or a near miss, transitively."""
    sample: dict[str, NameToken] = {}
    mid_sentence: set[str] = set()
    in_full = frozenset(o.surname.key for o in occurrences if o.given)
    for occ in occurrences:
        sample.setdefault(occ.surname.key, occ.surname)
        if not occ.at_start or len(occ.tokens) > 1:
            mid_sentence.add(occ.surname.key)
    start_only = frozenset(sample) - mid_sentence
    keys = sorted(sample)
    parent = {k: k for k in keys}

    def root(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    neighbours = slip_neighbours(keys)
    for key in keys:
        for other in sorted(neighbours[key]):
            if _one_name(sample[key], sample[other], language, start_only, in_full):
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
            (_bare_owner(occ, people, people[0]) or people[0]).all.append(occ)
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


def _finding(
    article: Article, tokens: list[NameToken], language: Language = ENGLISH, bare: bool = False
) -> LintFinding | None:
    """The finding for one person's spellings of one name part, if it has two. ``bare``: the
    person is never named in full; then two spellings seen once each are two words as likely as
    one misspelled (Slashdot / Slashdork, Mackay / McKay in a list of references)."""
    spellings: dict[str, list[NameToken]] = {}
    for tok in tokens:
        key = _spelling(tok)
        if language.inflects_names:  # Кристина / Кристины: one spelling in two cases
            key = next((k for k in spellings if _inflection(k, key)), key)
        spellings.setdefault(key, []).append(tok)
    if len(spellings) < 2:
        return None
    # only spellings a typo away from the usual one: a chain of near misses links other words
    usual = max(spellings, key=lambda k: (len(spellings[k]), len(k)))
    spellings = {k: v for k, v in spellings.items() if k == usual or (token_relation(k, usual) and one_slip(k, usual))}
    if len(spellings) < 2 or (bare and all(len(v) == 1 for v in spellings.values())):
        return None
    shown: dict[str, str] = {}
    order: list[tuple[int, int, int, str]] = []
    for key, toks in spellings.items():
        texts = Counter(t.text for t in toks if not t.text.isupper()) or Counter(t.text for t in toks)
        shown[key] = texts.most_common(1)[0][0]
        order.append((-len(toks), -len(shown[key]), toks[0].start, key))
    ranked = [k for *_, k in sorted(order)]
    forms = tuple(shown[k] for k in ranked)
    key_of = {id(t): k for k, toks in spellings.items() for t in toks}
    mentions = tuple(
        LintMention(
            article.mention(t.start, t.end, value=shown[key_of[id(t)]]),
            MentionKind.USUAL if key_of[id(t)] == ranked[0] else MentionKind.VARIANT,
        )
        for t in sorted((t for toks in spellings.values() for t in toks), key=lambda t: t.start)
    )
    return LintFinding(mentions, forms)


def _joined(text: str, toks: tuple[NameToken, ...]) -> NameToken:
    """Words of one name compared as one word."""
    start, end = toks[0].start, toks[-1].end
    return NameToken(start, end, text[start:end], " ".join(t.key for t in toks), common=all(t.common for t in toks))


def _merge_places(text: str, toks: tuple[NameToken, ...]) -> tuple[NameToken, ...]:
    out: list[NameToken] = []
    i = 0
    while i < len(toks):
        n = next((n for n in (3, 2) if " ".join(t.key for t in toks[i : i + n]) in PLACES and i + n <= len(toks)), 1)
        out.append(toks[i] if n == 1 else _joined(text, toks[i : i + n]))
        i += n
    return tuple(out)


# "New" in the languages of old maps and of places named after others: "Nova Zeelandia", "Nueva
# Ecija", "Nouvelle-Calédonie" are places, not a person called Nova (or Nueva) Zeelandia.
_NEW_WORDS = frozenset({"new", "nova", "novo", "nueva", "nuevo", "nouvelle", "nouveau", "nieuw", "neu", "nuova",
                        "nuovo"})


def _new_place(toks: tuple[NameToken, ...]) -> bool:
    """A run opening with a word for "new" before a word no census knows as a surname (so not
    a person named Nova: "Nova Zeelandia", not "Nova Smith")."""
    return len(toks) >= 2 and toks[0].key in _NEW_WORDS and toks[1].key not in census().surnames


def _as_compared(text: str, occ: NameOccurrence) -> NameOccurrence:
    """A name as the lint compares it. A place named in several words is one word ("New
    Zealand" is no Zealand, so no Zeeland, in "the New Zealand Company" too; "Nova Zeelandia"
    is no Zeelandia beside the continent Zealandia); a body or a
    feature ending in its generic word is known by the word before it ("Mackenzie Basin" is no
    Basin beside the author Bain, "West Merica Police" a Merica beside West Mercia)."""
    toks = occ.tokens
    if len(toks) < 2 or occ.surname_first:
        return occ
    if occ.kind is NameKind.ORGANISATION and toks[-1].key in ORG_WORDS and not toks[-2].particle:
        toks = toks[:-1]
    if _new_place(toks):
        return NameOccurrence((_joined(text, toks),), NameKind.PLACE, occ.titled, occ.at_start)
    merged = _merge_places(text, toks)
    if merged == occ.tokens:
        return occ  # the same occurrence (not written surname first: see above)
    return NameOccurrence(merged, occ.kind, occ.titled, occ.at_start)


def _names_for(occurrences: list[NameOccurrence], language: Language) -> list[NameOccurrence]:
    """The occurrences that can be names in this language. Outside English a word seen only at
    the start of sentences is a common word there (Sebelumnya, Первые)."""
    if language == ENGLISH:
        return occurrences
    inside = {t.key for o in occurrences if not (len(o.tokens) == 1 and o.at_start) for t in o.tokens}
    return [o for o in occurrences if len(o.tokens) > 1 or o.tokens[0].key in inside]


def _named_family(family: list[NameOccurrence], language: Language) -> bool:
    """Where every noun is capitalised, a word is a name only if it also stands in a full name."""
    return not language.capitalises_nouns or any(o.given and o.kind is NameKind.PERSON for o in family)


def _families_in(occurrences: list[NameOccurrence], language: Language) -> list[list[NameOccurrence]]:
    names = _names_for(occurrences, language)
    return [f for f in _families(names, language) if _named_family(f, language)]


def people(occurrences: list[NameOccurrence]) -> list[list[NameOccurrence]]:
    """The name occurrences grouped by person: spellings of one surname together, different
    people who share a surname ("Bill Clinton", "Hillary Clinton") apart."""
    out: list[list[NameOccurrence]] = []
    for family in _families_in(occurrences, ENGLISH):
        if len(family) == 1:
            out.append(list(family))  # what _people makes of it: one person named once
        else:
            out.extend(person.all for person in _people(family))
    return out


def _shared_surname_slip(family: list[NameOccurrence]) -> bool:
    """Several people share the surname, and it has exactly two spellings a typo apart."""
    spellings = Counter(o.surname.key for o in family)
    full_names = {tuple(t.key for t in o.given) for o in family if o.given}
    if len(spellings) != 2 or len(full_names) < 2:
        return False
    (usual, _), (rare, _) = spellings.most_common()
    alone = all(not o.given for o in family if o.surname.key == rare)  # no full name of its own
    return alone and token_relation(usual, rare) == "near" and one_slip(usual, rare)


def lint_article(article: Article, names: list[NameOccurrence] | None = None) -> list[LintFinding]:
    """Every name the article spells more than one way (case, diacritics and hyphens aside).
    ``names`` is ``extract_names(article.text)`` when the caller has it already."""
    language = detect(article.text)
    findings: list[LintFinding] = []
    extracted = extract_names(article.text) if names is None else names
    occurrences = [_as_compared(article.text, o) for o in extracted]
    for family in _families_in(occurrences, language):
        if len(family) == 1:
            continue  # a name written once is spelled one way
        found_in_family = []
        for person in _people(family):
            surnames = [o.surname for o in person.all]
            firsts = [o.given[0] for o in person.full if not o.given[0].initial]
            for tokens in (surnames, firsts):
                found = _finding(article, tokens, language, bare=not person.full)
                if found is not None:
                    found_in_family.append(found)
        surname_findings = [f for f in found_in_family if f.first.start in {o.surname.start for o in family}]
        if not surname_findings and _shared_surname_slip(family):
            # a surname that several people share, spelled another way by one of them (Haqqani)
            shared = _finding(article, [o.surname for o in family], language)
            if shared is not None:
                found_in_family.append(shared)
        findings.extend(found_in_family)
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
                "variants": [
                    {"text": m.mention.text, "line": m.mention.line, "column": m.mention.column, "kind": m.kind.value}
                    for m in f.mentions
                ],
            }
            for f in findings
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
