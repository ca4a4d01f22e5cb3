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

    @property
    def last_folder(self) -> str:
        """The folder a file was last saved to or opened from (file dialogs start there)."""
        return self._get("files/last_folder")

    def remember_folder(self, chosen: str) -> None:
        """Remember the folder of a file (or a folder) a person just chose."""
        from pathlib import Path

        path = Path(chosen)
        self._q.setValue("files/last_folder", str(path if path.is_dir() else path.parent))

    def last_user(self, book_path: str) -> str:
        return self._get(f"users/{_key(book_path)}")

    def set_last_user(self, book_path: str, name: str) -> None:
        self._q.setValue(f"users/{_key(book_path)}", name)

    def book_name(self, book_path: str) -> str:
        """The village (or township) a book was last opened as: a locked book's password
        prompt names it, since its own name is inside the locked file."""
        return self._get(f"names/{_key(book_path)}")

    def set_book_name(self, book_path: str, name: str) -> None:
        self._q.setValue(f"names/{_key(book_path)}", name)

    def sync(self) -> None:
        self._q.sync()


def _key(path: str) -> str:
    import hashlib

    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]
