"""The new-place dialog applies the gazetteer loader's rules (issue 21, B9, B23): a name the
exported file could not bring back is refused in the dialog, with the reason."""

from __future__ import annotations

from typing import Any

import pytest

from explorer.qt.correction_dialogs import NewPlaceDialog


@pytest.mark.parametrize(("name_ar", "why"), [("في", "function word"),
                                              ("على من", "function word")])
def test_the_dialog_refuses_what_the_loader_would(qtbot: Any, name_ar: str, why: str) -> None:
    dialog = NewPlaceDialog("في", 33.3, 44.4, "IQ")
    qtbot.addWidget(dialog)
    dialog.name_ar.setText(name_ar)
    dialog.accept()
    assert dialog.place is None and why in dialog.error.text()
    dialog.name_ar.setText("بلدة")
    dialog.accept()
    assert dialog.place is not None and dialog.place.name_ar == "بلدة"
