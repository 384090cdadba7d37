"""Issue 17, B2: Arabic is drawn in the bundled Noto Naskh Arabic, never slanted; on a system
with DejaVu only, a caption in DejaVu's oblique face was empty boxes (glyph 0). Real window,
real web view."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QFont, QTextCursor, QTextLayout

from explorer.qt.fonts import ARABIC_FAMILY
from tests.qt.conftest import run_js

pytestmark = pytest.mark.e2e

CAPTION_PLACE = "gn:524901"  # seeds: "بايدن وبوتين خلال لقائهما في موسكو عام 2011، رويترز"


def glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of each run Qt draws ``text`` with in ``font``."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine().setLineWidth(10_000)
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def test_a_caption_in_the_passage_panel_is_upright_in_the_arabic_font(shared_window: Any) -> None:
    window = shared_window
    window.session.select(CAPTION_PLACE)
    try:
        captions = [h for h in window.passages.hits if h.passage.kind == "caption"]
        assert captions, "the seeds' place has a caption"
        text = captions[0].passage.text[:30]
        doc = window.passages.document()
        found = doc.find(text)
        assert not found.isNull()
        cursor = QTextCursor(doc)
        cursor.setPosition(found.selectionStart() + 1)
        font = cursor.charFormat().font().resolve(doc.defaultFont())
        assert not font.italic() and font.style() == QFont.Style.StyleNormal
        runs = glyph_runs(text, font)
        arabic = [(family, glyphs) for family, glyphs in runs if family == ARABIC_FAMILY]
        assert arabic, runs
        assert all(0 not in glyphs for _f, glyphs in runs), f"boxes: {runs}"
    finally:
        window.session.select(None)


def test_no_style_in_the_panels_slants_text(shared_window: Any) -> None:
    """The HTML of the passages, with notes and captions, has no italic anywhere."""
    window = shared_window
    window.session.select(CAPTION_PLACE)
    try:
        assert "italic" not in window.passages.toHtml()
    finally:
        window.session.select(None)


def test_arabic_in_the_reader_uses_the_bundled_font(shared_window: Any) -> None:
    runs = glyph_runs("صورة الرئيس في بغداد", shared_window.article.view.font())
    assert runs and all(family == ARABIC_FAMILY and 0 not in g for family, g in runs), runs


def test_the_map_page_loads_the_bundled_arabic_font(qtbot: Any, shared_window: Any) -> None:
    run_js(qtbot, shared_window, """(window.__arabicFont = null,
        document.fonts.load('16px "Noto Naskh Arabic"', 'عربي').then(
            fs => { window.__arabicFont = fs.length; },
            e => { window.__arabicFont = String(e); }), 0)""")
    qtbot.waitUntil(lambda: run_js(qtbot, shared_window, "window.__arabicFont") is not None,
                    timeout=10_000)
    assert run_js(qtbot, shared_window, "window.__arabicFont") == 1
    assert run_js(qtbot, shared_window, """document.fonts.check('16px "Noto Naskh Arabic"',
        'عربي')""") is True
