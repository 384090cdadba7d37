"""The reader (issue 10): one whole article in a dock, every mention highlighted and clickable.

``ArticleView`` shows ``IndexReader.article(doc)`` with ``IndexReader.mentions_in(doc)``:
place names and demonyms in distinct styles, a legend line, title, file, date and outlet at
the top, Arabic right to left. A click on a mention asks the session to select its place;
when the session selects a place, the view scrolls to (and selects) its first mention.
"Show only this article" sets the session's one-article filter (``Filter.doc``); unchecked,
it clears it. The dock never changes the map or the lists itself.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import QContextMenuEvent, QDesktopServices, QTextCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from explorer.article import Article
from explorer.article_html import Labels, article_html
from explorer.filenames import readable
from explorer.qt.counts import counts
from explorer.qt.fonts import arabic_first
from explorer.qt.passages import MENU_ACTIONS
from explorer.qt.session_model import SessionModel
from explorer.query import ArticleInfo
from explorer.session import Change
from gazetteer.model import Mention

# The reader's width when it opens (pixels), unless it was made wider.
READING_WIDTH = 440


@dataclass(frozen=True, slots=True)
class Span:
    """Where a mention's link sits in the view's document (character positions)."""

    start: int
    end: int


class ArticleView(QTextBrowser):
    """The article as rich text; its mentions' links report ``mentionClicked`` (an index into
    ``mentions``)."""

    mentionClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleView")
        self.setFont(arabic_first(self.font()))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.article: Article | None = None
        self.mentions: list[Mention] = []
        self.query = ""  # the search whose matches are marked
        self.spans: dict[int, Span] = {}
        # More entries for the context menu: ``extra(menu, k)`` for the mention ``k`` under
        # the pointer (the window's corrections).
        self.menu_extras: list[Callable[[QMenu, int], None]] = []
        self.anchorClicked.connect(self._on_anchor)

    def show_article(self, article: Article, mentions: list[Mention], query: str = "") -> None:
        """Show ``article`` with its ``mentions``, and what the search ``query`` found in it
        marked."""
        self.article, self.mentions, self.query = article, mentions, query
        toponyms = sum(m.type == "toponym" for m in mentions)
        demonyms = len(mentions) - toponyms
        labels = Labels(
            toponyms=self.tr("Place name"),
            demonyms=self.tr("Demonym (adjective of a place)"),
            counts=f"{counts().place_name_mentions(toponyms)} · "
                   f"{counts().demonym_mentions(demonyms)}",
            stale=self.tr("The file changed since it was indexed: some mentions are not "
                          "shown."),
            page=self.tr("page {n}"),
        )
        self.setHtml(article_html(article, mentions, labels, query))
        self.spans = self._find_spans()

    def _find_spans(self) -> dict[int, Span]:
        """Each mention's link in the document, read back from its character formats."""
        spans: dict[int, Span] = {}
        block = self.document().begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                frag = it.fragment()
                href = frag.charFormat().anchorHref()
                k = _mention_index(href)
                if k is not None:
                    old = spans.get(k)
                    start = frag.position() if old is None else old.start
                    spans[k] = Span(start, frag.position() + frag.length())
                it += 1
            block = block.next()
        return spans

    def context_menu(self, pos: QPoint) -> QMenu:
        """The context menu at ``pos`` (viewport coordinates): Copy and Select All only, as
        in the passage panel (no "Copy Link Location" of a mention's inner link)."""
        offset = QPoint(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        menu = self.createStandardContextMenu(pos + offset)
        for action in menu.actions():
            if action.objectName() not in MENU_ACTIONS:
                menu.removeAction(action)
        k = self.mention_at(pos)
        if k is not None:
            for extra in self.menu_extras:
                extra(menu, k)
        return menu

    def mention_at(self, pos: QPoint) -> int | None:
        """The mention (index into ``mentions``) under ``pos`` (viewport coordinates)."""
        at = self.cursorForPosition(pos).position()
        for k, span in self.spans.items():
            if span.start <= at <= span.end and k < len(self.mentions):
                return k
        return None

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu(event.pos())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _on_anchor(self, url: QUrl) -> None:
        k = _mention_index(url.toString())
        if k is not None and k < len(self.mentions):
            self.mentionClicked.emit(k)

    def show_place(self, place_id: str | None) -> bool:
        """Select and scroll to the first mention of ``place_id``; False when it has none."""
        k = next((k for k, m in enumerate(self.mentions)
                  if m.place.id == place_id and k in self.spans), None)
        if k is None:
            return False
        span = self.spans[k]
        cursor = QTextCursor(self.document())
        cursor.setPosition(span.start)
        cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        return True


def _mention_index(href: str) -> int | None:
    kind, _, k = href.partition(":")
    return int(k) if kind == "mention" and k.isdigit() else None


class ReaderDock(QDockWidget):
    """The reader's dock: "Show only this article" above the article."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Article"), parent)
        self.setObjectName("readerDock")
        self.session = model
        self.doc: str | None = None
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.only = QPushButton(self.tr("Show only this article"), box)
        self.only.setObjectName("onlyArticle")
        self.only.setCheckable(True)
        self.only.setEnabled(False)
        self.only.toggled.connect(self._on_only)
        bar.addWidget(self.only)
        self.original = QPushButton(self.tr("Open the original file"), box)
        self.original.setObjectName("openOriginal")
        self.original.setToolTip(self.tr("The file as it is (PDF, web page, e-mail…), in the "
                                         "system's viewer"))
        self.original.setEnabled(False)
        self.original.clicked.connect(self.open_original)
        bar.addWidget(self.original)
        bar.addStretch(1)
        layout.addLayout(bar)
        # The other copies of its story (explorer.wire), each a link that opens it.
        self.copies = QLabel(box)
        self.copies.setObjectName("wireCopies")
        self.copies.setWordWrap(True)
        self.copies.setTextFormat(Qt.TextFormat.RichText)
        self.copies.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.copies.linkActivated.connect(self._on_copy)
        self.copies.hide()
        self.copy_docs: list[str] = []
        layout.addWidget(self.copies)
        self.view = ArticleView(box)
        self.view.setPlaceholderText(self.tr(
            "Open an article from the passages: its “Open article” link, a double click on a "
            "passage, or the passage's context menu."))
        layout.addWidget(self.view)
        self.setWidget(box)
        self.view.mentionClicked.connect(self._on_mention)
        model.changed.connect(self._on_change)

    def open(self, doc: str) -> bool:
        """Show article ``doc``; False when it cannot be read (the dock says so)."""
        reader = self.session.reader
        article = reader.article(doc) if reader is not None else None
        if reader is None or article is None:
            self.doc = None
            self.view.article, self.view.mentions, self.view.spans = None, [], {}
            self.view.setPlainText(self.tr(
                "{file}: cannot be read (moved, deleted or unreadable since it was indexed). "
                "Reload (F5) to index the folder again.").format(file=readable(doc)))
            self.only.setEnabled(False)
            self.original.setEnabled(False)
            self.show_copies([])
            self._sync_only()
            self._show_wide()
            return False
        self.doc = doc
        self.view.show_article(article, reader.mentions_in(doc), self.session.filter.text)
        # The file name isolated left to right: in an Arabic title its digits would move.
        self.setWindowTitle(self.tr("Article: {file}").format(file=f"\u2066{readable(doc)}\u2069"))
        self.only.setEnabled(True)
        self.original.setEnabled(True)
        self.show_copies(reader.copies(doc))
        self._sync_only()
        self._show_wide()
        self.view.show_place(self.session.selected_place)
        return True

    def show_copies(self, copies: Sequence[ArticleInfo]) -> None:
        """"Also in N outlets: …", each copy (its outlet, else its file, and its date) a link
        that opens it; hidden when the story has no other copy."""
        self.copy_docs = [c.doc for c in copies]
        if not copies:
            self.copies.clear()
            self.copies.hide()
            return
        outlets = {c.outlet or readable(c.doc) for c in copies}
        links = []
        for k, c in enumerate(copies):
            label = c.outlet or readable(c.doc)
            if c.published:
                label = f"{label} ({c.published[:10]})"
            # Isolated: an Arabic outlet keeps its place in an English sentence and back.
            links.append(f'<a href="copy:{k}">\u2068{html.escape(label)}\u2069</a>')
        said = self.tr("Also in {outlets}:").format(outlets=counts().outlets(len(outlets)))
        self.copies.setText(f"{html.escape(said)} {' · '.join(links)}")
        self.copies.setToolTip(self.tr("The same story (a wire copy) as other outlets "
                                       "printed it: click one to read it"))
        self.copies.show()

    def _on_copy(self, href: str) -> None:
        kind, _, k = href.partition(":")
        if kind == "copy" and k.isdigit() and int(k) < len(self.copy_docs):
            self.open(self.copy_docs[int(k)])

    def original_url(self) -> QUrl | None:
        """The file the article shown was read from (the mbox, zip or feed for one of its
        parts), as a file URL; None when no article is shown."""
        article = self.view.article
        if article is None:
            return None
        return QUrl.fromLocalFile(str(Path(article.path).resolve()))

    def open_original(self) -> bool:
        """Open the article's file in the system's viewer for its type."""
        url = self.original_url()
        return url is not None and QDesktopServices.openUrl(url)

    def _show_wide(self) -> None:
        """Show the dock, wide enough to read in when it was hidden."""
        hidden = self.isHidden()
        self.show()
        self.raise_()
        window = self.parent()
        if hidden and isinstance(window, QMainWindow) and not self.isFloating():
            window.resizeDocks([self], [max(self.width(), READING_WIDTH)],
                               Qt.Orientation.Horizontal)

    def close_article(self) -> None:
        """Another corpus is opened: nothing shown, the dock hidden."""
        self.doc = None
        self.view.article, self.view.mentions, self.view.spans = None, [], {}
        self.view.clear()
        self.setWindowTitle(self.tr("Article"))
        self.only.setEnabled(False)
        self.show_copies([])
        self._sync_only()
        self.hide()

    def _on_mention(self, k: int) -> None:
        self.session.select(self.view.mentions[k].place.id)

    def _on_only(self, on: bool) -> None:
        if self.doc is not None:
            self.session.set_doc(self.doc if on else None)

    def _sync_only(self) -> None:
        self.only.blockSignals(True)
        self.only.setChecked(self.doc is not None and self.session.filter.doc == self.doc)
        self.only.blockSignals(False)

    def _on_change(self, change: Change) -> None:
        if change.filter:
            self._sync_only()
            if self.doc is not None and self.view.query != self.session.filter.text:
                self._refresh(search=True)
        if change.selection and self.doc is not None:
            self.view.show_place(self.session.selected_place)
        if change.data and self.doc is not None and self.isVisible():
            self._refresh()

    def _refresh(self, *, search: bool = False) -> None:
        """New data (indexing, corrections) or a new search: shown again only if this
        article's mentions or the search changed, so a reader is not sent back to the top by
        every indexing batch."""
        reader = self.session.reader
        if reader is None or self.doc is None:
            return
        self.show_copies(reader.copies(self.doc))  # a copy may have landed meanwhile
        mentions = reader.mentions_in(self.doc)
        if mentions == self.view.mentions and not search:
            return
        article = reader.article(self.doc)
        if article is not None:
            bar = self.view.verticalScrollBar()
            top = bar.value()
            self.view.show_article(article, mentions, self.session.filter.text)
            bar.setValue(top)
