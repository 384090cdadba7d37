"""Corrections in the window: on a highlighted place of the passage panel (its context menu),
choose another candidate, search the gazetteer, mark "not a place", or add a new place by
clicking the map; for this mention, this article or the whole corpus (a visible choice in the
menu and the dialogs each time, "this mention" unless changed there). Every edit is a
``QUndoCommand`` on one ``QUndoStack`` (Edit → Undo / Redo); the corrections dock lists the
stored corrections and takes any of them back (``remove``), and reads the review queue.

The corrections take a ``CorrectionsWorkspace`` (the folder, its index, the session, the status
line): not the window, which composes them (no import circle window ↔ corrections).

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
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, Protocol

from PySide6.QtCore import QObject, QPoint, QThread, Signal, SignalInstance, Slot
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QStatusBar, QWidget, QWidgetAction

from explorer.atomic import atomic_write_text
from explorer.corrections import (
    ACCEPTED,
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
from explorer.qt.correction_dialogs import (
    NewPlaceDialog,
    PlaceSearchDialog,
    ScopeChoice,
    place_label,
)
from explorer.qt.counts import plural
from explorer.query import PassageHit
from explorer.workspace import Index, IndexUnavailable, open_index, writing
from gazetteer.model import Mention, Place

if TYPE_CHECKING:
    from explorer.qt.article_view import ArticleView
    from explorer.qt.mapsync import MapSync
    from explorer.qt.passages import PassagePanel
    from explorer.qt.session_model import SessionModel
    from gazetteer.store import Gazetteer

log = logging.getLogger(__name__)

MAX_CANDIDATES = 15
STATUS_MS = 8000


class CorrectionsWorkspace(Protocol):
    """What the corrections need of the window's workspace (``explorer.qt.opening.Opening``)."""

    root: Path | None
    session: SessionModel
    map_sync: MapSync

    @property
    def index_path(self) -> Path | None: ...

    @property
    def indexing_done(self) -> bool: ...

    @property
    def worker(self) -> object | None: ...

    @property
    def gazetteer_files(self) -> Sequence[Path]: ...

    @property
    def disposed(self) -> bool: ...

    def statusBar(self) -> QStatusBar: ...

    def refresh_passages(self) -> None: ...

    def update_status(self) -> None: ...


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


class _Answer(NamedTuple):
    """What a read on the corrections thread found, for ``then`` on the GUI thread."""

    then: Callable[[object], None]
    value: object  # what the read returned, or the ``IndexUnavailable`` it raised


class Corrections(QObject):
    """The window's corrections: menus, dialogs, the undo stack, and the index writes."""

    changed = Signal()  # a correction was stored or taken back, and the views refreshed
    _submit = Signal(object)  # work for the writer thread

    def __init__(self, workspace: CorrectionsWorkspace, parent: QWidget) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.parent_widget = parent  # the dialogs' parent
        self.pending = 0  # edits sent to the writer thread and not yet done
        self._thread = QThread(self)
        self._thread.setObjectName("corrections")
        self._writer = _Writer()
        self._writer.moveToThread(self._thread)
        self._submit.connect(self._writer.run)
        self._writer.done.connect(self._written)
        self._thread.start()
        self.stack = QUndoStack(self)
        self.dialog: QDialog | None = None  # the dialog open now (tests find it here)
        self.picking: tuple[Target, Scope] | None = None  # waiting for a click on the map
        self._gaz: Gazetteer | None = None
        self._context: PlaceContext | None = None
        self._path: Path | None = None  # the index the undo stack's edits went to
        self.undo = self.stack.createUndoAction(parent, self.tr("Undo"))
        self.undo.setObjectName("undo")
        self.undo.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo = self.stack.createRedoAction(parent, self.tr("Redo"))
        self.redo.setObjectName("redo")
        self.redo.setShortcuts(QKeySequence.StandardKey.Redo)
        parent.addAction(self.undo)
        parent.addAction(self.redo)
        self.export_action = QAction(self.tr("Export corrections as a gazetteer…"), parent)
        self.export_action.setObjectName("exportCorrections")
        self.export_action.triggered.connect(lambda _c=False: self.choose_export())
        self._passages: PassagePanel | None = None
        self._reader: ArticleView | None = None

    def attach(
        self, *, edit: QMenu, file: QMenu, passages: PassagePanel, reader: ArticleView,
        points: SignalInstance, cancel: SignalInstance,
    ) -> None:
        """Put the corrections where the window shows them: Edit → Undo/Redo, File → Export,
        the passage panel's and the reader's context menus, the map's clicks (a new place),
        Esc (``cancel``: no longer placing)."""
        first = edit.actions()[0] if edit.actions() else None
        edit.insertActions(first, [self.undo, self.redo])  # type: ignore[arg-type]
        edit.insertSeparator(first)  # type: ignore[arg-type]
        separators = [a for a in file.actions() if a.isSeparator()]
        file.insertAction(separators[-1] if separators else None,  # type: ignore[arg-type]
                          self.export_action)
        self._passages, self._reader = passages, reader
        passages.menu_extras.append(self._extend_menu)
        reader.menu_extras.append(self._extend_reader_menu)
        points.connect(self._on_point)
        cancel.connect(self.cancel_pick)

    # -- what may be done ----------------------------------------------------------------------

    def unavailable(self) -> str | None:
        """Why corrections cannot be made now (None: they can)."""
        w = self.workspace
        if w.index_path is None or not w.index_path.exists():
            return self.tr("Corrections are stored in the folder's index, which is not built")
        if w.worker is not None and not w.indexing_done:
            return self.tr("Corrections can be made once indexing has finished")
        return None

    def gazetteer(self) -> Gazetteer:
        """The gazetteer the window's folder is indexed with (loaded on first use)."""
        if self._gaz is None:
            from gazetteer.store import Gazetteer

            self._gaz = Gazetteer.load(list(self.workspace.gazetteer_files))
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

    def known_place(self, pid: str) -> Place | None:
        """The gazetteer's place ``pid`` if the gazetteer is loaded (None: not loaded, or no
        such place); never loads it (any thread may ask)."""
        gaz = self._gaz
        return gaz.by_id.get(pid) if gaz is not None else None

    # -- the menu -------------------------------------------------------------------------------

    def _extend_menu(self, menu: QMenu, pos: QPoint) -> None:
        if self._passages is None:
            return
        found = mention_at(self._passages, pos)
        if found is None:
            return
        hit, m = found
        menu.addSeparator()
        menu.addMenu(self.menu_for(Target(hit.article.doc, hit.article.sha256, m), menu))

    def _extend_reader_menu(self, menu: QMenu, k: int) -> None:
        view = self._reader
        if view is None or view.article is None:
            return
        menu.addSeparator()
        menu.addMenu(self.menu_for(
            Target(view.article.doc, view.article.sha256, view.mentions[k]), menu))

    def menu_for(self, target: Target, parent: QMenu | None = None) -> QMenu:
        """The corrections of one mention, as a menu (the passage panel's and the reader's):
        where they apply, chosen in the menu itself ("this mention" each time it opens), then
        what the name is."""
        m = target.mention
        menu = QMenu(self.tr("Correct «{name}»").format(name=m.text), parent)
        menu.setObjectName("correctionMenu")
        why = self.unavailable()
        if why is not None:
            menu.addAction(why).setEnabled(False)
            return menu
        choice = ScopeChoice(m.text, menu)
        holder = QWidgetAction(menu)
        holder.setObjectName("scopeChoice")
        holder.setDefaultWidget(choice)
        menu.addAction(holder)
        menu.addSeparator()
        reject = menu.addAction(self.tr("Not a place"))
        reject.setObjectName("rejectMention")
        reject.triggered.connect(lambda: self.reject(target, choice.scope()))
        others = menu.addMenu(self.tr("Another place"))
        others.setObjectName("otherCandidates")
        found = self.fill_candidates(others, target, choice.scope)
        others.setEnabled(bool(found))
        look = menu.addAction(self.tr("Search the gazetteer…"))
        look.setObjectName("searchGazetteer")
        look.triggered.connect(lambda: self.open_search(target, choice.scope()))
        new = menu.addAction(self.tr("Add a new place on the map…"))
        new.setObjectName("newPlaceOnMap")
        new.triggered.connect(lambda: self.start_pick(target, choice.scope()))
        return menu

    def fill_candidates(
        self, menu: QMenu, target: Target, scope: Callable[[], Scope]
    ) -> list[Place]:
        """The other places ``target``'s name may be, as actions of ``menu`` (each resolves
        it, in the ``scope`` chosen when it is triggered)."""
        m = target.mention
        found = candidates(self.gazetteer(), m)[:MAX_CANDIDATES]
        for p in found:
            action = menu.addAction(place_label(p, m.place, self.context()))
            action.setObjectName(f"candidate:{p.id}")
            action.triggered.connect(lambda _c=False, p=p: self.resolve(target, p, scope()))
        return found

    # -- the edits ------------------------------------------------------------------------------

    def correction(
        self, target: Target, place: Place | NewPlace | None = None, scope: Scope = "mention",
        note: str = "",
    ) -> Correction:
        """The correction of ``target`` (to ``place``; None: not a place) in ``scope``."""
        m = target.mention
        action: Action = "reject" if place is None else "resolve"
        place_id = place.id if isinstance(place, Place) else None
        new = place if isinstance(place, NewPlace) else None
        if scope == "mention":
            return Correction("mention", action, m.text, target.doc, m.start, m.end,
                              place_id, new, target.sha256, note)
        doc = target.doc if scope == "article" else None
        return Correction(scope, action, m.text, doc, place_id=place_id, new_place=new,
                          note=note)

    def reject(self, target: Target, scope: Scope = "mention") -> None:
        c = self.correction(target, None, scope)
        self.push(c, self.tr("Not a place: «{name}»").format(name=c.surface))

    def resolve(self, target: Target, place: Place | NewPlace, scope: Scope = "mention") -> None:
        c = self.correction(target, place, scope)
        name = place.name if isinstance(place, Place) else (place.name or place.name_ar)
        self.push(c, self.tr("«{name}» is {place}").format(name=c.surface, place=name))

    def accept(self, target: Target) -> None:
        """Keep the geoparser's place for this one mention (the review queue's "accept"): a
        correction noted ``accepted``, so the mention leaves the queue."""
        c = self.correction(target, target.mention.place, "mention", ACCEPTED)
        self.push(c, self.tr("«{name}» accepted as {place}").format(
            name=c.surface, place=target.mention.place.name))

    def push(self, c: Correction, text: str) -> None:
        path = self.workspace.index_path
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
                with writing(cmd.path) as db:
                    cmd.stored, applied = db.add_correction(cmd.correction, place_of)
            except (IndexUnavailable, CorrectionError) as exc:
                return failed.format(error=exc)
            return [f"{c.describe()}: {why}" for a in applied for c, why in a.stale]

        self._send(work)

    def unstore(self, cmd: CorrectionCommand) -> None:
        """Take the command's correction back (on the writer thread, after its store)."""

        def taken_back() -> None:
            cmd.stored = None

        self._delete(cmd.path, lambda: cmd.stored, taken_back)

    def remove(self, correction: Correction) -> None:
        """Take a stored correction back for good (the corrections dock): a real deletion
        in the index; the views show the mentions without it."""
        path = self.workspace.index_path
        why = self.unavailable()
        if why is not None or path is None:
            self._say(why or "")
            return
        self.gazetteer()
        self._delete(path, lambda: correction, lambda: None)

    def _delete(
        self, path: Path, which: Callable[[], Correction | None], then: Callable[[], None]
    ) -> None:
        place_of = self._place_of
        failed = self.tr("The correction was not undone: {error}")

        def work() -> object:
            c = which()
            if c is None or c.id is None:
                return None  # it was not stored: nothing to take back
            try:
                with writing(path) as db:
                    db.delete_correction(c.id, place_of)
            except IndexUnavailable as exc:
                return failed.format(error=exc)
            then()
            return []

        self._send(work)

    def ask(self, read: Callable[[Index], object], then: Callable[[object], None]) -> bool:
        """Run ``read`` on the open folder's index on the corrections thread (after the edits
        sent before it), then ``then`` with what it returned (or the ``IndexUnavailable`` it
        raised) on the GUI thread. False (nothing asked) when there is no index to read."""
        path = self.workspace.index_path
        if path is None or not path.exists():
            return False

        def work() -> object:
            try:
                with open_index(path) as db:
                    return _Answer(then, read(db))
            except IndexUnavailable as exc:
                return _Answer(then, exc)

        self._submit.emit(work)
        return True

    def _send(self, work: Callable[[], object]) -> None:
        self.pending += 1
        self._say(self.tr("Applying the correction…"))
        self._submit.emit(work)

    def _written(self, result: object) -> None:
        """On the GUI thread, when the writer has done one edit: a message (str), the
        corrections not applied (list), nothing to show (None) or an unexpected error; or
        the answer of a read (``ask``)."""
        if isinstance(result, _Answer):
            if not self.workspace.disposed:
                result.then(result.value)
            return
        self.pending -= 1
        if self.workspace.disposed:
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
        w = self.workspace
        w.session.data_landed()
        w.session.flush()  # now, not in half a second
        selected = w.session.selected_place
        if selected is not None and w.session.check_selection and w.session.place(selected) is None:
            w.session.select(None)  # no mention of it is left
        else:
            w.refresh_passages()  # on an index on disk, its answer clears a place left unnamed
        w.update_status()
        self.changed.emit()

    def _say(self, message: str) -> None:
        if message:
            self.workspace.statusBar().showMessage(message, STATUS_MS)
        else:
            self.workspace.statusBar().clearMessage()

    # -- dialogs ----------------------------------------------------------------------------------

    def open_search(self, target: Target, scope: Scope = "mention") -> PlaceSearchDialog:
        """The gazetteer search for ``target``'s place, with where it applies (``scope``
        chosen, changeable in the dialog)."""
        gaz = self.gazetteer()
        dialog = PlaceSearchDialog(target.mention.text, lambda q: search(gaz, q),
                                   target.mention.place, self.parent_widget,
                                   context=self.context(), scope=scope)
        dialog.accepted.connect(
            lambda: self._chosen(target, dialog.chosen(), dialog.scope.scope()))
        self._open(dialog)
        return dialog

    def _chosen(self, target: Target, place: Place | None, scope: Scope) -> None:
        if place is not None and place.id != target.mention.place.id:
            self.resolve(target, place, scope)

    def start_pick(self, target: Target, scope: Scope = "mention") -> None:
        """Wait for a click on the map: where the new place is."""
        self.picking = (target, scope)
        self.workspace.map_sync.set_picking(True)  # the click selects and deselects nothing
        self.workspace.statusBar().showMessage(self.tr(
            "Click the map where «{name}» is (Esc: cancel)").format(name=target.mention.text))

    def cancel_pick(self) -> None:
        if self.picking is not None:
            self.picking = None
            self.workspace.map_sync.set_picking(False)
            self.workspace.statusBar().clearMessage()

    def _on_point(self, lat: float, lon: float) -> None:
        picked, self.picking = self.picking, None
        if picked is None:
            return
        target, scope = picked
        self.workspace.map_sync.set_picking(False)
        self.workspace.statusBar().clearMessage()
        country = nearest_country(self.gazetteer(), lat, lon)
        dialog = NewPlaceDialog(target.mention.text, lat, lon, country, self.parent_widget,
                                scope)
        dialog.accepted.connect(
            lambda: self.resolve(target, dialog.place, dialog.scope.scope())
            if dialog.place is not None else None)
        self._open(dialog)

    # -- export -----------------------------------------------------------------------------------

    def choose_export(self) -> QFileDialog:
        """File → Export corrections: ask where, then write the gazetteer file."""
        start = str(self.workspace.root or "")
        dialog = QFileDialog(self.parent_widget, self.tr("Export corrections as a gazetteer"),
                             start, self.tr("Gazetteer YAML (*.yaml)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("yaml")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        dialog.fileSelected.connect(lambda name: self.export(Path(name)))
        self._open(dialog)
        return dialog

    def export(self, out: Path) -> bool:
        """Write the corrections of the open folder's index to ``out`` (``--gazetteer``)."""
        path = self.workspace.index_path
        try:
            if path is None or not path.exists():
                raise IndexUnavailable(Path(str(path)), "unavailable", "is not built yet")
            with open_index(path) as db:
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


__all__ = ["CorrectionCommand", "Corrections", "CorrectionsWorkspace", "Target", "mention_at"]
