"""The review queue: the mentions the geoparser was least sure of, one at a time, with their
passage, worked through with the keyboard: A accept (stored as an "accepted" correction, so it
leaves the queue), C another candidate, N not a place, J/K or the arrows next/previous.
Each decision is a correction of that one mention (Edit → Undo takes it back)."""

from __future__ import annotations

import html

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.qt.corrections_ui import Corrections, Target
from explorer.qt.names import FSI, PDI, both
from explorer.review import Pending, queue
from explorer.workspace import Index


class ReviewQueue(QWidget):
    """The least confident mentions of the open folder's index, to accept or correct; O opens
    the current one's article in the reader (``articleRequested``: its file)."""

    articleRequested = Signal(str)

    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewQueue")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.corrections = corrections
        self.items: list[Pending] = []
        # Position → what was decided (shown), and the undo stack's index once it was pushed:
        # undone (Edit → Undo), the mention is to decide again.
        self.decided: dict[int, str] = {}
        self._pushed: dict[int, int] = {}
        self.total = 0  # mentions in the queue when it was read
        self.at = 0
        self.loaded = False
        self.loads = 0  # answers received (tests wait on it)
        self.menu: QMenu | None = None  # the candidates' menu open now (C)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.progress = QLabel(self)
        self.progress.setObjectName("reviewProgress")
        top.addWidget(self.progress, 1)
        reload = QPushButton(self.tr("Reload"), self)
        reload.setObjectName("reviewReload")
        reload.clicked.connect(self.reload)
        top.addWidget(reload)
        layout.addLayout(top)
        self.heading = QLabel(self)
        self.heading.setObjectName("reviewHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.heading)
        self.passage = QTextBrowser(self)
        self.passage.setObjectName("reviewPassage")
        self.passage.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay the queue's
        layout.addWidget(self.passage, 1)
        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for name, label, tip, slot in (
            ("accept", self.tr("Accept"), self.tr("The place is right (A)"), self.accept),
            ("other", self.tr("Another place…"), self.tr("Choose another candidate (C)"),
             self.other),
            ("reject", self.tr("Not a place"), self.tr("This name is not a place here (N)"),
             self.reject),
            ("previous", self.tr("Previous"), self.tr("Previous mention (K, ←)"),
             self.previous),
            ("next", self.tr("Next"), self.tr("Next mention (J, →)"), self.next),
            ("open", self.tr("Open article"), self.tr("Open the article in the reader (O)"),
             self.open_article),
        ):
            button = QPushButton(label, self)
            button.setObjectName(f"review-{name}")
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.buttons[name] = button
        layout.addLayout(buttons)
        for keys, slot in ((("A",), self.accept), (("C",), self.other), (("N",), self.reject),
                           (("O",), self.open_article),
                           (("J", "Right", "Down"), self.next),
                           (("K", "Left", "Up"), self.previous)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        corrections.stack.indexChanged.connect(self._undone)
        self.show_current()

    # -- reading -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the queue again from the index (decided mentions are no longer in it)."""

        def read(db: Index) -> object:
            return queue(db)

        if not self.corrections.ask(read, self._loaded):
            self._loaded((0, []))

    def _loaded(self, value: object) -> None:
        self.loads += 1
        self.loaded = True
        self.decided.clear()
        self._pushed.clear()
        self.at = 0
        if isinstance(value, tuple):
            total, items = value
            self.total, self.items = int(total), list(items)
            self.show_current()
        else:  # the index could not be read: said
            self.total, self.items = 0, []
            self.show_current()
            self.heading.setText(str(value))

    # -- showing -----------------------------------------------------------------------------

    @property
    def current(self) -> Pending | None:
        return self.items[self.at] if 0 <= self.at < len(self.items) else None

    def show_current(self) -> None:
        item = self.current
        for name in ("accept", "other", "reject"):
            self.buttons[name].setEnabled(item is not None and self.at not in self.decided)
        self.buttons["previous"].setEnabled(self.at > 0)
        self.buttons["next"].setEnabled(self.at + 1 < len(self.items))
        self.buttons["open"].setEnabled(item is not None)
        if item is None:
            self.progress.setText(self.tr("Nothing to review") if self.loaded else "")
            self.heading.setText("")
            self.passage.clear()
            return
        self.progress.setText(self.tr("{n} of {total}").format(
            n=f"{self.at + 1:,}", total=f"{self.total:,}"))
        m = item.mention
        heading = self.tr("«{name}» → {place} (confidence {confidence:.2f}) in {article}").format(
            name=f"{FSI}{m.text}{PDI}", place=both(m.place.name, m.place.name_ar),
            confidence=m.confidence, article=f"{FSI}{item.title or item.doc}{PDI}")
        if self.at in self.decided:
            heading += " — " + self.decided[self.at]
        self.heading.setText(heading)
        a, b = m.start - item.passage_start, m.end - item.passage_start
        text = item.passage
        if not 0 <= a < b <= len(text):
            a, b = 0, 0
        self.passage.setHtml(
            f"<p>{html.escape(text[:a])}<b style='background:#ffe08a'>"
            f"{html.escape(text[a:b])}</b>{html.escape(text[b:])}</p>")

    def open_article(self) -> None:
        if (item := self.current) is not None:
            self.articleRequested.emit(item.doc)

    def next(self) -> None:
        if self.at + 1 < len(self.items):
            self.at += 1
            self.show_current()

    def previous(self) -> None:
        if self.at > 0:
            self.at -= 1
            self.show_current()

    # -- deciding ----------------------------------------------------------------------------

    def _target(self) -> Target | None:
        item = self.current
        if item is None or self.at in self.decided:
            return None
        return Target(item.doc, item.sha256, item.mention)

    def _mark(self, at: int, what: str) -> None:
        self.decided[at] = what
        self._pushed[at] = self.corrections.stack.index()

    def _undone(self, index: int) -> None:
        """The undo stack went back to ``index``: decisions pushed after it are undone."""
        for at in [at for at, pushed in self._pushed.items() if pushed > index]:
            del self._pushed[at]
            self.decided.pop(at, None)
        self.show_current()

    def _decided(self, what: str) -> None:
        self._mark(self.at, what)
        if self.at + 1 < len(self.items):
            self.at += 1
        self.show_current()

    def accept(self) -> None:
        target = self._target()
        if target is None:
            return
        self.corrections.accept(target)
        self._decided(self.tr("accepted"))

    def reject(self) -> None:
        target = self._target()
        if target is None:
            return
        self.corrections.reject(target, "mention")
        self._decided(self.tr("not a place"))

    def _menu_closed(self) -> None:
        self.menu = None
        self.activateWindow()  # the keys are the queue's again
        self.setFocus()

    def other(self) -> QMenu | None:
        """The other candidates of the current mention, as a menu under the buttons; the one
        chosen resolves this mention."""
        target = self._target()
        if target is None:
            return None
        menu = QMenu(self)
        menu.setObjectName("reviewCandidates")
        decided_at = self.at

        def chosen(what: str) -> None:
            if self.at == decided_at:
                self._decided(what)
            else:
                self._mark(decided_at, what)

        found = self.corrections.fill_candidates(menu, target, lambda: "mention")
        for action, place in zip(menu.actions(), found, strict=True):
            label = self.tr("→ {place}").format(place=both(place.name, place.name_ar))
            action.triggered.connect(lambda _c=False, t=label: chosen(t))
        if not found:
            menu.addAction(self.tr("No other candidate")).setEnabled(False)
        look = menu.addAction(self.tr("Search the gazetteer…"))
        look.triggered.connect(lambda: self.corrections.open_search(target, "mention"))
        self.menu = menu
        menu.aboutToHide.connect(self._menu_closed)
        button = self.buttons["other"]
        menu.popup(button.mapToGlobal(QPoint(0, button.height())))
        return menu


__all__ = ["ReviewQueue"]
