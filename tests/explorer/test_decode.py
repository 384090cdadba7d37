"""Decoding article files: encodings, line ends, binary data refused."""

from __future__ import annotations

import codecs
import random

import pytest

from explorer.corpus import article_from_text
from explorer.decode import ARABIC_CODEPAGES, DecodeError, decode
from tests.conftest import SEEDS

SEED_TEXTS = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}


def _sentences() -> list[str]:
    """Real Arabic from the seeds: every line, and its first 4 and 8 words."""
    out: list[str] = []
    for text in SEED_TEXTS.values():
        for line in text.split("\n"):
            line = line.strip()
            if len(line.split()) < 4:
                continue
            out += [line, " ".join(line.split()[:4]), " ".join(line.split()[:8])]
    return list(dict.fromkeys(out))


SENTENCES = _sentences()


def _encodable(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
def test_arabic_code_pages_on_real_sentences(encoding: str) -> None:
    tried = 0
    for sentence in SENTENCES:
        if not _encodable(sentence, encoding):
            continue
        tried += 1
        text, found = decode(sentence.encode(encoding))[:2]
        assert (text, found) == (sentence, encoding), sentence
    assert tried > 100


@pytest.mark.parametrize("encoding", ["cp1256", "iso8859_6"])
@pytest.mark.parametrize("name", sorted(SEED_TEXTS))
def test_whole_seed_articles_in_arabic_code_pages(name: str, encoding: str) -> None:
    original = SEED_TEXTS[name]
    if not _encodable(original, encoding):
        pytest.skip(f"{name} has characters {encoding} lacks (typographic quotes)")
    assert decode(original.encode(encoding))[:2] == (original, encoding)


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (b"", "utf-8", "utf-8"),
        (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
    ],
)
def test_unicode_encodings(bom: bytes, codec: str, name: str) -> None:
    for original in SEED_TEXTS.values():
        text, found = decode(bom + original.encode(codec))[:2]
        assert text == original
        assert found == name
        assert not text.startswith("\ufeff")


def test_short_arabic_text_is_not_taken_for_an_east_asian_encoding() -> None:
    # charset-normalizer alone reads these bytes as cp932 / cp949
    for words in ("روسيا", "واشنطن وموسكو", "في آسيا الوسطى"):
        assert decode(words.encode("cp1256"))[:2] == (words, "cp1256")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1256", "iso8859_6", "utf-16"])
def test_offsets_are_the_same_whatever_the_encoding(encoding: str) -> None:
    name = "001_23f61c99fe20eace.txt"  # encodable in all of them
    original = SEED_TEXTS[name]
    crlf = original.replace("\n", "\r\n")
    text, _ = decode(crlf.encode(encoding))[:2]
    assert text == original
    article = article_from_text(name, SEEDS / name, text, encoding)
    reference = article_from_text(name, SEEDS / name, original)
    assert article.passages == reference.passages
    for p in article.passages:
        assert text[p.start : p.end] == p.text
    start = text.index("طشقند")
    assert original[start : start + 5] == "طشقند"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo\r", "one\ntwo\n"),
        (b"one\r\n\rtwo\n\r\nthree", "one\n\ntwo\n\nthree"),
        ("سطر\r\nسطر".encode("cp1256"), "سطر\nسطر"),
        (codecs.BOM_UTF16_LE + "أ\r\nب\rج".encode("utf-16-le"), "أ\nب\nج"),
    ],
)
def test_crlf_and_lone_cr_become_lf(data: bytes, expected: str) -> None:
    assert decode(data)[0] == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\x7fELF\x02\x01\x01", "executable"),
        ("نص عربي".encode() + b"\x00\x00" + b"more", "NUL"),
        ("نص عربي بلا علامة".encode("utf-16-le"), "binary"),  # UTF-16 without a BOM
        (b"\x01\x02\x03\x04\x05 text \x06\x07\x08", "control characters"),
        (codecs.BOM_UTF8 + b"caf\xe9", "invalid utf-8-sig"),
        (codecs.BOM_UTF16_LE + b"\x00\xd8a", "invalid utf-16-le"),
    ],
)
def test_binary_and_undecodable_data_is_refused(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as exc:
        decode(data)
    message = str(exc.value)
    assert reason in message
    assert "\n" not in message


def test_random_bytes_are_refused() -> None:
    rng = random.Random(7)
    for _ in range(5):
        data = bytes(rng.randrange(1, 256) for _ in range(400))
        with pytest.raises(DecodeError):
            decode(data)


def test_latin_text_in_a_code_page_is_not_read_as_arabic() -> None:
    # ISO-8859-6 would read every "é" as an Arabic letter; charset-normalizer decides instead
    # (on so short a text it may pick another Latin code page: à and è differ, é does not)
    text = "Le café est fermé à cause de la grève générale à Genève, déclare le préfet."
    decoded, encoding = decode(text.encode("cp1252"))[:2]
    assert encoding not in ARABIC_CODEPAGES
    assert decoded.startswith("Le café est fermé")


def test_empty_and_ascii() -> None:
    assert decode(b"")[:2] == ("", "utf-8")
    assert decode(b"plain ASCII\n")[:2] == ("plain ASCII\n", "utf-8")
