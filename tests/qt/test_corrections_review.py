"""Corrections you can review (issue 17, item 4, and bug 11): the scope a visible choice each
time, the Corrections dock (list, filter, undo that survives a restart) and the review queue
worked through with the keyboard; all on the real SQLite index and the real map page."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from explorer.corrections import ACCEPTED_REASON
from explorer.index.db import IndexDB
from explorer.qt.correction_dialogs import PlaceSearchDialog, ScopeChoice
from explorer.stored_reasons import decode
from tests.qt.conftest import wait_drawn
from tests.qt.test_corrections_ui import A, B, action, counts, mention_menu, place_id, visible

pytestmark = pytest.mark.e2e


@pytest.fixture
def window(qtbot: Any, tmp_path: Path) -> Any:
    """A window on two short articles, indexed in a real SQLite index."""
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


def stored(window: Any) -> list[Any]:
    with IndexDB(window.index_path, readonly=True) as db:
        return db.corrections()


def test_the_scope_is_a_visible_choice_each_time(qtbot: Any, window: Any) -> None:
    """Bug 11: the scope was a hidden sticky mode (chosen once, then silently applied to every
    later correction). Now each correction menu shows it, "this mention" unless changed."""
    menu = mention_menu(qtbot, window, "Basrah", "البصرة")
    choice = menu.findChild(ScopeChoice)
    assert choice is not None and choice.scope() == "mention"
    assert [b.isChecked() for b in choice.buttons.values()] == [True, False, False]
    assert "البصرة" in choice.buttons["corpus"].text()
    choice.buttons["article"].click()
    assert choice.scope() == "article"
    action(menu, "rejectMention").trigger()
    qtbot.waitUntil(lambda: len(stored(window)) == 1)
    (c,) = stored(window)
    assert (c.scope, c.doc, c.surface) == ("article", "a.txt", "البصرة")
    # The next correction does not inherit it: "this mention" again, shown.
    menu = mention_menu(qtbot, window, "Mosul", "الموصل")
    choice = menu.findChild(ScopeChoice)
    assert choice.scope() == "mention" and choice.buttons["mention"].isChecked()
    action(menu, "rejectMention").trigger()
    qtbot.waitUntil(lambda: len(stored(window)) == 2)
    assert stored(window)[1].scope == "mention"
    # The gazetteer search shows the choice too, starting from the menu's.
    menu = mention_menu(qtbot, window, "Baghdad", "بغداد")
    menu.findChild(ScopeChoice).buttons["corpus"].click()
    action(menu, "searchGazetteer").trigger()
    dialog = window.corrections.dialog
    assert isinstance(dialog, PlaceSearchDialog)
    assert dialog.scope.isVisible() and dialog.scope.scope() == "corpus"
    dialog.scope.set_scope("mention")
    dialog.query.setText("الامارات")
    dialog.refresh()
    dialog.accept()
    qtbot.waitUntil(lambda: len(stored(window)) == 3)
    assert stored(window)[2].scope == "mention"


def dock_list(qtbot: Any, window: Any) -> Any:
    dock = window.corrections_dock
    listing = dock.list
    loads = listing.loads
    dock.show()
    dock.tabs.setCurrentWidget(listing)
    listing.reload()
    qtbot.waitUntil(lambda: listing.loads > loads)
    return listing


BIDI = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


def rows(listing: Any) -> list[list[str]]:
    """The table's cells, without their bidirectional marks and isolates."""
    t = listing.table
    return [[t.item(r, k).text().translate(BIDI) for k in range(t.columnCount())]
            for r in range(t.rowCount())]


def test_the_dock_lists_filters_and_undoes_for_good(
    qtbot: Any, window: Any, tmp_path: Path
) -> None:
    mosul = place_id(window, "Mosul")
    action(mention_menu(qtbot, window, "Mosul", "الموصل"), "rejectMention").trigger()
    qtbot.waitUntil(lambda: mosul not in visible(qtbot, window))
    menu = mention_menu(qtbot, window, "Basrah", "البصرة")
    menu.findChild(ScopeChoice).buttons["corpus"].click()
    first = action(menu, "otherCandidates").menu().actions()[0]
    other = first.objectName().removeprefix("candidate:")
    first.trigger()
    qtbot.waitUntil(lambda: other in visible(qtbot, window))
    listing = dock_list(qtbot, window)
    table = rows(listing)
    assert len(table) == 2 and "2 of 2 corrections" in listing.count.text()
    newest, oldest = table
    # What, where (the article's title and the passage), scope, when.
    assert newest[0].startswith("«البصرة» → ") and newest[1] == "every article"
    assert newest[2] == "the whole corpus"
    assert oldest[0] == "«الموصل»: not a place" and oldest[2] == "this mention"
    assert oldest[1].startswith("خبر ثان — ") and "اجتماع في الموصل أمس" in oldest[1]
    with IndexDB(window.index_path, readonly=True) as db:
        created = [c.created for c in db.corrections()]
    assert oldest[3] == created[0].replace("T", " ") and oldest[3][:2] == "20"
    assert listing.table.item(1, 3).text()[0] == "\u2066"  # date, time: in order in Arabic
    # Return (or a double click) opens the correction's article in the reader.
    listing.table.setCurrentCell(1, 1)
    qtbot.keyClick(listing.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.article.doc == "b.txt")
    assert window.article.isVisible() and "الموصل" in window.article.view.toPlainText()
    # Filtered by text (folded: the name without its article) and by scope.
    listing.search.setText("موصل")
    assert [r[0] for r in rows(listing)] == ["«الموصل»: not a place"]
    assert "1 of 2 corrections" in listing.count.text()
    listing.search.setText("")
    listing.scope.setCurrentIndex(listing.scope.findData("corpus"))
    assert [r[2] for r in rows(listing)] == ["the whole corpus"]
    listing.scope.setCurrentIndex(0)
    # Undo the Mosul one with the Delete key: a real deletion; map and counts follow.
    listing.table.selectRow(1)
    listing.table.setFocus()
    loads = listing.loads
    qtbot.keyClick(listing.table, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: mosul in visible(qtbot, window))
    assert counts(window)["Mosul"] == 1
    qtbot.waitUntil(lambda: listing.loads > loads and len(rows(listing)) == 1)
    assert rows(listing)[0][0].startswith("«البصرة»")
    # The button takes back the other one.
    listing.table.selectRow(0)
    listing.undo.click()
    qtbot.waitUntil(lambda: not stored(window))
    qtbot.waitUntil(lambda: other not in visible(qtbot, window))
    assert counts(window)["Basrah"] == 2
    # A restart (a new window on the same index): still undone.
    from explorer.qt.app import start

    index, corpus = window.index_path, window.root
    window.close()
    window.dispose()
    again = start(corpus, index_path=index, jobs=1)
    qtbot.addWidget(again)
    try:
        again.show()
        qtbot.waitUntil(lambda: again.indexing_done, timeout=120_000)
        wait_drawn(qtbot, again)
        assert counts(again)["Mosul"] == 1 and counts(again)["Basrah"] == 2
        assert mosul in visible(qtbot, again)
        assert rows(dock_list(qtbot, again)) == []
    finally:
        again.dispose()


def queue_of(qtbot: Any, window: Any) -> Any:
    dock = window.corrections_dock
    queue = dock.queue
    dock.show()
    dock.tabs.setCurrentWidget(queue)
    qtbot.waitUntil(lambda: queue.loads > 0)
    return queue


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_review_queue_is_worked_through_with_the_keyboard(
    qtbot: Any, window: Any
) -> None:
    conn = sqlite3.connect(window.index_path)
    unsure = conn.execute("SELECT COUNT(*) FROM mentions WHERE confidence < 1").fetchone()[0]
    conn.close()
    assert unsure == 5  # Basrah twice (0.954), Baghdad twice (0.995), Mosul (0.9996)
    queue = queue_of(qtbot, window)
    assert queue.progress.text() == "1 of 5"
    assert [i.mention.confidence for i in queue.items] == sorted(
        i.mention.confidence for i in queue.items)
    assert queue.items[0].mention.text == "البصرة"
    assert "«\u2068البصرة\u2069» → Basrah" in queue.heading.text()  # the name isolated
    assert "وحضره" in queue.passage.toPlainText() or "وصل الوفد" in queue.passage.toPlainText()
    basrah = place_id(window, "Basrah")
    first_doc = queue.items[0].doc
    assert queue.hasFocus()  # its tab shown: its keys work at once
    qtbot.keyClick(queue, Qt.Key.Key_O)  # its article, in the reader
    assert window.article.doc == first_doc and window.article.isVisible()
    queue.setFocus()
    qtbot.keyClick(queue, Qt.Key.Key_A)  # accept: stored, and the next one shown
    assert queue.progress.text() == "2 of 5"
    qtbot.waitUntil(lambda: len(stored(window)) == 1)
    (c,) = stored(window)
    assert (c.note, c.scope, c.place_id, c.doc) == ("accepted", "mention", basrah, first_doc)
    qtbot.keyClick(queue, Qt.Key.Key_N)  # not a place: the map and the counts follow
    qtbot.waitUntil(lambda: counts(window).get("Basrah") == 1)
    assert queue.progress.text() == "3 of 5"
    qtbot.keyClick(queue, Qt.Key.Key_K)
    assert queue.progress.text() == "2 of 5" and "not a place" in queue.heading.text()
    assert not queue.buttons["accept"].isEnabled()  # decided already
    window.corrections.undo.trigger()  # Edit → Undo: that mention is to decide again
    qtbot.waitUntil(lambda: counts(window).get("Basrah") == 2)
    assert queue.buttons["accept"].isEnabled() and "not a place" not in queue.heading.text()
    qtbot.keyClick(queue, Qt.Key.Key_N)  # decided again
    qtbot.waitUntil(lambda: counts(window).get("Basrah") == 1)
    assert queue.progress.text() == "3 of 5" and queue.current.mention.text == "بغداد"
    qtbot.keyClick(queue, Qt.Key.Key_Left)
    qtbot.keyClick(queue, Qt.Key.Key_Right)
    assert queue.progress.text() == "3 of 5"
    baghdad = place_id(window, "Baghdad")
    qtbot.keyClick(queue, Qt.Key.Key_C)  # the candidates
    menu = queue.menu
    assert menu is not None and menu.isVisible()
    pick = next(a for a in menu.actions() if a.objectName().startswith("candidate:"))
    other = pick.objectName().removeprefix("candidate:")
    pick.trigger()
    menu.close()
    qtbot.waitUntil(lambda: other in visible(qtbot, window))
    assert counts(window)["Baghdad"] == 1 and baghdad in visible(qtbot, window)
    assert queue.progress.text() == "4 of 5"
    qtbot.keyClick(queue, Qt.Key.Key_J)
    assert queue.progress.text() == "5 of 5" and queue.current.mention.text == "الموصل"
    qtbot.keyClick(queue, Qt.Key.Key_J)  # the last: stays
    assert queue.progress.text() == "5 of 5"
    # Read again: what was decided has left the queue.
    loads = queue.loads
    queue.reload()
    qtbot.waitUntil(lambda: queue.loads > loads)
    assert queue.progress.text() == "1 of 2" and queue.current.mention.text == "بغداد"
    conn = sqlite3.connect(window.index_path)
    reasons = [decode(r) for (r,) in
               conn.execute("SELECT reason FROM mentions WHERE text = 'البصرة'")]
    conn.close()
    assert reasons == [(ACCEPTED_REASON,)]  # the one accepted; the other is gone


def test_the_dock_follows_the_folder_shown(qtbot: Any, window: Any, tmp_path: Path) -> None:
    """Opening another folder with the dock open: it lists that folder's corrections."""
    action(mention_menu(qtbot, window, "Mosul", "الموصل"), "rejectMention").trigger()
    qtbot.waitUntil(lambda: len(stored(window)) == 1)
    listing = dock_list(qtbot, window)
    assert len(rows(listing)) == 1
    other = tmp_path / "other"
    other.mkdir()
    (other / "c.txt").write_text(B, encoding="utf-8")
    loads = listing.loads
    window.switch_folder(other)
    qtbot.waitUntil(lambda: window.indexing_done, timeout=120_000)
    qtbot.waitUntil(lambda: listing.loads > loads and rows(listing) == [])
    assert "0 of 0 corrections" in listing.count.text()
