"""The bundled TrueType CJK font registered with reportlab: embedded (as a subset) in
every PDF, so each viewer and printer shows the same glyphs."""

from __future__ import annotations

from functools import cache

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import font_path

FONT = "WenQuanYiMicroHei"


@cache
def register() -> str:
    """Register the font once; returns its name for styles."""
    pdfmetrics.registerFont(TTFont(FONT, str(font_path()), subfontIndex=0))
    return FONT
