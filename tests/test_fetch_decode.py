"""Decoding pages whose charset declarations lie (issue 19, issue 15): a label that is not a text
encoding is ignored, a declaration the bytes do not decode in cleanly is overruled, and a few
stray bytes in a UTF-8 page are replaced, not a reason to read the page in another charset."""

from __future__ import annotations

import pytest

from factcheck.fetch import Fetcher, decode_body
from factcheck.fetch.decode import MAX_BAD_SHARE, web_codec
from fetch_servers import (
    fixture_bytes,
    server_fixture,  # noqa: F401 - pytest's fixture
)

NOT_CHARSETS = ["punycode", "idna", "rot13", "base64", "zip", "uu", "hex", "bz2", "utf-7", "utf-32",
                "undefined", "unicode_escape", "raw_unicode_escape", "charmap", "x-user-defined", "mbcs"]
PAGE = "<p>Александр Лаврентьев met Staffan de Mistura in Geneva; naïve €</p>"


@pytest.mark.parametrize("label", NOT_CHARSETS)
def test_a_label_that_is_not_a_text_encoding_is_ignored(label):
    body = f'<html><head><meta charset="{label}"></head>{PAGE}'.encode()
    assert decode_body(body, "text/html").endswith(PAGE)
    assert decode_body(body, f"text/html; charset={label}").endswith(PAGE)
    assert decode_body(PAGE.encode(), f"text/plain; charset={label}") == PAGE


def test_web_labels_map_to_the_web_encodings():
    assert [web_codec(label) for label in ("UTF-8", "latin1", "Shift_JIS", "gb2312", "windows-874", "utf-16")] == \
        ["utf-8", "cp1252", "cp932", "gb18030", "cp874", "utf-16-le"]


def test_a_punycode_page_from_a_server_is_read(server):
    body = f'<html><head><meta charset="punycode"></head>{PAGE}'.encode()
    server.expect_request("/p").respond_with_data(body, content_type="text/html")
    with Fetcher() as f:
        r = f.fetch(server.url_for("/p"))
    assert r.error is None and r.text.endswith(PAGE)


def test_a_utf16_meta_on_utf8_bytes_reads_as_utf8(server):
    body = f'<html><head><meta charset="utf-16"></head>{PAGE}'.encode()
    server.expect_request("/u").respond_with_data(body, content_type="text/html")
    with Fetcher() as f:
        assert f.fetch(server.url_for("/u")).text.endswith(PAGE)


def test_a_utf16_header_on_utf8_bytes_is_overruled_and_real_utf16_is_read():
    assert decode_body(PAGE.encode(), "text/html; charset=utf-16").endswith(PAGE)
    assert decode_body(PAGE.encode() + b"x", "text/html; charset=utf-16le") == PAGE + "x"  # odd length, no zero byte
    assert decode_body(PAGE.encode("utf-16-le"), "text/html; charset=utf-16") == PAGE
    assert decode_body(PAGE.encode("utf-16-be"), "text/plain; charset=UTF-16BE") == PAGE


def test_a_utf8_page_with_stray_bytes_stays_utf8(server):
    body = fixture_bytes("pl_utf8_stray_bytes.html")
    for ctype in ("text/html; charset=utf-8", "text/html"):  # declared in the header, or only in <meta>
        text = decode_body(body, ctype)
        assert "Posłowie, którzy sprzeciwiają się projektowi ustawy" in text
        assert "Wisła ma 1047 km długości" in text and text.count("\ufffd") == 3
    server.expect_request("/pl").respond_with_data(body, content_type="text/html; charset=utf-8")
    with Fetcher() as f:
        assert "sprzeciwiają się" in f.fetch(server.url_for("/pl")).text


def test_a_windows_1252_page_labelled_utf8_is_still_redetected():
    body = "<p>Le café du théâtre, où l’on dîne après la pièce — à Genève.</p>".encode("cp1252")
    assert decode_body(body, "text/html; charset=utf-8") == body.decode("cp1252")


@pytest.mark.parametrize(("bad", "utf8"), [(int(MAX_BAD_SHARE * 100), True), (int(MAX_BAD_SHARE * 100) + 2, False)])
def test_clean_means_at_most_max_bad_share_of_the_non_ascii_bytes(bad, utf8):
    """100 non-ASCII bytes in all: 'ą' (two bytes each) and lone 0xE9 bytes."""
    good = (100 - bad) // 2
    body = ("x" + "ą" * good).encode() + b" \xe9" * bad
    body += "ą".encode() * ((100 - bad - 2 * good) // 2)
    text = decode_body(body, "text/plain; charset=utf-8")
    assert (text.count("\ufffd") == bad) is utf8
