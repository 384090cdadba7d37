"""The Arabic interface (issue 10): translations installed with ``--lang ar`` or an Arabic
system locale, the window laid out right to left, and the committed translation files in step
with the code. Real window and web view (the seeds' index)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from explorer.memory_index import CorpusIndex
from explorer.qt.app import install_language
from explorer.qt.counts import counts
from explorer.qt.menus import about_box
from explorer.qt.panels import ProblemsDialog
from explorer.qt.passages_shown import place_counts
from gazetteer.reasons import KIND_WORDS, TEMPLATES, Reason, ReasonCode, text_of, verbatim
from gazetteer.reasons import ReasonCode as R
from tests.qt.conftest import open_window

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
TOOLS = Path(sys.executable).parent


def _remove(translators: list[Any]) -> None:
    for t in translators:
        QCoreApplication.removeTranslator(t)
    QApplication.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


@pytest.fixture
def arabic(qapp: Any) -> Iterator[None]:
    """The Arabic interface for one test; English again afterwards."""
    translators = install_language(qapp, "ar")
    yield
    _remove(translators)


@pytest.mark.e2e
def test_arabic_window_is_translated_and_right_to_left(
    qtbot: Any, seeds_index: CorpusIndex, arabic: None
) -> None:
    window = open_window(qtbot, seeds_index)
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert window.isRightToLeft() and window.filter.isRightToLeft()
        menus = window.menus
        assert [menus.file.title(), menus.edit.title(), menus.view.title(),
                menus.help.title()] == ["&ملف", "&تحرير", "&عرض", "&مساعدة"]
        assert menus.open_folder.text() == "فتح مجلد…"
        assert window.places.windowTitle() == "الأماكن"
        assert window.filter.all_button.text() == "كل الدول"
        assert window.filter.search.placeholderText() == "ابحث عن دولة…"
        assert window.search.placeholderText() == "ابحث في المقاطع…"
        header = window.places.table.model.headerData(0, Qt.Orientation.Horizontal)
        assert header == "المكان"
        status = window.status.label.text()
        assert "مقال" in status and "article" not in status
        assert window.problems_button.text().startswith("المشكلات (")
        about = about_box(window)
        assert about.windowTitle() == "حول explorer" and "البيانات" in about.text()
        about.deleteLater()
        # Qt's own strings come from its Arabic translation (qtbase_ar).
        dialog = ProblemsDialog([], window)
        close = dialog.findChild(QDialogButtonBox).button(
            QDialogButtonBox.StandardButton.Close)
        assert close.text() != "Close" and close.text().strip("&")
        dialog.deleteLater()
    finally:
        window.dispose()


@pytest.mark.e2e
def test_english_window_is_unchanged(qtbot: Any, seeds_index: CorpusIndex, qapp: Any) -> None:
    assert install_language(qapp, "en") == []
    window = open_window(qtbot, seeds_index)
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert not window.isRightToLeft()
        menus = window.menus
        assert [menus.file.title(), menus.edit.title(), menus.view.title(),
                menus.help.title()] == ["&File", "&Edit", "&View", "&Help"]
        assert window.filter.all_button.text() == "All countries"
        assert window.places.windowTitle() == "Places"
        assert " articles · " in window.status.label.text()
    finally:
        window.dispose()


def test_arabic_counts_have_their_plural_forms(arabic: None) -> None:
    c = counts()
    assert [c.articles(n) for n in (1, 2, 3, 11, 100)] == [
        "مقال واحد", "مقالان", "3 مقالات", "11 مقالًا", "100 مقال"]
    assert place_counts(5, 3, 2) == "5 إشارات، 3 مقاطع، مقالان"


def test_english_counts_without_a_translation() -> None:
    c = counts()
    assert [c.articles(n) for n in (1, 2, 1200)] == ["1 article", "2 articles", "1,200 articles"]
    assert place_counts(5, 3, 2) == "5 mentions in 3 passages of 2 articles"


def test_committed_qm_is_the_compiled_ts(tmp_path: Path) -> None:
    out = tmp_path / "explorer_ar.qm"
    subprocess.run([str(TOOLS / "pyside6-lrelease"), str(I18N / "explorer_ar.ts"), "-qm",
                    str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (I18N / "explorer_ar.qm").read_bytes(), "run `make i18n`"


def test_every_string_of_the_interface_has_its_arabic_translation(tmp_path: Path) -> None:
    """lupdate on the code changes nothing in the committed .ts, which has no unfinished
    message: a new string without its translation fails here."""
    ts = tmp_path / "explorer_ar.ts"
    shutil.copy(I18N / "explorer_ar.ts", ts)
    sources = sorted(str(p) for p in (ROOT / "explorer" / "qt").glob("*.py"))
    subprocess.run([str(TOOLS / "pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *sources, "-ts", str(ts)], check=True, capture_output=True, cwd=ROOT)
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text
    assert text == (I18N / "explorer_ar.ts").read_text(encoding="utf-8"), "run `make i18n`"


@pytest.mark.parametrize(("lang", "expected"), [("ar_EG.UTF-8", "ar"), ("C", "en"),
                                                 ("en_GB.UTF-8", "en")])
def test_default_language_follows_the_system_locale(lang: str, expected: str) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, LANGUAGE="")
    out = subprocess.run(
        [sys.executable, "-c",
         "from explorer.qt.app import system_language; print(system_language())"],
        env=env, check=True, capture_output=True, text=True)
    assert out.stdout.strip() == expected


def test_lang_option() -> None:
    from explorer.cli import _window_parser

    assert _window_parser().parse_args(["--lang", "ar"]).lang == "ar"
    assert _window_parser().parse_args([]).lang is None
    with pytest.raises(SystemExit):
        _window_parser().parse_args(["--lang", "fr"])


def test_the_geoparsers_reasons_in_arabic(arabic: None) -> None:
    """A typed reason comes out in Arabic with its names and numbers (written as in English);
    a cue's kinds each translated; one kept as written (an older index) stays as it is."""
    from explorer.qt.reasons import translate_reasons

    out = translate_reasons((Reason(R.NEAR_DOC_PLACE, km=412.4, name="Kabul"),
                             Reason(R.POPULATION, n=1234567)))
    assert out == "على بعد 412 كم من Kabul المذكورة في النص; عدد السكان 1,234,567"
    cue = translate_reasons((Reason(R.CUE, word="ولاية", kind=("district", "town")),))
    assert cue == "الكلمة التي تسبقه («ولاية») تجعله قضاء أو مديرية أو مدينة أو بلدة"
    assert translate_reasons(verbatim("something new")) == "something new"


def test_a_rejections_detail_in_arabic(arabic: None) -> None:
    """What set a name aside (a typed detail) comes out in Arabic, the text's words kept."""
    from explorer.qt.reasons import translate

    assert translate(Reason(R.AFTER_WORDS, word="Real")) == "بعد «Real»"
    assert translate(Reason(R.WORDS_AFTER_IT, word="برس")) == "الكلمات «… برس»"
    assert translate(Reason(R.AFTER_GIVEN_NAME, word="Michel")) == "بعد الاسم الأول «Michel»"


def test_every_reason_code_has_its_english_and_arabic(arabic: None) -> None:
    """Each code has one English template (the geoparser's), the window's source is that same
    text, and the Arabic file translates it; so do the kinds a cue may call for."""
    from explorer.qt import reasons as qt_reasons

    for code in ReasonCode:
        if code is ReasonCode.TEXT:  # kept as written: shown as it is
            assert code not in qt_reasons.TEMPLATES
            continue
        english = TEMPLATES[code]
        assert str(qt_reasons.TEMPLATES[code]) == english, code
        arabic_text = QCoreApplication.translate("Reasons", english)
        assert arabic_text != english and _arabic(arabic_text), (code, arabic_text)
        assert _fields(arabic_text) == _fields(english), (code, arabic_text)
    assert set(qt_reasons.KINDS) == set(KIND_WORDS)
    for word in (*KIND_WORDS, "or"):
        assert _arabic(QCoreApplication.translate("Reasons", word)), word


def _fields(template: str) -> set[str]:
    return {part.split("}")[0] for part in template.split("{")[1:]}


def _arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@pytest.mark.e2e
def test_why_this_place_in_the_arabic_window(
    qtbot: Any, seeds_index: CorpusIndex, arabic: None
) -> None:
    window = open_window(qtbot, seeds_index)
    try:
        top = seeds_index.places()[0].place.id
        window.select_place(top)
        qtbot.waitUntil(lambda: "لماذا هذا المكان" in window.passages.toPlainText())
        text = window.passages.toPlainText()
        assert "Why this place" not in text and "confidence" not in text
        why = text.split("لماذا هذا المكان", 1)[1].split("\n")[1]
        # The first reason shown is one of this place's real mentions' reasons, in Arabic.
        from explorer.qt.reasons import translate_reasons

        mine = [m.reasons for a in seeds_index.articles for m in seeds_index.mentions_in(a.doc)
                if m.place.id == top and m.reasons]
        shown = why.removeprefix("• ").split(" ×")[0]
        assert shown in {translate_reasons(r) for r in mine}, why
        assert shown not in {text_of(r) for r in mine} and _arabic(shown), why
    finally:
        window.dispose()
