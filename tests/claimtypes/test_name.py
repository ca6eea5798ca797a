"""Name claims: every mention, spelled as expect; a source supports the spelling with the full name."""

from kinds import claim, drafted, judge, read

from factcheck.model import Status

ARTICLE = ("President Vladimir Putin sent his Special Envoy Alexandre Laventieve to Tehran.\n\n"
           "The message carried by Leventieve was a call for restraint.\n")


def test_every_variant_spelling_is_read_and_flagged_as_a_typo():
    reading = read(claim("name", "Special Envoy Alexandre Laventieve", "Alexander Lavrentiev"), ARTICLE)
    assert [m.text for m in reading.mentions] == ["Alexandre Laventieve", "Leventieve"]
    assert not reading.agrees and reading.typo
    assert reading.stated == "'Alexandre Laventieve' (line 1) and 'Leventieve' (line 3)"


def test_the_right_spelling_agrees():
    reading = read(claim("name", "President Vladimir Putin", "Vladimir Putin"), ARTICLE)
    assert reading.agrees and [m.text for m in reading.mentions] == ["Vladimir Putin"]


def test_a_source_supports_only_with_the_full_name():
    c = claim("name", "Alexander Lavrentiev", "Alexander Lavrentiev")
    assert judge(c, "Alexander Lavrentiev is a Russian diplomat.") == (Status.SUPPORTS, "Alexander Lavrentiev")
    assert judge(c, "Lavrentiev said nothing.")[0] is Status.SILENT


def test_people_are_drafted_with_their_title_as_wording():
    names = {c.expect: c.text for c in drafted("name", ARTICLE)}
    assert names["Vladimir Putin"] == "President Vladimir Putin"


def test_the_right_spellings_shown_are_whole_words_even_inside_a_longer_form():
    """``spelled_right`` passes over a form inside a word ("xOzerov") and still finds the shorter
    form a longer one's false start hides ("xViktor Ozerov" holds "Ozerov"), as a lookbehind does."""
    import re

    from factcheck.article import Article
    from factcheck.claimtypes.name import spelled_right

    text = "xViktor Ozerov met Viktor Ozerov. xOzerov and Ozerov_ left; Ozerov's aide, ozerov."
    article = Article.from_string(text, "a.txt")
    shown = [m.text for m in spelled_right(article, ["Viktor Ozerov"], ())]
    plain = re.compile(r"(?<!\w)(?:Viktor Ozerov|Ozerov)(?!\w)")
    assert shown == [m.group() for m in plain.finditer(text)] == ["Ozerov", "Viktor Ozerov", "Ozerov"]
