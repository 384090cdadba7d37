"""Regenerate the binary fixtures of tests/data/formats/ with Qt (run headless):

    QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox \
        .venv/bin/python scripts/make_format_fixtures.py

- ``ar_report.pdf``: Arabic HTML printed to PDF by QtWebEngine (two pages, shaped glyphs);
- ``scan_en_fr.png`` and ``scan_ar.png``: text drawn into images, for OCR;
- ``scan_ar.pdf``: ``scan_ar.png`` alone on a PDF page (a scan: no text layer).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRect
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWidgets import QApplication

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "formats"
REPORT = """<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>قصف في حلب</title></head>
<body><h1>قصف مدفعي على مدينة حلب</h1>
<p>قالت مصادر محلية إن القصف استهدف أحياء في شرق مدينة حلب السورية، وأسفر عن سقوط ضحايا.</p>
<p>وأضافت المصادر أن الطيران حلّق فوق ريف إدلب ودمشق في 2021 بعد اجتماع في بيروت.</p>
<div style="page-break-before: always"></div>
<p>الصفحة الثانية: وصل الوفد إلى القاهرة ثم توجه إلى عمّان.</p></body></html>"""


def image(lines: list[str], path: Path) -> QImage:
    img = QImage(900, 70 * len(lines) + 30, QImage.Format.Format_Grayscale8)
    img.fill(QColor("white"))
    p = QPainter(img)
    font = QFont("DejaVu Sans")
    font.setPixelSize(32)
    p.setFont(font)
    p.setPen(QColor("black"))
    for i, line in enumerate(lines):
        p.drawText(QRect(20, 20 + 70 * i, 860, 60), 0, line)
    p.end()
    img.save(str(path))
    return img


def main() -> None:
    app = QApplication(sys.argv)
    image(["The delegation arrived in Beirut on Monday.", "La délégation est arrivée à Damas."],
          OUT / "scan_en_fr.png")
    ar = image(["وصل الوفد إلى بيروت يوم الاثنين", "ثم توجه إلى دمشق"], OUT / "scan_ar.png")
    writer = QPdfWriter(str(OUT / "scan_ar.pdf"))
    writer.setResolution(150)
    p = QPainter(writer)
    p.drawImage(0, 0, ar)
    p.end()
    page = QWebEnginePage()
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A5), QPageLayout.Orientation.Portrait,
                         QMarginsF(10, 10, 10, 10))
    page.loadFinished.connect(lambda ok: page.printToPdf(str(OUT / "ar_report.pdf"), layout))
    page.pdfPrintingFinished.connect(lambda path, ok: app.quit())
    page.setHtml(REPORT)
    app.exec()


if __name__ == "__main__":
    main()
