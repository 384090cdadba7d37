"""Text is data, never code: payloads in articles and in a user's gazetteer stay literal."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from explorer.pipeline import open_corpus
from tests.qt.conftest import open_window, run_js

pytestmark = pytest.mark.e2e

NAME = 'Xville<script>window.__pwned="name"</script>'
NAME_AR = 'قرية الاختبار<img src=x onerror="window.__pwned=\'name_ar\'">'
TITLE = '<script>window.__pwned="title"</script> خبر عن "قرية الاختبار" & javascript:alert(1)'
PARAGRAPH = (
    'وصل الوفد إلى قرية الاختبار <img src=x onerror="window.__pwned=\'text\'"> '
    "</script><a href=\"javascript:window.__pwned='link'\">اضغط</a> 'مفرد' \"مزدوج\"."
)

GAZETTEER = f"""format: explorer-gazetteer/1
places:
  - id: user:xville
    kind: city
    name: '{NAME}'
    name_ar: '{NAME_AR.replace("'", "''")}'
    names_ar: [قرية الاختبار]
    country: TJ
    lat: 38.5
    lon: 68.7
"""


@pytest.fixture
def hostile_window(qtbot: Any, tmp_path: Path) -> Any:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(f"{TITLE}\n\n{PARAGRAPH}\n", encoding="utf-8")
    gaz = tmp_path / "evil.yaml"
    gaz.write_text(GAZETTEER, encoding="utf-8")
    index = open_corpus(corpus, [gaz])
    assert not [p for p in index.corpus.problems if "evil.yaml" in p.path], index.corpus.problems
    assert index.place("user:xville") is not None
    win = open_window(qtbot, index)
    yield win
    win.dispose()


def test_payloads_are_shown_literally_and_never_run(qtbot: Any, hostile_window: Any) -> None:
    win = hostile_window
    assert run_js(qtbot, win, "explorer.clickPlace('user:xville')") is True
    qtbot.waitUntil(lambda: win.selected_place == "user:xville")
    run_js(qtbot, win, "explorer.openTooltip('user:xville')")
    tip = run_js(qtbot, win, "document.querySelector('.explorer-tip').textContent")
    assert NAME in tip and NAME_AR in tip
    assert run_js(qtbot, win, "typeof window.__pwned") == "undefined"
    injected = "document.querySelectorAll('img[src=x], a[href^=javascript]').length"
    assert run_js(qtbot, win, injected) == 0
    assert run_js(qtbot, win, "document.querySelectorAll('.explorer-tip script').length") == 0

    text = win.passages.toPlainText()
    assert PARAGRAPH in text
    assert TITLE in text
    assert NAME in text and NAME_AR in text
    html = win.passages.toHtml()
    assert "<script>" not in html and "<img" not in html


def test_country_names_from_a_users_gazetteer_stay_text_in_the_filter(
    qtbot: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import Qt

    from explorer.qt.models import CountryListModel
    from explorer.qt.session_model import SessionModel

    gaz = tmp_path / "rename.yaml"
    gaz.write_text(
        "format: explorer-gazetteer/1\nplaces:\n"
        "  - id: gn:1220409\n    name: '<img src=x onerror=alert(1)>Tajikistan'\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("خبر\n\nزار الوفد طاجيكستان.\n", encoding="utf-8")
    index = open_corpus(corpus, [gaz])
    session = SessionModel()
    session.set_reader(index)
    model = CountryListModel(session)
    model.set_rows(index.countries(session.filter), session.filter)  # the feed's answer
    row = model.row_of("TJ")
    assert row >= 0
    shown = model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)
    tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    assert "<img src=x onerror=alert(1)>Tajikistan" in shown
    assert "<img" not in tip and "&lt;img src=x onerror=alert(1)&gt;Tajikistan" in tip
