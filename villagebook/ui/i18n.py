"""Languages: Simplified Chinese (default) through Qt translations, English for maintainers.

Window strings are English in the source and translated by ``resources/i18n/*.qm``.
Field labels and code labels are data (``resources/codes``), shared with print and Excel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ..core import field_specs
from ..paths import resources_dir

LANGUAGES = ("zh", "en")
_state = {"language": "zh"}
_translators: list[QTranslator] = []


def language() -> str:
    return _state["language"]


def install(language_code: str) -> None:
    """Load the translations for ``language_code`` ('zh' or 'en') into the application."""
    app = QCoreApplication.instance()
    if app is None:  # no application yet: nothing to translate
        return
    for translator in _translators:
        app.removeTranslator(translator)
    _translators.clear()
    _state["language"] = language_code if language_code in LANGUAGES else "zh"
    if _state["language"] != "zh":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    own = QTranslator()
    if own.load(str(resources_dir() / "i18n" / "villagebook_zh_CN.qm")):
        app.installTranslator(own)
        _translators.append(own)
    qt = QTranslator()  # Qt's own dialogs and buttons (确定, 取消 …)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load("qtbase_zh_CN", qt_dir) or qt.load("qt_zh_CN", qt_dir):
        app.installTranslator(qt)
        _translators.append(qt)


def field_label(record: str, name: str) -> str:
    """The label of a record field in the current language."""
    try:
        return field_specs.label(record, name, language())
    except KeyError:
        return name


def qm_path() -> Path:
    return resources_dir() / "i18n" / "villagebook_zh_CN.qm"
