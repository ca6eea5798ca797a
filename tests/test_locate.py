from factcheck.locate import excerpt, locate, relevant_sentences, sentences

TEXT = (
    "Iran has the military capabilities to block the strait through which almost one fourth of "
    "world oil supplies pass. This fact emboldens the Iranians.\n\nBased on Russia\u2019s policy, "
    "the most probable message carried by Leventieve to Shamkhani was a call for restraint."
)


def test_exact_wording_is_found_at_its_offsets():
    p = locate("almost one fourth of world oil supplies pass", TEXT)
    assert TEXT[p.start : p.end] == "almost one fourth of world oil supplies pass"
    assert p.score == 100


def test_case_typography_and_line_breaks_do_not_prevent_a_match():
    p = locate("ALMOST one fourth of world\noil   supplies pass", TEXT)
    assert TEXT[p.start : p.end] == "almost one fourth of world oil supplies pass"


def test_small_differences_match_fuzzily_and_widen_to_whole_words():
    p = locate("based on Russias policy the most probable message", TEXT)
    assert p is not None and 80 <= p.score < 100
    assert TEXT[p.start : p.end].startswith("Based on Russia")
    assert TEXT[p.end - 1].isalnum() and not TEXT[p.end].isalnum()


def test_absent_wording_is_not_found():
    assert locate("the committee approved a new budget for schools", TEXT) is None
    assert locate("", TEXT) is None


def test_sentences_split_on_terminal_punctuation_and_paragraphs():
    spans = sentences(TEXT)
    assert [TEXT[s:e][:20] for s, e in spans] == ["Iran has the militar", "This fact emboldens ", "Based on Russia\u2019s po"]


def test_relevant_sentences_rank_by_share_of_query_words():
    hits = relevant_sentences("share of world oil supplies through the strait", TEXT)
    assert TEXT[hits[0][0] : hits[0][1]].startswith("Iran has")
    assert all(score >= 40 for *_, score in hits)
    assert relevant_sentences("the", TEXT) == []


def test_excerpt_is_the_sentence_around_a_passage():
    i = TEXT.index("Leventieve")
    assert excerpt(TEXT, i, i + 10).startswith("Based on Russia")
