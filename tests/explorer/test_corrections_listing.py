"""``explorer corrections DIR`` escapes what it prints (issue 21, B21): an escape sequence in a
file name reaches the terminal as text, as in every other output. Real index, real files."""

from __future__ import annotations

from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.corrections import Correction
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from gazetteer import Geoparser

HOSTILE = "a\x1b]0;owned\x07\x1b[31m\r\nred.txt"


def test_listed_file_names_are_escaped(
    tmp_path: Path, world: Geoparser, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / HOSTILE).write_text("خبر\n\nوصل الوفد إلى بغداد أمس.\n", encoding="utf-8")
    odd = "b\u009b31m\u202e.txt"  # a C1 CSI, a right-to-left override
    (corpus / odd).write_text("خبر\n\nوصل الوفد إلى البصرة أمس.\n", encoding="utf-8")
    index = tmp_path / "i.sqlite"
    Indexer(corpus, index, jobs=1, geoparser=world).run()
    with IndexDB(index) as db:
        docs = {a.doc for a in (db.article(HOSTILE), db.article(odd)) if a is not None}
        assert docs == {HOSTILE, odd}
        db.add_correction(Correction("article", "reject", "بغداد", doc=HOSTILE))
        db.add_correction(Correction("article", "reject", "البصرة", doc=odd))
    assert cli.main(["corrections", str(corpus), "--index", str(index)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    assert not any(c in out for c in "\x1b\x07\r\x9b\u202e")
    assert "a\\x1b]0;owned\\x07\\x1b[31m\\r\\nred.txt" in lines[0]
    assert "b\\x9b31m\\u202e.txt" in lines[1]
