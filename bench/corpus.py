"""Synthetic newsroom corpus for ``bench/run.py``: a day's output (one long article of many
stories) with its claims file, and the shelf of saved reference pages the claims cite.

SYNTHETIC BENCHMARK DATA, NOT FIXTURES. Every person, place, body, figure, date and quotation
here is invented: the project's real-world-facts rule is for test fixtures, and a benchmark at
10,000 claims needs facts nobody has to look up. The words are real English; the names of
people and places are random letter strings kept at least three edits apart from each other
and from every capitalised word in the templates, so that no two invented names are a typo of
one another by accident and the only misspellings are the deliberate ones.

Everything follows from ``(seed, claims, pages)``. Pages are never stored: ``page_html(pid)``
renders page ``pid`` from its own random stream plus the few fact sentences placed on it, the
same bytes every time, so a server can serve 2,000 pages of up to 1 MB (and answer ETags) while
holding only the facts in memory.

What the generator means each claim's verdict to be is in ``Fact.intent``; the engine's verdict
may differ where the fuzzy matching reads the synthetic text differently (``run.py`` reports the
agreement as a sanity figure, not a target).
"""

from __future__ import annotations

import html
import random
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

import yaml
from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

PUBLISHED = date(2024, 3, 15)  # a Friday: "last Tuesday" is 12 March 2024
MIN_PAGE, MAX_PAGE = 50_000, 1_000_000  # bytes of HTML
SIZE_SKEW = 1.5  # page size 50 KB * 20 ** (u ** 1.5): mean about 250 KB, a few near 1 MB
TYPE_MIX = (("name", 0.20), ("date", 0.20), ("number", 0.25), ("quote", 0.15), ("statement", 0.20))
INTENTS = {  # what share of each type is meant to end how
    "name": (("supported", 72), ("misspelled", 14), ("contradicted", 4), ("unverified", 5), ("not_found", 5)),
    "date": (("supported", 75), ("contradicted", 15), ("unverified", 5), ("not_found", 5)),
    "number": (("supported", 74), ("contradicted", 15), ("disputed", 3), ("unverified", 4), ("not_found", 4)),
    "quote": (("supported", 75), ("misquoted", 15), ("unverified", 5), ("not_found", 5)),
    "statement": (("supported", 85), ("unverified", 10), ("not_found", 5)),
}

# --- vocabulary (real words) -----------------------------------------------------------------

FIRST_NAMES = """Anna Maria Elena Sofia Laura Clara Ingrid Marta Helen Julia Irene Nadia Olga Rosa Sara
Teresa Vera Agnes Beatrice Carmen Diana Edith Flora Greta Hannah Isabel Joanna Karin Lena Mira Nora
Paula Rita Silvia Tamara Ursula Wanda Yasmin Zora Alice Brigitte Camille Delia Emma Fatima Gloria
Alan Boris Carlos David Erik Felix George Henrik Ivan Jonas Karl Leon Marco Nikolai Oscar Pavel
Rafael Stefan Tomas Viktor Walter Yusuf Adrian Bruno Daniel Emil Frank Gregor Hugo Igor Jakob Lukas
Martin Oliver Peter Robert Samuel Theo Umar Vincent Anton Benedikt Dmitri Elias Farid Gustav Hamid
Jan Kevin Luis Mateo Nathan Omar Patrick Ruben Simon Tobias""".split()
TITLES = ["Deputy Minister", "Director", "Commissioner", "Mayor", "Spokeswoman", "Spokesman",
          "Chairwoman", "Chairman", "Senior Adviser", "Deputy Director", "Chief Executive"]
FIELDS = """Ports Water Transport Energy Health Agriculture Housing Fisheries Culture Finance Labour
Environment Education Tourism Industry Infrastructure""".split()
BODIES = ["Port Authority", "District Council", "Water Board", "Harbour Trust", "Development Agency",
          "Planning Office", "Transit Company"]
FACILITIES = """grain terminal|desalination plant|ferry depot|wind farm|freight yard|water works|tram line|
bypass road|hospital wing|container port|solar park|fish market|rail bridge|bus station|sewage plant|
power station|steel mill|cargo pier|sports arena|science park|flood barrier|cable car|ring road|
cold store|paper mill|ship lift|airport terminal|concert hall|recycling centre|rail tunnel""".replace(
    "\n", "").split("|")
NOUNS = """budget harbour proposal schedule market contract reservoir clinic district tariff levy
election warehouse library festival pipeline forecast subsidy pension mortgage harvest orchard
ferry timetable audit inquiry tender licence quota ballot survey census shortage surplus deficit
dividend loan lease permit zoning curfew drought flood heatwave storm bridge crossing junction
shipyard vineyard quarry campus museum stadium courthouse archive hostel bakery pharmacy""".split()
PLURALS = """residents farmers traders commuters tenants nurses teachers fishermen drivers
pensioners students shopkeepers landlords engineers inspectors volunteers visitors families
households workers""".split()
ADJS = """new revised modest ambitious costly delayed regional seasonal temporary disputed local
annual cautious sharp gradual unexpected steady record provisional formal informal detailed
overdue lengthy brief public private joint rival fresh""".split()
VERBS = [("review", "reviewed"), ("expand", "expanded"), ("delay", "delayed"), ("approve", "approved"),
         ("reject", "rejected"), ("fund", "funded"), ("extend", "extended"), ("cut", "cut"),
         ("restore", "restored"), ("inspect", "inspected"), ("close", "closed"), ("reopen", "reopened"),
         ("relocate", "relocated"), ("audit", "audited"), ("double", "doubled"), ("halve", "halved")]
ADVERBS = """quickly slowly gradually sharply steadily quietly abruptly cautiously publicly
temporarily""".split()
MONTHS = """January February March April May June July August September October November
December""".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
OUTLETS = ["The Northern Ledger", "Harbour Gazette", "The Evening Courier", "Civic Record",
           "The Provincial Times", "Daily Tribune", "The Observer Review", "Coastal Herald"]
SECTIONS = """Politics Economy World Business Science Health Education Sport Culture Opinion Weather
Transport Energy Climate Technology Local Regional Obituaries Letters Travel Property Jobs Food
Books Music Film Podcasts Video Puzzles Archive""".split()

_LEADS = [
    "Officials in {pplace} said the {noun} would be {verb_pp} {adv}",
    "The {adj} {noun} drew {n} {people} on {weekday}",
    "{pperson}, a {role} in {pplace}, said the {noun} had been {verb_pp}",
    "{A_adj} report published in {month} {year} found that the {noun} had been {verb_pp}",
    "Members of the {pplace} committee met on {weekday} to discuss the {noun}",
    "Critics said the {adj} {noun} was {verb_pp} too {adv}",
    "The {noun} in {pplace} has been {verb_pp} twice since {year}",
    "Volunteers spent {n} hours on the {noun} in {pplace}",
    "{people_cap} in {pplace} reported {a_adj} {noun}",
    "The {pplace} {noun} was {verb_pp} after {a_adj} {noun2}",
    "Turnout among {people} reached {pct}% in {month}",
    "{pperson} told a meeting in {pplace} that the {noun} could be {verb_pp}",
    "Figures for {month} showed {n} {people} waiting for a {noun}",
    "The {adj} {noun} for {pplace} was first discussed in {year}",
    "Local {people} have asked for the {noun} to be {verb_pp}",
    "By {month} the {noun} had cost about ${m} million",
]
_TAILS = [
    "citing {adj2} costs and {a_adj} {noun2}",
    "although {n} {people} had already signed a petition",
    "a rise of {pct}% on the previous year",
    "according to figures released in {month}",
    "while the {noun} in {pplace} remained {adj}",
    "and a decision is expected by {month} {year}",
    "with costs put at ${m} million",
    "the {pplace} office said in a statement",
    "as {people} in {pplace} waited for news",
    "after {n} complaints from {people}",
    "a spokesperson for the {pplace} council said",
    "before the {adj} {noun} resumes on {weekday}",
    "despite {a_adj} {noun2} earlier in {year}",
    "and {pperson} promised {a_adj} review",
    "though the {noun} will stay open until {month}",
    "up from {n} a year earlier",
]
_ROLES = ["shopkeeper", "retired teacher", "local councillor", "nurse", "farmer", "student",
          "union organiser", "pharmacist", "bus driver", "historian", "landlord", "engineer"]


# --- invented names --------------------------------------------------------------------------

_ONSETS = "b br c ch d dr f g gr h j k kl l m n p pr r s st sk t tr v w z".split()
_VOWELS = "a e i o u a e o ai ei".split()
_CODAS = "l n r s t k m nd rt lk sk st rn".split()


def _word(rng: random.Random, syllables: int) -> str:
    parts = []
    for i in range(syllables):
        parts.append(rng.choice(_ONSETS) + rng.choice(_VOWELS))
        if rng.random() < 0.45 or i == syllables - 1 and rng.random() < 0.6:
            parts.append(rng.choice(_CODAS))
    return "".join(parts).capitalize()


def _reserved() -> list[str]:
    words = set(FIRST_NAMES) | set(FIELDS) | set(MONTHS) | set(WEEKDAYS) | set(SECTIONS)
    for group in (TITLES, BODIES, FACILITIES, OUTLETS):
        for phrase in group:
            words.update(w.capitalize() for w in phrase.split())
    words.update(w.capitalize() for w in NOUNS + PLURALS + ADJS + ADVERBS)
    return sorted(words)


def invent_names(rng: random.Random, count: int, lengths: range, taken: list[str]) -> list[str]:
    """``count`` new capitalised words, each at least 3 edits (Damerau) from every word in
    ``taken`` that shares its first letter, and from each other; appended to ``taken``."""
    buckets: dict[str, list[str]] = {}
    for w in taken:
        buckets.setdefault(w[0].lower(), []).append(w.lower())
    out: list[str] = []
    tries = 0
    while len(out) < count:
        tries += 1
        if tries > count * 200:
            raise RuntimeError("name space exhausted")
        w = _word(rng, rng.choice((2, 2, 3)))
        if len(w) not in lengths:
            continue
        key = w.lower()
        bucket = buckets.setdefault(key[0], [])
        if bucket and process.extractOne(key, bucket, scorer=DamerauLevenshtein.distance, score_cutoff=2):
            continue
        bucket.append(key)
        out.append(w)
    taken.extend(out)
    return out


def typo(rng: random.Random, word: str) -> str:
    """One letter replaced inside the word (never the first or the last two, so the result is
    a near miss rather than another form such as Maria / Mario)."""
    vowels = "aeiou"
    while True:
        i = rng.randrange(1, len(word) - 2)
        old = word[i]
        pool = vowels if old in vowels else "bcdfgklmnprstvz"
        new = rng.choice([c for c in pool if c != old and c != word[i - 1] and c != word[i + 1]])
        return word[:i] + new + word[i + 1 :]


# --- facts -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    """One claim, where the article says it, and what its cited pages say."""

    id: str
    type: str
    intent: str  # the verdict the generator means it to have
    text: str  # the claim's wording (a substring of ``passage`` unless the claim is not_found)
    passage: str | None  # the article's sentence; None: not in the article
    expect: str | None
    pages: tuple[int, ...]  # cited pages
    aliases: tuple[str, ...] = ()


@dataclass
class _Draft:
    passage: str  # article sentence stating the true value
    text: str
    expect: str | None
    true_src: str  # what a page that confirms it says
    false_src: str | None = None  # what a page that contradicts it says (another value, other words)
    false_passage: str | None = None  # the article stating another value (then false_text)
    false_text: str | None = None
    ghost_text: str | None = None  # wording that is nowhere in the article
    typo_passage: str | None = None  # the article misspelling the name (then typo_text)
    typo_text: str | None = None
    near: str | None = None  # distractor sentence placed after the fact on its page
    side: str | None = None  # distractor for the page's sidebar
    aliases: tuple[str, ...] = ()


def _fmt_date(d: date, style: int) -> str:
    if style == 0:
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


def _fmt_num(v: float) -> str:
    return f"{v:,.1f}" if v != int(v) else f"{int(v):,}"


# (article verb phrase, page verb phrase) for events with a date
_EVENTS = [("opened", "was opened"), ("completed", "was completed"), ("inaugurated", "was inaugurated"),
           ("reopened", "was reopened"), ("sold", "was sold"), ("closed", "was closed"),
           ("renamed", "was renamed"), ("handed over", "was handed over")]
# metric: (article phrase with {v}, page phrase with {v}, expect with {v}, value generator)
_METRICS = [
    ("handled {v} million tonnes of cargo", "handled {v} million tonnes of cargo", "{v} million tonnes",
     lambda r: round(r.uniform(1.0, 9.9), 1)),
    ("ran at {v}% of capacity", "was running at {v}% of capacity", "{v}%", lambda r: r.randint(35, 97)),
    ("cost ${v} million to build", "cost ${v} million to build", "${v} million", lambda r: r.randint(12, 950)),
    ("employs {v} workers", "employs {v} workers", "{v} workers", lambda r: r.randint(120, 9800)),
    ("can generate {v} megawatts", "can generate {v} megawatts", "{v} megawatts", lambda r: r.randint(20, 1900)),
    ("covers {v} hectares", "covers {v} hectares", "{v} hectares", lambda r: r.randint(40, 8800)),
    ("includes {v} kilometres of track", "includes {v} kilometres of track", "{v} kilometres",
     lambda r: r.randint(3, 480)),
    ("carried {v} passengers last year", "carried {v} passengers in 2023", "{v} passengers",
     lambda r: r.randint(1500, 990000)),
]
_STATEMENTS = [
    ("the {org} approved {a_adj} plan to {verb} the {subj}", "the {org} has approved {a_adj} plan to {verb} the {subj}"),
    ("residents of {place} voted to keep the {subj} under public ownership",
     "residents of {place} have voted to keep the {subj} under public ownership"),
    ("inspectors found no structural faults at the {subj} after the {noun} inquiry",
     "inspectors found no structural faults at the {subj} after the {noun} inquiry"),
    ("the {subj} will be run jointly by the {org} and a private operator",
     "the {subj} will in future be run jointly by the {org} and a private operator"),
    ("work on the {subj} was delayed by a dispute over the {noun}",
     "work on the {subj} was delayed for months by a dispute over the {noun}"),
    ("the {org} will {verb} the {subj} before the {noun} season",
     "the {org} said it will {verb} the {subj} before the {noun} season"),
]
_QUOTE_A = [
    "We will not let the {subj} fall behind while {people} in {place} wait",
    "Nobody in {place} should have to choose between the {subj} and a fair {noun}",
    "The {subj} was built for {people}, and it will stay open for them",
    "I have asked the {org} to {verb} the {subj} before the end of {month}",
    "Every {noun} we save at the {subj} goes back to the {people} of {place}",
    "Our job is to keep the {subj} running, not to argue about the {noun}",
    "If the {org} wants to {verb} the {subj}, it must first explain the {noun} to {people}",
    "People in {place} have heard enough promises about the {subj}",
    "Frankly the {subj} is the best thing {place} has built since the old {noun}",
    "The numbers for the {subj} are not a secret and they never were",
    "We knew in {month} that the {subj} would need a {adj} {noun}",
    "My door is open to any of the {people} who use the {subj}",
    "Let me be clear: the {subj} will not be sold while I am in charge",
    "The {org} has waited too long to {verb} the {subj}",
]
_QUOTE_B = [
    "and I expect the first results to be published by {month}",
    "because the {noun} has already cost {place} too much",
    "so we will publish every figure we have on the {noun}",
    "but the {adj} {noun} must be settled first",
    "and that promise holds whatever the {noun} says",
    "even if the {adj} review takes longer than we hoped",
    "and the {people} of {place} deserve a straight answer on the {noun}",
    "which is why the {noun} matters more than any ribbon cutting",
    "so I will keep asking until the {noun} is fixed",
    "and nobody at the {org} has told me otherwise",
    "whatever the critics of the {noun} may think",
    "because {people} cannot plan a year around a {adj} {noun}",
    "and we will meet the {people} again in {month}",
    "though I accept the {noun} was handled badly",
]
_SWAPS = {"will": "shall", "clear": "plain", "enough": "many", "best": "finest", "straight": "honest",
          "open": "ready", "sold": "closed", "badly": "poorly", "waited": "hesitated", "secret": "mystery",
          "matters": "counts", "fixed": "solved", "asking": "pressing", "again": "once more", "not": "never", "first": "earliest", "every": "each", "already": "now",
          "fair": "decent", "keep": "hold", "publish": "release", "job": "task", "stay": "remain",
          "expect": "hope", "too": "far", "must": "should", "hoped": "planned", "asked": "told"}


_AD = ('<div class="ad-slot ad-slot--{slot}" data-ad-unit="/21804/news/article/{slot}{n}" '
       'data-sizes="[[300,250],[336,280],[728,90]]" aria-hidden="true"><div class="ad-label">Advertisement</div></div>')
_FIGURE = ('<figure class="inline-image"><img src="/img/{img}/800.jpg" srcset="/img/{img}/400.jpg 400w, '
           '/img/{img}/800.jpg 800w, /img/{img}/1600.jpg 1600w" sizes="(max-width: 700px) 100vw, 700px" '
           'loading="lazy" alt=""><figcaption>{cap} <span class="credit">Photograph: {credit}</span></figcaption></figure>')


class Corpus:
    """The facts of one benchmark size; pages and article rendered on demand."""

    def __init__(self, claims: int, pages: int, seed: int = 6) -> None:
        self.n_claims, self.n_pages, self.seed = claims, pages, seed
        rng = random.Random(f"factcheck-bench/{seed}/{claims}/{pages}")
        taken = _reserved()
        # one surname per person (name claims use two, quotes one), so that a person's only
        # namesakes are the deliberate misspellings
        self._surnames = invent_names(rng, int(claims * 0.6) + 40, range(5, 8), taken)
        self._unused = list(self._surnames)
        self._taken = taken
        self._places = invent_names(rng, max(60, claims // 12 + 30), range(6, 10), taken)
        self._pad_places = invent_names(rng, 120, range(6, 10), taken)
        self._pad_surnames = invent_names(rng, 120, range(5, 8), taken)
        self._ghost_surnames = invent_names(rng, 40, range(5, 8), taken)
        self._subjects: set[tuple[str, str]] = set()
        self._leads, self._tails = self._clauses(rng, 2500), self._clauses(rng, 2500, tails=True)
        self.sizes = [int(MIN_PAGE * (MAX_PAGE / MIN_PAGE) ** (rng.random() ** SIZE_SKEW)) for _ in range(pages)]
        self._body: list[list[str]] = [[] for _ in range(pages)]  # fact paragraphs per page (escaped)
        self._side: list[list[str]] = [[] for _ in range(pages)]
        self.facts = self._make_facts(rng)

    # --- names and subjects ------------------------------------------------------------------

    def _person(self, rng: random.Random) -> tuple[str, str]:
        if not self._unused:
            self._unused = invent_names(rng, 100, range(5, 8), self._taken)
        return rng.choice(FIRST_NAMES), self._unused.pop()

    def _subject(self, rng: random.Random) -> tuple[str, str]:
        """A unique place + facility: '(the) Kalverholm grain terminal'."""
        while True:
            s = (rng.choice(self._places), rng.choice(FACILITIES))
            if s not in self._subjects:
                self._subjects.add(s)
                return s

    def _org(self, rng: random.Random) -> str:
        if rng.random() < 0.6:
            return f"Ministry of {rng.choice(FIELDS)}"
        return f"{rng.choice(self._places)} {rng.choice(BODIES)}"

    # --- filler --------------------------------------------------------------------------------

    def _fill(self, rng: random.Random, template: str) -> str:
        verb = rng.choice(VERBS)
        adj = rng.choice(ADJS)
        a_adj = ("an " if adj[0] in "aeiou" else "a ") + adj
        return template.format(a_adj=a_adj, A_adj=a_adj.capitalize(),
            pplace=rng.choice(self._pad_places), noun=rng.choice(NOUNS), noun2=rng.choice(NOUNS),
            adj=adj, adj2=rng.choice(ADJS), adv=rng.choice(ADVERBS), verb_pp=verb[1],
            n=f"{rng.randint(2, 9000):,}", people=rng.choice(PLURALS), people_cap=rng.choice(PLURALS).capitalize(),
            weekday=rng.choice(WEEKDAYS), month=rng.choice(MONTHS), year=rng.randint(1995, 2023),
            pct=rng.randint(2, 60), m=rng.randint(2, 400), role=rng.choice(_ROLES),
            pperson=f"{rng.choice(FIRST_NAMES)} {rng.choice(self._pad_surnames)}",
        )

    def _clauses(self, rng: random.Random, count: int, tails: bool = False) -> list[str]:
        templates = _TAILS if tails else _LEADS
        return [html.escape(self._fill(rng, rng.choice(templates)), quote=False) for _ in range(count)]

    def _sentences(self, rng: random.Random, k: int) -> list[str]:
        """Filler sentences, escaped: two clauses from pools of 2,500 each, so hardly any repeat."""
        leads, tails = rng.choices(self._leads, k=k), rng.choices(self._tails, k=k)
        return [f"{a}, {b}." for a, b in zip(leads, tails)]

    # --- claims --------------------------------------------------------------------------------

    def _make_facts(self, rng: random.Random) -> list[Fact]:
        kinds = [t for t, _ in TYPE_MIX]
        weights = [w for _, w in TYPE_MIX]
        primaries = [i % self.n_pages for i in range(self.n_claims)]
        rng.shuffle(primaries)
        facts = []
        for i in range(self.n_claims):
            kind = rng.choices(kinds, weights)[0]
            intents, w = zip(*INTENTS[kind])
            intent = rng.choices(intents, w)[0]
            n_pages = rng.choice((1, 1, 2, 2, 3)) if self.n_pages > 3 else 1
            if intent == "disputed":
                n_pages = max(n_pages, 2)
            pages = [primaries[i]]
            while len(pages) < n_pages:
                p = rng.randrange(self.n_pages)
                if p not in pages:
                    pages.append(p)
            draft = getattr(self, f"_draft_{kind}")(rng)
            facts.append(self._place(rng, f"{kind}-{i + 1:05d}", kind, intent, draft, pages))
        return facts

    def _place(self, rng: random.Random, fid: str, kind: str, intent: str, d: _Draft, pages: list[int]) -> Fact:
        """Put the fact on its pages as the intent requires and pick the article's wording."""
        passage, text = d.passage, d.text
        says: list[str | None] = [None] * len(pages)  # None: the page is silent about the claim
        if intent == "misspelled":
            passage, text = d.typo_passage, d.typo_text
        if intent in ("supported", "misspelled"):
            says = [d.true_src] + [d.true_src if rng.random() < 0.5 else None for _ in pages[1:]]
        elif intent == "contradicted":
            if d.false_passage and (kind == "name" or rng.random() < 0.35):
                passage, text = d.false_passage, d.false_text
                says = [d.true_src] + [None] * (len(pages) - 1)
            else:
                says = [d.false_src] + [None] * (len(pages) - 1)
        elif intent == "misquoted":
            says = [d.false_src] + [None] * (len(pages) - 1)
        elif intent == "disputed":
            says = [d.true_src, d.false_src] + [None] * (len(pages) - 2)
        elif intent == "not_found":
            passage, text = None, d.ghost_text
            says = [d.true_src] + [None] * (len(pages) - 1)
        for page, said in zip(pages, says):
            if said is None:
                continue
            near = [d.near] if d.near and page == pages[0] else []
            sentences = self._sentences(rng, 1) + [html.escape(said, quote=False)] + [
                html.escape(s, quote=False) for s in near] + self._sentences(rng, rng.randint(1, 2))
            self._body[page].append(" ".join(sentences))
        if d.side and rng.random() < 0.5:
            self._side[pages[0]].append(html.escape(d.side, quote=False))
        return Fact(fid, kind, intent, text, passage, d.expect, tuple(pages), d.aliases)

    def _draft_name(self, rng: random.Random) -> _Draft:
        first, last = self._person(rng)
        place, fac = self._subject(rng)
        title, org = rng.choice(TITLES), self._org(rng)
        verb = rng.choice(VERBS)[0]
        tail = f"said the {place} {fac} would {verb} its {rng.choice(NOUNS)} {rng.choice(['this year', 'next spring', 'by autumn', 'within a month'])}"
        who = f"{title} {first} {last} of the {org}"
        misspelt = f"{title} {first} {typo(rng, last)} of the {org}"
        other_first, other_last = self._person(rng)
        ghost = f"{rng.choice(FIRST_NAMES)} {rng.choice(self._ghost_surnames)}"
        return _Draft(
            passage=f"{who} {tail}.", text=who, expect=f"{first} {last}",
            true_src=f"{first} {last}, {title.lower()} at the {org}, has overseen the {place} {fac} since {rng.randint(2009, 2022)}.",
            false_passage=f"{title} {other_first} {other_last} of the {org} {tail}.",
            false_text=f"{title} {other_first} {other_last} of the {org}",
            ghost_text=f"{ghost}, who chaired the inquiry into the collapse of the old {rng.choice(NOUNS)}",
            typo_passage=f"{misspelt} {tail}.", typo_text=misspelt,
            aliases=(f"{first[0]}. {last}",) if rng.random() < 0.1 else (),
        )

    def _draft_date(self, rng: random.Random) -> _Draft:
        place, fac = self._subject(rng)
        org = self._org(rng)
        verb, passive = rng.choice(_EVENTS)
        style = rng.random()
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(11 * 365))
        other = day + timedelta(days=rng.choice((-1, 1)) * rng.randint(400, 1500))
        if style < 0.5:  # day precision
            said, expect, wrong = f"on {_fmt_date(day, 0)}", day.isoformat(), f"on {_fmt_date(other, 0)}"
        elif style < 0.75:  # month
            said, expect, wrong = (f"in {MONTHS[day.month - 1]} {day.year}", f"{day.year}-{day.month:02d}",
                                   f"in {MONTHS[other.month - 1]} {other.year}")
        elif style < 0.9:  # year
            said, expect, wrong = f"in {day.year}", str(day.year), f"in {other.year}"
        else:  # relative to the article's date
            day = PUBLISHED - timedelta(days=rng.randint(1, 6))
            said, expect, wrong = f"last {WEEKDAYS[day.weekday()]}", day.isoformat(), f"on {_fmt_date(other, 0)}"
        tail = rng.choice(["after years of delay", "with little ceremony", "despite protests",
                           "ahead of schedule", "as planned"])
        early = min(day.year, other.year) - rng.randint(3, 9)
        return _Draft(
            passage=f"The {org} {verb} the {place} {fac} {said}, {tail}.",
            text=f"{verb} the {place} {fac} {said}", expect=expect,
            true_src=f"The {place} {fac} {passive} by the {org} on {_fmt_date(day, 1)}.",
            false_src=f"The {place} {fac} {passive} by the {org} on {_fmt_date(other, 1)}.",
            false_passage=f"The {org} {verb} the {place} {fac} {wrong}, {tail}.",
            false_text=f"{verb} the {place} {fac} {wrong}",
            ghost_text=f"unveiled a bronze statue of a lighthouse keeper beside the {place} {fac} {said}",
            near=f"Plans for the {place} {fac} were first drawn up in {early}.",
            side=f"{place} {fac}: {verb} {_fmt_date(other, 1)}",
        )

    def _draft_number(self, rng: random.Random) -> _Draft:
        place, fac = self._subject(rng)
        org = self._org(rng)
        art, page, exp, gen = rng.choice(_METRICS)
        v = gen(rng)
        w = type(v)(round(v * rng.choice((rng.uniform(0.45, 0.75), rng.uniform(1.35, 1.9))), 1 if isinstance(v, float) else None))
        sv, sw = _fmt_num(v), _fmt_num(w)
        hedge = "about " if rng.random() < 0.15 else ""
        _, other_page, _, other_gen = rng.choice([m for m in _METRICS if m[0] != art])
        return _Draft(
            passage=f"Figures from the {org} show the {place} {fac} {art.format(v=hedge + sv)}.",
            text=f"the {place} {fac} {art.format(v=hedge + sv)}",
            expect=exp.format(v=sv.replace(",", "")),
            true_src=f"The {place} {fac} {page.format(v=sv)}, according to the {org}.",
            false_src=f"The {place} {fac} {page.format(v=sw)}, according to the {org}.",
            false_passage=f"Figures from the {org} show the {place} {fac} {art.format(v=sw)}.",
            false_text=f"the {place} {fac} {art.format(v=sw)}",
            ghost_text=f"a floating museum moored next to the {place} {fac} {art.format(v=sv)}",
            near=f"The {place} {fac} also {other_page.format(v=_fmt_num(other_gen(rng)))}.",
            side=f"{place} {fac}: {exp.format(v=sw)} ({rng.randint(2015, 2021)} estimate)",
        )

    def _quote_words(self, rng: random.Random, subj: str, place: str, org: str) -> str:
        verb = rng.choice(VERBS)[0]
        slots = dict(subj=subj, place=place, org=org, verb=verb, people=rng.choice(PLURALS),
                     noun=rng.choice(NOUNS), month=rng.choice(MONTHS), adj=rng.choice(ADJS))
        return f"{rng.choice(_QUOTE_A).format(**slots)}, {rng.choice(_QUOTE_B).format(**slots)}"

    def _draft_quote(self, rng: random.Random) -> _Draft:
        first, last = self._person(rng)
        place, fac = self._subject(rng)
        org = self._org(rng)
        quote = self._quote_words(rng, f"{place} {fac}", place, org)
        words = quote.split()
        swappable = [i for i, w in enumerate(words) if w.strip(",").lower() in _SWAPS]
        changed = list(words)
        for i in rng.sample(swappable, min(2, len(swappable))) or [len(words) - 1]:
            bare = words[i].strip(",")
            changed[i] = words[i].replace(bare, _SWAPS.get(bare.lower(), "indeed"))
        if changed == words:
            changed.insert(len(words) // 2, "frankly")
        misquote = " ".join(changed)
        title = rng.choice(TITLES).lower()
        return _Draft(
            passage=f"\u201c{quote},\u201d said {first} {last}, {title} at the {org}.",
            text=quote, expect=None,
            true_src=f"\u201c{quote},\u201d {first} {last} told reporters in {place} on {rng.choice(WEEKDAYS)}.",
            false_src=f"\u201c{misquote},\u201d {first} {last} told reporters in {place} on {rng.choice(WEEKDAYS)}.",
            ghost_text=f"Lighthouse keepers of {place} will sing at dawn, whatever the {rng.choice(NOUNS)} costs us",
        )

    def _draft_statement(self, rng: random.Random) -> _Draft:
        place, fac = self._subject(rng)
        art, page = rng.choice(_STATEMENTS)
        adj = rng.choice(ADJS)
        slots = dict(org=self._org(rng), a_adj=("an " if adj[0] in "aeiou" else "a ") + adj, verb=rng.choice(VERBS)[0],
                     subj=f"{place} {fac}", place=place, noun=rng.choice(NOUNS))
        sentence, paraphrase = art.format(**slots), page.format(**slots)
        sentence = sentence[0].upper() + sentence[1:]
        lead = rng.choice(["On Tuesday", "In a statement", "Late on Wednesday", "Officials confirmed that",
                           "As expected"])
        return _Draft(
            passage=f"{sentence}.", text=sentence, expect=None,
            true_src=f"{lead}, {paraphrase}." if not lead.endswith("that") else f"{lead} {paraphrase}.",
            ghost_text=f"a choir of lighthouse keepers sang at the reopening of the {place} {fac} at dawn",
        )

    # --- outputs -------------------------------------------------------------------------------

    def article_text(self) -> str:
        """The day's output: stories of a few paragraphs, claim passages among filler sentences."""
        rng = random.Random(f"factcheck-bench/{self.seed}/article/{self.n_claims}")
        passages = [f.passage for f in self.facts if f.passage]
        out = [f"{OUTLETS[0].upper()}: DAILY EDITION, {PUBLISHED.day} {MONTHS[PUBLISHED.month - 1]} {PUBLISHED.year}", ""]
        i = 0
        while i < len(passages):
            story = passages[i : i + rng.randint(4, 12)]
            i += len(story)
            out.append(f"{rng.choice(self._pad_places)} {rng.choice(NOUNS)} {rng.choice(['row', 'plan', 'vote', 'review', 'deal'])} "
                       f"{rng.choice(['deepens', 'stalls', 'advances', 'divides council', 'moves ahead'])}")
            out.append("")
            while story:
                take = story[: rng.randint(1, 3)]
                story = story[len(take) :]
                sentences = [html.unescape(s) for s in self._sentences(rng, rng.randint(1, 3))] + take
                rng.shuffle(sentences)
                out.append(" ".join(sentences))
                out.append("")
        return "\n".join(out)

    def claims_yaml(self, article_name: str, urls: Sequence[str]) -> str:
        claims = []
        for f in self.facts:
            entry: dict = {"id": f.id, "type": f.type, "text": f.text}
            if f.expect is not None:
                entry["expect"] = f.expect
            if f.aliases:
                entry["aliases"] = list(f.aliases)
            entry["sources"] = [urls[p] for p in f.pages]
            claims.append(entry)
        doc = {"version": 1, "article": {"path": article_name, "published": PUBLISHED}, "claims": claims}
        dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        head = ("# Synthetic benchmark claims (bench/corpus.py): invented people, places and figures,\n"
                f"# {self.n_claims} claims against {self.n_pages} pages; seed {self.seed}.\n")
        return head + yaml.dump(doc, Dumper=dumper, sort_keys=False, allow_unicode=True, width=10_000)

    def intents(self) -> dict[str, str]:
        return {f.id: f.intent for f in self.facts}

    def mix(self) -> Counter[str]:
        return Counter(f.type for f in self.facts)

    # --- pages ---------------------------------------------------------------------------------

    def slug(self, pid: int) -> str:
        rng = random.Random(f"factcheck-bench/{self.seed}/slug/{pid}")
        return f"news/{rng.randint(2019, 2024)}/{rng.randint(1, 12):02d}/{rng.choice(self._pad_places).lower()}-{rng.choice(NOUNS)}-{pid:05d}.html"

    def etag(self, pid: int) -> str:
        return f'"bench-{self.seed}-{self.n_claims}-{self.n_pages}-{pid}"'

    def page_html(self, pid: int) -> bytes:
        """Page ``pid`` as a news page: masthead, nav, cookie banner, the story (padding
        paragraphs, subheads, a data table, the fact paragraphs placed at random), related links,
        a sidebar of other figures, a footer. About ``sizes[pid]`` bytes."""
        rng = random.Random(f"factcheck-bench/{self.seed}/page/{pid}")
        outlet = rng.choice(OUTLETS)
        place, noun = rng.choice(self._pad_places), rng.choice(NOUNS)
        title = f"{place} {noun} report: {rng.choice(ADJS)} {rng.choice(NOUNS)} and the {rng.choice(NOUNS)}"
        when = date(2019, 1, 1) + timedelta(days=rng.randrange(5 * 365))
        links = lambda k: "".join(
            f'<li><a href="/{s.lower()}/">{s}</a></li>' for s in rng.sample(SECTIONS, k))
        head = (
            f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{title} | {outlet}</title>'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<link rel="stylesheet" href="/static/site.css"><script>window.dataLayer=window.dataLayer||[];'
            "function gtag(){dataLayer.push(arguments);}</script></head>\n"
            f'<body class="article-page"><header class="site-header"><a class="logo" href="/">{outlet}</a>'
            f'<nav class="main-nav" aria-label="Sections"><ul>{links(24)}</ul></nav></header>\n'
            '<div class="cookie-banner" role="dialog"><p>We use cookies to understand how you use our site. '
            '<a href="/privacy">Privacy policy</a></p><button>Accept</button></div>\n'
            '<div class="page"><main id="content"><article class="story" itemscope '
            'itemtype="https://schema.org/NewsArticle">\n'
            f'<h1 itemprop="headline">{title}</h1><p class="byline">By <span itemprop="author">'
            f'{rng.choice(FIRST_NAMES)} {rng.choice(self._pad_surnames)}</span> \u00b7 <time datetime="{when}">'
            f"{_fmt_date(when, 0)}</time></p>\n<div class=\"story-body\" itemprop=\"articleBody\">\n"
        )
        side = [f"<li>{s}</li>" for s in self._side[pid]] + [
            f"<li>{html.unescape(self._sentences(rng, 1)[0])}</li>" for _ in range(6)]
        tail = (
            '</div></article>\n<section class="related"><h2>Related coverage</h2><ul>'
            + "".join(f'<li><a href="/news/{rng.randint(10000, 99999)}.html">{s}</a></li>'
                      for s in self._sentences(rng, 8))
            + '</ul></section></main>\n<aside class="sidebar"><section class="most-read"><h2>Most read</h2><ol>'
            + "".join(f"<li><a href=\"/news/{rng.randint(10000, 99999)}.html\">{s}</a></li>"
                      for s in self._sentences(rng, 5))
            + '</ol></section><section class="factbox"><h2>In numbers</h2><ul>' + "".join(side)
            + f'</ul></section></aside></div>\n<footer class="site-footer"><ul>{links(16)}</ul>'
            f"<p>\u00a9 {when.year} {outlet}. All rights reserved.</p></footer></body></html>\n"
        )
        state = self._state_script(rng, self.sizes[pid] // 4)
        budget = self.sizes[pid] - len(head) - len(tail) - len(state) - sum(len(p) + 60 for p in self._body[pid])
        paragraphs: list[str] = []
        used = 0
        while used < budget:
            r = rng.random()
            if r < 0.06:
                block = f"<h2>{rng.choice(ADJS).capitalize()} {rng.choice(NOUNS)} in {rng.choice(self._pad_places)}</h2>"
            elif r < 0.08:
                rows = "".join(
                    f"<tr><td>{rng.choice(self._pad_places)}</td><td>{rng.randint(100, 99999):,}</td>"
                    f"<td>{rng.randint(100, 99999):,}</td><td>{rng.randint(-40, 60)}%</td></tr>" for _ in range(rng.randint(4, 12)))
                block = (f"<table class=\"data\"><caption>{rng.choice(NOUNS).capitalize()} by district</caption>"
                         f"<tr><th>District</th><th>{when.year - 1}</th><th>{when.year}</th><th>Change</th></tr>{rows}</table>")
            elif r < 0.10:
                block = f"<blockquote><p>{' '.join(self._sentences(rng, 2))}</p></blockquote>"
            elif r < 0.16:
                block = _AD.format(n=rng.randint(1, 40), slot=rng.choice(("mid", "inline", "native")))
            elif r < 0.20:
                img = f"{rng.getrandbits(48):012x}"
                block = _FIGURE.format(img=img, cap=self._sentences(rng, 1)[0], credit=rng.choice(self._pad_surnames))
            else:
                block = (f'<p class="body-text" data-block="{rng.getrandbits(32):08x}">'
                         f"{' '.join(self._sentences(rng, rng.randint(2, 6)))}</p>")
            paragraphs.append(block)
            used += len(block) + 1
        for fact_paragraph in self._body[pid]:
            paragraphs.insert(rng.randrange(len(paragraphs) + 1),
                              f'<p class="body-text" data-block="{rng.getrandbits(32):08x}">{fact_paragraph}</p>')
        return (head + "\n".join(paragraphs) + tail.replace("</body>", state + "</body>")).encode("utf-8")

    def _state_script(self, rng: random.Random, size: int) -> str:
        """The JSON state blob a news site's front-end framework embeds (no readable text)."""
        items, used = [], 0
        while used < size:
            item = (f'{{"id":"{rng.getrandbits(64):016x}","slot":{rng.randint(1, 99)},"score":{rng.random():.4f},'
                    f'"tags":["{rng.choice(NOUNS)}","{rng.choice(NOUNS)}"],"path":"/{rng.choice(SECTIONS).lower()}/'
                    f'{rng.getrandbits(40):010x}","ts":{rng.randint(1_500_000_000, 1_710_000_000)}}}')
            items.append(item)
            used += len(item) + 1
        return f'<script id="__STATE__" type="application/json">{{"items":[{",".join(items)}]}}</script>\n'

    def page_id(self, path: str) -> int | None:
        """The page a slug names, or None."""
        m = re.search(r"-(\d{5})\.html$", path)
        if not m or int(m.group(1)) >= self.n_pages or self.slug(int(m.group(1))) != path:
            return None
        return int(m.group(1))
