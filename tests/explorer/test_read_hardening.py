"""Reading hostile folders: damaged UTF-8, a file swapped for a FIFO, very deep nesting."""

from __future__ import annotations

import codecs
import os
import stat
import tempfile
import threading
from pathlib import Path
from typing import Any

import pytest

from explorer import bounded_read
from explorer.bounded_read import CHUNK_BYTES
from explorer.corpus import read_corpus
from explorer.decode import DecodeError, decode

ARABIC = "قالت الوزارة إن السدود في الرباط امتلأت بنسبة الربع بعد الأمطار الغزيرة.\n" * 4


def test_one_invalid_byte_in_utf8_arabic_is_replaced_and_reported(tmp_path: Path) -> None:
    head = ARABIC.encode()
    (tmp_path / "damaged.txt").write_bytes(head + b"\xff" + head)
    corpus = read_corpus(tmp_path)
    [article] = corpus.articles
    assert article.encoding == "utf-8"
    assert article.replaced == (len(head),)
    assert article.text == ARABIC + "\ufffd" + ARABIC
    [problem] = corpus.problems
    assert problem.path.endswith("damaged.txt")
    assert f"byte {len(head)}" in problem.message and "U+FFFD" in problem.message
    assert article.passages  # read as an article, geoparsed like any other


def test_damaged_utf8_with_a_bom_and_several_bad_bytes() -> None:
    body = ARABIC.encode()
    data = codecs.BOM_UTF8 + body + b"\xc3" + body + b"\x80\x80" + body
    decoded = decode(data)
    first = len(codecs.BOM_UTF8) + len(body)
    assert decoded.encoding == "utf-8-sig"
    assert decoded.replaced == (first, first + 1 + len(body), first + 2 + len(body))
    assert decoded.text.count("\ufffd") == 3


def test_two_adjacent_invalid_bytes_are_one_damaged_spot_not_a_lost_article(
    tmp_path: Path,
) -> None:
    """Bug 25: a short brief damaged at three spots, two bytes each, was read as "not UTF-8"
    and dropped whole, where the same damage one byte at a time was replaced."""
    brief = ("الرباط: أعلنت وزارة التجهيز امتلاء السدود بعد أمطار غزيرة",
             "وقالت الوزارة إن حقينة سد الوحدة",
             "بلغت مستوى قياسيا")
    parts = [line.encode() for line in brief]
    data = parts[0] + b"\n\xff\xfe" + parts[1] + b" \xc3\xc3" + parts[2] + b"\x80\x80\n"
    (tmp_path / "brief.txt").write_bytes(data)
    corpus = read_corpus(tmp_path)
    assert [p.message for p in corpus.problems if "U+FFFD" not in p.message] == []
    [article] = corpus.articles
    assert article.encoding == "utf-8"
    first = len(parts[0]) + 1
    second = first + 2 + len(parts[1]) + 1
    third = second + 2 + len(parts[2])
    # every invalid byte replaced, as the README says, each offset reported
    assert article.replaced == (first, first + 1, second, second + 1, third, third + 1)
    assert article.text == (brief[0] + "\n\ufffd\ufffd" + brief[1] + " \ufffd\ufffd" + brief[2]
                            + "\ufffd\ufffd\n")
    [problem] = corpus.problems
    assert problem.path.endswith("brief.txt") and "U+FFFD" in problem.message
    assert any("الرباط" in article.text[p.start:p.end] for p in article.passages)


def test_code_pages_with_adjacent_high_bytes_are_still_not_damaged_utf8() -> None:
    """Counting damaged spots, not bytes, must not let a code page pass for damaged UTF-8:
    there every Arabic word is a run of "invalid" bytes."""
    for codec in ("cp1256", "iso8859_6"):
        assert decode(ARABIC.encode(codec)).encoding == codec


def test_code_pages_and_binary_data_are_not_taken_for_damaged_utf8() -> None:
    assert decode(ARABIC.encode("cp1256"))[1:] == ("cp1256", ())
    with pytest.raises(DecodeError, match="NUL"):
        decode(ARABIC.encode() + b"\x00\xff")
    with pytest.raises(DecodeError, match="PDF"):
        decode(b"%PDF-1.7\n" + ARABIC.encode() + b"\xff")
    with pytest.raises(DecodeError, match="control"):
        decode(ARABIC.encode() + b"\xff" + bytes(range(1, 9)) * 200)


def test_a_file_swapped_for_a_fifo_after_stat_does_not_block(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "swapped.txt"
    path.write_text(ARABIC, encoding="utf-8")
    (tmp_path / "fine.txt").write_text(ARABIC, encoding="utf-8")
    real_stat = Path.stat

    def stat_then_swap(self: Path, *args: Any, **kw: Any) -> os.stat_result:
        result = real_stat(self, *args, **kw)
        # the race, made certain: swapped for a FIFO just after the check
        if self.name == "swapped.txt" and not stat.S_ISFIFO(result.st_mode):
            self.unlink()
            os.mkfifo(self)
        return result

    monkeypatch.setattr(Path, "stat", stat_then_swap)
    out: dict[str, Any] = {}
    reader = threading.Thread(target=lambda: out.update(corpus=read_corpus(tmp_path)))
    reader.start()
    reader.join(10)
    if reader.is_alive():  # blocked in open(): unblock it, then fail
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
        reader.join(10)
        pytest.fail("reading a file swapped for a FIFO blocked")
    corpus = out["corpus"]
    assert [a.doc for a in corpus.articles] == ["fine.txt"]
    assert {Path(p.path).name: p.message for p in corpus.problems} == {
        "swapped.txt": "not a regular file, skipped"
    }


def test_a_thousand_nested_folders() -> None:
    # Not under pytest's tmp_path: should this run be killed half-way, pytest's clean-up of old
    # temporary folders (shutil.rmtree, recursive) would fail on the tree at every later run.
    tmp_path = Path(tempfile.mkdtemp(prefix="explorer-nested-"))
    folders = [tmp_path / "d"]
    for _ in range(999):  # one by one: mkdir(parents=True) itself recurses
        folders.append(folders[-1] / "d")
    try:
        for folder in folders:
            folder.mkdir()
        (folders[-1] / "bottom.txt").write_text(ARABIC, encoding="utf-8")
        (tmp_path / "top.txt").write_text(ARABIC, encoding="utf-8")
        corpus = read_corpus(tmp_path)
        assert [a.doc for a in corpus.articles] == ["d/" * 1000 + "bottom.txt", "top.txt"]
        assert corpus.problems == []
    finally:  # bottom up: pytest's clean-up (shutil.rmtree) would recurse 1,000 deep
        (folders[-1] / "bottom.txt").unlink(missing_ok=True)
        (tmp_path / "top.txt").unlink(missing_ok=True)
        for folder in reversed(folders):
            if folder.exists():
                folder.rmdir()
        tmp_path.rmdir()


def test_files_are_read_in_chunks_not_at_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(ARABIC, encoding="utf-8")
    sizes: list[int] = []
    real_read = os.read

    def record(fd: int, n: int) -> bytes:
        sizes.append(n)
        return real_read(fd, n)

    monkeypatch.setattr(bounded_read.os, "read", record)
    assert read_corpus(tmp_path, max_bytes=10**9).articles
    assert sizes and max(sizes) <= CHUNK_BYTES
