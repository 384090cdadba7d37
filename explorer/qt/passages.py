"""The passage panel: passages loaded page by page from the index, shown as rich text.

``PassageModel`` is a list model over ``IndexReader.passages(f, place, offset, limit)`` with
``canFetchMore``/``fetchMore``: a place with thousands of passages shows its first page at
once, and the panel asks for the next page when it is scrolled near its end.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QTextCursor
from PySide6.QtWidgets import QMenu, QTextBrowser, QWidget

from explorer.passage_view import header_html, hits_html
from explorer.qt.counts import number
from explorer.qt.fonts import arabic_first
from explorer.qt.names import arabic_interface
from explorer.query import MENTIONS_PER_PASSAGE, Filter, IndexReader, PassageHit

PAGE_SIZE = 50
#: Passages rendered at once when a query is shown (more than a screenful); the rest of the
#: first page follows a few at a time, each step its own turn of the event loop, so a click
#: or a filter change is not held up by rendering passages below the fold.
FIRST_SHOWN = 6
#: Passages rendered in each later step: 12 (4 steps for the rest of a page) costs less in
#: all than 4 a step (11 steps; each has its own cost), and each step stays short (p50 10,
#: p95 14 ms for a page of searched passages; README, "The window at scale", round 6).
STEP_SHOWN = 12
#: The only entries of the panel's context menu (Qt's object names for them): the panel is
#: read, not navigated, so "Copy Link Location" and the like are left out.
MENU_ACTIONS = ("edit-copy", "select-all")
HitRole = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


class PassageModel(QAbstractListModel):
    """The passages behind a selection, fetched a page at a time."""

    def __init__(self, parent: QObject | None = None, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self.page_size = page_size
        self.reader: IndexReader | None = None
        self.filter = Filter()
        self.place_id: str | None = None
        self.hits: list[PassageHit] = []
        self._exhausted = True

    def show(self, reader: IndexReader | None, f: Filter, place_id: str | None,
             first: list[PassageHit] | None = None) -> None:
        """Start over on a new query; the first page is loaded at once (or is ``first``,
        computed off the GUI thread)."""
        self.beginResetModel()
        self.reader, self.filter, self.place_id = reader, f, place_id
        self.hits = list(first) if first is not None else []
        self._exhausted = reader is None or (first is not None and len(first) < self.page_size)
        self.endResetModel()
        if first is None:
            self.fetchMore(QModelIndex())

    def clear(self) -> None:
        self.show(None, Filter(), None)

    def more_may_exist(self) -> None:
        """New data were indexed: the end of the list may have moved."""
        if self.reader is not None:
            self._exhausted = False

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.hits)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.hits):
            return None
        hit = self.hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.passage.text
        if role == HitRole:
            return hit
        return None

    def canFetchMore(self, parent: _Index) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: _Index) -> None:
        if not self.canFetchMore(parent) or self.reader is None:
            return
        page = self.reader.passages(self.filter, self.place_id, len(self.hits), self.page_size,
                                    MENTIONS_PER_PASSAGE)
        if len(page) < self.page_size:
            self._exhausted = True
        if not page:
            return
        first = len(self.hits)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self.hits.extend(page)
        self.endInsertRows()


class PassagePanel(QTextBrowser):
    """Renders the model's loaded passages under a heading; scrolling near the end loads more.

    Passages are links: a highlighted place reports ``placeClicked`` (its id), the rest of a
    passage ``passageClicked`` (the hit); an article's "Open article" link, a double click on
    a passage and the context menu's "Open article" report ``articleRequested`` (its file),
    the context menu's "Show only this article" ``onlyArticle``. The panel selects nothing
    itself: the window passes these on to the session and the reader.
    """

    placeClicked = Signal(str)
    passageClicked = Signal(object)  # PassageHit
    articleRequested = Signal(str)
    onlyArticle = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passages")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor)
        # The article of the link the last click landed on: a double click's first click may
        # have selected a place, and the panel shows other passages by the second one.
        self._clicked_doc: str | None = None
        # The passages read right to left; the panel itself (scroll bar, menus) follows the
        # interface's direction (a right-to-left widget put them on the left in English).
        option = self.document().defaultTextOption()
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        self.document().setDefaultTextOption(option)
        self.setFont(arabic_first(self.font()))
        self.model = PassageModel(self)
        #: More entries for the context menu: ``extra(menu, pos)`` (pos: viewport coordinates).
        self.menu_extras: list[Callable[[QMenu, QPoint], None]] = []
        self._shown = 0  # passages of the model rendered in the document
        self._loading = False
        # The rest of the first page, rendered a few passages at a time.
        self._rest_timer = QTimer(self)
        self._rest_timer.setSingleShot(True)
        self._rest_timer.setInterval(0)
        self._rest_timer.timeout.connect(self._render_rest)
        # Scrolled near the end while the rest was rendering: the next page is fetched once
        # it is rendered (as it was when the whole page was rendered at once).
        self._more_asked = False
        # A child timer: it dies with the panel, unlike a pending singleShot.
        self._fetch_timer = QTimer(self)
        self._fetch_timer.setSingleShot(True)
        self._fetch_timer.setInterval(0)
        self._fetch_timer.timeout.connect(self._maybe_fetch)
        self.model.rowsInserted.connect(self._append)
        self.verticalScrollBar().valueChanged.connect(self._maybe_fetch)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._schedule_fetch())

    @property
    def hits(self) -> list[PassageHit]:
        return self.model.hits

    def show_query(
        self,
        reader: IndexReader | None,
        f: Filter,
        place_id: str | None,
        *,
        heading: str,
        heading_ar: str = "",
        summary: str = "",
        explain: Callable[[Sequence[PassageHit]], str] | None = None,
        empty: str = "",
        first: list[PassageHit] | None = None,
    ) -> None:
        """Show the first page of a query under its heading (``explain`` sees that page);
        ``first``: that page, already read off the GUI thread."""
        self._loading = True
        try:
            self.model.show(reader, f, place_id, first)
        finally:
            self._loading = False
        hits = self.model.hits
        explanation = explain(hits) if explain else ""
        empty = empty or self.tr("No passages.")
        first_shown = hits[:FIRST_SHOWN]
        body = (hits_html(first_shown, None, 0, self._open_label(), self._more_note, f.text,
                          self._page_label()) if hits
                else f"<p>{html.escape(empty)}</p>")
        self._shown = len(first_shown)
        self._more_asked = False
        self.setHtml("<html><body>"
                     + header_html(heading, heading_ar, summary, explanation,
                                   rtl=arabic_interface())
                     + body + "</body></html>")
        if self._shown < len(hits):
            self._rest_timer.start()
        else:
            self._rest_timer.stop()
            self._schedule_fetch()

    @property
    def rendering(self) -> bool:
        """Passages loaded are still being rendered (the rest of a first page)."""
        return self._shown < len(self.model.hits)

    def _render_rest(self) -> None:
        """The next few passages of the first page; the next step, or the next page's fetch,
        is scheduled after them."""
        self._render(STEP_SHOWN)
        if self.rendering:
            self._rest_timer.start()
        elif self._more_asked and self.model.canFetchMore(QModelIndex()):
            self._more_asked = False
            self.model.fetchMore(QModelIndex())
        else:
            self._schedule_fetch()

    def _append(self, *_: Any) -> None:
        """A page fetched (scrolled near the end): rendered whole, as it comes."""
        if self._loading:
            return
        self._render(None)
        self._schedule_fetch()

    def _render(self, count: int | None) -> None:
        """Render ``count`` more passages of the model (None: all it has loaded)."""
        hits = self.model.hits
        end = len(hits) if count is None else min(len(hits), self._shown + count)
        if end <= self._shown:
            return
        after = hits[self._shown - 1].article.doc if self._shown else None
        fragment = hits_html(hits[self._shown:end], after, self._shown, self._open_label(),
                             self._more_note, self.model.filter.text, self._page_label())
        # The same article as the last passage shown: the fragment opens with a paragraph
        # (otherwise with a rule or an article's heading, blocks of their own).
        same = after == hits[self._shown].article.doc
        self._shown = end
        self._insert(fragment, same)

    def _insert(self, fragment: str, paragraph_first: bool = False) -> None:
        cursor = QTextCursor(self.document())
        cursor.movePosition(QTextCursor.MoveOperation.End)
        if paragraph_first:
            # A block of its own: inserted at the end of the last one, the fragment's first
            # paragraph would run on from the last passage.
            cursor.insertBlock()
        cursor.insertHtml(fragment)

    def _schedule_fetch(self) -> None:
        self._fetch_timer.start()

    def _maybe_fetch(self, *_: Any) -> None:
        bar = self.verticalScrollBar()
        near_end = bar.maximum() - bar.value() <= max(self.viewport().height(), 200)
        if near_end and self.rendering:
            # Scrolled to the end meanwhile: the next page once the rest is in. A first
            # screenful shorter than the panel is not that (the whole page may fill it).
            self._more_asked = self._more_asked or bar.value() > 0
        elif near_end and self.model.canFetchMore(QModelIndex()):
            self.model.fetchMore(QModelIndex())

    def _open_label(self) -> str:
        return self.tr("Open article")

    def _more_note(self, mentions: int, chars: int) -> str:
        """After a passage shown in part (a huge one, or one naming a place thousands of
        times): what was left out."""
        return self.tr("… not shown: {mentions} more mentions, {chars} more characters").format(
            mentions=number(mentions), chars=number(chars))

    def _page_label(self) -> str:
        return self.tr("page {n}")

    def hit_at(self, href: str) -> PassageHit | None:
        """The passage a link of the panel belongs to (``passage:``, ``place:``, ``article:``)."""
        kind, _, rest = href.partition(":")
        if kind not in ("passage", "place", "article"):
            return None
        row = rest.partition(":")[0]
        hits = self.model.hits
        return hits[int(row)] if row.isdigit() and int(row) < len(hits) else None

    def _on_anchor(self, url: QUrl) -> None:
        href = url.toString()
        hit = self.hit_at(href)
        if hit is None:
            return
        self._clicked_doc = hit.article.doc
        kind, _, rest = href.partition(":")
        if kind == "passage":
            self.passageClicked.emit(hit)
        elif kind == "article":
            self.articleRequested.emit(hit.article.doc)
        else:
            k = rest.partition(":")[2]
            if k.isdigit() and int(k) < len(hit.mentions):
                self.placeClicked.emit(hit.mentions[int(k)].place.id)

    def passage_places(self, hit: PassageHit) -> list[str]:
        """The places a passage names (toponyms, in text order, each once): the highlighted
        ones and the others the filter leaves out."""
        reader = self.model.reader
        found = reader.mentions_in(hit.article.doc) if reader is not None else []
        p = hit.passage
        ids = [m.place.id for m in found
               if m.type == "toponym" and p.start <= m.start and m.end <= p.end]
        ids += [m.place.id for m in hit.mentions]
        return list(dict.fromkeys(ids))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._clicked_doc = None
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(self.anchorAt(event.position().toPoint()))
        doc = self._clicked_doc or (hit.article.doc if hit is not None else None)
        if doc is not None:
            self.articleRequested.emit(doc)
            return
        super().mouseDoubleClickEvent(event)

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu at ``pos`` (viewport coordinates): Copy and Select All, and on a
        passage Open article and Show only this article."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(pos + offset)  # document coordinates
        kept = [a for a in menu.actions() if a.objectName() in MENU_ACTIONS]
        for action in menu.actions():
            if action not in kept:
                menu.removeAction(action)
        hit = self.hit_at(self.anchorAt(pos))
        if hit is not None:
            doc = hit.article.doc
            menu.addSeparator()
            opened = menu.addAction(self.tr("Open article"))
            opened.setObjectName("open-article")
            opened.triggered.connect(lambda: self.articleRequested.emit(doc))
            only = menu.addAction(self.tr("Show only this article"))
            only.setObjectName("only-article")
            only.triggered.connect(lambda: self.onlyArticle.emit(doc))
        for extra in self.menu_extras:
            extra(menu, pos)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def docs(self) -> list[str]:
        """The articles listed, in order (for tests and the status bar)."""
        return list(dict.fromkeys(h.article.doc for h in self.model.hits))

