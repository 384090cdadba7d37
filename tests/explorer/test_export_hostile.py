"""Exports of hostile user data (issue 21): B12, every text cell of the CSV is neutralised
(a user gazetteer's ``country: "=1+2"`` was written raw); B19, text such as ``http://`` in a
place's name or id is data, not a reference (the HTML export failed whole); B22, ``--doc`` is
an article of the corpus, never another path (``/etc/passwd`` was read, and an empty export
written with exit 0). Real indexes, real files."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

import explorer.cli as cli
from explorer.export import mentions_csv, offline_map_html
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.mapdoc import remote_urls
from explorer.pipeline import open_corpus
from explorer.query import Filter
from gazetteer import Geoparser
from tests.hostile import ALIAS, page_data, write_case

FORMULAS = ("=", "+", "-", "@", "\t", "\r")


def gazetteer(tmp_path: Path, **fields: object) -> Path:
    place = {"id": "user:t1", "kind": "city", "name": "Testville", "name_ar": ALIAS,
             "lat": 38.5, "lon": 68.7, "country": "TJ", **fields}
    path = tmp_path / "g.yaml"
    path.write_text(yaml.safe_dump({"format": "explorer-gazetteer/1", "places": [place]},
                                   allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(f"خبر\n\nوصل الوفد إلى {ALIAS} ثم إلى بغداد أمس.\n",
                                  encoding="utf-8")
    return folder


@pytest.mark.parametrize("formula", ["=1+2", "+1", "-1+2", "@SUM(A1)", "\t=1", "＝1+2"])
def test_every_text_cell_of_the_csv_is_neutralised(
    formula: str, corpus: Path, tmp_path: Path
) -> None:
    g = gazetteer(tmp_path, country=formula, id=f"user:{formula}", name=f"{formula} x",
                  kind="city")
    index = open_corpus(corpus, [g])
    assert index.place(f"user:{formula}") is not None, "the hostile place was not found"
    rows = list(csv.reader(io.StringIO(mentions_csv(index).lstrip("\ufeff"))))
    [row] = [r for r in rows[1:] if r[5] == f"user:{formula}"]
    assert row[9] == "'" + formula.strip()  # country (stripped by the loader), as text
    for r in rows[1:]:
        assert not any(cell.startswith((*FORMULAS, "＝")) for cell in r
                       if not _number(cell)), r


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


@pytest.mark.parametrize("payload", ["http://evil.example/x.js", "https://a.b/c",
                                     "file:///etc/passwd", "//cdn.example/a.css"])
def test_a_url_in_a_place_is_data_and_the_html_export_is_made(
    payload: str, tmp_path: Path
) -> None:
    corpus, gaz, shown = write_case(tmp_path, payload)
    index = open_corpus(corpus, [gaz])
    assert index.place(shown["id"]) is not None, "the hostile place was not found"
    html = offline_map_html(index)  # raised "still refers to ... a remote resource"
    assert remote_urls(html) == [] and "file://" not in html
    [record] = [p for p in page_data(html)["initial"]["add"] if p["id"] == shown["id"]]
    assert {k: record[k] for k in shown} == shown  # the text itself, intact


@pytest.mark.parametrize("doc", ["/etc/passwd", "../../../../../../etc/passwd", "./a.txt",
                                 "a.txt/../a.txt"])
def test_doc_is_an_article_of_the_corpus_only(
    doc: str, corpus: Path, tmp_path: Path, world: Geoparser,
    capsys: pytest.CaptureFixture[str]
) -> None:
    index = tmp_path / "i.sqlite"
    Indexer(corpus, index, jobs=1, geoparser=world).run()
    with IndexDB(index, readonly=True) as db:
        assert db.article(doc) is None
        assert db.article("a.txt") is not None
    out = tmp_path / "out.csv"
    code = cli.main(["export", str(corpus), "--index", str(index), "--format", "csv",
                     "-o", str(out), "--doc", doc])
    err = capsys.readouterr().err
    assert code == 1 and "no such article" in err and not out.exists()
    code = cli.main(["export", str(corpus), "--index", str(index), "--format", "csv",
                     "-o", str(out), "--doc", "a.txt"])
    assert code == 0 and "بغداد" in out.read_text(encoding="utf-8")
    assert Filter(doc="a.txt").doc == "a.txt"
