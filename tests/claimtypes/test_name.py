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
