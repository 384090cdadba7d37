"""The PNG export of the map: the map view as drawn, without its zoom buttons or the page's own
legend, above a caption strip that says what it shows (corpus, filter, date) and a legend of
the markers drawn in the page's colours (``resources/web/explorer/map.js``, ``STYLE``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QImage, QPainter, QPen

# Before the grab: the zoom buttons and the page's legend hidden (the strip has the legend);
# after it, shown again.
HIDE_CONTROLS_JS = (
    "document.querySelectorAll('.leaflet-control-zoom, .explorer-legend')"
    ".forEach(function (e) { e.style.visibility = 'hidden'; });"
    "window.__explorerGrab = false;"
    "requestAnimationFrame(function () { requestAnimationFrame(function () {"
    " window.__explorerGrab = true; }); }); true;"
)
GRAB_READY_JS = "window.__explorerGrab === true"
SHOW_CONTROLS_JS = (
    "document.querySelectorAll('.leaflet-control-zoom, .explorer-legend')"
    ".forEach(function (e) { e.style.visibility = ''; }); true;"
)

# The legend's keys: outline, fill and the words (as map.js draws the markers).
MARKER = ("#7a2e0e", "#d9622b")
REGION = ("#1f4e79", "#4a90c2")
SELECTED = ("#111111", "#ffcc00")
CLUSTER = ("#6ecc39", "#b5e28c")
PADDING = 8


def legend_keys() -> list[tuple[tuple[str, str], str]]:
    """The legend's dots and words, in the interface's language."""
    return [(MARKER, QCoreApplication.translate("MapImage", "Place (size: mentions)")),
            (REGION, QCoreApplication.translate("MapImage", "Region")),
            (SELECTED, QCoreApplication.translate("MapImage", "Selected place")),
            (CLUSTER, QCoreApplication.translate("MapImage", "Cluster of places"))]


def captioned(map_image: QImage, lines: list[str]) -> QImage:
    """``map_image`` with a strip below it: ``lines`` (the caption) and the legend."""
    font = QFont(QGuiApplication.font())
    font.setItalic(False)  # Arabic is never slanted
    metrics = QFontMetrics(font)
    line_h = metrics.height() + 2
    keys = legend_keys()
    strip = PADDING * 2 + max(len(lines), 1) * line_h + line_h
    width = map_image.width()
    out = QImage(width, map_image.height() + strip, QImage.Format.Format_ARGB32)
    out.setDevicePixelRatio(map_image.devicePixelRatio())
    out.fill(QColor("#ffffff"))
    painter = QPainter(out)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.drawImage(0, 0, map_image)
        painter.setFont(font)
        rtl = QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        align = (Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft) \
            | Qt.AlignmentFlag.AlignVCenter
        ratio = map_image.devicePixelRatio() or 1.0
        logical_w = width / ratio
        top = map_image.height() / ratio + PADDING
        painter.setPen(QColor("#222222"))
        for i, line in enumerate(lines):
            rect = QRectF(PADDING, top + i * line_h, logical_w - 2 * PADDING, line_h)
            painter.drawText(rect, int(align), metrics.elidedText(
                line, Qt.TextElideMode.ElideRight, int(rect.width())))
        y = top + max(len(lines), 1) * line_h + line_h / 2
        x: float = PADDING
        r = line_h * 0.35
        for (edge, fill), word in keys:
            text_w = metrics.horizontalAdvance(word)
            cx = logical_w - x - r if rtl else x + r
            painter.setPen(QPen(QColor(edge), 1.5))
            painter.setBrush(QColor(fill))
            painter.drawEllipse(QPointF(cx, y), r, r)
            painter.setPen(QColor("#222222"))
            tx = cx - r - 4 - text_w if rtl else cx + r + 4
            painter.drawText(QRectF(tx, y - line_h / 2, text_w + 2, line_h),
                             int(Qt.AlignmentFlag.AlignVCenter), word)
            x += 2 * r + 4 + text_w + 16
    finally:
        painter.end()
    return out


__all__ = ["GRAB_READY_JS", "HIDE_CONTROLS_JS", "SHOW_CONTROLS_JS", "captioned", "legend_keys"]
