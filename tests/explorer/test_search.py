"""Arabic-aware search (issue 17, item 3): folding, the article and attached prefixes on both
sides, prefixes, phrases, OR and NOT, on the real SQLite index and the in-memory one alike,
user text that is never FTS5 syntax, what is highlighted, and ``explorer export --text``."""

from __future__ import annotations

import csv
import shutil
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.article_html import article_html
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.index.writer import SEARCH_SEGMENTS
from explorer.memory_index import CorpusIndex
from explorer.passage_view import SEARCH_HIT, highlighted
from explorer.pipeline import open_corpus
from explorer.query import ALL_TYPES, MAX_QUERY_WORDS, Filter, fold_words
from explorer.search import (
    PREFIXES,
    folded_tokens,
    forms,
    highlights,
    install,
    parse,
    sql_condition,
    tidy_query,
)
from gazetteer import Geoparser

# One passage per line of interest: each names بيروت (a place, so it is counted) and a word.
PASSAGES = {
    "hamza_waw": "قال مسؤول في بيروت إن الوضع هادئ.",
    "hamza_ya": "وصرح مسئول آخر في بيروت بأن الأمر انتهى.",
    "hamza_alone": "أعلن مسءول ثالث في بيروت عن جزء من الخطة.",
    "alif": "زار الوزير إسرائيل ثم عاد إلى بيروت.",
    "maqsura": "نقل الجرحى إلى مستشفى في بيروت.",
    "marbuta": "تقع المدينة القديمة في بيروت.",
    "plain": "ناقش المجلس حدود البلدية في بيروت.",
    "article": "ناقش المجلس الحدود البحرية في بيروت.",
    "wa_bi_al": "التزم الطرفان وبالحدود المتفق عليها في بيروت.",
    "li_al": "أرسلت تعزيزات للحدود من بيروت.",
    "bi": "اجتمع الوفد بغزة قبل وصوله إلى بيروت.",
    "gaza": "وصل الوفد إلى غزة من بيروت.",
    "rafah": "عبرت الشاحنات رفح متجهة إلى بيروت.",
    "both": "انتقلت القافلة من غزة إلى رفح عبر بيروت.",
    "ceasefire": "دعا المجلس إلى وقف إطلاق النار في بيروت.",
    "li_ceasefire": "جرت محادثات لوقف إطلاق النار في بيروت.",
    "shuffled": "أدى إطلاق النار إلى وقف المحادثات في بيروت.",
    "officials": "التقى المسؤولون في بيروت مع مسؤولية الأمن.",
    "country": "زار الرئيس البلاد ووصل بيروت.",
    "diacritics": "قالَ المُتَحَدِّثُ إنَّ الحُدُودَ مُغلَقَةٌ في بيروت.",
    "latin": "The Café in Beirut was closed, said COVID-19 officials.",
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("search") / "corpus"
    folder.mkdir()
    for name, text in PASSAGES.items():
        (folder / f"{name}.txt").write_text(f"خبر {name}\n\n{text}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def index_path(corpus: Path, world: Geoparser) -> Path:
    path = corpus.parent / "index.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world).run()
    return path


@pytest.fixture(scope="module")
def sqlite(index_path: Path) -> Iterator[IndexDB]:
    with IndexDB(index_path, readonly=True) as db:
        yield db


@pytest.fixture(scope="module")
def memory(corpus: Path, world: Geoparser) -> CorpusIndex:
    return open_corpus(corpus, geoparser=world)


def found(reader: IndexDB | CorpusIndex, query: str, **kw: object) -> set[str]:
    f = Filter(text=query, **kw)  # type: ignore[arg-type]
    return {h.article.doc.removesuffix(".txt") for h in reader.passages(f, None, 0, 1000)}


def both(sqlite: IndexDB, memory: CorpusIndex, query: str) -> set[str]:
    """The articles a search finds, the same in both indexes (counts, places, timeline,
    countries, and the other SQL paths: by mention, by country)."""
    a, b = found(sqlite, query), found(memory, query)
    assert a == b, query
    f = Filter(text=query)
    assert sqlite.count_passages(f) == memory.count_passages(f) == len(a), query
    assert [(s.place.id, s.count) for s in sqlite.places(f)] == \
        [(s.place.id, s.count) for s in memory.places(f)], query
    assert sqlite.countries(f) == memory.countries(f), query
    assert sqlite.timeline(f) == memory.timeline(f), query
    for other in (Filter(text=query, types=ALL_TYPES), Filter(text=query, min_confidence=0.01),
                  Filter(text=query, countries=frozenset({"LB"}))):
        assert sqlite.count_passages(other) == memory.count_passages(other), (query, other)
        assert found(sqlite, query, types=other.types, countries=other.countries) == \
            found(memory, query, types=other.types, countries=other.countries), query
    return a


# -- folding ---------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["مسؤول", "مسوول", "مسؤُول", "مسو\u0654ول"])
def test_hamza_on_waw_folds_alike_in_index_and_query(
    query: str, sqlite: IndexDB, memory: CorpusIndex
) -> None:
    assert "hamza_waw" in both(sqlite, memory, query)


def test_every_hamza_form_and_alif_maqsura_and_ta_marbuta(
    sqlite: IndexDB, memory: CorpusIndex
) -> None:
    seats = {"hamza_waw", "hamza_ya", "hamza_alone"}
    # A hamza seat before و may be any (مسؤول, مسئول, مسءول); without hamza, as folded.
    for q in ("مسؤول", "مسئول", "مسءول", "مسئُول", "مسو\u0654ول"):
        assert both(sqlite, memory, q) == seats, q
    assert parse("رئيس سؤال").clauses[0].terms[0].spellings == ()  # no seat before و
    assert both(sqlite, memory, "مسيول") == {"hamza_ya"}
    assert both(sqlite, memory, "مسوول") == {"hamza_waw"}
    assert both(sqlite, memory, "جزء") == {"hamza_alone"} == both(sqlite, memory, "جُزْء")
    for q in ("إسرائيل", "اسرائيل", "أسرائيل", "آسرائيل", "اسراييل", "ٱسرائيل"):
        assert both(sqlite, memory, q) == {"alif"}, q
    for q in ("مستشفى", "مستشفي"):
        assert both(sqlite, memory, q) == {"maqsura"}, q
    for q in ("المدينة", "المدينه", "مدينة"):
        assert both(sqlite, memory, q) == {"marbuta"}, q
    # Decomposed hamza (alif + U+0654) is the composed letter.
    assert both(sqlite, memory, "ا\u0654سرائيل") == {"alif"}


def test_stored_words_are_the_folded_words_of_the_passage(index_path: Path) -> None:
    """The index holds what the query side folds: ``fold_words`` of each passage."""
    con = sqlite3.connect(index_path)
    rows = con.execute("SELECT p.text, f.words FROM passages AS p JOIN passages_fts AS f "
                       "ON f.rowid = p.id").fetchall()
    con.close()
    assert rows and all(words == " ".join(fold_words(text)) for text, words in rows)


# -- the article and attached prefixes, both sides ----------------------------------------


HUDUD = {"plain", "article", "wa_bi_al", "li_al", "diacritics"}


@pytest.mark.parametrize("query", ["الحدود", "حدود", "وبالحدود", "للحدود", "بالحدود",
                                   "فالحدود", "والحدود", "الحُدُود"])
def test_a_word_is_found_with_and_without_its_prefixes(
    query: str, sqlite: IndexDB, memory: CorpusIndex
) -> None:
    assert both(sqlite, memory, query) == HUDUD


def test_single_letter_prepositions_and_root_letters(sqlite: IndexDB, memory: CorpusIndex) -> None:
    assert both(sqlite, memory, "غزة") == {"gaza", "bi", "both"}
    assert both(sqlite, memory, "بغزة") == {"gaza", "bi", "both"}
    # بلاد: its ب may be the word's own: البلاد is found.
    assert "country" in both(sqlite, memory, "بلاد")
    # A short word keeps its first letter: بلد is not ب + لد.
    assert forms("بلد")[0] == "بلد" and "لد" not in forms("بلد")


def test_sun_letter_lam_and_allah() -> None:
    """ل + اللاجئين is written للاجئين (two lams, not three); ل + الله is لله."""
    for q in ("لاجئين", "اللاجئين", "للاجئين", "واللاجئين"):
        assert {"لاجيين", "اللاجيين", "للاجيين", "واللاجيين", "وللاجيين"} <= \
            set(parse(q).clauses[0].terms[0].forms(0)), q
    assert {"الله", "لله", "والله", "بالله", "ولله"} <= set(forms("الله"))
    assert "له" not in forms("الله")  # too short a core: الله is not ال + له


def test_prefixes_are_the_combinations_of_conjunction_preposition_and_article() -> None:
    assert {"و", "ف", "ب", "ل", "ك", "ال", "لل", "وال", "بال", "وبال", "فال", "ولل",
            "كال"} <= set(PREFIXES)
    assert "لال" not in PREFIXES and "بل" not in PREFIXES
    assert parse("للجنة").clauses[0].terms[0].words == ("للجنه",)
    assert {"اللجنه", "للجنه", "لجنه", "الجنه"} <= set(forms("للجنة".replace("ة", "ه")))


# -- prefix, phrases, OR, NOT -----------------------------------------------------------------


def test_prefix_search(sqlite: IndexDB, memory: CorpusIndex) -> None:
    assert both(sqlite, memory, "مسوول*") == {"hamza_waw", "officials"}
    assert both(sqlite, memory, "مسوول") == {"hamza_waw"}
    assert both(sqlite, memory, "المسؤول*") == {"hamza_waw", "officials", "hamza_ya",
                                                "hamza_alone"}
    # Too short a prefix asks for (nearly) everything: searched as a word.
    for q in ("ا*", "ال*", "a*", "مس*"):
        assert not parse(q).clauses[0].terms[0].prefix, q
    assert parse("مسو*").clauses[0].terms[0].prefix


def test_phrases_keep_their_order_and_take_prefixes(sqlite: IndexDB, memory: CorpusIndex) -> None:
    assert both(sqlite, memory, '"وقف إطلاق النار"') == {"ceasefire", "li_ceasefire"}
    assert both(sqlite, memory, "وقف إطلاق النار") == {"ceasefire", "li_ceasefire", "shuffled"}
    assert both(sqlite, memory, '"النار وقف"') == set()
    assert both(sqlite, memory, '"وقف إطلاق النار" -"محادثات لوقف"') == {"ceasefire"}
    assert both(sqlite, memory, '"وقف إطلاق النار" -"المجلس إلى"') == {"li_ceasefire"}
    # A word SQLite splits in two is a phrase.
    assert both(sqlite, memory, "covid-19") == {"latin"} == both(sqlite, memory, '"covid 19"')
    assert both(sqlite, memory, "19-covid") == set()


def test_or_in_english_and_arabic(sqlite: IndexDB, memory: CorpusIndex) -> None:
    either = {"gaza", "bi", "both", "rafah"}
    assert both(sqlite, memory, "غزة OR رفح") == either
    assert both(sqlite, memory, "غزة أو رفح") == either == both(sqlite, memory, "غزة او رفح")
    assert both(sqlite, memory, "غزة رفح") == {"both"}
    assert both(sqlite, memory, 'رفح OR "وقف إطلاق النار"') == \
        {"rafah", "both", "ceasefire", "li_ceasefire"}
    assert both(sqlite, memory, "غزة or رفح") == set()  # lower-case: a word


def test_not_and_minus(sqlite: IndexDB, memory: CorpusIndex) -> None:
    assert both(sqlite, memory, "غزة -رفح") == {"gaza", "bi"}
    assert both(sqlite, memory, "غزة NOT رفح") == {"gaza", "bi"}
    everything = both(sqlite, memory, "")
    assert both(sqlite, memory, "-غزة") == everything - {"gaza", "bi", "both"}
    assert both(sqlite, memory, '-"وقف إطلاق النار"') == everything - {"ceasefire",
                                                                        "li_ceasefire"}


HOSTILE = ['"', '""', '"""', "*", "-", "--", "(", ")", "()", "NOT", "OR", "AND", "NEAR",
           'غزة "رفح', 'a"b"c', "^غزة", "words:غزة", "NEAR(غزة رفح)", "{words}: غزة",
           "غزة OR", "OR غزة", "NOT NOT غزة", "-*", "غزة**", "*غزة", "- غزة", "(غزة OR رفح",
           "غزة AND رفح", '"غزة" OR', "+غزة", "غزة -", "\x00غزة", "'غزة'", "غزة:*",
           '-"', "* * -", "أو", "أو غزة أو", "غزة NOT", "-رفح -غزة", "NOT -غزة"]


@pytest.mark.parametrize("query", HOSTILE)
def test_fts5_syntax_in_user_text_never_raises(
    query: str, sqlite: IndexDB, memory: CorpusIndex
) -> None:
    both(sqlite, memory, query)


def test_hostile_text_means_what_its_words_say(sqlite: IndexDB, memory: CorpusIndex) -> None:
    gaza = {"gaza", "bi", "both"}
    for q in ('غزة "رفح', "(غزة", "غزة)", "^غزة", "+غزة", "غزة**", "*غزة", "- غزة",
              "NOT NOT غزة"[8:], "أو غزة أو", "غزة OR", "غزة NOT", "'غزة'"):
        assert both(sqlite, memory, q) == (gaza if q != 'غزة "رفح' else {"both"}), q


# -- bounds and tidying -----------------------------------------------------------------------


def test_tidy_keeps_the_syntax() -> None:
    assert tidy_query('غزة  "وقف النار"   OR رفح -مصر') == ('غزة "وقف النار" OR رفح -مصر', 0)
    assert tidy_query("غزة رفح غزة") == ("غزة رفح", 0)
    assert tidy_query("غزة غزة OR رفح") == ("غزة غزة OR رفح", 0)  # غزة AND (غزة OR رفح)
    text = " OR ".join(f"w{i}" for i in range(MAX_QUERY_WORDS + 3))
    tidy, dropped = tidy_query(text)
    assert dropped == 3 and tidy == " OR ".join(f"w{i}" for i in range(MAX_QUERY_WORDS))


def test_a_phrase_beyond_the_bound_is_cut_not_dropped(
    sqlite: IndexDB, memory: CorpusIndex
) -> None:
    words = " ".join(f"w{i}" for i in range(MAX_QUERY_WORDS + 5))
    q = parse(f'"دعا المجلس إلى {words}"')
    assert q.dropped == 8 and len(q.words) == MAX_QUERY_WORDS
    assert q.clauses[0].terms[0].words[:2] == ("دعا", "المجلس")
    assert tidy_query(f'"{words}"') == ('"' + " ".join(words.split()[:32]) + '"', 5)
    assert both(sqlite, memory, f'"دعا المجلس إلى {words}"') == set()


def test_a_long_arabic_query_is_quick(sqlite: IndexDB) -> None:
    text = " OR ".join(f"والكلمة{i}*" for i in range(MAX_QUERY_WORDS))
    t = time.perf_counter()
    f = Filter(text=text)
    sqlite.places(f), sqlite.count_passages(f), sqlite.passages(f)
    assert time.perf_counter() - t < 2


def test_sql_condition_on_a_bare_connection() -> None:
    con = sqlite3.connect(":memory:")
    install(con)
    con.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(words, detail = none, "
                "tokenize = 'unicode61 remove_diacritics 0')")
    texts = ["وقف اطلاق النار", "النار وقف", "وبالحدود"]
    con.executemany("INSERT INTO passages_fts (rowid, words) VALUES (?, ?)",
                    [(i, " ".join(fold_words(t))) for i, t in enumerate(texts, 1)])
    for query, want in (('"وقف إطلاق"', [1]), ("النار", [1, 2]), ("-النار", [3]),
                        ("الحدود", [3]), ('-"النار وقف"', [1, 3])):
        cond, args = sql_condition("id", query)
        got = [r[0] for r in con.execute(
            f"SELECT id FROM (SELECT 1 AS id UNION SELECT 2 UNION SELECT 3) WHERE {cond} "
            "ORDER BY id", args)]
        assert got == want, query


# -- highlighting -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "قالَ المُتَحَدِّثُ إنَّ الحُدُودَ مُغلَقَةٌ", "ـالحـدود وبالحدود", "Café CAFÉ cafe\u0301 Straße",
    "ﻻ ﷲ ﻋﻠﻲ", "İstanbul ΣΊΣΥΦΟΣ", "a\u19b0b c", "١٢٣ غزة،رفح", "", "   ", "مسؤول\u200fمسئول",
])
def test_folded_tokens_are_the_indexed_words(text: str) -> None:
    assert [t[0] for t in folded_tokens(text)] == fold_words(text)
    for word, s, e in folded_tokens(text):
        assert s < e and text[s:e].strip() == text[s:e], (word, text[s:e])


def test_highlights_cover_whole_words_with_their_prefixes_and_marks() -> None:
    text = "قالَ إنَّ الحُدُودَ وبالحدود مغلقة، وللحدودِ حراس"
    spans = highlights(text, "حدود")
    assert [text[s:e] for s, e in spans] == ["الحُدُودَ", "وبالحدود", "وللحدودِ"]
    text = "دعا إلى وقف إطلاق النار ثم وقف المحادثات"
    assert [text[s:e] for s, e in highlights(text, '"وقف إطلاق النار" OR المحادثات')] == \
        ["وقف إطلاق النار", "المحادثات"]
    assert highlights(text, "-وقف") == []
    assert [text[s:e] for s, e in highlights(text, "محادث*")] == ["المحادثات"]


def test_passage_panel_and_reader_html_mark_every_match(sqlite: IndexDB) -> None:
    f = Filter(text="حدود")
    hits = sqlite.passages(f)
    assert len(hits) == len(HUDUD)
    for hit in hits:
        html = highlighted(hit, 0, query=f.text)
        assert html.count(SEARCH_HIT) >= 1, hit.passage.text
        article = sqlite.article(hit.article.doc)
        assert article is not None
        page = article_html(article, sqlite.mentions_in(hit.article.doc), query=f.text)
        assert page.count(SEARCH_HIT) == html.count(SEARCH_HIT)
    # A match inside a place name is marked inside its link.
    hit = sqlite.passages(Filter(text="بيروت"))[0]
    html = highlighted(hit, 3, query="بيروت")
    assert f'<span style="{SEARCH_HIT}">بيروت</span></span></a>' in html


# -- the CLI ------------------------------------------------------------------------------------


def test_export_text_uses_the_same_search(
    corpus: Path, index_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for query, want in (("الحدود", HUDUD),
                        ('"وقف إطلاق النار"', {"ceasefire", "li_ceasefire"}),
                        ("غزة أو رفح -الوفد", {"rafah", "both"}),
                        ('(غزة "', {"gaza", "bi", "both"}),
                        ("-بيروت", {"latin"}), ("-بيروت -Beirut", set())):
        out = tmp_path / "o.csv"
        code = cli.main(["export", str(corpus), "--index", str(index_path), "--format", "csv",
                         "-o", str(out), f"--text={query}"])
        _, err = capsys.readouterr()
        assert code == 0 and err == "", (query, err)
        with out.open(encoding="utf-8") as fh:
            rows = list(csv.DictReader(fh))
        assert bool(rows) == bool(want), query
        text = out.read_text(encoding="utf-8")
        for name in PASSAGES:
            assert (f"{name}.txt" in text) == (name in want), (query, name)


# -- the full-text index after indexing -------------------------------------------------------


def segments(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return int(con.execute("SELECT COUNT(DISTINCT segid) FROM passages_fts_idx")
                   .fetchone()[0])
    finally:
        con.close()


def test_indexing_leaves_the_full_text_index_in_one_segment(
    corpus: Path, tmp_path: Path, world: Geoparser
) -> None:
    """A search asks for each word in 24 forms or more, each a lookup in every segment:
    indexing that wrote 5% of the corpus or more merges them (9x quicker at 3,000
    articles)."""
    corpus = Path(shutil.copytree(corpus, tmp_path / "corpus"))
    path = tmp_path / "i.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world, batch_size=2).run()
    assert segments(path) == 1
    with IndexDB(path, readonly=True) as db:
        assert {h.article.doc for h in db.passages(Filter(text="الحدود"))} == \
            {f"{n}.txt" for n in HUDUD}
    (corpus / "plain.txt").touch()  # stat changed, content the same: nothing written
    Indexer(corpus, path, jobs=1, geoparser=world, batch_size=2).run()
    assert segments(path) == 1
    # An index of many segments (made by an older explorer) is merged at the next run.
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('automerge', 0)")
    for k in range(SEARCH_SEGMENTS + 1):  # one segment per transaction
        con.execute("INSERT INTO passages_fts (rowid, words) VALUES (?, 'x')", (10**6 + k,))
    con.execute("DELETE FROM passages_fts WHERE rowid >= ?", (10**6,))
    con.execute("INSERT INTO passages_fts (passages_fts, rank) VALUES ('automerge', 4)")
    con.close()
    assert segments(path) > SEARCH_SEGMENTS
    Indexer(corpus, path, jobs=1, geoparser=world, batch_size=2).run()
    assert segments(path) == 1


def test_the_search_benchmark_runs(tmp_path: Path) -> None:
    """A tiny run of ``benchmarks/search.py``, so a change that breaks it fails here."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "search.py"), "--articles", "40",
         "--work", str(tmp_path), "--jobs", "1", "--words", "5"],
        capture_output=True, text=True, timeout=600, cwd=root, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "view: 32 words OR'd" in done.stdout and "its forms (MATCH)" in done.stdout


def test_random_queries_never_raise_and_both_indexes_agree(
    sqlite: IndexDB, memory: CorpusIndex
) -> None:
    """Random mixes of syntax and words from the passages: no query fails, none differs."""
    import random

    rng = random.Random(17)
    words = sorted({w for text in PASSAGES.values() for w in text.split()})
    syntax = ['"', "*", "-", "(", ")", "OR", "NOT", "أو", "AND", ":", "^", "+", "NEAR", "'"]
    for _ in range(120):
        parts = [rng.choice(words) if rng.random() < 0.6 else rng.choice(syntax)
                 for _ in range(rng.randint(1, 6))]
        glue = rng.choice([" ", "", " "])
        query = glue.join(parts)
        a, b = found(sqlite, query), found(memory, query)
        assert a == b, query
        f = Filter(text=query)
        assert sqlite.count_passages(f) == memory.count_passages(f), query
        if f.query.positive:  # every passage found shows what found it
            for hit in sqlite.passages(f):
                assert highlights(hit.passage.text, query), (query, hit.passage.text)
