"""Words of Qt's own dialogs that the Chinese translation shipped with Qt lacks: it was
made before Qt renamed them ("Look in:" became "&Look in:"), so the file dialog showed
them in English. Translated in our own .ts (lupdate finds them here), so that every file
dialog speaks Chinese. A test opens the dialog and looks for Latin letters."""

from __future__ import annotations

from ..core.messages import QT_TRANSLATE_NOOP

QT_OWN_WORDS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
