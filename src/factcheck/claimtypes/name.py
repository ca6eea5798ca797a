"""Names: every mention of the person in the article, full name or surname, spelled as ``expect``
(or an alias); a source supports the spelling when it writes the full name that way."""

from __future__ import annotations

from datetime import date
from typing import cast

from .. import names
from ..article import Article
from ..lint import LintFinding
from ..locate import whole_word_matches
from ..model import Claim, ClaimType, Mention, Status, Verdict
from ..names import find_name_mentions
from .about import find, silent_near
from .base import Judgement, Lens, Page, Reading
from .drafting import Draft, DraftContext, Ids, Person, flat, role_of, slug, title_before


class NameKind:
    type = ClaimType.NAME
    keys: frozenset[str] = frozenset({"aliases"})  # the type-specific keys it takes
    needs_expect = False  # without expect the sources decide (SPEC §2)
    contradicted_as = Verdict.MISSPELLED  # a source spelling the name otherwise
    has_value = True
    section = "names: every mention of the person is checked, full name or surname"

    def parse_expect(self, raw: str) -> object:
        return raw

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        if claim.expect is None:
            return self._read_own(claim, article, text)
        found = names.find_name_mentions(article.text, claim.expect, claim.aliases, text.names)
        if not found:
            located = find(claim.text, article.text, text)
            if located is None:
                return Reading((), False, "", "the name is not in the article")
            mention = article.mention(located.start, located.end, claim.text)
            return Reading((mention,), False, f"'{mention.text}'", "the article names someone else here")
        variants = [m for m in found if m.kind == "variant"]
        chosen = variants or found
        mentions = tuple(article.mention(m.start, m.end, m.text) for m in chosen)
        return Reading(mentions, not variants, _stated(mentions), typo=bool(variants), value=claim.expect)

    def _read_own(self, claim: Claim, article: Article, text: Lens) -> Reading:
        """Without ``expect``: the name the passage holds (its longest run of name words, titles
        left out), with every mention of it in the article; the sources decide its spelling."""
        located = find(claim.text, article.text, text)
        if located is None:
            return Reading((), False, "", "the name is not in the article")
        inside = names.occurrences_within(text.names, located.start, located.end)
        if inside:
            own = max(inside, key=lambda o: (len(o.tokens), o.end - o.start))
            start, end = own.start, own.end
        else:  # a product or a body the name parser does not take for a person: the passage itself
            start, end = located.start, located.end
        name = " ".join(article.text[start:end].split())
        found = names.find_name_mentions(article.text, name, claim.aliases, text.names)
        variants = tuple(article.mention(m.start, m.end, m.text) for m in found if m.kind == "variant")
        mentions = variants or tuple(article.mention(m.start, m.end, m.text) for m in found) or (
            article.mention(start, end, name),)
        return Reading(mentions, True, _stated(mentions), value=name, variants=variants)

    def judge(self, claim: Claim, reading: Reading, page: Page) -> Judgement:
        """The full name spelled as expected (or as the article does, without ``expect``) supports
        it; only a near-miss spelling of it contradicts: the source spells it otherwise."""
        target = claim.expect or cast("str | None", reading.value)
        if not target:
            return Judgement(Status.SILENT, reason="the article names no one at the passage")
        found = page.view.mentions_of(target, claim.aliases)
        single = len(target.split()) == 1  # "Trump" as the article writes it: the surname is the name
        for m in found:
            if m.kind in ("exact", "alias") and (single or len(m.text.split()) > 1):
                return Judgement(Status.SUPPORTS, m.start, m.end, m.text, said=m.text)
        if not found and not inside_page(target, page):
            return silent_near(claim.text, page.view, "the page does not name the person")
        if not found:
            at = page.text.find(target)
            return Judgement(Status.SUPPORTS, at, at + len(target), target, said=target)
        if not any(m.kind in ("exact", "alias") for m in found):
            for m in found:
                if m.kind == "variant":
                    return Judgement(Status.CONTRADICTS, m.start, m.end, m.text, said=" ".join(m.text.split()))
        if found:
            return Judgement(Status.SILENT, found[0].start, found[0].end,
                             reason="the page names the person by surname only")
        return silent_near(claim.text, page.view, "the page does not name the person")

    def draft(self, context: DraftContext) -> list[Draft]:
        return _name_claims(context.article, context.people, context.ids, context.lint)


def spelled_right(article: Article, spellings: list[str], mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """Where the article spells a misspelled name right (a verified form, or its surname), besides
    the mentions already read: an editor fixing the wrong ones wants to see the right ones too."""
    forms = {f for f in spellings if f} | {f.split()[-1] for f in spellings if f and len(f.split()) > 1}
    if not forms:
        return ()
    taken = [(m.start, m.end) for m in mentions]
    return tuple(article.mention(a, b) for a, b in whole_word_matches(forms, article.text)
                 if not any(s < b and a < e for s, e in taken))


def inside_page(name: str, page: Page) -> bool:
    """A name the person parser does not read ("Nintendo Switch") found as written."""
    return " " in name and name in page.text


def _stated(mentions: tuple[Mention, ...]) -> str:
    """"'Alexandre Laventieve' (line 3) and 'Leventieve' (line 13)"."""
    lines: dict[str, list[int]] = {}
    for m in mentions:
        lines.setdefault(" ".join(m.text.split()), []).append(m.line)
    return " and ".join(
        f"'{form}' (line{'s' if len(ls) > 1 else ''} {', '.join(map(str, dict.fromkeys(ls)))})"
        for form, ls in lines.items()
    )


def _name_claims(article: Article, people: list[Person], ids: Ids, findings: list[LintFinding]) -> list[Draft]:
    text = article.text
    out = []
    for person in people:
        full = person.full
        expect = flat(text[full.tokens[0].start : full.end])
        start = title_before(text, full.start)
        wording = flat(text[start : full.end])
        aliases: list[str] = []
        for _ in range(3 if NameKind.needs_expect else 0):  # while expect is required, other spellings
            # become aliases so the draft agrees; without expect a variant is never an alias (SPEC §2)
            variants = [flat(m.text) for m in find_name_mentions(text, expect, aliases) if m.kind == "variant"]
            if not variants:
                break
            aliases += [v for v in dict.fromkeys(variants) if v not in aliases]
        notes = []
        if start < full.start:
            notes.append(f"title in the article: {flat(text[start:full.start])}")
        if role := role_of(text, full):
            notes.append(f"described as: {role}")
        keys = {t.start for o in person.occurrences for t in o.tokens}
        for f in findings:
            if any(v.start in keys for v in f.variants):
                where = ", ".join(f"'{flat(v.text)}' ({v.line}:{v.column})" for v in f.variants)
                fix = ("keep the verified spelling as expect and drop misspellings from aliases"
                       if aliases else "add a source (or expect) with the verified spelling")
                notes.append(f"the article spells it more than one way: {where}; {fix}")
                break
        if aliases and not any("more than one way" in n for n in notes):
            notes.append("aliases are other spellings found in the article: drop any that are misspellings")
        cid = ids.take(f"name-{slug(full.surname.text)}", f"name-{slug(expect)}")
        claim = Claim(cid, ClaimType.NAME, wording, expect=expect, aliases=tuple(aliases),
                      note="; ".join(notes) or None)
        out.append(Draft(claim, full.start))
    return out
