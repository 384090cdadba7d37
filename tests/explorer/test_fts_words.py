"""Full-text search words (issue 21, B3 and W8): no user text makes an FTS query SQLite
refuses, and a query's words are each asked once, at most ``MAX_QUERY_WORDS`` of them.

B3: 21 characters that Python calls letters are separators for SQLite 3.40's ``unicode61``
tokenizer; a query word holding one was a phrase for SQLite, which the ``detail=none`` index
refuses. The words are now split where SQLite splits them, checked here against the SQLite in
use for every character Python counts as a letter or digit.
"""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.memory_index import CorpusIndex
from explorer.pipeline import open_corpus
from explorer.query import MAX_QUERY_WORDS, Filter, fold_words, tidy_query
from gazetteer import Geoparser

#: Letters for Python (Unicode 14), separators for SQLite 3.40's unicode61 (issue 21, B3).
SPLITTERS = [chr(c) for c in (*range(0x19B0, 0x19C1), 0x19C8, 0x19C9, 0x1CF2, 0x1CF3)]
ARTICLE = ("زيارة رسمية\n\nوصل وزير الخارجية الفرنسي إلى بيروت صباح اليوم في زيارة.\n\n"
           "قال المراسل إن الكلمة ab{c}cd وردت في بيروت.\n")


def sqlite_tokens(texts: list[str]) -> list[list[str]]:
    """How the index's tokenizer (``unicode61 remove_diacritics 0``) splits each text."""
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(w, tokenize = 'unicode61 remove_diacritics 0')")
    con.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    con.executemany("INSERT INTO t (rowid, w) VALUES (?, ?)", enumerate(texts, 1))
    out: list[list[str]] = [[] for _ in texts]
    for doc, term in con.execute("SELECT doc, term FROM v ORDER BY doc, offset"):
        out[doc - 1].append(term)
    con.close()
    return out


def test_the_21_characters_are_what_sqlite_splits_on() -> None:
    assert len(SPLITTERS) == 21
    assert all(re.fullmatch(r"[^\W_]", c) for c in SPLITTERS)  # letters for Python
    if sqlite3.sqlite_version_info[:2] == (3, 40):
        assert all(len(t) == 2 for t in sqlite_tokens([f"a{c}b" for c in SPLITTERS]))


def test_every_folded_word_is_one_sqlite_token() -> None:
    """Every character Python counts as a letter or digit, between two letters: each word
    ``fold_words`` makes of it is one token for SQLite (which may case-fold it its own way,
    the same for passages and queries)."""
    letters = [chr(c) for c in range(0x110000)
               if not 0xD800 <= c < 0xE000 and re.fullmatch(r"[^\W_]", chr(c))]
    words = [w for c in letters for w in fold_words(f"a{c}b")]
    tokens = sqlite_tokens(words)
    wrong = [(w, t) for w, t in zip(words, tokens, strict=True) if len(t) != 1]
    assert wrong == []


@pytest.mark.parametrize("c", SPLITTERS, ids=lambda c: f"U+{ord(c):04X}")
def test_a_word_holding_a_sqlite_separator_is_searched_not_refused(
    c: str, index_db: IndexDB, index_mem: CorpusIndex
) -> None:
    f = Filter(text=f"ab{c}cd")
    assert f.words == ("ab", "cd")
    assert index_db.count_passages(f) == 1 == index_mem.count_passages(f)
    assert [p.place.id for p in index_db.places(f)] == [p.place.id for p in index_mem.places(f)]
    assert index_db.passages(f)[0].passage.text.startswith("قال المراسل")
    assert index_db.timeline(f) == index_mem.timeline(f)
    both = Filter(text=f"ab{c}cd", countries=frozenset({"LB"}))
    assert index_db.count_passages(both) == index_mem.count_passages(both) == 1
    assert index_db.countries(both) == index_mem.countries(both)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fts") / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE.format(c=SPLITTERS[0]), encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("ab{c}cd", "zz"), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index_path(corpus: Path, world: Geoparser) -> Path:
    path = corpus.parent / "index.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world).run()
    return path


@pytest.fixture(scope="module")
def index_db(index_path: Path) -> Iterator[IndexDB]:
    with IndexDB(index_path, readonly=True) as db:
        yield db


@pytest.fixture(scope="module")
def index_mem(corpus: Path, world: Geoparser) -> CorpusIndex:
    return open_corpus(corpus, geoparser=world)


def test_cli_searches_every_one_of_the_21_without_a_traceback(
    corpus: Path, index_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for c in SPLITTERS:
        out = tmp_path / "out.csv"
        code = cli.main(["export", str(corpus), "--index", str(index_path), "--format", "csv",
                         "-o", str(out), "--text", f"ab{c}cd بيروت"])
        _, err = capsys.readouterr()
        assert code == 0 and err == "", (hex(ord(c)), err)
        assert "بيروت" in out.read_text(encoding="utf-8")


# -- W8: a query's words, each once and bounded -----------------------------------------------


def test_a_word_repeated_10000_times_is_one_word() -> None:
    text = " ".join(["غزة"] * 10_000)
    assert tidy_query(text) == ("غزة", 0)
    assert Filter(text=text).words == tuple(fold_words("غزة"))


def test_words_beyond_the_bound_are_left_out_and_counted() -> None:
    text = " ".join(f"w{i} w{i}" for i in range(MAX_QUERY_WORDS + 8))
    tidy, dropped = tidy_query(text)
    assert tidy.split() == [f"w{i}" for i in range(MAX_QUERY_WORDS)] and dropped == 8
    assert Filter(text=text).words == tuple(f"w{i}" for i in range(MAX_QUERY_WORDS))
    assert tidy_query("غزة، - رفح") == ("غزة، - رفح", 0)  # nothing to drop: kept as typed


def test_a_huge_query_is_quick_and_said_to_be_cut(
    corpus: Path, index_path: Path, index_db: IndexDB, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    text = " ".join(f"كلمة{i}" for i in range(10_000)) + " " + " ".join(["بيروت"] * 10_000)
    t = time.perf_counter()
    f = Filter(text=text)
    assert len(f.words) == MAX_QUERY_WORDS
    index_db.places(f), index_db.count_passages(f), index_db.passages(f)
    assert time.perf_counter() - t < 2
    code = cli.main(["export", str(corpus), "--index", str(index_path), "--format", "csv",
                     "-o", str(tmp_path / "o.csv"), "--text", text])
    _, err = capsys.readouterr()
    assert code == 0
    assert f"only the first {MAX_QUERY_WORDS} different words" in err
    assert f"{10_000 + 1 - MAX_QUERY_WORDS} left out" in err
