"""Render packaging/news-explorer.svg to the 256 px PNG beside it (run after editing the SVG).

    .venv/bin/python packaging/render_icon.py
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent

app = QGuiApplication(["render_icon", "-platform", "offscreen"])
image = QImage(256, 256, QImage.Format.Format_ARGB32)
image.fill(Qt.GlobalColor.transparent)
painter = QPainter(image)
QSvgRenderer(str(HERE / "news-explorer.svg")).render(painter)
painter.end()
assert image.save(str(HERE / "news-explorer.png"), "PNG")
