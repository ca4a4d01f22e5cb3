"""UI preferences only (QSettings): language, last book, last user. Records live in the book."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "villagebook"
APPLICATION = "villagebook"


class Settings:
    """Typed access to the few preferences the window keeps between runs."""

    def __init__(self) -> None:
        self._q = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                            ORGANIZATION, APPLICATION)

    def _get(self, key: str, default: str = "") -> str:
        value = self._q.value(key, default)
        return str(value) if value is not None else default

    @property
    def language(self) -> str:
        return self._get("ui/language", "zh")

    @language.setter
    def language(self, value: str) -> None:
        self._q.setValue("ui/language", value)

    @property
    def last_book(self) -> str:
        return self._get("book/last")

    @last_book.setter
    def last_book(self, value: str) -> None:
        self._q.setValue("book/last", value)

    def last_user(self, book_path: str) -> str:
        return self._get(f"users/{_key(book_path)}")

    def set_last_user(self, book_path: str, name: str) -> None:
        self._q.setValue(f"users/{_key(book_path)}", name)

    def import_mapping(self) -> dict[str, str]:
        """The column choices made when importing (column title → ``record.field``, or
        "" to skip it), applied again to the next file with the same titles."""
        import json

        try:
            value = json.loads(self._get("import/mapping", "{}"))
        except ValueError:
            return {}
        return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}

    def set_import_mapping(self, mapping: dict[str, str]) -> None:
        import json

        self._q.setValue("import/mapping", json.dumps(mapping, ensure_ascii=False))

    def sync(self) -> None:
        self._q.sync()


def _key(path: str) -> str:
    import hashlib

    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]
