"""Statement claims: a close enough source sentence naming what the claim names supports it."""

from kinds import claim, drafted, judge, read

from factcheck.model import Status

TEXT = "Russia's Foreign Ministry said Moscow would keep supplying fuel to the Bushehr plant."


def test_the_statement_is_located_in_the_article():
    assert read(claim("statement", TEXT), f"In Tehran: {TEXT}\n").agrees
    assert not read(claim("statement", TEXT), "Nothing about it here.\n").mentions


def test_a_source_saying_the_same_about_the_same_names_supports_it():
    c = claim("statement", TEXT)
    page = "The Russian Foreign Ministry said Moscow would keep supplying fuel to the Bushehr nuclear plant."
    assert judge(c, page)[0] is Status.SUPPORTS
    assert judge(c, page.replace("Bushehr", "Kudankulam").replace("Moscow", "Rosatom"))[0] is Status.SILENT


def test_attributed_sentences_are_drafted():
    (c,) = drafted("statement", f"Talks went on.\n\n{TEXT}\n")
    assert c.text == TEXT.rstrip(".") and c.id.startswith("statement-")
