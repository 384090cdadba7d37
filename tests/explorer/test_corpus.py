"""Reading a corpus folder: every file read or refused in one line; the CLI's exit codes."""

from __future__ import annotations

import codecs
import os
import shutil
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from explorer import cli, pipeline
from explorer.corpus import (
    DEFAULT_MAX_BYTES,
    ArticleError,
    CorpusError,
    read_article,
    read_corpus,
    size_limit,
)
from tests.conftest import SEEDS

ARTICLE = "عنوان الخبر عن سدود المغرب\n\nقالت الوزارة إن السدود في الرباط امتلأت بنسبة الربع.\n"


def _problems(root: Path, **kw: Any) -> dict[str, str]:
    corpus = read_corpus(root, **kw)
    for p in corpus.problems:
        assert "\n" not in str(p)
    return {Path(p.path).relative_to(root).as_posix(): p.message for p in corpus.problems}


def test_seeds_read_without_problems() -> None:
    corpus = read_corpus(SEEDS)
    assert [a.doc for a in corpus.articles] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert corpus.problems == []
    for a in corpus.articles:
        assert a.encoding == "utf-8"
        assert a.text == (SEEDS / a.doc).read_text(encoding="utf-8")
        assert a.passages


def test_recursive_sorted_relative_posix_docs(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / "a").mkdir()
    for rel in ("z.txt", "b/deep/x.txt", "a/y.TXT", "b/w.txt"):
        (tmp_path / rel).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "notes.md").write_text(ARTICLE, encoding="utf-8")  # not an article
    (tmp_path / "image.gif").write_bytes(b"GIF89a")  # .png is read (OCR)
    corpus = read_corpus(tmp_path)
    assert [a.doc for a in corpus.articles] == ["a/y.TXT", "b/deep/x.txt", "b/w.txt", "z.txt"]
    assert corpus.problems == []
    assert [a.doc for a in read_corpus(tmp_path).articles] == [a.doc for a in corpus.articles]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (ARTICLE.encode("cp1256"), "cp1256"),
        (ARTICLE.encode("iso8859_6"), "iso8859_6"),
        (codecs.BOM_UTF8 + ARTICLE.replace("\n", "\r\n").encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + ARTICLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + ARTICLE.replace("\n", "\r").encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_encodings_give_the_same_article(tmp_path: Path, data: bytes, encoding: str) -> None:
    (tmp_path / "a.txt").write_bytes(data)
    (tmp_path / "ref.txt").write_text(ARTICLE, encoding="utf-8")
    a, ref = read_corpus(tmp_path).articles
    assert a.encoding == encoding
    assert a.text == ref.text
    assert a.passages == ref.passages
    assert a.title == "عنوان الخبر عن سدود المغرب"
    start = a.text.index("الرباط")
    assert a.text[start : start + 6] == "الرباط"


def test_problem_files_are_refused_in_one_line_each(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text(" \n\r\n\t\n", encoding="utf-8")
    (tmp_path / "nul.txt").write_bytes(b"abc\x00\x01\x02def")
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.5\n%\xb5\xb5\xb5\xb5\n1 0 obj\n<<>>\n")
    (tmp_path / "word.txt").write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (tmp_path / "loop1.txt").symlink_to(tmp_path / "loop2.txt")
    (tmp_path / "loop2.txt").symlink_to(tmp_path / "loop1.txt")
    (tmp_path / "big.txt").write_text(ARTICLE * 10, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    problems = _problems(tmp_path, max_bytes=len(ARTICLE.encode()) * 5)
    assert problems == {
        "big.txt": f"larger than the {len(ARTICLE.encode()) * 5:,} bytes limit (--max-bytes), "
        "skipped",
        "blank.txt": "empty file (only whitespace), skipped",
        "broken.txt": "broken symbolic link (its target does not exist)",
        "empty.txt": "empty file, skipped",
        "loop1.txt": "symbolic link loop",
        "loop2.txt": "symbolic link loop",
        "nul.txt": "binary data (NUL bytes), not text, skipped",
        "pipe.txt": "not a regular file, skipped",
        "report.txt": "binary file: a PDF document, not plain text, skipped",
        "word.txt": "binary file: a ZIP archive (or a Word/OpenDocument file), not plain text, "
        "skipped",
    }
    articles = read_corpus(tmp_path, max_bytes=len(ARTICLE.encode()) * 5).articles
    assert [a.doc for a in articles] == ["good.txt"]


def test_size_limit_is_said_in_megabytes_and_the_file_is_not_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:  # sparse: costs no disk
        f.truncate(DEFAULT_MAX_BYTES + 1)
    opened: list[Path] = []
    real_open = Path.open

    def spy(self: Path, *args: Any, **kw: Any) -> Any:
        opened.append(self)
        return real_open(self, *args, **kw)

    monkeypatch.setattr(Path, "open", spy)
    assert _problems(tmp_path) == {"huge.txt": "larger than the 20 MB limit (--max-bytes), skipped"}
    assert opened == []
    assert size_limit(DEFAULT_MAX_BYTES) == "20 MB"
    assert size_limit(1000) == "1,000 bytes"


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "open.txt").write_text(ARTICLE, encoding="utf-8")
    if os.geteuid() != 0:
        path.chmod(0)
    else:  # root reads whatever the mode says: make the open itself fail
        real_open = os.open

        def deny(file: Any, *args: Any, **kw: Any) -> Any:
            if Path(file).name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kw)

        monkeypatch.setattr(os, "open", deny)
    try:
        assert _problems(tmp_path) == {"secret.txt": "unreadable: permission denied"}
        assert [a.doc for a in read_corpus(tmp_path).articles] == ["open.txt"]
    finally:
        path.chmod(0o644)


def test_unreadable_subfolder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root lists folders whatever their mode")
    sub = tmp_path / "locked"
    sub.mkdir()
    (sub / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    sub.chmod(0)
    try:
        problems = _problems(tmp_path)
        assert list(problems) == ["locked"]
        assert problems["locked"].startswith("folder not readable")
    finally:
        sub.chmod(0o755)


def test_folder_links_back_to_an_ancestor_are_not_followed(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a" / "b" / "up").symlink_to(tmp_path)
    (tmp_path / "a" / "b" / "self").symlink_to(".")
    (tmp_path / "again").symlink_to(tmp_path / "a")  # the same folder under another name
    (tmp_path / "nowhere").symlink_to(tmp_path / "gone")  # broken, maybe a folder once
    corpus = read_corpus(tmp_path)
    assert [a.doc for a in corpus.articles] == ["a/b/x.txt"]
    problems = _problems(tmp_path)
    assert problems["a/b/up"].startswith("symbolic link loop")
    assert problems["a/b/self"].startswith("symbolic link loop")
    assert problems["again"] == "symbolic link to a folder already read, not followed"
    assert problems["nowhere"].startswith("broken symbolic link")


def test_link_to_a_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.md").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "alias.txt").symlink_to(tmp_path / "real.md")
    assert [a.doc for a in read_corpus(tmp_path).articles] == ["alias.txt"]


def test_missing_or_non_folder_root(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="no such folder"):
        read_corpus(tmp_path / "nope")
    (tmp_path / "file.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(CorpusError, match="not a folder"):
        read_corpus(tmp_path / "file.txt")


def test_read_article_directly(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "a.txt"
    path.parent.mkdir()
    path.write_bytes(ARTICLE.encode("cp1256"))
    article = read_article(path, tmp_path, DEFAULT_MAX_BYTES)
    assert (article.doc, article.encoding) == ("sub/a.txt", "cp1256")
    (tmp_path / "e.txt").write_bytes(b"")
    with pytest.raises(ArticleError, match="empty file"):
        read_article(tmp_path / "e.txt", tmp_path)


# -- the command line --------------------------------------------------------------------------


class _NoPlaces:
    """A geoparser that finds nothing: these tests are about files, not places."""

    gaz = SimpleNamespace(errors=[], countries={})

    def parse(self, text: str, spans: Any = None) -> list[Any]:
        return []

    def stream(self, text: str, spans: Any = None) -> list[Any]:
        return []

    def for_language(self, code: str | None) -> _NoPlaces:
        return self


@pytest.fixture
def no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "load_geoparser", lambda files=(): _NoPlaces())


@pytest.mark.usefixtures("no_gazetteer")
def test_cli_problems_on_stderr_and_exit_0_with_one_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "empty.txt").write_bytes(b"")
    assert cli.main(["mentions", str(tmp_path)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"explorer: {tmp_path / 'bad.txt'}: binary data (NUL bytes), not text, skipped",
        f"explorer: {tmp_path / 'empty.txt'}: empty file, skipped",
    ]


@pytest.mark.usefixtures("no_gazetteer")
def test_cli_nothing_readable_exits_non_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "bad.txt").write_bytes(b"%PDF-1.4")
    assert cli.main(["mentions", str(tmp_path)]) != 0
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == f"explorer: no readable article (.txt) in {tmp_path} (1 refused, see above)"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli.main(["mentions", str(empty)]) != 0
    assert capsys.readouterr().err == f"explorer: no readable article (.txt) in {empty}\n"


@pytest.mark.usefixtures("no_gazetteer")
def test_cli_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["mentions", str(tmp_path / "nope")]) != 0
    assert capsys.readouterr().err == f"explorer: {tmp_path / 'nope'}: no such folder\n"


@pytest.mark.usefixtures("no_gazetteer")
def test_cli_max_bytes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SEEDS / "000_c1925879e5909a48.txt", tmp_path / "a.txt")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    assert cli.main(["mentions", str(tmp_path), "--max-bytes", "1000"]) == 0
    err = capsys.readouterr().err
    assert err == f"explorer: {tmp_path / 'a.txt'}: larger than the 1,000 bytes limit " \
        "(--max-bytes), skipped\n"


@pytest.mark.usefixtures("no_gazetteer")
def test_cli_file_name_with_a_line_break_stays_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two\nlines.txt").write_bytes(b"")
    assert cli.main(["mentions", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "two\\nlines.txt: empty file, skipped" in err
