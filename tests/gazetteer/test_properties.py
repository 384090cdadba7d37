"""Property tests over arbitrary Unicode text: normalisation and the geoparser never misbehave.

The texts mix Arabic (letters, diacritics, tatweel, hamza forms, presentation forms), Latin,
digits, combining marks, control and zero-width characters, odd spaces and line ends, with real
place names of the gazetteer spliced in (behind random proclitics, with diacritics and tatweel
sprinkled in) so that names are actually found. Properties:

- ``normalize`` never raises, folding is idempotent, origin offsets are monotone and in range;
- the geoparser never raises; every mention has ``text[start:end] == mention.text`` and
  ``0 <= start < end <= len(text)``; mentions are sorted and never overlap;
- with ``spans=``, every mention lies inside one span.
"""

from __future__ import annotations

import itertools
import os
import random
from collections.abc import Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import Gazetteer, Geoparser, Mention, load_geoparser
from gazetteer.context import vocabulary
from gazetteer.normalize import fold, normalize, word_spans

MINI = Path(__file__).parent / "data" / "mini.yaml"

# 150 examples a test keeps the file well under 30 s; PROPERTY_EXAMPLES=5000 for a deep run.
PROPS = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- strategies ---------------------------------------------------------------------------

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B)]  # hamza … yeh, incl. tatweel
DIACRITICS = [chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"]
HAMZA_FORMS = list("ءأإآٱؤئةىیکۀە")
ARABIC_DIGITS = [chr(c) for c in range(0x0660, 0x066A)] + [chr(c) for c in range(0x06F0, 0x06FA)]
INVISIBLE = [chr(c) for c in range(0x200B, 0x2010)] + ["\ufeff", "\u00ad", "\u061c", "\u2060"]
BIDI = [chr(c) for c in range(0x202A, 0x202F)] + [chr(c) for c in range(0x2066, 0x206A)]
SPACES = [" ", " ", " ", "\u00a0", "\u2009", "\u202f", "\u3000", "\t", "\n", "\r"]
PUNCT = [*"،؛؟.,;:!?-–—()[]«»\"'/", "\u2010", "\u2011"]
CONTROL = [chr(c) for c in range(0x00, 0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
PROCLITICS = ["", "", "", "و", "ب", "ل", "لل", "ك", "ف", "وب", "ول", "فل", "وال", "بال"]

arabic_char = st.one_of(
    st.sampled_from(ARABIC_LETTERS),
    st.sampled_from(DIACRITICS),
    st.sampled_from(HAMZA_FORMS),
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
    st.characters(min_codepoint=0x0750, max_codepoint=0x077F),  # Arabic supplement
)
# Presentation forms, assigned or not (st.characters favours the low end of a range, so the
# whole ranges are sampled uniformly), and the ones that stand for several words or brackets.
PRESENTATION = [chr(c) for c in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]]
SPECIAL = ["\ufdfa", "\ufdfb", "\ufdf2", "\ufd3e", "\ufd3f", "\ufefb", "\ufef5", "\ufe70"]
odd_char = st.one_of(
    st.sampled_from(INVISIBLE + BIDI + CONTROL + ARABIC_DIGITS),
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.sampled_from(PRESENTATION),
    st.sampled_from(SPECIAL),
    st.characters(),  # anything at all, lone surrogates included
)
any_char = st.one_of(
    arabic_char,
    arabic_char,
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),  # Latin, digits, punctuation
    st.sampled_from(SPACES + PUNCT),
    odd_char,
)


def text_of(chars: st.SearchStrategy[str], max_size: int) -> st.SearchStrategy[str]:
    """Strings of ``chars`` drawn as given (st.text would merge the alphabet into one set of
    code point intervals and favour its low end, hardly ever drawing presentation forms)."""
    return st.lists(chars, max_size=max_size).map("".join)


noise = text_of(any_char, 12)


def sprinkle(draw: st.DrawFn, word: str) -> str:
    """``word`` with diacritics, tatweel or invisible characters inserted now and then, and
    often case endings (tanwin, harakat) after its last letter."""
    if not word:
        return word
    out = []
    inside = draw(st.booleans())
    for ch in word:
        out.append(ch)
        if inside and draw(st.integers(0, 4)) == 0:
            out.append(draw(st.sampled_from(DIACRITICS + INVISIBLE)))
    out.extend(draw(st.lists(st.sampled_from(DIACRITICS), max_size=2)))
    return "".join(out)


@st.composite
def spliced_name(draw: st.DrawFn, names: Sequence[str]) -> str:
    name = draw(st.sampled_from(names)) if names else ""
    return draw(st.sampled_from(PROCLITICS)) + sprinkle(draw, name)


def texts(names: Sequence[str], words: Sequence[str] = ()) -> st.SearchStrategy[str]:
    """Text made of noise, separators, place names with proclitics and context words."""
    parts = [
        noise,
        st.sampled_from([*SPACES, "\r\n", *PUNCT]),
        spliced_name(names),
        spliced_name(names),
    ]
    if words:
        parts.append(st.sampled_from(words))
    return st.lists(st.one_of(*parts), max_size=24).map("".join)


@st.composite
def spans_of(draw: st.DrawFn, text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans of ``text``, cut anywhere (even inside a word).

    Cuts fall at random places, and often just before a diacritic or tatweel, between a
    letter and the marks that belong to it.
    """
    marks = [i for i, ch in enumerate(text) if ch in DIACRITICS]
    points = set(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    if marks:
        points |= set(draw(st.lists(st.sampled_from(marks), max_size=4)))
    cuts = sorted(points | {0, len(text)})
    pairs = list(itertools.pairwise(cuts))
    return [p for p in pairs if draw(st.booleans())]


# --- fixtures -----------------------------------------------------------------------------


def surface_names(gaz: Gazetteer, limit: int = 3000) -> list[str]:
    """Arabic and English names and demonyms of the gazetteer's places (a sample if many)."""
    names: set[str] = set()
    for p in gaz.places:
        names.update(p.names_ar)
        names.update(p.names_en)
        names.update(p.demonyms_ar)
        names.add(p.name_ar)
    out = sorted(n for n in names if n)
    if len(out) > limit:
        out = random.Random(0).sample(out, limit)
    return out


@pytest.fixture(scope="module")
def mini_parser() -> Geoparser:
    return Geoparser(Gazetteer.from_files([MINI]))


@pytest.fixture(scope="module")
def full_parser() -> Geoparser:
    # The built-in data may be being regenerated; an empty gazetteer still must not fail.
    return load_geoparser()


@pytest.fixture(scope="module")
def context_words() -> list[str]:
    voc = vocabulary()
    pool = set(voc.titles | voc.first_names | voc.org_before | voc.org_after)
    pool |= voc.org_phrase_heads | voc.directions | voc.time_before
    for cue_words in voc.cues.values():
        pool |= cue_words
    return sorted(w + " " for w in pool)


@pytest.fixture(scope="module", params=["mini", "full"])
def parser_and_names(
    request: pytest.FixtureRequest, mini_parser: Geoparser, full_parser: Geoparser
) -> tuple[Geoparser, list[str]]:
    gp = mini_parser if request.param == "mini" else full_parser
    names = surface_names(gp.gaz) or surface_names(mini_parser.gaz)
    return gp, names


# --- normalisation ------------------------------------------------------------------------


def check_normalized(s: str) -> None:
    n = normalize(s)
    assert n.original == s
    assert n.text == fold(s)
    assert len(n.origin) == len(n.text)
    assert all(0 <= o < len(s) for o in n.origin)
    assert all(a <= b for a, b in zip(n.origin, n.origin[1:], strict=False))
    again = normalize(n.text)
    assert again.text == n.text
    assert fold(fold(s)) == fold(s)
    # Every word maps back to a non-empty span in range, and words never cross.
    prev_end = 0
    for a, b in word_spans(n.text):
        start, end = n.span(a, b)
        assert 0 <= start < end <= len(s)
        assert start >= prev_end, (s, a, b, start, prev_end)
        prev_end = end


@PROPS
@given(s=text_of(any_char, 200))
def test_normalize_on_arbitrary_text(s: str) -> None:
    check_normalized(s)


@PROPS
@given(s=st.text(max_size=100))
def test_normalize_on_any_unicode(s: str) -> None:
    check_normalized(s)


@PROPS
@given(data=st.data())
def test_normalize_on_text_with_names(
    data: st.DataObject, parser_and_names: tuple[Geoparser, list[str]]
) -> None:
    _, names = parser_and_names
    check_normalized(data.draw(texts(names)))


# --- the geoparser ------------------------------------------------------------------------


def check_mentions(text: str, mentions: list[Mention]) -> None:
    prev_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start : m.end] == m.text, m
        assert m.start >= prev_end, ("overlap or out of order", mentions)
        prev_end = m.end


def check_parse(
    gp: Geoparser, text: str, spans: list[tuple[int, int]] | None = None
) -> list[Mention]:
    mentions, rejected = gp.analyse(text, spans)
    check_mentions(text, mentions)
    for r in rejected:
        assert 0 <= r.start < r.end <= len(text) and text[r.start : r.end] == r.text, r
    assert [(r.start, r.end) for r in rejected] == sorted((r.start, r.end) for r in rejected)
    # Nothing is both a mention and set aside.
    assert not {(m.start, m.end) for m in mentions} & {(r.start, r.end) for r in rejected}
    if spans is not None:
        for m in mentions:
            assert any(a <= m.start and m.end <= b for a, b in spans), (m, spans)
    return mentions


@PROPS
@given(data=st.data())
def test_geoparser_on_text_with_names(
    data: st.DataObject,
    parser_and_names: tuple[Geoparser, list[str]],
    context_words: list[str],
) -> None:
    gp, names = parser_and_names
    text = data.draw(texts(names, context_words))
    assert check_parse(gp, text) == gp.parse(text)


@PROPS
@given(text=text_of(any_char, 300))
def test_geoparser_on_noise(full_parser: Geoparser, text: str) -> None:
    check_parse(full_parser, text)


@PROPS
@given(data=st.data())
def test_geoparser_inside_spans(
    data: st.DataObject, parser_and_names: tuple[Geoparser, list[str]]
) -> None:
    gp, names = parser_and_names
    text = data.draw(texts(names))
    spans = data.draw(spans_of(text))
    check_parse(gp, text, spans)
    # One span covering the whole text is the same as no spans.
    assert gp.parse(text, [(0, len(text))]) == gp.parse(text)


@PROPS
@given(data=st.data())
def test_mentions_survive_invisible_noise_around_them(
    data: st.DataObject, mini_parser: Geoparser
) -> None:
    """A name between spaces is found whatever invisible noise surrounds the spaces."""
    names = [n for n in surface_names(mini_parser.gaz) if " " not in n and len(n) > 4]
    name = data.draw(st.sampled_from(names))
    left = data.draw(text_of(st.sampled_from([*INVISIBLE, "x", "ب"]), 4))
    right = data.draw(text_of(st.sampled_from([*INVISIBLE, "y", "ك"]), 4))
    text = f"{left} {name} {right}"
    mentions, rejected = mini_parser.analyse(text)
    check_mentions(text, mentions)
    assert name in {m.text for m in mentions} | {r.text for r in rejected}


# --- regressions found by the properties above --------------------------------------------


@pytest.mark.parametrize("ch", ["\ufd3e", "\ufd3f", "\ufbb2", "\ufdd0", "\ufdfd", "\ufe75"])
def test_presentation_forms_without_decomposition_do_not_recurse(ch: str) -> None:
    # ﴾ ﴿ (ornate parentheses around Quran quotes) and unassigned or undecomposable code
    # points in the presentation-form blocks sent _fold_char into endless recursion.
    check_normalized(ch)
    assert fold(ch) == ch


def test_quran_brackets_next_to_a_place(mini_parser: Geoparser) -> None:
    text = "قال ﴿ادخلوا مصر﴾ ثم زار روسيا"
    (m,) = mini_parser.parse(text)
    assert m.text == "روسيا" and text[m.start : m.end] == m.text


def test_a_ligature_of_several_words_is_not_split_into_words_at_one_offset(
    tmp_path: Path,
) -> None:
    # ﷺ is NFKC "صلى الله عليه وسلم": four words that all came from one original character,
    # so two mentions found in it had the same offsets (they overlapped).
    assert len(word_spans(normalize("\ufdfa").text)) <= 1
    check_normalized("محمد \ufdfa قال \ufdfb")
    gaz = tmp_path / "gaz.yaml"
    gaz.write_text(
        "format: explorer-gazetteer/1\n"
        "places:\n"
        "  - {id: t:1, kind: city, name: Alayhi, name_ar: عليه, country: LB, lat: 1, lon: 1,"
        " population: 500000}\n"
        "  - {id: t:2, kind: city, name: Salam, name_ar: سلم, country: LB, lat: 2, lon: 2,"
        " population: 500000}\n",
        encoding="utf-8",
    )
    gp = Geoparser(Gazetteer.from_files([gaz]))
    assert [m.text for m in gp.parse("زار عليه وسلم")] == ["عليه", "سلم"]  # the names work
    text = "قال النبي \ufdfa"
    check_mentions(text, gp.parse(text))


def test_a_mention_stays_inside_its_span_when_case_endings_follow(mini_parser: Geoparser) -> None:
    # A name's span is extended over the diacritics after it, which took it past the end of
    # the span the caller restricted the parse to.
    text = "زار روسياً اليوم"
    end = text.index("\u064b")
    (whole,) = mini_parser.parse(text)
    assert whole.text == "روسياً"
    (m,) = mini_parser.parse(text, [(0, end)])
    assert (m.start, m.end, m.text) == (4, end, "روسيا")
    assert mini_parser.parse("Afghanistan\u064b\u064b", [(0, 11)])[0].end == 11
