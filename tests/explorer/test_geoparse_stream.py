"""``Geoparser.stream``: the mentions ``parse`` finds, read window by window in bounded memory
(B2/W7 of issue 21), and the column rows the index is written from."""

from __future__ import annotations

import pickle
import tracemalloc
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest

from explorer.corpus import read_articles
from explorer.mention_rows import MentionRows
from gazetteer import Geoparser
from gazetteer.geoparser import NEARBY_CHARS, STREAM_CHARS, WINDOW_CHARS, _cuts
from gazetteer.model import Mention
from tests.conftest import ROOT

DEV = [*sorted((ROOT / "tests" / "data" / "devset3").glob("*.txt")),
       *sorted((ROOT / "tests" / "data" / "devset2").glob("*.txt")),
       *sorted((ROOT / "tests" / "data" / "devset").glob("*.txt")),
       *sorted((ROOT / "seeds").glob("*.txt"))]


def key(mentions: Iterable[Mention]) -> list[tuple[Any, ...]]:
    return [(m.start, m.end, m.text, m.type, m.place.id, m.confidence, m.reason,
             tuple((c.place.id, c.score, c.reasons) for c in m.alternatives)) for m in mentions]


def spans_of(path: Path) -> tuple[str, list[tuple[int, int]]]:
    [article], _ = read_articles(path, path.parent)
    return article.text, [(p.start, p.end) for p in article.passages]


def test_stream_in_small_windows_finds_what_parse_finds(world: Geoparser) -> None:
    """Every article of the dev sets and the seeds, cut into windows of 1,000 characters (a
    few paragraphs each): the same mentions, places, reasons and runner-ups, in the same
    order, as the whole text read at once."""
    assert len(DEV) > 150
    differ = []
    for path in DEV:
        text, spans = spans_of(path)
        if len(_cuts(text, 1000)) < 3:
            continue
        if key(world.stream(text, spans, window=1000, margin=2 * NEARBY_CHARS)) != key(
                world.parse(text, spans)):
            differ.append(path.name)
    assert differ == []


def test_a_margin_shorter_than_the_rules_reach_would_change_them(world: Geoparser) -> None:
    """What keeps the windows right is their margin: one narrower than the farthest a rule
    looks (``NEARBY_CHARS``) changes what some articles say (so the test above can fail)."""
    differ = 0
    for path in DEV:
        text, spans = spans_of(path)
        differ += key(world.stream(text, spans, window=300, margin=100)) != key(
            world.parse(text, spans))
    assert differ > 0


def test_a_long_article_is_streamed_as_parsed(world: Geoparser) -> None:
    """Past ``STREAM_CHARS`` (the dev articles one after the other) ``stream`` reads window by
    window by itself, and still says what ``parse`` says."""
    texts = [spans_of(p)[0] for p in DEV]
    text = "\n\n".join(texts)
    while len(text) <= STREAM_CHARS + WINDOW_CHARS:
        text += "\n\n" + text
    assert len(_cuts(text, WINDOW_CHARS)) >= 3
    assert key(world.stream(text)) == key(world.parse(text))


def test_a_list_keeps_its_kind_when_streamed(world: Geoparser) -> None:
    """The kind of a list's names (``world_rules.list_kinds``: «الخرطوم، الجزيرة، سنار،
    القضارف» are states) is decided over the mentions of the whole text: read in windows of
    1,000 characters, a list of Sudan's states between paragraphs naming no place, 20 times,
    reads the same (and the lists do change some names' kind: the test can fail)."""
    states = ("شهد العام 3066 حريقاً، منها 1517 في الخرطوم، الجزيرة (214) حريقاً، "
              "سنار (90)، القضارف (433) والبحر الأحمر (7) حرائق.")
    words = "وقال المسؤول إن العمل مستمر في إطفاء الحرائق. " * 10
    text = "\n\n".join([states, words] * 20)
    parsed = world.parse(text)
    assert sum(m.reason == "in a list of divisions" for m in parsed) == 40
    assert len(_cuts(text, 1000)) >= 6
    assert key(world.stream(text, None, window=1000, margin=2 * NEARBY_CHARS)) == key(parsed)


def test_stream_holds_a_few_integers_a_mention_of_a_list(world: Geoparser) -> None:
    """One name listed again and again (one list of every mention): the list's kinds are
    summed, not held a mention at a time."""

    def streamed(n: int) -> int:
        text = "مقال\n\n" + "بيروت، " * n + "بيروت.\n"
        return _peak(lambda: sum(1 for _ in world.stream(text, None, window=5_000)))

    n = 5_000
    small, big = streamed(n), streamed(3 * n)
    assert (big - small) / (2 * n) < 64, f"{(big - small) / (2 * n):.0f} bytes a mention"


def _peak(run: Any) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_stream_holds_a_few_integers_a_mention(world: Geoparser) -> None:
    """One name said again and again in one paragraph: read whole, the geoparser holds objects
    for every occurrence at once (about 1 KB each); streamed, its peak is its window's plus a
    few integers a mention: three times the occurrences cost a few dozen bytes more each."""

    def text(n: int) -> str:
        return "مقال\n\n" + "بيروت " * n + "بيروت.\n"

    def streamed(n: int) -> int:
        return _peak(lambda: sum(1 for _ in world.stream(text(n), None, window=5_000)))

    n = 5_000
    small, big = streamed(n), streamed(3 * n)
    whole = _peak(lambda: world.parse(text(n)))
    assert whole > 500 * n  # what streaming saves: the test could fail
    assert (big - small) / (2 * n) < 64, f"{(big - small) / (2 * n):.0f} bytes a mention"
    assert big < whole


def test_mention_rows_are_the_rows_they_were_given() -> None:
    rows = MentionRows()
    given = [(None, 0, 0, 5, ("بيروت", "toponym", "gn:1", 1.0, "r", "[]")),
             (0, 1, 7, 12, ("بيروت", "toponym", "gn:1", 1.0, "r", "[]")),
             (2, 2, 20, 29, ("اللبنانية", "demonym", "gn:2", 0.5, "a", "[[1]]"))]
    for p, _, s, e, tail in given:
        rows.append(p, s, e, tail)
    want = [(p, seq, s, e, *tail) for p, seq, s, e, tail in given]
    assert list(rows) == want and len(rows) == 3
    assert rows[1] == want[1] and rows[-1] == want[2] and rows[0:2] == want[:2]
    with pytest.raises(IndexError):
        rows[3]
    assert rows.count_type("demonym") == 1 and rows.count_type("toponym") == 2
    again = pickle.loads(pickle.dumps(rows))  # to the writer from a worker process
    assert list(again) == want
    again.append(None, 30, 35, given[0][4])
    assert len(again) == 4 and again[3][4] is again[0][4]  # what repeats is held once
