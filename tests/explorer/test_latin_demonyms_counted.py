"""English and French demonyms in a folder (issue 19): typed demonym by each article's own
language, counted apart from place names, on the map only when the filter asks for them —
in the in-memory index and the SQLite one alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.pipeline import open_corpus
from explorer.query import ALL_TYPES, Filter, IndexReader
from gazetteer import Gazetteer, Geoparser

DATA = Path(__file__).resolve().parents[1] / "gazetteer" / "data" / "demonyms.yaml"
ARTICLES = {
    "en_story.txt": "Talks resume\n\nSyrian and Moroccan diplomats met in Paris on Monday. "
                    "The Syrians said the talks with the French side were useful, and the "
                    "meeting will continue in Paris next week with the other delegations.\n",
    "fr_story.txt": "Reprise des pourparlers\n\nLe gouvernement marocain a reçu lundi à Paris "
                    "des diplomates syriens. Les Marocains ont dit que les discussions avec "
                    "la partie française avaient été utiles et qu'elles reprendront.\n",
}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("latin") / "corpus"
    root.mkdir()
    for name, text in ARTICLES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def gp() -> Geoparser:
    return Geoparser(Gazetteer.from_files([DATA], frozenset()))


@pytest.fixture(scope="module", params=["memory", "sqlite"])
def reader(request: pytest.FixtureRequest, folder: Path, gp: Geoparser) -> IndexReader:
    if request.param == "memory":
        return open_corpus(folder, geoparser=gp)
    db = folder.parent / "index.sqlite"
    Indexer(folder, db, jobs=1, geoparser=gp).run()
    opened = IndexDB(db, readonly=True)
    request.addfinalizer(opened.close)
    return opened


def test_demonyms_are_found_by_each_articles_language(reader: IndexReader) -> None:
    en = [(m.text, m.type) for m in reader.mentions_in("en_story.txt")]
    fr = [(m.text, m.type) for m in reader.mentions_in("fr_story.txt")]
    assert ("Syrian", "demonym") in en and ("Syrians", "demonym") in en
    assert ("Moroccan", "demonym") in en and ("French", "demonym") in en
    assert ("marocain", "demonym") in fr and ("Marocains", "demonym") in fr
    assert ("syriens", "demonym") in fr and ("française", "demonym") in fr
    assert ("Paris", "toponym") in en and ("Paris", "toponym") in fr


def test_demonyms_count_on_the_map_only_when_asked(reader: IndexReader) -> None:
    assert reader.stats()["demonyms"] == 8
    by_default = {s.place.name: s.count for s in reader.places(Filter())}
    assert by_default == {"Paris": 3}
    with_demonyms = {s.place.name: s.count for s in reader.places(Filter(types=ALL_TYPES))}
    assert with_demonyms == {"Paris": 3, "Syria": 3, "Morocco": 3, "France": 2}
