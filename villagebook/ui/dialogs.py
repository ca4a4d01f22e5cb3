"""Pieces every small dialog shares."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None] | None = None) -> QDialogButtonBox:
    """确定/取消 buttons: OK runs ``on_ok`` (which may refuse) or accepts; Cancel rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
