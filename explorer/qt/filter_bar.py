"""Controls for the filters beyond countries and text: a region, place kinds, mention types
and the minimum confidence. Each control changes the session's filter; each follows it (a chip
removed, a filter restored) without sending the change back.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolButton,
    QWidget,
)

from explorer.qt.chips import kind_label, language_label
from explorer.qt.feed import ViewData
from explorer.qt.names import both
from explorer.qt.session_model import SessionModel
from explorer.query import PlaceSummary
from explorer.session import Change
from gazetteer.model import KINDS, MentionType

#: Outlets listed in the sources menu at most (the most frequent).
MAX_SOURCES = 60
# The article fields the sources menu filters on → the field of ``Filter`` that holds them.
_SOURCES = {"outlet": "outlets", "format": "formats", "language": "languages"}


class FilterBar(QWidget):
    """A region (its member countries), kinds (a menu of checkable kinds), mention types
    (two boxes), minimum confidence."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self.session = model
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

        self.region = QComboBox(self)
        self.region.setObjectName("regionBox")
        self.region.setToolTip(self.tr("A region: the places of its countries, and itself"))
        self.region.currentIndexChanged.connect(self._set_region)
        layout.addWidget(self.region)

        self.kinds_button = QToolButton(self)
        self.kinds_button.setObjectName("kindsButton")
        self.kinds_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.kinds_menu = QMenu(self.kinds_button)
        self.kind_actions: dict[str, QAction] = {}
        for kind in KINDS:
            action = self.kinds_menu.addAction(kind_label(kind))
            action.setCheckable(True)
            action.toggled.connect(lambda on, k=kind: self._set_kind(k, on))
            self.kind_actions[kind] = action
        self.kinds_button.setMenu(self.kinds_menu)
        self.kinds_button.setToolTip(self.tr(
            "Kinds of place shown: countries, provinces, districts, regions, cities, features "
            "(none ticked: every kind)"))
        layout.addWidget(self.kinds_button)

        # Outlets, formats and languages of the articles (explorer.formats,
        # explorer.language): checkable, with counts.
        self.sources_button = QToolButton(self)
        self.sources_button.setObjectName("sourcesButton")
        self.sources_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.sources_menu = QMenu(self.sources_button)
        self.sources_button.setMenu(self.sources_menu)
        self.sources_button.setToolTip(self.tr(
            "Only the articles of these outlets or file formats (none ticked: every article)"))
        #: ("outlet" or "format", value) → its checkable action
        self.source_actions: dict[tuple[str, str], QAction] = {}
        self._facets: dict[str, list[tuple[str, int]]] = {}  # what the sources menu lists
        layout.addWidget(self.sources_button)

        self.toponyms = QCheckBox(self.tr("Place names"), self)
        self.toponyms.setObjectName("toponymsBox")
        self.demonyms = QCheckBox(self.tr("Demonyms"), self)
        self.demonyms.setObjectName("demonymsBox")
        self.demonyms.setToolTip(self.tr("Adjectives of places («اللبنانية», Syrian, marocain), "
                                         "counted on their place"))
        for box in (self.toponyms, self.demonyms):
            box.toggled.connect(self._set_types)
            layout.addWidget(box)

        confidence_label = QLabel(self.tr("Minimum confidence"), self)
        layout.addWidget(confidence_label)
        self.confidence = QDoubleSpinBox(self)
        confidence_help = self.tr(
            "Only mentions the geoparser resolved with at least this confidence (0 to 1): how "
            "sure it is that the name means this place, from cues, the article's other places, "
            "kind and population. 0: every mention")
        self.confidence.setToolTip(confidence_help)
        confidence_label.setToolTip(confidence_help)
        confidence_label.setBuddy(self.confidence)
        self.confidence.setObjectName("minConfidence")
        self.confidence.setRange(0.0, 1.0)
        self.confidence.setSingleStep(0.05)
        self.confidence.setDecimals(2)
        self.confidence.setKeyboardTracking(False)  # typed values apply on Enter or focus out
        self.confidence.valueChanged.connect(self._set_confidence)
        layout.addWidget(self.confidence)
        layout.addStretch(1)

        model.changed.connect(self._on_change)
        self.list_regions([])
        self.list_sources({})

    # -- to the session -------------------------------------------------------------------

    def _set_region(self, _index: int) -> None:
        rid = self.region.currentData()
        regions = frozenset({rid}) if isinstance(rid, str) else frozenset()
        self.session.set_filter(replace(self.session.filter, regions=regions))

    def _set_kind(self, kind: str, on: bool) -> None:
        f = self.session.filter
        kinds = f.kinds | {kind} if on else f.kinds - {kind}
        self.session.set_filter(replace(f, kinds=kinds))

    def _set_source(self, field: str, value: str, on: bool) -> None:
        f = self.session.filter
        have: frozenset[str] = getattr(f, _SOURCES[field])
        now = have | {value} if on else have - {value}
        self.session.set_filter(
            replace(f, outlets=now) if field == "outlet"
            else replace(f, formats=now) if field == "format" else replace(f, languages=now))

    def _set_types(self) -> None:
        types = set()
        if self.toponyms.isChecked():
            types.add(MentionType.TOPONYM.value)
        if self.demonyms.isChecked():
            types.add(MentionType.DEMONYM.value)
        if not types:  # neither: an empty view; the last one ticked stays ticked
            self.follow()
            return
        self.session.set_filter(replace(self.session.filter, types=frozenset(types)))

    def _set_confidence(self, value: float) -> None:
        self.session.set_filter(replace(self.session.filter, min_confidence=round(value, 2)))

    # -- from the session -----------------------------------------------------------------

    def _on_change(self, change: Change) -> None:
        if change.filter or change.data:
            self.follow()

    def show_data(self, data: ViewData) -> None:
        """The regions and sources the view feed found (off the GUI thread), listed."""
        self.list_regions(data.regions)
        if data.facets != self._facets:
            self.list_sources(data.facets)

    def list_regions(self, regions: list[PlaceSummary]) -> None:
        """The regions the index names, in the region box."""
        rows = [(s.place.id, both(s.place.name, s.place.name_ar)) for s in regions]
        rows.sort(key=lambda r: r[1])
        have = [self.region.itemData(i) for i in range(1, self.region.count())]
        if self.region.count() and have == [r[0] for r in rows]:
            return
        self.region.blockSignals(True)
        self.region.clear()
        self.region.addItem(self.tr("All regions"), None)
        for rid, label in rows:
            self.region.addItem(label, rid)
        self.region.blockSignals(False)

    def list_sources(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        """The outlets, formats and languages of the index's articles, in the sources
        menu."""
        self._facets = facets
        self.sources_menu.clear()
        self.source_actions = {}
        titles = {"outlet": self.tr("Outlets"), "format": self.tr("Formats"),
                  "language": self.tr("Languages")}
        for field in _SOURCES:
            values = facets.get(field, [])[:MAX_SOURCES]
            if not values:
                continue
            self.sources_menu.addSection(titles[field])
            for value, n in values:
                label = (value.upper() if field == "format"
                         else language_label(value) if field == "language" else value)
                action = self.sources_menu.addAction(f"{label} ({n:,})")
                action.setCheckable(True)
                action.toggled.connect(
                    lambda on, fl=field, v=value: self._set_source(fl, v, on))
                self.source_actions[(field, value)] = action
        self.sources_button.setEnabled(bool(self.source_actions))
        self.follow()

    def follow(self) -> None:
        """Show the session's filter (without changing it back)."""
        f = self.session.filter
        widgets = [*self.kind_actions.values(), self.toponyms, self.demonyms, self.confidence,
                   self.region, *self.source_actions.values()]
        for w in widgets:
            w.blockSignals(True)
        try:
            for kind, action in self.kind_actions.items():
                action.setChecked(kind in f.kinds)
            for (field, value), action in self.source_actions.items():
                action.setChecked(value in getattr(f, _SOURCES[field]))
            self.toponyms.setChecked(MentionType.TOPONYM.value in f.types)
            self.demonyms.setChecked(MentionType.DEMONYM.value in f.types)
            # The one kind of mention ticked cannot be unticked (nothing would be shown).
            for box in (self.toponyms, self.demonyms):
                other = self.demonyms if box is self.toponyms else self.toponyms
                box.setEnabled(not box.isChecked() or other.isChecked())
            self.toponyms.setToolTip(self.tr(
                "Names of places («دمشق», «Damascus»), counted on their place")
                if self.toponyms.isEnabled() else self.tr(
                "Place names or demonyms: one of them stays ticked (with neither, nothing "
                "would be shown)"))
            self.confidence.setValue(f.min_confidence)
            i = self.region.findData(min(f.regions)) if f.regions else 0
            self.region.setCurrentIndex(max(i, 0))
        finally:
            for w in widgets:
                w.blockSignals(False)
        if f.kinds:
            what = ", ".join(kind_label(k) for k in KINDS if k in f.kinds)
            self.kinds_button.setText(self.tr("Kinds: {kinds}").format(kinds=what))
        else:
            self.kinds_button.setText(self.tr("All kinds"))
        chosen = len(f.outlets) + len(f.formats) + len(f.languages)
        self.sources_button.setText(
            self.tr("Outlets and formats: {n}").format(n=chosen) if chosen
            else self.tr("All outlets and formats"))
