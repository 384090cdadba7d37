"""Corrections in the window (issue 10): from a highlighted place's context menu in the passage
panel, through the real SQLite index, to the real map page; Edit → Undo / Redo.
A new place is placed with a real mouse click on the map."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMenu

from explorer.index.db import IndexDB
from explorer.qt.correction_dialogs import NewPlaceDialog, PlaceSearchDialog, ScopeChoice
from gazetteer import load_geoparser
from tests.qt.conftest import run_js, wait_drawn

pytestmark = pytest.mark.e2e

A = "خبر أول\n\nوصل الوفد إلى بغداد ثم إلى البصرة. وقال مسؤول في بغداد إن الزيارة مهمة.\n"
B = "خبر ثان\n\nعقد اجتماع في الموصل أمس وحضره وفد من البصرة.\n"


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    from explorer.qt.app import start

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(A, encoding="utf-8")
    (corpus / "b.txt").write_text(B, encoding="utf-8")
    win = start(corpus, index_path=tmp_path / "i.sqlite", jobs=1)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.indexing_done, timeout=120_000)
    wait_drawn(qtbot, win)
    yield win
    win.dispose()


def place_id(window: Any, name: str) -> str:
    return next(s.place.id for s in window.reader.places() if s.place.name == name)


def counts(window: Any) -> dict[str, int]:
    return {s.place.name: s.count for s in window.reader.places()}


def visible(qtbot: Any, window: Any) -> list[str]:
    wait_drawn(qtbot, window)
    return list(run_js(qtbot, window, "explorer.visibleIds()"))


def mention_menu(qtbot: Any, window: Any, name: str, surface: str) -> QMenu:
    """Select ``name`` on the map (a click on its marker), then open the passage panel's
    context menu on the first highlighted ``surface``; its "Correct «…»" submenu."""
    pid = place_id(window, name)
    assert run_js(qtbot, window, f"explorer.clickPlace({pid!r})") is True
    qtbot.waitUntil(lambda: window.selected_place == pid)
    panel = window.passages
    # An index on disk: the passages are read off the GUI thread and shown when they come.
    qtbot.waitUntil(lambda: panel.model.place_id == pid and bool(panel.hits))
    cursor = panel.document().find(surface, 0, QTextDocument.FindFlag.FindCaseSensitively)
    while cursor.block().text() == surface:  # the heading: the place's name
        cursor = panel.document().find(surface, cursor, QTextDocument.FindFlag.FindCaseSensitively)
    assert not cursor.isNull()
    cursor.setPosition(cursor.selectionStart() + 1)
    panel.ensureCursorVisible()
    pos = panel.cursorRect(cursor).center()
    menu = panel.context_menu(pos)
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert sub.objectName() == "correctionMenu" and surface in sub.title()
    return sub


def action(menu: QMenu, name: str) -> Any:
    for a in menu.actions():
        if name in (a.objectName(), a.menu() and a.menu().objectName()):
            return a
        if a.menu() is not None and (found := action(a.menu(), name)) is not None:
            return found
    return None


def test_reject_a_mention_then_undo_and_redo(qtbot: Any, window: Any) -> None:
    mosul = place_id(window, "Mosul")
    assert mosul in visible(qtbot, window)
    before = window.reader.stats()["mentions"]
    menu = mention_menu(qtbot, window, "Mosul", "الموصل")
    action(menu, "rejectMention").trigger()
    # The page: its marker is gone; Qt: counts, places table and passages follow.
    qtbot.waitUntil(lambda: mosul not in visible(qtbot, window))
    assert window.reader.stats()["mentions"] == before - 1
    assert "Mosul" not in counts(window)
    qtbot.waitUntil(lambda: window.selected_place is None)  # the passage feed's answer
    qtbot.waitUntil(lambda: "Click a place on the map" in window.passages.toPlainText())
    qtbot.waitUntil(lambda: all(r.place.id != mosul for r in window.places.table.model.rows))
    assert "2 places" in window.status.label.text()
    edit = window.menus.edit
    undo = action(edit, "undo")
    redo = action(edit, "redo")
    assert undo.shortcut().matches(Qt.Key.Key_Z | Qt.KeyboardModifier.ControlModifier)
    assert "Not a place" in undo.text()
    window.activateWindow()
    window.view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # Ctrl+Z
    qtbot.waitUntil(lambda: mosul in visible(qtbot, window))
    assert window.reader.stats()["mentions"] == before and counts(window)["Mosul"] == 1
    qtbot.waitUntil(lambda: any(r.place.id == mosul for r in window.places.table.model.rows))
    assert "3 places" in window.status.label.text()
    qtbot.keyClick(window, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: mosul not in visible(qtbot, window))
    assert "Ctrl+Shift+Z" in [k.toString() for k in redo.shortcuts()]
    assert window.reader.stats()["mentions"] == before - 1
    with IndexDB(window.index_path) as db:  # stored in the index, by offsets
        (c,) = db.corrections()
        assert (c.scope, c.action, c.doc, c.surface) == ("mention", "reject", "b.txt", "الموصل")


def test_resolve_to_another_candidate_moves_the_marker(qtbot: Any, window: Any) -> None:
    baghdad = place_id(window, "Baghdad")
    menu = mention_menu(qtbot, window, "Baghdad", "بغداد")
    menu.findChild(ScopeChoice).buttons["corpus"].click()  # chosen in the menu itself
    others = action(menu, "otherCandidates").menu()
    first = others.actions()[0]
    assert " km" in first.text()  # with its distance from the place it had
    target = first.objectName().removeprefix("candidate:")
    first.trigger()
    qtbot.waitUntil(lambda: target in visible(qtbot, window))
    assert baghdad not in visible(qtbot, window)
    with IndexDB(window.index_path) as db:
        assert [c.scope for c in db.corrections()] == ["corpus"]
    assert counts(window)[window.reader.place(target).place.name] >= 2
    where = run_js(qtbot, window, f"explorer.place({target!r})")
    p = window.reader.place(target).place
    assert (where["lat"], where["lon"]) == (p.lat, p.lon)
    window.corrections.undo.trigger()
    qtbot.waitUntil(lambda: baghdad in visible(qtbot, window))
    assert target not in visible(qtbot, window)


def test_search_the_gazetteer_with_folded_arabic(qtbot: Any, window: Any) -> None:
    menu = mention_menu(qtbot, window, "Basrah", "البصرة")
    assert len(window.passages.hits) == 2
    action(menu, "searchGazetteer").trigger()
    dialog = window.corrections.dialog
    assert isinstance(dialog, PlaceSearchDialog)
    dialog.query.setText("الامارات")  # written without its hamza: found all the same
    dialog.refresh()
    assert dialog.chosen() is not None and dialog.chosen().name == "United Arab Emirates"
    assert " km" in dialog.results.item(0).text()
    dialog.accept()
    uae = dialog.chosen().id
    qtbot.waitUntil(lambda: uae in visible(qtbot, window))
    assert counts(window)["Basrah"] == 1  # this mention only
    assert window.selected_place == place_id(window, "Basrah")
    assert len(window.passages.hits) == 1  # the panel shows the one left
    assert "1 mention in 1 passage" in window.passages.toPlainText()


def test_add_a_new_place_by_clicking_the_map(qtbot: Any, window: Any, tmp_path: Path) -> None:
    mosul = place_id(window, "Mosul")
    menu = mention_menu(qtbot, window, "Mosul", "الموصل")
    action(menu, "newPlaceOnMap").trigger()
    assert window.corrections.picking is not None
    assert "Click the map" in window.statusBar().currentMessage()
    window.menus.clear_selection.trigger()  # Esc: no longer placing
    assert window.corrections.picking is None
    run_js(qtbot, window, "explorer.clickBackground()")
    qtbot.wait(300)
    assert window.corrections.dialog is None
    menu = mention_menu(qtbot, window, "Mosul", "الموصل")
    action(menu, "newPlaceOnMap").trigger()
    lat, lon = 32.0, 42.5
    x, y = run_js(qtbot, window, f"explorer.pointOf({lat}, {lon})")
    assert 0 < x < window.view.width() and 0 < y < window.view.height()
    # A real click on the map: Chromium, Leaflet's handler, the bridge.
    target = window.view.focusProxy()
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(round(x), round(y)))
    qtbot.waitUntil(lambda: isinstance(window.corrections.dialog, NewPlaceDialog))
    dialog = window.corrections.dialog
    assert dialog.name_ar.text() == "الموصل" and dialog.country.text() == "IQ"
    assert abs(dialog.lat - lat) < 0.2 and abs(dialog.lon - lon) < 0.2
    dialog.country.setText("")
    dialog.accept()  # a city needs its country: said, not closed
    assert dialog.isVisible() and "country" in dialog.error.text()
    dialog.country.setText("IQ")
    dialog.name.setText("New Mosul")
    dialog.accept()
    qtbot.waitUntil(lambda: mosul not in visible(qtbot, window))
    new = place_id(window, "New Mosul")
    assert new.startswith("user:") and new in visible(qtbot, window)
    where = run_js(qtbot, window, f"explorer.place({new!r})")
    assert abs(where["lat"] - lat) < 0.2 and abs(where["lon"] - lon) < 0.2
    tip = run_js(qtbot, window, f"explorer.tooltipText({new!r})")
    assert "New Mosul" in tip and "الموصل" in tip and "1 mention" in tip
    # File → Export corrections: a gazetteer file that --gazetteer reads.
    export = action(window.menus.file, "exportCorrections")
    export.trigger()
    dialog = window.corrections.dialog
    out = tmp_path / "mine.yaml"
    dialog.selectFile(str(out))
    dialog.accept()
    assert "1 correction exported" in window.statusBar().currentMessage()
    parser = load_geoparser([out])
    assert not parser.gaz.errors and parser.gaz.by_id[new].name == "New Mosul"
    assert "الموصل" in parser.gaz.by_id[new].names_ar


def test_an_in_memory_index_offers_no_corrections(qtbot: Any, seeds_index: Any) -> None:
    from tests.qt.conftest import open_window

    win = open_window(qtbot, seeds_index)
    try:
        top = seeds_index.places()[0].place
        menu = mention_menu(qtbot, win, top.name, top.name_ar)
        (only,) = menu.actions()
        assert not only.isEnabled() and "index" in only.text()
    finally:
        win.dispose()


def test_corrections_wait_for_the_index(qtbot: Any, window: Any) -> None:
    window.ws.indexing_done = False  # as while an indexer runs
    menu = mention_menu(qtbot, window, "Mosul", "الموصل")
    (only,) = menu.actions()
    assert not only.isEnabled() and "indexing" in only.text()
    window.ws.indexing_done = True


def test_the_page_can_only_report_valid_coordinates(
    qtbot: Any, window: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="explorer.qt.bridge")
    menu = mention_menu(qtbot, window, "Mosul", "الموصل")
    action(menu, "newPlaceOnMap").trigger()
    code = """
        new QWebChannel(qt.webChannelTransport, function (ch) {
            ch.objects.bridge.mapClicked("33", 44);
            ch.objects.bridge.mapClicked(91, 44);
            ch.objects.bridge.mapClicked(33, 1e400);
            ch.objects.bridge.mapClicked(true, 44);
        });
        true
    """
    with qtbot.assertNotEmitted(window.bridge.events.point):
        assert run_js(qtbot, window, code) is True
        qtbot.waitUntil(lambda: len([r for r in caplog.records
                                     if r.name == "explorer.qt.bridge"]) == 4)
    assert window.corrections.dialog is None and window.corrections.picking is not None


def test_a_mention_in_the_reader_is_corrected_from_its_context_menu(
    qtbot: Any, window: Any
) -> None:
    """The article reader offers the same corrections on its highlighted mentions."""
    mosul = place_id(window, "Mosul")
    assert window.article.open("b.txt")
    view = window.article.view
    k = next(k for k, m in enumerate(view.mentions) if m.place.id == mosul)
    cursor = view.textCursor()
    cursor.setPosition(view.spans[k].start + 1)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    menu = view.context_menu(view.cursorRect(cursor).center())
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert sub.objectName() == "correctionMenu" and "الموصل" in sub.title()
    # Copy / Select All stay the only other entries; no menu away from a mention.
    away = view.context_menu(QPoint(1, 1))
    assert all(a.menu() is None for a in away.actions())
    action(sub, "rejectMention").trigger()
    qtbot.waitUntil(lambda: mosul not in visible(qtbot, window))
    with IndexDB(window.index_path) as db:
        (c,) = db.corrections()
        assert (c.scope, c.action, c.doc, c.surface) == ("mention", "reject", "b.txt", "الموصل")
