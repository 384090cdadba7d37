"""OCR of images (``.png``, ``.jpg``, ``.tif``) and scanned PDFs with Tesseract, in Arabic,
English and French (the Debian packages ``tesseract-ocr``, ``tesseract-ocr-ara``,
``tesseract-ocr-eng``, ``tesseract-ocr-fra``). Tesseract runs as a subprocess with a time
limit; a scanned PDF's pages are rendered at 200 dpi with pypdfium2 first.

When Tesseract or all three models are missing, ``OcrUnavailable`` says which package to
install (``explorer.corpus`` gathers those files into one problem line).
"""

from __future__ import annotations

import functools
import math
import shutil
import subprocess

from explorer.formats.base import Deadline, Extracted, FormatError, Limits, OcrUnavailable

LANGUAGES = ("ara", "eng", "fra")
PACKAGES = "tesseract-ocr tesseract-ocr-ara tesseract-ocr-eng tesseract-ocr-fra"
INSTALL_HINT = f"install Tesseract for OCR: apt-get install {PACKAGES}"
DPI = 200
#: Pixels an image may have (a page scanned at 600 dpi has 35 million): a few bytes of PNG can
#: claim billions, which Tesseract would allocate.
MAX_PIXELS = 60_000_000


@functools.cache
def languages() -> tuple[str, ...]:
    """The wanted models that Tesseract has here; () when Tesseract is missing."""
    exe = shutil.which("tesseract")
    if exe is None:
        return ()
    try:
        done = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30,
                              check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    have = set(done.stdout.decode("utf-8", "replace").split())
    return tuple(lang for lang in LANGUAGES if lang in have)


def available() -> bool:
    return bool(languages())


def ocr_bytes(image: bytes, seconds: float) -> str:
    """The text Tesseract reads in an image file's bytes (any format Leptonica reads)."""
    langs = languages()
    if not langs:
        raise OcrUnavailable(f"needs OCR: {INSTALL_HINT}")
    exe = shutil.which("tesseract") or "tesseract"
    try:
        done = subprocess.run([exe, "stdin", "stdout", "-l", "+".join(langs)], input=image,
                              capture_output=True, timeout=seconds, check=False)
    except subprocess.TimeoutExpired:
        raise FormatError(f"OCR took more than {seconds:.0f} s, skipped") from None
    except OSError as exc:
        raise OcrUnavailable(f"needs OCR, Tesseract failed to start ({exc}): "
                             f"{INSTALL_HINT}") from None
    if done.returncode != 0:
        why = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise FormatError(f"unreadable image ({why[-1] if why else 'Tesseract failed'})")
    return done.stdout.decode("utf-8", "replace")


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) that a PNG's or JPEG's header states; None for other formats."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR":
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 < len(data) and data[i] == 0xFF:
            marker = data[i + 1]
            length = int.from_bytes(data[i + 2:i + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                return (int.from_bytes(data[i + 7:i + 9], "big"),
                        int.from_bytes(data[i + 5:i + 7], "big"))
            i += 2 + length
    return None


def read_image(data: bytes, limits: Limits) -> list[Extracted]:
    from explorer.formats.text import tidy

    size = image_size(data)
    if size is not None and size[0] * size[1] > MAX_PIXELS:
        raise FormatError(f"image of {size[0]:,} × {size[1]:,} pixels: more than "
                          f"{MAX_PIXELS:,}, not read by OCR")
    text = tidy(ocr_bytes(data, limits.seconds))
    if not text:
        raise FormatError("no text found by OCR in the image")
    return [Extracted(text=text, format="image")]


def ocr_pdf(data: bytes, meta: Extracted, limits: Limits, deadline: Deadline) -> Extracted:
    """A PDF without a text layer read page by page by OCR (``meta``: what pdfminer found)."""
    import pypdfium2 as pdfium

    from explorer.formats.pdf import join_pages
    from explorer.formats.text import tidy

    if not languages():
        raise OcrUnavailable(f"scanned PDF (no text layer) needs OCR: {INSTALL_HINT}")
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise FormatError(f"damaged PDF, cannot be rendered for OCR ({exc})") from None
    pages: list[str] = []
    try:
        for n in range(min(len(pdf), limits.max_pages)):
            if deadline.expired():
                meta.notes.append(f"OCR stopped after {n} pages: the {limits.seconds:.0f} s "
                                  "limit was reached")
                break
            page = pdf[n]
            width, height = page.get_size()  # points
            # 200 dpi, less for a page so large that it would pass the pixel bound
            scale = min(DPI / 72, math.sqrt(MAX_PIXELS / max(width * height, 1.0)))
            bitmap = page.render(scale=scale, grayscale=True)
            pgm = (f"P5 {bitmap.width} {bitmap.height} 255\n".encode()
                   + _rows(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride))
            pages.append(tidy(ocr_bytes(pgm, deadline.left())))
    finally:
        pdf.close()
    meta.text, meta.page_starts = join_pages(pages)
    meta.format = "pdf-ocr"
    if not meta.text.strip():
        raise FormatError("scanned PDF: no text found by OCR")
    return meta


def _rows(buf: bytes, width: int, height: int, stride: int) -> bytes:
    if stride == width:
        return buf[:width * height]
    return b"".join(buf[r * stride:r * stride + width] for r in range(height))
