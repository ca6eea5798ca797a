"""Every threshold and limit the checker uses, by name, each with why it is what it is.

Scores are percentages (0-100). Change one here and the README's "How claims are judged" and the
tests that pin its behaviour tell you what moved.
"""

from __future__ import annotations

# --- locating a claim in the article ------------------------------------------------------------
LOCATE_THRESHOLD = 82.0  # fuzzy match of the claim's wording; below it the wording is not in the article
# Searches of one long text (the article, searched for every claim's wording) before the offsets of
# its words are indexed: indexing costs about as much as 450 searches by ``str.find``, so it pays
# only in runs of thousands of claims (10,000 claims: 2.6-2.9 s of searching a 2.25 MB article, 0.18 s so).
INDEX_AFTER_SEARCHES = 256
INDEXED_LENGTH = 65_536  # characters; a shorter text is searched in microseconds and never indexed

# --- which sentences of a source speak of a claim -----------------------------------------------
RELEVANT = 40.0  # share of a claim's content words a source sentence needs to be about it
STRONGLY_RELEVANT = 60.0  # ... to contradict it with another value (a sidebar figure is not evidence)
RELEVANCE_SATURATION = 6  # this many shared content words is full relevance, however long the claim
NEAR = 25.0  # a sentence sharing a quarter of a claim's words may hold a reworded version of it
NEAR_SATURATION = 4  # ... counted against at most four words, so long claims still find candidates
TIED_PLACES = 50  # article places a claim's words fit equally, each read so a cited source can tell them apart
NEAR_LIMIT = 20  # fuzzy comparisons per claim and page: the best candidates only, so cost stays flat
RARITY_FLOOR = 0.5  # a claim word in most of a page's sentences still counts half: it may be the topic itself
RARITY_CEILING = 2.0  # ... and one in a single sentence at most twice: one rare word alone is no topic
CONTEXT_WEIGHT = 0.9  # a word only the sentence before holds counts a little less, so the sentence after
#                       a match, which borrows the match's words, never outranks it
PARAGRAPH_WEIGHT = 0.25  # a claim word elsewhere in the sentence's paragraph counts a quarter: the paragraph
#                          is the context ("the company" three sentences after "WeWork"), but not the evidence

# --- judging ------------------------------------------------------------------------------------
STATEMENT_THRESHOLD = 75.0  # a source sentence this close to a statement says the same thing
MISQUOTE_THRESHOLD = 60.0  # a passage this close to a quotation is the same quotation with other words

# --- what reports show --------------------------------------------------------------------------
EXCERPT_WIDTH = 300  # characters of a source's sentence kept as evidence text
EXCERPT_CHARS = 400  # evidence text shown in CI logs (JUnit, SARIF, Markdown)
HTML_EXCERPT_CHARS = 1500  # ... and in the HTML report, which scrolls
MESSAGE_CLIP = 90  # the article's passage quoted in a one-line message

# --- input limits (a claims file or a saved page may come from a pull request) ---------------------
CLAIMS_MAX_BYTES = 16 * 1024 * 1024  # 10,000 claims take about 3 MB
CLAIMS_MAX_SCALAR = 10_000  # characters in one value: a long quotation fits
CLAIMS_MAX_DEPTH = 40  # no claims file nests deeper; a hostile one would exhaust the stack
CLAIMS_MAX_NODES = 2_000_000  # aliases are refused, so nodes grow with the file, never faster
MAX_LOCAL_BYTES = 10 * 2**20  # a saved page or local source larger than this is refused, not read

# --- drafting (`factcheck extract`) -------------------------------------------------------------
DRAFT_MIN_QUOTE_WORDS = 4  # a shorter quoted phrase is a scare quote, not someone's words
DRAFT_LONG_SENTENCE = 200  # a longer attributed sentence is drafted as its attributing clause
DRAFT_SLUG_LIMIT = 40  # characters of a drafted claim's id
# Memos kept per claim (its compiled patterns, its words without values): room for every claim of a
# 10,000-claim run, each read in the article first and again for each page it cites (4,096 entries
# were compiled twice over at that size: 8,231 compiles of one claim's names, 6.9 s of 168 profiled).
CLAIM_CACHE = 16_384
