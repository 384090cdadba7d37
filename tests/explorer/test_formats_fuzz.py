"""Damaged files of every format (real files with bytes flipped, cut short, or garbage under
a format's name): each is read or refused with an ``ArticleError``, never another exception,
in bounded time."""

from __future__ import annotations

import functools
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.corpus import ArticleError, read_articles
from tests.explorer.format_files import (
    FIXTURES,
    docx_bytes,
    eml_bytes,
    mhtml_bytes,
    odt_bytes,
    xlsx_bytes,
    zip_bytes,
)

SAMPLES: dict[str, bytes] = {
    name: (FIXTURES / name).read_bytes()
    for name in ("ar_page.html", "ar_report.pdf", "news.mbox", "ar_feed.xml", "fr_feed.atom",
                 "clips.csv", "clips.jsonl", "ar_note.rtf")
}


@functools.cache
def samples() -> dict[str, bytes]:
    """Real files of every format (made once)."""
    out = dict(SAMPLES)
    out.update({"report.docx": docx_bytes(), "depeche.odt": odt_bytes(),
                "clips.xlsx": xlsx_bytes(), "mail.eml": eml_bytes({"a.csv": SAMPLES["clips.csv"]}),
                "page.mhtml": mhtml_bytes(),
                "bundle.zip": zip_bytes({"a.html": SAMPLES["ar_page.html"],
                                         "b.csv": SAMPLES["clips.csv"]})})
    return out


def damage(data: bytes, cuts: list[tuple[int, int]], keep: float) -> bytes:
    buf = bytearray(data[: max(1, int(len(data) * keep))])
    for pos, value in cuts:
        buf[pos % len(buf)] = value
    return bytes(buf)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(0, 13),
       cuts=st.lists(st.tuples(st.integers(0, 1 << 20), st.integers(0, 255)), max_size=8),
       keep=st.sampled_from([1.0, 1.0, 0.9, 0.5, 0.1]))
def test_damaged_files_are_read_or_refused_in_one_line(
    tmp_path: Path, which: int, cuts: list[tuple[int, int]], keep: float,
) -> None:
    name = sorted(samples())[which % len(samples())]
    path = tmp_path / name
    path.write_bytes(damage(samples()[name], cuts, keep))
    t0 = time.perf_counter()
    try:
        articles, problems = read_articles(path, tmp_path)
    except ArticleError as exc:
        assert "\n" not in str(exc) and str(exc)
    else:
        assert all("\n" not in p.message for p in problems)
        assert all(a.text.strip() for a in articles)
    assert time.perf_counter() - t0 < 30
