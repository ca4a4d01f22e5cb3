"""The bundled CJK font, so Chinese renders on a laptop that has none installed."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..paths import font_path

FAMILY = "WenQuanYi Micro Hei"
BASE_POINT_SIZE = 11  # readable at arm's length on a 1366×768 laptop


def install_font(app: QApplication) -> str:
    """Register the bundled font and make it the application's default; returns the family."""
    font_id = QFontDatabase.addApplicationFont(str(font_path()))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    family = FAMILY if FAMILY in families else (families[0] if families else app.font().family())
    font = QFont(family)
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    return family
