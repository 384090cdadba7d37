"""The passage panel: a read-only rich-text view of the passages behind the selection."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QWidget

from explorer.passage_view import passages_html
from explorer.query import PassageHit


class PassagePanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passages")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.hits: list[PassageHit] = []

    def show_hits(
        self,
        hits: Sequence[PassageHit],
        heading: str,
        empty: str = "",
        *,
        heading_ar: str = "",
        summary: str = "",
        explanation: str = "",
    ) -> None:
        self.hits = list(hits)
        self.setHtml(passages_html(self.hits, heading, empty or "No passages.", explanation,
                                   heading_ar, summary))

    def docs(self) -> list[str]:
        """The articles listed, in order (for tests and the status bar)."""
        return list(dict.fromkeys(h.article.doc for h in self.hits))
