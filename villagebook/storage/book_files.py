"""The files a book keeps beside it, by name: its backups' folder, the book kept aside
before a restore, the copy made before a migration. Named here, apart from the modules
that write them, so that locking (which rewrites them all) and backing up read one list."""

from __future__ import annotations

from pathlib import Path


def backup_folder(book_path: Path) -> Path:
    """Where a book's automatic backups go: a folder beside it (``石桥村-备份``)."""
    return book_path.parent / f"{book_path.stem}-备份"


def companions(book_path: Path) -> list[Path]:
    """The copies of a book kept beside it that hold its records: automatic backups, the
    book kept aside before a restore, the copy made before a migration."""
    stem = book_path.stem
    found = sorted(book_path.parent.glob(f"{stem}-恢复前-*.db"))
    found += sorted(book_path.parent.glob(f"{stem}.before-v*.bak"))
    folder = backup_folder(book_path)
    if folder.is_dir():
        found += sorted(folder.glob(f"{stem}-*.db"))
    return found
