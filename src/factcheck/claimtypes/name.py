"""Names: every mention of the person in the article, full name or surname, spelled as ``expect``
(or an alias); a source supports the spelling when it writes the full name that way."""

from __future__ import annotations

from datetime import date

from .. import names
from ..article import Article
from ..lint import lint_article
from ..model import Claim, ClaimType, Status, Verdict
from ..names import find_name_mentions
from .about import find
from .base import SILENT, Judgement, Lens, Reading
from .drafting import Draft, DraftContext, Ids, Person, flat, role_of, slug, title_before


class NameKind:
    type = ClaimType.NAME
    keys: frozenset[str] = frozenset({"aliases"})  # the type-specific keys it takes
    needs_expect = True
    contradicted_as = Verdict.CONTRADICTED  # the verdict when sources only say otherwise
    has_value = True
    section = "names: every mention of the person is checked, full name or surname"

    def parse_expect(self, raw: str) -> object:
        return raw

    def read(self, claim: Claim, article: Article, text: Lens, published: date | None) -> Reading:
        found = names.find_name_mentions(article.text, claim.expect or "", claim.aliases, text.names)
        if not found:
            located = find(claim.text, article.text, text)
            if located is None:
                return Reading((), False, "", "the name is not in the article")
            mention = article.mention(located.start, located.end, claim.text)
            return Reading((mention,), False, f"'{mention.text}'", "the article names someone else here")
        variants = [m for m in found if m.kind == "variant"]
        chosen = variants or found
        mentions = tuple(article.mention(m.start, m.end, m.text) for m in chosen)
        lines: dict[str, list[int]] = {}
        for m in mentions:
            lines.setdefault(" ".join(m.text.split()), []).append(m.line)
        stated = " and ".join(
            f"'{form}' (line{'s' if len(ls) > 1 else ''} {', '.join(map(str, dict.fromkeys(ls)))})"
            for form, ls in lines.items()
        )
        return Reading(mentions, not variants, stated, typo=bool(variants))

    def judge(self, claim: Claim, text: str, view: Lens) -> Judgement:
        for m in view.mentions_of(claim.expect or "", claim.aliases):
            if m.kind in ("exact", "alias") and len(m.text.split()) > 1:
                return Judgement(Status.SUPPORTS, m.start, m.end, m.text)
        return SILENT

    def draft(self, context: DraftContext) -> list[Draft]:
        return _name_claims(context.article, context.people, context.ids)


def _name_claims(article: Article, people: list[Person], ids: Ids) -> list[Draft]:
    text = article.text
    findings = lint_article(article)
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
