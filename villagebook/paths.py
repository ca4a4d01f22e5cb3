"""Where things live: the resources folder (frozen-aware) and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "villagebook"


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside the bundle when frozen."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def data_dir() -> Path:
    """The user's data folder (not created here)."""
    override = os.environ.get("VILLAGEBOOK_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_book_path() -> Path:
    """The book used when no ``--db`` is given."""
    return data_dir() / "villagebook.db"


def font_path() -> Path:
    """The bundled TrueType CJK font (WenQuanYi Micro Hei, Apache-2.0)."""
    return resources_dir() / "fonts" / "wqy-microhei.ttc"
