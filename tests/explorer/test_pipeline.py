"""One way into a corpus for the CLI and the window: ``pipeline.read`` and ``pipeline.geoparse``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from explorer import cli, pipeline
from explorer.query import Filter
from gazetteer import Gazetteer, Geoparser

MINI = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "mini.yaml"


@pytest.fixture(scope="module")
def mini() -> Geoparser:
    return Geoparser(Gazetteer.from_files([MINI]))


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("خبر أول\n\nوصل الوفد إلى هلسنكي ثم إلى جنيف.\n", encoding="utf-8")
    (root / "b.txt").write_text("خبر ثان\n\nقال مسؤول في أفغانستان إن الوضع هادئ.\n",
                               encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def spans(found: list) -> list[tuple[int, int, str]]:  # type: ignore[type-arg]
    return [(m.start, m.end, m.place.id) for m in found]


def test_streaming_hands_out_each_article_once_and_keeps_none(
    corpus_dir: Path, mini: Geoparser
) -> None:
    corpus, geoparser = pipeline.read(corpus_dir, geoparser=mini)
    assert geoparser is mini
    assert [a.doc for a in corpus.articles] == ["a.txt", "b.txt"]
    assert any("empty.txt" in str(p) for p in corpus.problems)
    kept = [(a.doc, spans(f)) for a, f in pipeline.geoparse(corpus, mini)]
    assert len(corpus.articles) == 2  # keep=True leaves the corpus as it was

    stream = pipeline.geoparse(corpus, mini, keep=False)
    first = next(stream)
    assert corpus.articles == []  # the corpus no longer holds them
    streamed = [(first[0].doc, spans(first[1]))] + [(a.doc, spans(f)) for a, f in stream]
    assert streamed == kept
    assert {pid for _, found in kept for *_, pid in found} == {
        "gn:658225", "gn:2660646", "gn:1149361"}


def test_open_corpus_indexes_what_geoparse_finds(corpus_dir: Path, mini: Geoparser) -> None:
    index = pipeline.open_corpus(corpus_dir, geoparser=mini)
    corpus, _ = pipeline.read(corpus_dir, geoparser=mini)
    assert {doc: spans(index.mentions[doc]) for doc in index.mentions} == {
        a.doc: spans(f) for a, f in pipeline.geoparse(corpus, mini)}
    assert [p.place.id for p in index.places(Filter(countries=frozenset({"FI"})))] == ["gn:658225"]


def test_the_mentions_command_reads_through_the_pipeline(
    corpus_dir: Path, mini: Geoparser, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The pipeline's gazetteer is the one the command uses: swap in the small one.
    monkeypatch.setattr(pipeline, "load_geoparser", lambda files: mini)
    assert cli.main(["mentions", str(corpus_dir)]) == 0
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["doc"], r["place"]["id"]) for r in rows] == [
        ("a.txt", "gn:658225"), ("a.txt", "gn:2660646"), ("b.txt", "gn:1149361")]
    assert "empty.txt" in err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    from explorer import __version__

    with pytest.raises(SystemExit) as exit_:
        cli.main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"explorer {__version__}"


RULES_EN = MINI.parent / "rules_en.yaml"


def test_each_article_is_read_with_its_own_languages_rules(tmp_path: Path) -> None:
    """Issue 19: an English article is read with the English rules (a club named after its
    town is no place), an Arabic one with the Arabic rules, by the index and the CLI alike."""
    root = tmp_path / "corpus"
    root.mkdir()
    english = ("Real Madrid won the match in Madrid on Sunday, and the club said that it was "
               "the best result of the season for the team.\n")
    (root / "en.txt").write_text(english, encoding="utf-8")
    (root / "ar.txt").write_text("خبر\n\nقال مسؤول إن الوفد وصل إلى باريس أمس.\n",
                                 encoding="utf-8")
    gp = Geoparser(Gazetteer.from_files([RULES_EN]))
    corpus, _ = pipeline.read(root, geoparser=gp)
    assert {a.doc: a.language for a in corpus.articles} == {"ar.txt": "ar", "en.txt": "en"}
    found = {a.doc: [(m.start, m.place.name) for m in f]
             for a, f in pipeline.geoparse(corpus, gp)}
    second = english.index("Madrid", english.index("Madrid") + 1)
    assert found["en.txt"] == [(second, "Madrid")]  # not the club
    assert [name for _, name in found["ar.txt"]] == ["Paris"]
    index = pipeline.open_corpus(root, geoparser=gp)
    assert [(m.start, m.place.name) for m in index.mentions["en.txt"]] == [(second, "Madrid")]
    # The same text read with the Arabic rules finds the club's town too.
    assert [m.start for m in gp.parse(english)] == [english.index("Madrid"), second]
