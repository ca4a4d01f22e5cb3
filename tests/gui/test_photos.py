"""Photos of a visit: reduced, kept in the book, and bad files refused with nothing saved."""

from __future__ import annotations

import datetime as dt

from helpers import family
from PySide6.QtGui import QColor, QImage

from villagebook.storage.households import save_household
from villagebook.storage.photos import MAX_SIDE, list_photos, photo_data
from villagebook.storage.visits import save_visit
from villagebook.ui.photos import PhotosDialog


def a_visit(book) -> str:
    household, members = family()
    household_id = save_household(book, None, household, members).household_id
    return save_visit(book, household_id, None, {
        "visit_date": dt.date.today().isoformat(), "visitor_role": "02",
        "visitor_name": "李第一书记", "visit_kind": "01"})


def test_a_big_photo_is_reduced_and_kept(qtbot, book, tmp_path):
    path = tmp_path / "现场.png"
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#3a7"))
    assert image.save(str(path))
    visit = a_visit(book)
    dialog = PhotosDialog(book, visit)
    qtbot.addWidget(dialog)
    assert dialog.add_files([str(path)]) == 1
    [photo] = list_photos(book, visit)
    assert (photo["width"], photo["height"]) == (MAX_SIDE, 1200)
    assert photo["mime"] == "image/jpeg" and photo_data(book, photo["id"])[:3] == b"\xff\xd8\xff"
    assert dialog.list.count() == 1
    logged = book.conn.execute("SELECT new_value FROM changes WHERE table_name = 'visit_photos'"
                               ).fetchone()[0]
    assert '"sha256"' in logged and len(logged) < 1000  # the log names the photo, not copies it


def test_a_file_that_is_not_a_picture_is_refused(qtbot, book, tmp_path):
    path = tmp_path / "名单.jpg"
    path.write_bytes(b"PK\x03\x04 this is a spreadsheet")
    visit = a_visit(book)
    dialog = PhotosDialog(book, visit)
    qtbot.addWidget(dialog)
    assert dialog.add_files([str(path)]) == 0
    assert "不是图片" in dialog.error.text() and "名单.jpg" in dialog.error.text()
    assert list_photos(book, visit) == []


def test_storage_refuses_content_that_is_not_what_it_claims(book):
    import pytest

    from villagebook.core.errors import ValidationFailed
    from villagebook.storage.photos import add_photo

    visit = a_visit(book)
    with pytest.raises(ValidationFailed) as info:
        add_photo(book, visit, b"<html>", "image/jpeg", 10, 10)
    assert info.value.issues[0].code == "photo.not_image"
    with pytest.raises(ValidationFailed) as info:
        add_photo(book, visit, b"\xff\xd8\xff" + b"0" * 10, "image/jpeg", 5000, 10)
    assert info.value.issues[0].code == "photo.too_large"


def test_a_picture_bomb_is_refused_before_it_is_decoded(qtbot, book, tmp_path):
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", 30000, 30000, 8, 2, 0, 0, 0)  # 900 million pixels
    path = tmp_path / "bomb.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                     + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))
    visit = a_visit(book)
    dialog = PhotosDialog(book, visit)
    qtbot.addWidget(dialog)
    assert dialog.add_files([str(path)]) == 0
    assert "太大" in dialog.error.text()
    assert list_photos(book, visit) == []
