"""The notice above the map: what failed or what there is not, with a rebuild button when a
rebuild can cure it; and a search the index could not run, taken back.

Its words keep the ``MainWindow`` translation context (they were the window's).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from explorer.qt.index_notices import index_notice
from explorer.qt.panels import Notice
from explorer.qt.passages import PassagePanel
from explorer.qt.reader import SafeReader
from explorer.qt.search_box import SearchBox
from explorer.qt.session_model import SessionModel
from explorer.query import MAX_QUERY_WORDS, Filter
from explorer.workspace import IndexUnavailable


class Notices(QObject):
    """Shows and hides ``notice``; ``blocked``: it says there is nothing to show."""

    def __init__(self, notice: Notice, session: SessionModel, search: SearchBox,
                 passages: PassagePanel, refresh_passages: Callable[[], None],
                 index_shown: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notice, self.session, self.search, self.passages = notice, session, search, passages
        self._refresh_passages = refresh_passages
        self._index_shown = index_shown  # an index is open (a failure is of a query of it)
        self.blocked = False
        self.disposed = False
        self._search_noticed = False  # the notice is about the search (hidden by the next)
        self.failed_search: str | None = None  # a search the index could not run: not saved
        self._failed_error = ""  # what that search failed with (its echoes are not said again)
        search.applied.connect(self._on_search_applied)

    def show(self, message: str, *, rebuild: bool = False, blocking: bool = True) -> None:
        """Say ``message`` above the map; ``blocking``: there is nothing to show besides."""
        self.notice.text.setText(message)
        self._search_noticed = False
        self.notice.rebuild.setVisible(rebuild)
        self.notice.show()
        self.blocked = blocking
        if blocking:
            self.passages.show_query(None, Filter(), None, heading=QCoreApplication.translate(
                "MainWindow", "Nothing to show"), empty=message)

    def hide(self) -> None:
        self.notice.hide()
        self.blocked = False
        self._refresh_passages()

    def new_folder(self) -> None:
        self.notice.hide()
        self.blocked = False

    def index_failed(self, exc: Exception, *, query: bool = False) -> None:
        """Say what failed; ``query``: a query of the view (with a search, the search may be
        what failed: it is taken back)."""
        if query and self.session.filter.text and getattr(exc, "reason", None) != "locked":
            # Taken back once the query that failed has returned (it may be on this stack).
            QTimer.singleShot(0, self, lambda: self._search_failed(exc))
            self.failed_search = self.session.filter.text
            self._failed_error = str(exc)
            return
        if not isinstance(exc, IndexUnavailable) and str(exc) == self._failed_error:
            return  # another view's query of the search just taken back, failing the same way
        said = index_notice(exc, shown=self._index_shown())
        self.show(said.message, rebuild=said.rebuild, blocking=said.blocking)

    def _on_search_applied(self, dropped: int) -> None:
        if dropped:
            self._search_notice(QCoreApplication.translate(
                "MainWindow",
                "Only the first {count} different words are searched; {dropped} left out."
            ).format(count=MAX_QUERY_WORDS, dropped=dropped))
        elif self._search_noticed:
            self.hide()

    def _search_notice(self, message: str) -> None:
        self.show(message, blocking=False)
        self._search_noticed = True

    def _search_failed(self, exc: Exception) -> None:
        """The index failed while a search was shown: the search may be what failed. It is
        taken back (never saved, so not shown again at the next open) and the view asked
        again without it; a failure then is the index's own, said as such."""
        text = self.session.filter.text
        if self.disposed or not text:
            return
        self.failed_search = text
        self.search.take_back()
        if isinstance(self.session.reader, SafeReader):
            self.session.reader.failed = None
        self.session.set_text("")
        self._search_notice(QCoreApplication.translate(
            "MainWindow", "The search “{text}” could not be run ({error}); it was "
            "cleared.").format(text=text[:80], error=exc))
