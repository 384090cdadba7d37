"""The two dialogs of a correction: search the gazetteer for a place, and describe a new place
placed on the map. Both are opened with ``open()`` (window-modal, not blocking) and say what
was chosen through ``accepted``. Both, and the correction menu, show where a correction applies
(``ScopeChoice``: this mention, this article, the whole corpus) as a visible choice."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from explorer.corrections import SCOPES, CorrectionError, NewPlace, PlaceContext, Scope, km
from explorer.qt.names import arabic_interface, both, english, ltr
from explorer.qt.places_table import KIND_NAMES
from gazetteer.model import KINDS, Place

SEARCH_DELAY_MS = 150


def place_label(p: Place, origin: Place | None, context: PlaceContext | None = None) -> str:
    """"Washington · واشنطن — city or town, Utah, United States — 2,900 km": its kind, province
    and country (``context``), the distance from ``origin``; in the interface's language,
    Arabic names first in Arabic (each name isolated, t1's ``names.both``)."""
    arabic = arabic_interface()

    def name(q: Place) -> str:
        return (q.name_ar or english(q.name)) if arabic else (q.name or q.name_ar)

    text = both(p.name, p.name_ar)
    kind = KIND_NAMES.get(p.kind)
    where = [QCoreApplication.translate("PlacesTableModel", str(kind)) if kind else english(p.kind)]
    province = context.province(p) if context is not None else None
    if province is not None:
        where.append(name(province))
    country = context.country(p) if context is not None else None
    if country is not None:
        where.append(name(country))
    elif p.country and p.kind not in ("country", "region"):
        where.append(ltr(p.country) if arabic else p.country)
    text += " — " + ("، " if arabic else ", ").join(where)
    if origin is not None:
        text += " — " + QCoreApplication.translate("PlaceSearchDialog", "{km} km").format(
            km=f"{km(origin, p):,.0f}")
    return text


class ScopeChoice(QWidget):
    """Where a correction applies, as three radio buttons ("scope-mention", …): shown each
    time a correction is made, "this mention" unless the analyst picks another there."""

    def __init__(self, surface: str, parent: QWidget | None = None,
                 scope: Scope = "mention") -> None:
        super().__init__(parent)
        self.setObjectName("scopeChoice")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        heading = QLabel(self.tr("Apply to:"), self)
        layout.addWidget(heading)
        labels = {"mention": self.tr("This mention only"),
                  "article": self.tr("Every «{name}» in this article"),
                  "corpus": self.tr("Every «{name}» in the corpus")}
        self.group = QButtonGroup(self)
        self.buttons: dict[Scope, QRadioButton] = {}
        for i, key in enumerate(SCOPES):
            button = QRadioButton(labels[key].format(name=surface), self)
            button.setObjectName(f"scope-{key}")
            button.setChecked(key == scope)
            self.group.addButton(button, i)
            self.buttons[key] = button
            layout.addWidget(button)

    def scope(self) -> Scope:
        return next((k for k, b in self.buttons.items() if b.isChecked()), "mention")

    def set_scope(self, scope: Scope) -> None:
        self.buttons[scope].setChecked(True)


class PlaceSearchDialog(QDialog):
    """A search box over the gazetteer's names (folded: «الامارات» finds الإمارات) and the
    places it finds, with their distance from the mention's current place."""

    def __init__(
        self,
        surface: str,
        search: Callable[[str], Sequence[Place]],
        origin: Place | None,
        parent: QWidget | None = None,
        context: PlaceContext | None = None,
        scope: Scope = "mention",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("placeSearchDialog")
        self._context = context
        self.setWindowTitle(self.tr("Which place is «{name}»?").format(name=surface))
        self._search = search
        self._origin = origin
        self._places: list[Place] = []
        layout = QVBoxLayout(self)
        self.query = QLineEdit(self)
        self.query.setObjectName("placeQuery")
        self.query.setPlaceholderText(self.tr("Search the gazetteer (English or Arabic)…"))
        self.query.setClearButtonEnabled(True)
        layout.addWidget(self.query)
        self.results = QListWidget(self)
        self.results.setObjectName("placeResults")
        self.results.setMinimumWidth(460)
        layout.addWidget(self.results)
        self.scope = ScopeChoice(surface, self, scope)
        layout.addWidget(self.scope)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.query.textChanged.connect(lambda _t: self._timer.start())
        self.results.currentRowChanged.connect(lambda _r: self._update_ok())
        self.results.itemDoubleClicked.connect(lambda _i: self.accept())
        self.query.setText(surface)
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self._places = list(self._search(self.query.text()))
        self.results.clear()
        for p in self._places:
            QListWidgetItem(place_label(p, self._origin, self._context), self.results)
        if self._places:
            self.results.setCurrentRow(0)
        self._update_ok()

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen() is not None)

    def chosen(self) -> Place | None:
        row = self.results.currentRow()
        return self._places[row] if 0 <= row < len(self._places) else None


class NewPlaceDialog(QDialog):
    """A new place where the analyst clicked the map: its names, country and kind."""

    def __init__(
        self, surface: str, lat: float, lon: float, country: str | None,
        parent: QWidget | None = None, scope: Scope = "mention",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("newPlaceDialog")
        self.setWindowTitle(self.tr("A new place for «{name}»").format(name=surface))
        self.lat, self.lon = lat, lon
        self.place: NewPlace | None = None
        arabic = any("\u0600" <= ch <= "\u06ff" for ch in surface)
        form = QFormLayout(self)
        self.name = QLineEdit("" if arabic else surface, self)
        self.name.setObjectName("newPlaceName")
        form.addRow(self.tr("English name"), self.name)
        self.name_ar = QLineEdit(surface if arabic else "", self)
        self.name_ar.setObjectName("newPlaceNameAr")
        form.addRow(self.tr("Arabic name"), self.name_ar)
        form.addRow(self.tr("Where"), QLabel(f"{lat:.4f}, {lon:.4f}", self))
        self.country = QLineEdit(country or "", self)
        self.country.setObjectName("newPlaceCountry")
        self.country.setMaxLength(2)
        self.country.setPlaceholderText(self.tr("ISO code, e.g. IQ"))
        form.addRow(self.tr("Country"), self.country)
        self.kind = QComboBox(self)
        self.kind.setObjectName("newPlaceKind")
        self.kind.addItems(list(KINDS))
        self.kind.setCurrentText("city")
        form.addRow(self.tr("Kind"), self.kind)
        self.scope = ScopeChoice(surface, self, scope)
        form.addRow(self.scope)
        self.error = QLabel(self)
        self.error.setObjectName("newPlaceError")
        self.error.setStyleSheet("color:#a00;")
        self.error.setWordWrap(True)
        form.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def accept(self) -> None:
        """Close only with a valid place; otherwise say what is wrong."""
        try:
            self.place = NewPlace(self.name.text().strip(), self.name_ar.text().strip(),
                                  self.lat, self.lon, self.country.text().strip().upper() or None,
                                  self.kind.currentText())
            if (why := self.place.problem()) is not None:
                raise CorrectionError(why)
        except CorrectionError as exc:
            self.place = None
            self.error.setText(str(exc))
            return
        super().accept()
