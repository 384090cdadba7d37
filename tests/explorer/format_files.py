"""Real files of the formats the libraries write (Word, OpenDocument, Excel, e-mail with
attachments, zip, MHTML), made in the tests rather than committed (a .docx is 36 KB)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "data" / "formats"


def docx_bytes(title: str = "تقرير عن حلب") -> bytes:
    import docx

    d = docx.Document()
    props = d.core_properties
    props.title, props.author, props.language = title, "علي حسن", "ar"
    props.created = dt.datetime(2021, 9, 28, 14, 52)
    d.add_paragraph("وصل الوفد إلى القاهرة ثم توجه إلى عمّان.")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "حلب", "دمشق"
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def odt_bytes() -> bytes:
    from odf import dc, meta
    from odf import text as T
    from odf.opendocument import OpenDocumentText

    o = OpenDocumentText()
    o.text.addElement(T.H(outlinelevel=1, text="Arrivée à Beyrouth"))
    o.text.addElement(T.P(text="La délégation est arrivée à Beyrouth puis à Damas."))
    o.meta.addElement(dc.Title(text="Dépêche"))
    o.meta.addElement(dc.Language(text="fr"))
    o.meta.addElement(meta.CreationDate(text="2021-09-28T10:00:00"))
    out = io.BytesIO()
    o.write(out)
    return out.getvalue()


def xlsx_bytes() -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Title", "Text", "Date", "URL", "Source"])
    sheet.append(["حريق في بغداد", "اندلع حريق في سوق الشورجة وسط بغداد.",
                  dt.datetime(2022, 5, 3, 9, 30), "https://clips.example/9", "الجريدة"])
    sheet.append(["Vide", None, None, None, None])
    sheet.append(["Crue à Tunis", "Des pluies ont inondé Tunis et Sfax.", "2022-10-01",
                  None, "Le Journal"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def eml_bytes(attachments: dict[str, bytes] | None = None) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Sara Haddad <sara@paper.example>"
    msg["To"] = "desk@example.org"
    msg["Subject"] = "تقرير من الموصل"
    msg["Date"] = "Mon, 04 Oct 2021 11:15:00 +0300"
    msg.set_content("وصل الوفد إلى الموصل ثم إلى أربيل.\n")
    for name, data in (attachments or {}).items():
        msg.add_attachment(data, maintype="application", subtype="octet-stream",
                           filename=name)
    return msg.as_bytes()


def zip_bytes(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out.getvalue()


def mhtml_bytes() -> bytes:
    html = (FIXTURES / "ar_page.html").read_text(encoding="utf-8")
    msg = EmailMessage()
    msg["From"] = "<Saved by Blink>"
    msg["Snapshot-Content-Location"] = "https://example.org/news/aleppo-shelling"
    msg["Subject"] = "page"
    msg.set_content(html, subtype="html")
    msg.make_related()
    return msg.as_bytes()
