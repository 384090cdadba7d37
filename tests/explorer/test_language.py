"""The language of articles and passages (issue 19, part 2): detected offline by script and
stopwords, stated languages reduced to their primary subtag, stored in the index, filtered on
by both readers, and each passage in its own direction."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.article_html import article_html
from explorer.article_html import direction as article_direction
from explorer.corpus import read_article
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.language import detect, direction, of_document, stated
from explorer.memory_index import CorpusIndex
from explorer.passage_view import hits_html
from explorer.pipeline import open_corpus
from explorer.query import Filter
from gazetteer import Geoparser

ROOT = Path(__file__).resolve().parents[2]
MIXED = ROOT / "tests" / "data" / "languages"
ARABIC_DIRS = (ROOT / "seeds", *(ROOT / "tests" / "data" / d for d in ("devset", "devset2")))


def test_every_arabic_news_article_we_hold_is_arabic() -> None:
    files = sorted(p for d in ARABIC_DIRS for p in d.glob("*.txt"))
    assert len(files) >= 50
    wrong = [p.name for p in files if detect(p.read_text(encoding="utf-8")) != "ar"]
    assert wrong == []


@pytest.mark.parametrize(("text", "code"), [
    ("Lebanon's parliament failed on Thursday to elect a new head of state, lawmakers said.",
     "en"),
    ("Le gouvernement a inauguré mardi à Dakar les nouveaux quais du port.", "fr"),
    ("L'armée a annoncé qu'elle avait repris le contrôle de la ville.", "fr"),
    ("El presidente de Argelia recibió en Argel al ministro de Asuntos Exteriores.", "es"),
    ("أعلنت الحكومة في مالي أن الأمطار الغزيرة أدت إلى غمر عدد من الأحياء", "ar"),
    # Mostly Arabic with an English name in it: Arabic.
    ("قالت وكالة Reuters إن الوفد وصل إلى بيروت مساء أمس", "ar"),
    ("2024 · 12", None),  # no letters: no language
    ("Zzyzx Qwrt Blorp Vrank", None),  # Latin letters, none of the words: no language
])
def test_detect(text: str, code: str | None) -> None:
    assert detect(text) == code


def test_stated_languages_and_the_documents_own() -> None:
    assert [stated(x) for x in ("en-US", "FR", "ar_EG", "", None, "12", "x-klingon")] == \
        ["en", "fr", "ar", None, None, None, None]
    arabic = "قال مسؤول في الحكومة إن الوفد وصل إلى بيروت مساء أمس"
    assert of_document("en", arabic) == "ar"  # a template's lang="en" on an Arabic page
    assert of_document("fr-FR", "Le président a reçu mardi le ministre des Affaires étrangères") \
        == "fr"
    assert of_document("es", "The minister said on Tuesday that the talks were over") == "es"
    assert of_document(None, "The minister said on Tuesday that the talks were over") == "en"


def test_direction_of_passages() -> None:
    assert direction("The two ministers will also discuss the reopening of the crossing") == "ltr"
    assert direction("وأضاف البيان أن الوزيرين سيعقدان مؤتمرا صحفيا") == "rtl"
    # Too short to tell: the article's language, else the script of most letters.
    assert direction("BBC", "ar") == "rtl" and direction("BBC") == "ltr"
    # An article that said too little ('' in the index): the passage's own letters.
    assert direction("قال", "") == "rtl" and article_direction("قال BBC", "") == "rtl"


def test_articles_get_their_language_when_they_state_none() -> None:
    langs = {p.name: read_article(p, MIXED).language for p in sorted(MIXED.glob("*.txt"))}
    assert langs == {"ar_bamako.txt": "ar", "ar_with_english.txt": "ar",
                     "en_beirut.txt": "en", "fr_dakar.txt": "fr"}


@pytest.fixture(scope="module")
def memory(world: Geoparser) -> CorpusIndex:
    return open_corpus(MIXED, geoparser=world)


def test_both_readers_store_and_filter_the_language(
    tmp_path: Path, world: Geoparser, memory: CorpusIndex
) -> None:
    db_path = tmp_path / "index.sqlite"
    Indexer(MIXED, db_path, geoparser=world).run()
    with IndexDB(db_path) as db:
        facets = db.article_facets()
        assert facets["language"] == [("ar", 2), ("en", 1), ("fr", 1)]
        assert memory.article_facets() == facets
        for reader in (db, memory):
            docs = {h.article.doc for h in reader.passages(Filter(languages=frozenset({"fr"})))}
            assert docs == {"fr_dakar.txt"}
            both = Filter(languages=frozenset({"en", "fr"}))
            assert {h.article.doc for h in reader.passages(both)} == {"en_beirut.txt",
                                                                     "fr_dakar.txt"}
            # Bamako is named in the Arabic and the French articles: in French, one of them.
            bamako = {p.place.name: p for p in reader.places(Filter(
                languages=frozenset({"fr"})))}
            assert "Bamako" in bamako and "Beirut" not in bamako


def test_each_passage_reads_in_its_own_direction(memory: CorpusIndex) -> None:
    hits = [h for h in memory.passages(Filter()) if h.article.doc == "ar_with_english.txt"]
    page = hits_html(hits)
    english = next(h for h in hits if "Rafah" in h.passage.text)
    arabic = next(h for h in hits if "عمان" in h.passage.text)
    assert page.count('<p dir="ltr" align="left">') == 1
    assert english.passage.text[:20] in page.split('<p dir="ltr" align="left">')[1]
    assert arabic.passage.text[:10] in page.split('<p dir="ltr" align="left">')[0]
    # The reader: the same.
    article = read_article(MIXED / "ar_with_english.txt", MIXED)
    out = article_html(article, [])
    assert out.count('dir="ltr" align="left"') == 1
    assert 'dir="ltr" align="left">The two ministers' in out
    # In an English article, a heading in English reads left to right too.
    beirut = [h for h in memory.passages(Filter()) if h.article.doc == "en_beirut.txt"]
    assert '<h3 dir="ltr" align="left">Lebanese parliament' in hits_html(beirut)


def test_the_stored_filter_keeps_its_languages() -> None:
    from explorer.filter_store import from_json, to_json

    f = Filter(languages=frozenset({"en", "fr"}))
    assert from_json(to_json(f)) == f


def test_cli_export_of_one_language(tmp_path: Path) -> None:
    """``explorer index`` then ``explorer export --language fr`` (processes): the French
    article's rows only, with their language column."""
    import csv
    import io
    import os
    import shutil
    import subprocess
    import sys

    root = tmp_path / "c"
    shutil.copytree(MIXED, root)
    env = {**os.environ, "EXPLORER_DATA_DIR": str(tmp_path / "data")}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "explorer", *args], capture_output=True,
                              text=True, timeout=300, env=env, check=False)

    assert cli("index", str(root)).returncode == 0
    out = tmp_path / "fr.csv"
    done = cli("export", str(root), "--format", "csv", "-o", str(out), "--language", "fr")
    assert done.returncode == 0, done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert rows and {(r["doc"], r["language"]) for r in rows} == {("fr_dakar.txt", "fr")}


def test_datelines_are_read_with_the_arabic_languages_words() -> None:
    """``explorer.dates`` builds its patterns from ``gazetteer.lang.ar``'s date words (and the
    English ones it holds until English has a language)."""
    from explorer.dates import META, MONTHS, parse_date
    from explorer.furniture import line_key
    from gazetteer.lang import get

    ar = get("ar").dates
    assert ar.months.items() <= MONTHS.items() and MONTHS["september"] == 9
    assert "september" not in ar.months
    m = META.search(line_key("آخر تحديث: الثلاثاء 28 أيلول 2021 الساعة 02:52 م"))
    assert m is not None and m["upd"] and parse_date(m["date"], m["time"]) == "2021-09-28T14:52"


def test_an_older_index_gets_its_articles_languages(tmp_path: Path, world: Geoparser) -> None:
    """An index written before articles had a language (NULL) gets them at the next run from
    its passages, without re-reading the files; one that says too little gets '' and is not
    asked again."""
    import shutil
    import sqlite3

    root = tmp_path / "c"
    shutil.copytree(MIXED, root)
    (root / "numbers.txt").write_text("2021 · 12 · 45\n", encoding="utf-8")
    db_path = tmp_path / "index.sqlite"
    Indexer(root, db_path, geoparser=world).run()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE articles SET language = NULL")
    summary = Indexer(root, db_path, geoparser=world).run()
    assert summary.unchanged == 5 and summary.new == summary.changed == 0
    with sqlite3.connect(db_path) as conn:
        assert dict(conn.execute("SELECT doc, language FROM articles")) == {
            "ar_bamako.txt": "ar", "ar_with_english.txt": "ar", "en_beirut.txt": "en",
            "fr_dakar.txt": "fr", "numbers.txt": ""}
    with IndexDB(db_path) as db:
        assert db.article_facets()["language"] == [("ar", 2), ("en", 1), ("fr", 1)]
        assert db.fill_languages(detect) == 0  # nothing left to fill
