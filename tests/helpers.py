"""Test data: valid ID numbers made with the standard's check character."""

from __future__ import annotations

from typing import TypeVar

from stdnum.cn import ric


def make_id(birth: str, seq: int, area: str = "110105") -> str:
    """An ID number for a birth date 'YYYYMMDD' and a sequence (odd male, even female)."""
    body = f"{area}{birth}{seq:03d}"
    return body + ric.calc_check_digit(body + "0")


ZHANG_SAN = make_id("19700305", 11)  # male
LI_MEI = make_id("19720614", 22)  # female
ZHANG_XIAO = make_id("19980101", 33)  # male
ZHANG_HUA = make_id("20120909", 44)  # female


def family():
    """A household of three: head, spouse, son."""
    household = {"number": "110105001001001", "group_name": "第一组", "category": "01",
                 "poverty_attr": "01", "poverty_status": "02", "phone": "13812345678"}
    members = [
        {"name": "张三", "id_number": ZHANG_SAN, "relation": "01"},
        {"name": "李梅", "id_number": LI_MEI, "relation": "02"},
        {"name": "张小", "id_number": ZHANG_XIAO, "relation": "03"},
    ]
    return household, members


def pdf_text(path) -> str:
    """The text of every page of a PDF, for asserting what was printed."""
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def back_to_schema_15(conn) -> None:
    """Make a book on ``conn`` (sqlite3 or SQLCipher) look as a program of schema 15 left
    it: no sort keys, no record of migration 0016."""
    conn.executescript("""
        DROP INDEX households_head_sort; DROP INDEX households_group_sort;
        ALTER TABLE households DROP COLUMN head_sort;
        ALTER TABLE households DROP COLUMN group_sort;
        DELETE FROM _sqlite_migrations WHERE name = '0016_sort_keys';
        PRAGMA user_version = 15;
    """)
    conn.close()


W = TypeVar("W")


def typed(widget: object, kind: type[W]) -> W:
    """A widget as the kind a test knows it to be (an editor of a form is a QLineEdit, a
    QComboBox…): checked, so that a form that changed fails here in words."""
    assert isinstance(widget, kind), widget
    return widget
