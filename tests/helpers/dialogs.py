"""Answering the app's blocking message boxes in tests (they are built by reader.ui.messages)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox


def answer_boxes(monkeypatch, answer: QMessageBox.StandardButton) -> list[str]:
    """Every blocking box is answered ``answer`` at once; returns the texts it was asked."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        return answer

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked
