"""The passage panel's list of the places mentioned with the selection (issue 20).

Under the passages: "Mentioned with <place>", the places sharing passages with the selected
place under the filter, most shared first, each with its number of passages. The list comes
with the passage panel's answer (``explorer.qt.passage_feed``, off the GUI thread); a click on
an entry (or Enter on it) reports ``placeChosen``: the window selects that place. Hidden when
no place is selected or none shares its passages.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from explorer.qt.counts import counts
from explorer.qt.mapsync import MapSync
from explorer.qt.names import both
from explorer.qt.passages_shown import PassagesShown
from explorer.qt.session_model import SessionModel
from explorer.query import MentionedWith
from gazetteer.model import Place

PlaceRole = Qt.ItemDataRole.UserRole + 1


class MentionedWithList(QWidget):
    """The heading and the ranked list; ``placeChosen``: an entry's place id."""

    placeChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mentionedWith")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.heading = QLabel(self)
        self.heading.setObjectName("mentionedWithHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.heading)
        self.list = QListWidget(self)
        self.list.setObjectName("mentionedWithList")
        self.list.setMinimumHeight(60)
        self.list.itemClicked.connect(self._chosen)
        self.list.itemActivated.connect(self._chosen)
        layout.addWidget(self.list)
        self.place_id: str | None = None
        self.hide()

    def show_places(self, place: Place | None, found: Sequence[MentionedWith]) -> None:
        """Show the places ``found`` with ``place`` (None or nothing found: hide the list)."""
        self.list.clear()
        self.place_id = place.id if place is not None else None
        if place is None or not found:
            self.hide()
            return
        self.heading.setText(self.tr("Mentioned with {place}").format(
            place=both(place.name, place.name_ar)))
        for m in found:
            item = QListWidgetItem(self.tr("{place} — {passages}").format(
                place=both(m.place.name, m.place.name_ar),
                passages=counts().passages(m.passages)))
            item.setData(PlaceRole, m.place.id)
            self.list.addItem(item)
        self.show()

    def entries(self) -> list[str]:
        """The place ids listed, in order."""
        return [self.list.item(i).data(PlaceRole) for i in range(self.list.count())]

    def _chosen(self, item: QListWidgetItem) -> None:
        pid = item.data(PlaceRole)
        if isinstance(pid, str):
            self.placeChosen.emit(pid)


def under_passages(passages: QWidget, shown: PassagesShown, session: SessionModel,
                   map_sync: MapSync) -> tuple[QSplitter, MentionedWithList]:
    """The passages above, the places mentioned with the selection (issue 20) below, the
    analyst moving the line between them: a click on one selects it; the map's layer
    "together" draws them."""
    split = QSplitter(Qt.Orientation.Vertical, passages.parentWidget())
    split.setObjectName("passageSplit")
    split.setChildrenCollapsible(False)
    split.addWidget(passages)
    listed = MentionedWithList(split)
    split.addWidget(listed)
    split.setStretchFactor(0, 4)
    split.setStretchFactor(1, 1)
    listed.placeChosen.connect(session.select)
    shown.mentioned_with += [
        listed.show_places,
        lambda place, found: map_sync.set_mentioned_with(
            place.id if place is not None else None, found)]
    return split, listed
