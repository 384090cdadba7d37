"""No user string is ever evaluated as a template: the window with the real web view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from explorer.pipeline import open_corpus
from tests.hostile import payloads, write_case
from tests.qt.conftest import open_window, run_js

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("which", range(4))
def test_window_keeps_template_syntax_literal(qtbot: Any, tmp_path: Path, which: int) -> None:
    marker = tmp_path / "PWNED_window"
    payload = payloads(marker)[which]
    corpus, gazetteer, shown = write_case(tmp_path, payload)
    index = open_corpus(corpus, [gazetteer])
    assert not [p for p in index.corpus.problems if "hostile" in p.path], index.corpus.problems
    win = open_window(qtbot, index)
    try:
        assert not marker.exists(), "a template in a place name ran a command"
        pid = json.dumps(shown["id"])
        assert shown["id"] in run_js(qtbot, win, "explorer.markerIds()")
        tip = run_js(qtbot, win, f"explorer.tooltipText({pid})")
        assert shown["name"] in tip and shown["name_ar"] in tip
        # The window's page holds no data; the record it received through the channel:
        record = run_js(qtbot, win, f"explorer.place({pid})")
        assert {k: record[k] for k in shown} == shown  # id, names, country, members as written
        html = run_js(qtbot, win, "document.documentElement.outerHTML")
        assert shown["name"] not in html  # nothing of it was put into the document's markup
        assert run_js(qtbot, win, f"explorer.clickPlace({pid})") is True
        qtbot.waitUntil(lambda: win.selected_place == shown["id"])
        text = win.passages.toPlainText()
        [article] = index.corpus.articles
        assert payload in article.title and article.title in text
        assert article.doc in text  # the file name, with its template syntax
        assert not marker.exists()
    finally:
        win.dispose()
