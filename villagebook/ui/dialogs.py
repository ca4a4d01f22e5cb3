"""Pieces every small dialog shares."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit


def ok_cancel(dialog: QDialog, on_ok: Callable[[], None] | None = None) -> QDialogButtonBox:
    """确定/取消 buttons: OK runs ``on_ok`` (which may refuse) or accepts; Cancel rejects."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(on_ok or dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def secret_field(max_length: int = 0) -> QLineEdit:
    """A field for a password or PIN: what is typed is not shown."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    if max_length:
        field.setMaxLength(max_length)
    return field


def error_label() -> QLabel:
    """Where a dialog or page says what is wrong: dark red, wrapped (the text starts with
    ✖, so colour is never the only signal)."""
    label = QLabel()
    label.setStyleSheet("color: #b00000;")
    label.setWordWrap(True)
    return label


def attempt(label: QLabel, action: Callable[[], object]) -> bool:
    """Run ``action``; a refusal is said in words in ``label`` (every problem of a
    ``ValidationFailed``), success clears it. True when it was done."""
    from ..core.errors import ValidationFailed, VillagebookError
    from .messages import describe, describe_error

    try:
        action()
    except ValidationFailed as failed:
        label.setText("\n".join("✖ " + describe(i) for i in failed.issues))
        return False
    except VillagebookError as error:
        label.setText("✖ " + describe_error(error))
        return False
    label.setText("")
    return True


def accept_when(dialog: QDialog, label: QLabel, action: Callable[[], object]) -> bool:
    """Close ``dialog`` accepted when ``action`` is done; else the refusal is said in
    ``label`` and the dialog grows to show it, wrapped. True when it was done."""
    if attempt(label, action):
        dialog.accept()
        return True
    dialog.adjustSize()
    return False
