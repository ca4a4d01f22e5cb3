"""Pairing by phone: the person types the digits the other side reads out.

Pairing with a forged card would let a stranger read and change the village's records, so
the dialog never pairs on a reflex: 配对 stays disabled until the typed digits are the
card's, and until then Enter and Esc both cancel.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ..sync.keys import PairingCard, same_fingerprint


class FingerprintDialog(QDialog):
    """Asks for the other side's fingerprint as read out by phone; accepted only when it
    matches the card's."""

    def __init__(self, card: PairingCard, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = card
        self.setWindowTitle(self.tr("Compare the fingerprint by phone"))
        self.setMinimumWidth(520)  # the wrapped sentences get their height from this width
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Pairing with {name} ({code}). Call them and ask them to read the fingerprint "
            "their computer shows on its sync page (12 digits). Type the digits you hear:"
        ).format(name=card["name"], code=card["code"]))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.digits = QLineEdit()
        self.digits.setPlaceholderText("0000 0000 0000")
        self.digits.setMaxLength(20)
        font = self.digits.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        self.digits.setFont(font)
        layout.addWidget(self.digits)
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        layout.addWidget(self.verdict)
        buttons = QDialogButtonBox()
        self.pair_button = buttons.addButton(self.tr("Pair"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.digits.textChanged.connect(self._compare)
        self._compare("")

    def matches(self) -> bool:
        return same_fingerprint(self.digits.text(), self.card["fingerprint"])

    def _compare(self, text: str) -> None:
        matched = self.matches()
        self.pair_button.setEnabled(matched)
        # Enter presses the default button: Cancel until the digits are right
        self.pair_button.setDefault(matched)
        self.pair_button.setAutoDefault(matched)
        self.cancel_button.setDefault(not matched)
        typed = "".join(ch for ch in text if ch.isdigit())
        if matched:
            self.verdict.setText("✔ " + self.tr("The fingerprints match."))
            self.verdict.setStyleSheet("color: #1b5e20;")
        elif len(typed) >= 12:
            self.verdict.setText("✖ " + self.tr(
                "These digits are not the ones of the file you chose. Do not pair: check "
                "that the file came from them, and ask them to read the digits again."))
            self.verdict.setStyleSheet("color: #b00020;")
        else:
            self.verdict.setText("")

    def accept(self) -> None:
        if self.matches():  # never accepted another way (a shortcut, a stray signal)
            super().accept()
