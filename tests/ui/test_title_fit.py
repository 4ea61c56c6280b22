"""Every dialog is shown at least as wide as its title (Qt sizes dialogs by their contents)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from reader.ui.title_fit import install_title_fitter, title_width


def test_a_dialog_with_a_long_title_is_widened_to_show_it(qtbot, qapp) -> None:
    fitter = install_title_fitter(qapp)
    try:
        box = QMessageBox(QMessageBox.Icon.Warning, "Some files were not imported into the library", "x")
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        assert box.width() >= title_width(box) > 300
        short = QMessageBox(QMessageBox.Icon.Information, "OK", "a message long enough to set the width " * 3)
        qtbot.addWidget(short)
        short.show()
        natural = short.width()
        assert natural >= title_width(short)  # a dialog already wide enough is left as it is
        from PySide6.QtWidgets import QDialog

        plain = QDialog()
        plain.setWindowTitle("Export highlights and notes of the whole library")
        plain.resize(200, 100)
        qtbot.addWidget(plain)
        plain.show()
        assert plain.width() >= title_width(plain)
    finally:
        qapp.removeEventFilter(fitter)
        fitter.deleteLater()
