"""Where an export may be written (issue 21: B11, B20): only a regular file (or a new path) is
replaced, never a FIFO or a device (as root, ``-o /dev/full`` replaced the system's device),
and never the index or an article of the corpus. Real files, a FIFO and a device node made in
a temporary folder (never the system's /dev), real SQLite."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import explorer.cli as cli
from explorer.export import ExportError, output_problem, write_export
from explorer.index.build import Indexer
from explorer.index.db import IndexDB
from explorer.query import Filter
from gazetteer import Geoparser
from tests.conftest import ROOT

ARTICLE = "خبر\n\nوصل الوفد إلى بغداد ثم إلى البصرة في الصباح.\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


@pytest.fixture
def index(corpus: Path, world: Geoparser) -> Path:
    path = corpus.parent / "i.sqlite"
    Indexer(corpus, path, jobs=1, geoparser=world).run()
    return path


def export(capsys: pytest.CaptureFixture[str], corpus: Path, index: Path, out: Path,
           fmt: str = "csv") -> tuple[int, str]:
    code = cli.main(["export", str(corpus), "--index", str(index), "--format", fmt,
                     "-o", str(out)])
    return code, capsys.readouterr().err


def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


def char_device(tmp_path: Path) -> Path:
    """A character device node of our own (the null device's numbers), in ``tmp_path``."""
    path = tmp_path / "null-node"
    try:
        os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


def link_to_dev_null(tmp_path: Path) -> Path:
    path = tmp_path / "to-null"
    path.symlink_to(os.devnull)
    return path


@pytest.mark.parametrize("make", [fifo, char_device, link_to_dev_null],
                         ids=["fifo", "device", "link-to-dev-null"])
def test_export_never_replaces_a_fifo_or_a_device(
    make: Callable[[Path], Path], corpus: Path, index: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str]
) -> None:
    target = make(tmp_path)
    kind = stat.S_IFMT(os.stat(target).st_mode)
    for fmt in ("csv", "geojson", "html"):
        code, err = export(capsys, corpus, index, target, fmt)
        assert code == 1 and "not a regular file" in err and err.count("\n") == 1, err
        assert stat.S_IFMT(os.stat(target).st_mode) == kind  # still what it was
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    with IndexDB(index, readonly=True) as db, pytest.raises(ExportError, match="regular file"):
        write_export(db, Filter(), "csv", target)


def test_png_export_onto_a_fifo_is_refused_without_hanging(
    corpus: Path, index: Path, tmp_path: Path
) -> None:
    target = fifo(tmp_path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [sys.executable, "-m", "explorer", "export", str(corpus), "--index", str(index),
         "--format", "png", "-o", str(target)],
        capture_output=True, text=True, timeout=120, env=env)
    assert proc.returncode == 1 and "not a regular file" in proc.stderr
    assert stat.S_ISFIFO(os.stat(target).st_mode)


def test_export_onto_the_index_is_refused_and_the_index_kept(
    corpus: Path, index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = index.read_bytes()
    link = tmp_path / "link.sqlite"
    link.symlink_to(index)
    hard = tmp_path / "hard.sqlite"
    os.link(index, hard)
    spelled = corpus / ".." / index.name
    for out in (index, link, hard, spelled):
        code, err = export(capsys, corpus, index, out)
        assert code == 1 and "not to be overwritten" in err, (out, err)
    code, err = export(capsys, corpus, index, Path(f"{index}-wal"))
    assert code == 1, err
    assert index.read_bytes() == before
    with IndexDB(index, readonly=True) as db:
        assert db.stats()["articles"] == 1
    # Without --index, the folder's own index (the default path) is protected the same way.
    assert output_problem(index, [index]) is not None


def test_export_onto_an_article_is_refused_and_the_article_kept(
    corpus: Path, index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = corpus / "a.txt"
    link = tmp_path / "article-link.txt"
    link.symlink_to(article)
    for out in (article, corpus / "." / "a.txt", link):
        code, err = export(capsys, corpus, index, out)
        assert code == 1 and "article" in err, (out, err)
    assert article.read_text(encoding="utf-8") == ARTICLE
    # Other files, in the folder or not, are written as before.
    for out in (corpus / "export.csv", tmp_path / "x.csv"):
        code, err = export(capsys, corpus, index, out)
        assert code == 0, err
        assert out.read_text(encoding="utf-8-sig").startswith("doc,")


def test_corrections_export_onto_the_index_is_refused(
    corpus: Path, index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = index.read_bytes()
    code = cli.main(["corrections", str(corpus), "--index", str(index), "--export", str(index)])
    assert code == 1 and "not to be overwritten" in capsys.readouterr().err
    assert index.read_bytes() == before


def test_every_output_option_refuses_a_fifo(
    corpus: Path, index: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = fifo(tmp_path)
    for argv in (["map", str(corpus), "--index", str(index), "--html", str(target)],
                 ["corrections", str(corpus), "--index", str(index), "--export", str(target)],
                 [str(corpus), "--index", str(index), "--screenshot", str(target)]):
        assert cli.main(argv) == 1, argv
        assert "not a regular file" in capsys.readouterr().err
        assert stat.S_ISFIFO(os.stat(target).st_mode)


def test_the_folders_own_index_is_protected_without_index_option(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    from explorer.index.location import default_index_path

    monkeypatch.setenv("EXPLORER_DATA_DIR", str(tmp_path / "data"))
    assert cli.main(["index", str(corpus), "--jobs", "1"]) == 0
    own = default_index_path(corpus)
    before = own.read_bytes()
    code = cli.main(["export", str(corpus), "--format", "geojson", "-o", str(own)])
    assert code == 1 and "not to be overwritten" in capsys.readouterr().err
    assert own.read_bytes() == before
