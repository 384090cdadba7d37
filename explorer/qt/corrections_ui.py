"""Corrections in the window: on a highlighted place of the passage panel (its context menu),
choose another candidate, search the gazetteer, mark "not a place", or add a new place by
clicking the map; for this mention, this article or the whole corpus. Every edit is a
``QUndoCommand`` on one ``QUndoStack`` (Edit → Undo / Redo).

An edit is stored in the folder's SQLite index (``IndexDB.add_correction``, under the
indexer's writer lock), which rewrites the mentions of the articles it touches: on a worker
thread (a corpus-wide correction of a place named a million times takes many seconds), one
edit after another in the order made, so the window stays responsive; the window then shows
the index's new data like a batch of indexing. Corrections need that index: a
window showing an in-memory index (tests) offers them disabled, and so does a window still
indexing (its indexer would write articles read before the correction).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, QPoint, QThread, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from explorer.atomic import atomic_write_text
from explorer.corrections import (
    Action,
    Correction,
    CorrectionError,
    NewPlace,
    PlaceContext,
    Scope,
    candidates,
    gazetteer_yaml,
    nearest_country,
    search,
)
from explorer.indexdb import IndexDB, IndexUnavailable
from explorer.indexer import writer_lock
from explorer.qt.correction_dialogs import NewPlaceDialog, PlaceSearchDialog, place_label
from explorer.qt.counts import plural
from explorer.query import PassageHit
from gazetteer.model import Mention, Place

if TYPE_CHECKING:
    from explorer.qt.passages import PassagePanel
    from explorer.qt.window import MainWindow
    from gazetteer.store import Gazetteer

log = logging.getLogger(__name__)

MAX_CANDIDATES = 15
STATUS_MS = 8000


class Target(NamedTuple):
    """The mention being corrected, in its article (content ``sha256``)."""

    doc: str
    sha256: str
    mention: Mention


def _rendered(text: str) -> tuple[str, list[int]]:
    """``text`` as a rich-text paragraph shows it (white space collapsed) and, for each
    character shown, its offset in ``text``."""
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        if ch.isspace():
            if not out or out[-1] == " ":
                continue
            ch = " "
        out.append(ch)
        origin.append(i)
    while out and out[-1] == " ":
        out.pop()
        origin.pop()
    return "".join(out), origin


def mention_at(panel: PassagePanel, pos: QPoint) -> tuple[PassageHit, Mention] | None:
    """The highlighted mention under ``pos`` (viewport coordinates) of the passage panel."""
    cursor = panel.cursorForPosition(pos)
    block = cursor.block()
    shown = block.text()
    nth = 0  # the same paragraph may appear more than once (two articles quote it)
    b = block.previous()
    while b.isValid():
        nth += b.text() == shown
        b = b.previous()
    for hit in panel.hits:
        text, origin = _rendered(hit.passage.text)
        if text != shown:
            continue
        if nth:
            nth -= 1
            continue
        i = cursor.positionInBlock()
        for k in (i, i - 1):  # the cursor falls between two characters
            if 0 <= k < len(origin):
                at = hit.passage.start + origin[k]
                for m in hit.mentions:
                    if m.start <= at < m.end:
                        return hit, m
        return None
    return None


class CorrectionCommand(QUndoCommand):
    """Store a correction (redo) or take it back (undo), on the writer thread."""

    def __init__(self, owner: Corrections, correction: Correction, text: str, path: Path) -> None:
        super().__init__(text)
        self.owner = owner
        self.correction = correction
        self.path = path  # the index it goes to, whatever folder the window shows later
        # The stored correction (with its row id): set and read on the writer thread only,
        # where the edits run in order, so an undo always sees its redo's result.
        self.stored: Correction | None = None

    def redo(self) -> None:
        self.owner.store(self)

    def undo(self) -> None:
        self.owner.unstore(self)


class _Writer(QObject):
    """Runs the edits, one after another, on the corrections' own thread."""

    done = Signal(object)  # what the work returned (or the exception it raised)

    @Slot(object)
    def run(self, work: Callable[[], object]) -> None:
        try:
            result = work()
        except Exception as exc:  # said in the status bar by the window
            log.exception("a correction could not be written")
            result = exc
        self.done.emit(result)


class Corrections(QObject):
    """The window's corrections: menus, dialogs, the undo stack, and the index writes."""

    changed = Signal()  # a correction was stored or taken back, and the views refreshed
    _submit = Signal(object)  # work for the writer thread

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pending = 0  # edits sent to the writer thread and not yet done
        self._thread = QThread(self)
        self._thread.setObjectName("corrections")
        self._writer = _Writer()
        self._writer.moveToThread(self._thread)
        self._submit.connect(self._writer.run)
        self._writer.done.connect(self._written)
        self._thread.start()
        self.stack = QUndoStack(self)
        self.scope: Scope = "mention"
        self.dialog: QDialog | None = None  # the dialog open now (tests find it here)
        self.picking: Target | None = None  # waiting for a click on the map
        self._gaz: Gazetteer | None = None
        self._context: PlaceContext | None = None
        self._path: Path | None = None  # the index the undo stack's edits went to
        self.undo = self.stack.createUndoAction(window, self.tr("Undo"))
        self.undo.setObjectName("undo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = self.stack.createRedoAction(window, self.tr("Redo"))
        self.redo.setObjectName("redo")
        self.redo.setShortcuts(QKeySequence.StandardKey.Redo)
        edit = window.menus.edit
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, [self.undo, self.redo])  # type: ignore[arg-type]
        edit.insertSeparator(first)  # type: ignore[arg-type]
        window.addAction(self.undo)
        window.addAction(self.redo)
        window.passages.menu_extras.append(self._extend_menu)
        window.article.view.menu_extras.append(self._extend_reader_menu)
        window.bridge.events.point.connect(self._on_point)
        window.menus.clear_selection.triggered.connect(self.cancel_pick)  # Esc
        self.export_action = QAction(self.tr("Export corrections as a gazetteer…"), window)
        self.export_action.setObjectName("exportCorrections")
        self.export_action.triggered.connect(lambda _c=False: self.choose_export())
        file = window.menus.file
        separators = [a for a in file.actions() if a.isSeparator()]
        file.insertAction(separators[-1] if separators else None,  # type: ignore[arg-type]
                          self.export_action)

    # -- what may be done ----------------------------------------------------------------------

    def unavailable(self) -> str | None:
        """Why corrections cannot be made now (None: they can)."""
        w = self.window
        if w.index_path is None or not w.index_path.exists():
            return self.tr("Corrections are stored in the folder's index, which is not built")
        if w.worker is not None and not w.indexing_done:
            return self.tr("Corrections can be made once indexing has finished")
        return None

    def gazetteer(self) -> Gazetteer:
        """The gazetteer the window's folder is indexed with (loaded on first use)."""
        if self._gaz is None:
            from gazetteer.store import Gazetteer

            self._gaz = Gazetteer.load(list(self.window.gazetteer_files))
            for error in self._gaz.errors:
                log.warning("%s", error)
        return self._gaz

    def context(self) -> PlaceContext:
        """Provinces and countries of the gazetteer: what tells candidates apart."""
        if self._context is None:
            self._context = PlaceContext(self.gazetteer())
        return self._context

    def _place_of(self, pid: str) -> Place | None:
        return self.gazetteer().by_id.get(pid)

    # -- the menu -------------------------------------------------------------------------------

    def _extend_menu(self, menu: QMenu, pos: QPoint) -> None:
        found = mention_at(self.window.passages, pos)
        if found is None:
            return
        hit, m = found
        menu.addSeparator()
        menu.addMenu(self.menu_for(Target(hit.article.doc, hit.article.sha256, m), menu))

    def _extend_reader_menu(self, menu: QMenu, k: int) -> None:
        view = self.window.article.view
        if view.article is None:
            return
        menu.addSeparator()
        menu.addMenu(self.menu_for(
            Target(view.article.doc, view.article.sha256, view.mentions[k]), menu))

    def menu_for(self, target: Target, parent: QMenu | None = None) -> QMenu:
        """The corrections of one mention, as a menu (the passage panel's and the reader's)."""
        m = target.mention
        menu = QMenu(self.tr("Correct «{name}»").format(name=m.text), parent)
        menu.setObjectName("correctionMenu")
        why = self.unavailable()
        if why is not None:
            menu.addAction(why).setEnabled(False)
            return menu
        scopes = QActionGroup(menu)
        labels = {"mention": self.tr("Apply to this mention"),
                  "article": self.tr("Apply to every «{name}» in this article"),
                  "corpus": self.tr("Apply to every «{name}» in the corpus")}
        for scope, label in labels.items():
            action = QAction(label.format(name=m.text), menu)
            action.setObjectName(f"scope-{scope}")
            action.setCheckable(True)
            action.setChecked(scope == self.scope)
            action.triggered.connect(lambda _c=False, s=scope: self._set_scope(s))
            scopes.addAction(action)
            menu.addAction(action)
        menu.addSeparator()
        reject = menu.addAction(self.tr("Not a place"))
        reject.setObjectName("rejectMention")
        reject.triggered.connect(lambda: self.reject(target))
        others = menu.addMenu(self.tr("Another place"))
        others.setObjectName("otherCandidates")
        found = candidates(self.gazetteer(), m)[:MAX_CANDIDATES]
        for p in found:
            action = others.addAction(place_label(p, m.place, self.context()))
            action.setObjectName(f"candidate:{p.id}")
            action.triggered.connect(lambda _c=False, p=p: self.resolve(target, p))
        others.setEnabled(bool(found))
        look = menu.addAction(self.tr("Search the gazetteer…"))
        look.setObjectName("searchGazetteer")
        look.triggered.connect(lambda: self.open_search(target))
        new = menu.addAction(self.tr("Add a new place on the map…"))
        new.setObjectName("newPlaceOnMap")
        new.triggered.connect(lambda: self.start_pick(target))
        return menu

    def _set_scope(self, scope: str) -> None:
        if scope in ("mention", "article", "corpus"):
            self.scope = scope  # type: ignore[assignment]

    # -- the edits ------------------------------------------------------------------------------

    def correction(
        self, target: Target, place: Place | NewPlace | None = None, scope: Scope | None = None
    ) -> Correction:
        """The correction of ``target`` (to ``place``; None: not a place) in ``scope``."""
        m = target.mention
        scope = scope or self.scope
        action: Action = "reject" if place is None else "resolve"
        place_id = place.id if isinstance(place, Place) else None
        new = place if isinstance(place, NewPlace) else None
        if scope == "mention":
            return Correction("mention", action, m.text, target.doc, m.start, m.end,
                              place_id, new, target.sha256)
        doc = target.doc if scope == "article" else None
        return Correction(scope, action, m.text, doc, place_id=place_id, new_place=new)

    def reject(self, target: Target, scope: Scope | None = None) -> None:
        c = self.correction(target, None, scope)
        self.push(c, self.tr("Not a place: «{name}»").format(name=c.surface))

    def resolve(self, target: Target, place: Place | NewPlace, scope: Scope | None = None) -> None:
        c = self.correction(target, place, scope)
        name = place.name if isinstance(place, Place) else (place.name or place.name_ar)
        self.push(c, self.tr("«{name}» is {place}").format(name=c.surface, place=name))

    def push(self, c: Correction, text: str) -> None:
        path = self.window.index_path
        if path is None:
            return
        if path != self._path:  # another folder: its edits are not this one's to undo
            self.stack.clear()
            self._path = path
        self.stack.push(CorrectionCommand(self, c, text, path))

    def store(self, cmd: CorrectionCommand) -> None:
        """Store the command's correction in the index on the writer thread; the views show
        the result when it is done (a message if it fails)."""
        why = self.unavailable()
        if why is not None:
            self._say(why)
            return
        self.gazetteer()  # loaded here, on the GUI thread, before the writer asks it
        place_of = self._place_of
        failed = self.tr("The correction was not stored: {error}")

        def work() -> object:
            try:
                with writer_lock(cmd.path), IndexDB(cmd.path) as db:
                    cmd.stored, applied = db.add_correction(cmd.correction, place_of)
            except (IndexUnavailable, CorrectionError) as exc:
                return failed.format(error=exc)
            return [f"{c.describe()}: {why}" for a in applied for c, why in a.stale]

        self._send(work)

    def unstore(self, cmd: CorrectionCommand) -> None:
        """Take the command's correction back (on the writer thread, after its store)."""
        place_of = self._place_of
        failed = self.tr("The correction was not undone: {error}")

        def work() -> object:
            c = cmd.stored
            if c is None or c.id is None:
                return None  # it was not stored: nothing to take back
            try:
                with writer_lock(cmd.path), IndexDB(cmd.path) as db:
                    db.delete_correction(c.id, place_of)
            except IndexUnavailable as exc:
                return failed.format(error=exc)
            cmd.stored = None
            return []

        self._send(work)

    def _send(self, work: Callable[[], object]) -> None:
        self.pending += 1
        self._say(self.tr("Applying the correction…"))
        self._submit.emit(work)

    def _written(self, result: object) -> None:
        """On the GUI thread, when the writer has done one edit: a message (str), the
        corrections not applied (list), nothing to show (None) or an unexpected error."""
        self.pending -= 1
        if self.window.disposed:
            return
        if isinstance(result, str):
            self._say(result)
            return
        if isinstance(result, Exception):
            self._say(self.tr("The correction was not stored: {error}").format(error=result))
            return
        if result is None:
            if not self.pending:
                self._say("")
            return
        stale = [str(s) for s in result] if isinstance(result, list) else []
        for line in stale:
            log.warning("correction not applied: %s", line)
        self._refresh()
        self._say(self.tr("Not applied: {what}").format(what=stale[0]) if stale else "")

    def wait(self) -> None:
        """Let the edits sent finish, then end the writer thread (the window is closing)."""
        self._thread.quit()
        self._thread.wait()

    def _refresh(self) -> None:
        """Every view shows the index's new data: map, counts, lists, passages."""
        w = self.window
        w.session.data_landed()
        w.session.flush()  # now, not in half a second
        selected = w.selected_place
        if selected is not None and w.session.place(selected) is None:
            w.session.select(None)  # no mention of it is left
        else:
            w.refresh_passages()
        w.update_status()
        self.changed.emit()

    def _say(self, message: str) -> None:
        if message:
            self.window.statusBar().showMessage(message, STATUS_MS)
        else:
            self.window.statusBar().clearMessage()

    # -- dialogs ----------------------------------------------------------------------------------

    def open_search(self, target: Target) -> PlaceSearchDialog:
        gaz = self.gazetteer()
        dialog = PlaceSearchDialog(target.mention.text, lambda q: search(gaz, q),
                                   target.mention.place, self.window, self.context())
        dialog.accepted.connect(lambda: self._chosen(target, dialog.chosen()))
        self._open(dialog)
        return dialog

    def _chosen(self, target: Target, place: Place | None) -> None:
        if place is not None and place.id != target.mention.place.id:
            self.resolve(target, place)

    def start_pick(self, target: Target) -> None:
        """Wait for a click on the map: where the new place is."""
        self.picking = target
        self.window.map_sync.set_picking(True)  # the click selects and deselects nothing
        self.window.statusBar().showMessage(self.tr(
            "Click the map where «{name}» is (Esc: cancel)").format(name=target.mention.text))

    def cancel_pick(self) -> None:
        if self.picking is not None:
            self.picking = None
            self.window.map_sync.set_picking(False)
            self.window.statusBar().clearMessage()

    def _on_point(self, lat: float, lon: float) -> None:
        target, self.picking = self.picking, None
        if target is None:
            return
        self.window.map_sync.set_picking(False)
        self.window.statusBar().clearMessage()
        country = nearest_country(self.gazetteer(), lat, lon)
        dialog = NewPlaceDialog(target.mention.text, lat, lon, country, self.window)
        dialog.accepted.connect(
            lambda: self.resolve(target, dialog.place) if dialog.place is not None else None)
        self._open(dialog)

    # -- export -----------------------------------------------------------------------------------

    def choose_export(self) -> QFileDialog:
        """File → Export corrections: ask where, then write the gazetteer file."""
        start = str(self.window.root or "")
        dialog = QFileDialog(self.window, self.tr("Export corrections as a gazetteer"), start,
                             self.tr("Gazetteer YAML (*.yaml)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("yaml")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda name: self.export(Path(name)))
        self._open(dialog)
        return dialog

    def export(self, out: Path) -> bool:
        """Write the corrections of the open folder's index to ``out`` (``--gazetteer``)."""
        path = self.window.index_path
        try:
            if path is None or not path.exists():
                raise IndexUnavailable(Path(str(path)), "unavailable", "is not built yet")
            with IndexDB(path, readonly=True) as db:
                corrections = db.corrections()
            gaz = self.gazetteer()
            atomic_write_text(out, gazetteer_yaml(corrections, gaz.by_id.get, gaz))
        except (IndexUnavailable, OSError) as exc:
            self._say(self.tr("The corrections were not exported: {error}").format(error=exc))
            return False
        n = len(corrections)
        said = self.tr("%n correction(s) exported to {file}", "", n)
        if "(s)" in said:  # English: no translation file
            said = plural(n, "correction") + " exported to {file}"
        self._say(said.format(file=out))
        return True

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _r: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()


__all__ = ["CorrectionCommand", "Corrections", "Target", "mention_at"]
