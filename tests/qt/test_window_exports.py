"""File → Export from the window (issue 10): GeoJSON, CSV, HTML map and PNG of what the window
shows under its filter, through the menu, Ctrl+E and Qt's save dialog. Real web view."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from explorer.export import Scope, csv_bytes, geojson_bytes
from explorer.memory_index import CorpusIndex
from explorer.query import Filter
from tests.hostile import page_document
from tests.qt.conftest import run_js
from tests.qt.test_session_views import click_country

pytestmark = pytest.mark.e2e

HELSINKI = "gn:658225"


def save_as(qtbot: Any, window: Any, fmt: str, out: Path) -> None:
    """Choose File → Export ▸ ``fmt`` and save to ``out`` in the dialog."""
    window.exports.actions[fmt].trigger()
    qtbot.waitUntil(lambda: window.exports.dialog is not None
                    and window.exports.dialog.isVisible())
    dialog: QFileDialog = window.exports.dialog
    dialog.selectFile(str(out))
    with qtbot.waitSignal(window.exports.written, timeout=30_000):
        dialog.accept()


# The offscreen platform cannot raise a popup menu or grab the keyboard for it (notices only).
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_ctrl_e_offers_every_export_in_the_file_menu(qtbot: Any, window: Any) -> None:
    menu = window.exports.menu
    assert menu.menuAction() in window.menus.file.actions()
    assert [a.objectName() for a in menu.actions() if not a.isSeparator()] == [
        "export-geojson", "export-csv", "export-html", "export-png", "export-selection"]
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(menu.isVisible)
    # Choosing in the popped-up menu opens the save dialog for that format.
    action = window.exports.actions["csv"]
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(lambda: window.exports.dialog is not None
                    and window.exports.dialog.isVisible())
    assert window.exports.dialog.defaultSuffix() == "csv"
    window.exports.dialog.reject()


def test_exports_hold_what_the_filter_shows(
    qtbot: Any, window: Any, seeds_index: CorpusIndex, tmp_path: Path
) -> None:
    click_country(qtbot, window, "TJ")
    f = Filter(frozenset({"TJ"}))
    assert window.session.filter == f
    expected = sorted(s.place.id for s in seeds_index.places(f))

    save_as(qtbot, window, "geojson", tmp_path / "places.geojson")
    data = json.loads((tmp_path / "places.geojson").read_text(encoding="utf-8"))
    assert sorted(feat["id"] for feat in data["features"]) == expected
    assert (tmp_path / "places.geojson").read_bytes() == geojson_bytes(seeds_index, f)

    save_as(qtbot, window, "csv", tmp_path / "mentions.csv")
    written = (tmp_path / "mentions.csv").read_bytes()
    assert written.startswith(b"\xef\xbb\xbfdoc,start,end")
    assert written == csv_bytes(seeds_index, f)
    assert len(written.splitlines()) < len(csv_bytes(seeds_index, Filter()).splitlines())

    save_as(qtbot, window, "html", tmp_path / "map.html")
    html = (tmp_path / "map.html").read_text(encoding="utf-8")
    assert "file://" not in html and all(pid in html for pid in expected)
    assert HELSINKI not in html  # Finland is not under the filter
    # its heading: the corpus, the filter as the chips say it, the day; the popups' words
    doc = page_document(html)
    assert doc["title"] == f"Places mentioned in {window.root.name}"
    assert doc["filter"] == [b.text().rstrip(" ×") for b in window.chips.buttons.values()]
    assert doc["filter"] == ["Tajikistan (TJ)"]
    assert doc["made"].startswith(f"{window.root.name}, exported 20")
    assert doc["words"]["none"] == window.exports.tr("No passage")
    assert sorted(pid for pid, _ in doc["passages"]) == expected

    save_as(qtbot, window, "png", tmp_path / "map")  # the dialog adds the suffix
    image = QImage(str(tmp_path / "map.png"))
    assert not image.isNull()
    ratio = image.devicePixelRatio()
    assert image.width() / ratio == window.view.width()
    assert image.height() / ratio > window.view.height()  # the caption strip below the map
    colours = {image.pixel(x, y) for x in range(0, image.width(), 17)
               for y in range(0, image.height(), 17)}
    assert len(colours) > 20  # the drawn map, not a blank grab
    assert "map.png" in window.statusBar().currentMessage()


def test_a_failed_export_says_why_and_keeps_the_old_file(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    with qtbot.waitSignal(window.exports.failed, timeout=30_000):
        window.exports.export("csv", blocker / "out.csv")
    box = window.exports.error
    assert box is not None and box.isVisible() and str(blocker / "out.csv") in box.text()
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"
    box.close()
    assert QApplication.activeModalWidget() is None


def test_exports_of_an_indexed_folder_are_written_off_the_gui_thread(
    qtbot: Any, tmp_path: Path
) -> None:
    """On a folder's SQLite index, the export thread reads through a connection of its own;
    the files are those of ``explorer export`` for the window's filter."""
    import threading

    from explorer.index.db import IndexDB
    from tests.qt.synthetic import write_corpus
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus = write_corpus(tmp_path / "c", 60)
    window = open_folder(qtbot, corpus, tmp_path / "i.db")
    try:
        wait_indexed(qtbot, window)
        country = window.reader.countries()[0].code
        window.set_countries([country])
        f = Filter(frozenset({country}))
        threads: list[int] = []
        original = IndexDB.places

        def places(self: IndexDB, *args: Any) -> Any:  # notes the thread each query runs on
            threads.append(threading.get_ident())
            return original(self, *args)

        IndexDB.places = places  # type: ignore[method-assign]
        try:
            save_as(qtbot, window, "geojson", tmp_path / "out.geojson")
        finally:
            IndexDB.places = original  # type: ignore[method-assign]
        assert threads and threading.get_ident() not in threads
        db = IndexDB(tmp_path / "i.db", readonly=True)
        try:
            assert (tmp_path / "out.geojson").read_bytes() == geojson_bytes(db, f)
        finally:
            db.close()
    finally:
        window.dispose()


def test_the_window_never_exports_onto_its_index_an_article_or_a_fifo(
    qtbot: Any, tmp_path: Path
) -> None:
    """Issue 21, B11 and B20: each refused with a message, the file left as it was."""
    import os
    import stat

    from tests.qt.synthetic import write_corpus
    from tests.qt.test_window_first import open_folder, wait_indexed

    corpus = write_corpus(tmp_path / "c", 5)
    index = tmp_path / "i.db"
    window = open_folder(qtbot, corpus, index)
    try:
        wait_indexed(qtbot, window)
        article = sorted(corpus.rglob("*.txt"))[0]
        pipe = tmp_path / "pipe"
        os.mkfifo(pipe)
        kept = {index: index.read_bytes(), article: article.read_bytes()}
        for fmt, out, why in (("csv", index, "not to be overwritten"),
                              ("geojson", article, "article"),
                              ("png", article, "article"),
                              ("html", pipe, "not a regular file"),
                              ("png", pipe, "not a regular file")):
            with qtbot.waitSignal(window.exports.failed, timeout=30_000) as failed:
                window.exports.export(fmt, out)
            assert why in failed.args[0], (fmt, out, failed.args)
            window.exports.error.close()
        assert all(path.read_bytes() == data for path, data in kept.items())
        assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    finally:
        window.dispose()


def _colour_near(image: QImage, rgb: tuple[int, int, int], box: tuple[int, int, int, int],
                 tolerance: int = 24) -> bool:
    x0, y0, x1, y1 = box
    for x in range(x0, x1):
        for y in range(y0, y1):
            c = image.pixelColor(x, y)
            if all(abs(a - b) <= tolerance for a, b in zip((c.red(), c.green(), c.blue()), rgb,
                                                           strict=True)):
                return True
    return False


def test_the_png_has_a_caption_a_legend_and_no_zoom_buttons(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    """Issue 17 item 5: the map as drawn, without Leaflet's zoom buttons, above a strip that
    names the corpus, the filter and the date, with the markers' legend."""
    from explorer.qt.map_image import MARKER

    click_country(qtbot, window, "TJ")
    # the page's zoom buttons are there, top left, before the export
    zoom = run_js(qtbot, window, "(function () { var r = document.querySelector("
                  "'.leaflet-control-zoom-in').getBoundingClientRect();"
                  " return [r.left, r.top, r.right, r.bottom]; })()")
    assert zoom[2] - zoom[0] > 10
    caption = window.exports.caption(window.session.filter)
    assert caption[0] == f"Places mentioned in {window.root.name}"
    assert "TJ" in caption[1] and window.root.name in caption[2]
    save_as(qtbot, window, "png", tmp_path / "map.png")
    image = QImage(str(tmp_path / "map.png")).convertToFormat(QImage.Format.Format_RGB32)
    ratio = image.devicePixelRatio() or 1.0
    height = round(window.view.height() * ratio)
    # where the zoom-in button was: the map's own colours, no white button, no dark "+"
    left, top, right, bottom = (round(v * ratio) for v in zoom)
    button = (left + 2, top + 2, right - 2, bottom - 2)
    assert not _colour_near(image, (255, 255, 255), button, tolerance=3)
    assert not _colour_near(image, (0, 0, 0), button, tolerance=40)
    # the buttons are back in the window afterwards
    qtbot.waitUntil(lambda: run_js(qtbot, window, "getComputedStyle(document.querySelector("
                                   "'.leaflet-control-zoom')).visibility") == "visible")
    # the strip: dark text, and the legend's marker dot in the page's marker colour
    strip = (0, height, image.width(), image.height())
    assert _colour_near(image, (0x22, 0x22, 0x22), strip, tolerance=30)
    fill = QColor(MARKER[1])
    assert _colour_near(image, (fill.red(), fill.green(), fill.blue()), strip, tolerance=8)
    assert not _colour_near(image, (fill.red(), fill.green(), fill.blue()),
                            (0, height + 2, image.width(), height + 2 + 12), tolerance=8)


def test_export_only_the_selection_and_the_proposed_name(
    qtbot: Any, window: Any, seeds_index: CorpusIndex, tmp_path: Path
) -> None:
    """"Export only the selected place" writes that place alone; the save dialog proposes a
    name made of the corpus and the filter, in the documents folder."""
    from PySide6.QtCore import QStandardPaths

    click_country(qtbot, window, "TJ")
    f = Filter(frozenset({"TJ"}))
    top = seeds_index.places(f)[0].place.id
    window.exports._offer_selection()
    assert not window.exports.only_selection.isEnabled()  # nothing selected yet
    window.session.select(top)
    qtbot.waitUntil(lambda: window.selected_place == top)
    window.exports._offer_selection()
    assert window.exports.only_selection.isEnabled()
    window.exports.only_selection.setChecked(True)
    try:
        window.exports.actions["csv"].trigger()
        qtbot.waitUntil(lambda: window.exports.dialog is not None
                        and window.exports.dialog.isVisible())
        proposed = Path(window.exports.dialog.selectedFiles()[0])
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        home = Path(documents) if Path(documents).is_dir() else Path.home()
        assert proposed.parent == home
        assert proposed.name.startswith(window.root.name) and proposed.suffix == ".csv"
        assert "TJ" in proposed.name and top.rsplit(":", 1)[-1] in proposed.name
        dialog = window.exports.dialog
        dialog.selectFile(str(tmp_path / "one.csv"))
        with qtbot.waitSignal(window.exports.written, timeout=30_000):
            dialog.accept()
        rows = (tmp_path / "one.csv").read_bytes()
        assert rows == csv_bytes(seeds_index, f, Scope(place=top))
        lines = rows.decode("utf-8-sig").splitlines()
        assert len(lines) - 1 == seeds_index.places(f)[0].count
        assert all(f",{top}," in line for line in lines[1:])
    finally:
        window.exports.only_selection.setChecked(False)
