"""The active filters as removable chips above the map: one per country, region and kind, one
for the text, the article, the date range, the mention types and the minimum confidence.

A chip's × removes just its part of the filter (through the session, like every change); the
labels also describe the filter in the status bar (``labels``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from explorer.areas import BBox, Near, Polygon
from explorer.qt.names import arabic_interface
from explorer.qt.session_model import SessionModel
from explorer.query import ALL_TYPES, TOPONYMS, CountrySummary, Filter, PlaceSummary
from explorer.session import Change
from gazetteer.model import MentionType, PlaceKind


def kind_label(kind: str) -> str:
    """A place kind as the interface names it."""
    labels = {
        PlaceKind.COUNTRY: QCoreApplication.translate("FilterChips", "countries"),
        PlaceKind.ADMIN1: QCoreApplication.translate("FilterChips", "provinces"),
        PlaceKind.ADMIN2: QCoreApplication.translate("FilterChips", "districts"),
        PlaceKind.REGION: QCoreApplication.translate("FilterChips", "regions"),
        PlaceKind.CITY: QCoreApplication.translate("FilterChips", "cities"),
        PlaceKind.FEATURE: QCoreApplication.translate("FilterChips", "features"),
    }
    return labels.get(kind, kind)  # type: ignore[call-overload, no-any-return]


def language_label(code: str) -> str:
    """An article's language (``explorer.language``) as the interface names it; another code
    as it is."""
    labels = {
        "ar": QCoreApplication.translate("FilterChips", "Arabic"),
        "en": QCoreApplication.translate("FilterChips", "English"),
        "fr": QCoreApplication.translate("FilterChips", "French"),
        "es": QCoreApplication.translate("FilterChips", "Spanish"),
        "de": QCoreApplication.translate("FilterChips", "German"),
        "it": QCoreApplication.translate("FilterChips", "Italian"),
    }
    return labels.get(code, code)


def country_label(code: str, name: str | None = None) -> str:
    """"Russia (RU)": the ISO code with its name (``name``, else Qt's English one)."""
    if name:
        return f"{name} ({code})"
    territory = QLocale.codeToTerritory(code)
    if territory == QLocale.Country.AnyTerritory:
        return code
    return f"{QLocale.territoryToString(territory)} ({code})"


@dataclass(frozen=True, slots=True)
class Chip:
    key: str  # what the chip stands for: "country:RU", "kind:city", "dates", …
    label: str
    without: Filter  # the filter once the chip is removed


def chips(
    f: Filter, region_name: Callable[[str], str] = str,
    country_name: Callable[[str], str | None] = lambda _code: None,
) -> list[Chip]:
    """The chips of filter ``f``, in a set order; names of regions and countries by the
    functions given."""
    out = [Chip(f"country:{c}", country_label(c, country_name(c)),
                replace(f, countries=f.countries - {c})) for c in sorted(f.countries)]
    out += [Chip(f"region:{r}", region_name(r), replace(f, regions=f.regions - {r}))
            for r in sorted(f.regions)]
    only = QCoreApplication.translate("FilterChips", "only {kind}")
    out += [Chip(f"kind:{k}", only.format(kind=kind_label(k)), replace(f, kinds=f.kinds - {k}))
            for k in sorted(f.kinds)]
    if f.types != TOPONYMS:
        if f.types == ALL_TYPES:
            label = QCoreApplication.translate("FilterChips", "place names and demonyms")
        elif f.types == {MentionType.DEMONYM.value}:
            label = QCoreApplication.translate("FilterChips", "demonyms only")
        else:
            label = QCoreApplication.translate("FilterChips", "no mention type")
        out.append(Chip("types", label, replace(f, types=TOPONYMS)))
    if f.dated:
        if f.date_from and f.date_to:
            label = QCoreApplication.translate("FilterChips", "{start} to {end}")
        elif f.date_from:
            label = QCoreApplication.translate("FilterChips", "from {start}")
        else:
            label = QCoreApplication.translate("FilterChips", "until {end}")
        label = label.format(start=f.date_from, end=f.date_to)
        out.append(Chip("dates", label, f.undated()))
    if f.min_confidence > 0:
        label = QCoreApplication.translate("FilterChips", "confidence ≥ {value}")
        label = label.format(value=f"{f.min_confidence:.2f}")
        out.append(Chip("confidence", label, replace(f, min_confidence=0.0)))
    if isinstance(f.area, BBox):
        label = QCoreApplication.translate("FilterChips", "in the area {box}")
        out.append(Chip("area", label.format(box=f.area.spec()), replace(f, area=None)))
    elif isinstance(f.area, Polygon):
        label = QCoreApplication.translate("FilterChips", "in a polygon of {n} corners")
        chip = Chip("area", label.format(n=len(f.area.points)), replace(f, area=None))
        out.append(chip)
    elif isinstance(f.area, Near):
        label = QCoreApplication.translate("FilterChips", "within {km} km of {place}")
        out.append(Chip("area", label.format(km=f"{f.area.km:g}", place=f.area.label),
                        replace(f, area=None)))
    if f.text:
        out.append(Chip("text", f"“{f.text}”", replace(f, text="")))
    if f.doc is not None:
        label = QCoreApplication.translate("FilterChips", "article {file}").format(file=f.doc)
        out.append(Chip("doc", label, replace(f, doc=None)))
    out += [Chip(f"outlet:{o}", o, replace(f, outlets=f.outlets - {o}))
            for o in sorted(f.outlets)]
    as_format = QCoreApplication.translate("FilterChips", "{format} files")
    out += [Chip(f"format:{x}", as_format.format(format=x.upper()),
                 replace(f, formats=f.formats - {x})) for x in sorted(f.formats)]
    if f.once:
        out.append(Chip("once", QCoreApplication.translate("FilterChips", "each story once"),
                        replace(f, once=False)))
    out += [Chip(f"language:{x}", language_label(x), replace(f, languages=f.languages - {x}))
            for x in sorted(f.languages)]
    return out


CHIP_STYLE = ("QPushButton#filterChip { border: 1px solid #8aa; border-radius: 9px; "
              "padding: 2px 8px; background: #eef5f5; }")


def _arabic() -> bool:
    return arabic_interface()


class FilterChips(QWidget):
    """A row of chips, one per active filter; hidden when the filter lets everything by (its
    room kept)."""

    def __init__(self, model: SessionModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterChips")
        self.session = model
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._title = QLabel(self.tr("Filters:"), self)
        self._layout.addWidget(self._title)
        self._layout.addStretch(1)
        self.buttons: dict[str, QPushButton] = {}
        #: Chips of what is shown besides the filter (a comparison): key -> (label, remove).
        self.extra: dict[str, tuple[str, Callable[[], None]]] = {}
        self._names: dict[str, str] | None = None  # country names, until the data change
        self._regions: dict[str, str] = {}  # region names, by id
        # The names come from the feed (``learn_names``): never asked of the index here.
        # The bar keeps its room when hidden, at a chip's height: the map below does not jump
        # when the first filter is set or the last one removed.
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        probe = self._chip("×")
        probe.ensurePolished()
        self.setFixedHeight(max(probe.sizeHint().height(), self._title.sizeHint().height()))
        probe.deleteLater()
        model.changed.connect(self._on_change)
        self.rebuild()

    def _chip(self, label: str) -> QPushButton:
        button = QPushButton(f"{label}  ×", self)
        button.setObjectName("filterChip")
        button.setToolTip(self.tr("Remove this filter"))
        button.setFlat(False)
        button.setStyleSheet(CHIP_STYLE)
        button.hide()
        return button

    def region_name(self, region_id: str) -> str:
        """The region's name in the interface's language, as the index has it (its id until
        the feed has told it)."""
        return self._regions.get(region_id, region_id)

    def country_name(self, code: str) -> str | None:
        """The country's name in the interface's language, as the index has it."""
        return (self._names or {}).get(code)

    def learn_names(self, rows: list[CountrySummary],
                    regions: Sequence[PlaceSummary] = ()) -> None:
        """Country and region names the feed computed (off the GUI thread), kept with those
        known."""
        names = {c.code: c.name_ar if _arabic() else c.name for c in rows}
        named = {s.place.id: (s.place.name_ar if _arabic() else s.place.name) or s.place.id
                 for s in regions}
        news = self._names is None or not names.keys() <= self._names.keys()
        if news or any(self._regions.get(r) != n for r, n in named.items()):
            self._names = (self._names or {}) | names
            self._regions |= named
            self.rebuild()

    def _on_change(self, change: Change) -> None:
        if change.filter or change.data:
            self.rebuild()

    def rebuild(self) -> None:
        for button in self.buttons.values():
            self._layout.removeWidget(button)
            button.deleteLater()
        self.buttons = {}
        f = self.session.filter
        for i, chip in enumerate(chips(f, self.region_name, self.country_name)):
            button = self._chip(chip.label)
            button.show()
            button.clicked.connect(lambda _=False, f=chip.without: self.session.set_filter(f))
            self._layout.insertWidget(1 + i, button)
            self.buttons[chip.key] = button
        for key, (label, remove) in self.extra.items():
            button = self._chip(label)
            button.show()
            button.clicked.connect(lambda _=False, remove=remove: remove())
            self._layout.insertWidget(1 + len(self.buttons), button)
            self.buttons[key] = button
        self.setVisible(bool(self.buttons))

    def set_extra(self, key: str, label: str, remove: Callable[[], None]) -> None:
        """Show a chip ``key`` besides the filter's (``label`` empty: none); its × calls
        ``remove``."""
        if label:
            self.extra[key] = (label, remove)
        else:
            self.extra.pop(key, None)
        self.rebuild()

    def remove(self, key: str) -> None:
        """Click the × of chip ``key`` (tests, shortcuts)."""
        self.buttons[key].click()
