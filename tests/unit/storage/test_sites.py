"""A copied or restored book becomes a site of its own; the installation's id stays outside
any book."""

from __future__ import annotations

import json
import shutil

from helpers import family

from villagebook.storage import open_book
from villagebook.storage.households import load_household, save_household
from villagebook.storage.installation import installation_id

OPERATOR = "李文书"


def edit(book, household_id: str, phone: str) -> None:
    household, members = load_household(book, household_id)
    save_household(book, household_id, {**household, "phone": phone}, members)


def test_a_book_copied_to_another_laptop_becomes_a_new_site(book, book_path, tmp_path,
                                                            monkeypatch):
    household_id = save_household(book, None, *family()).household_id
    first_site, first_laptop = book.site_id, installation_id()
    book.close()
    copy = tmp_path / "copy.db"
    shutil.copy(book_path, copy)
    monkeypatch.setenv("VILLAGEBOOK_DATA_DIR", str(tmp_path / "other-laptop"))
    assert installation_id() != first_laptop
    with open_book(copy) as copied:
        assert copied.site_id != first_site
        assert json.loads(copied.meta("previous_sites")) == [
            {"site": first_site, "upto": 3, "why": "copy"}]
        copied.operator = OPERATOR
        edit(copied, household_id, "13900000001")
        assert copied.conn.execute(
            "SELECT origin_seq FROM actions WHERE site_id = ?", [copied.site_id]
        ).fetchall() == [(1,)]
        stamps = copied.conn.execute("SELECT hlc FROM changes ORDER BY seq").fetchall()
        assert stamps == sorted(stamps)  # the new site's clock goes on after the old
    with open_book(copy) as again:  # the same laptop again: the same site
        second_site = again.site_id
    assert second_site != first_site
    monkeypatch.setenv("VILLAGEBOOK_DATA_DIR", str(tmp_path / "data"))
    with open_book(book_path) as original:  # the first laptop's own book is untouched
        assert original.site_id == first_site and original.meta("previous_sites") is None


def test_a_book_restored_from_a_backup_becomes_a_new_site(book, book_path, tmp_path):
    household_id = save_household(book, None, *family()).household_id
    site = book.site_id
    book.close()
    backup = tmp_path / "backup.db"
    shutil.copy(book_path, backup)
    with open_book(book_path) as later:
        later.operator = OPERATOR
        edit(later, household_id, "13900000002")
        edit(later, household_id, "13900000003")
        assert later.own_sequence() == 5
    shutil.copy(backup, book_path)  # the laptop's book is restored from the backup
    for suffix in ("-wal", "-shm"):
        book_path.with_name(book_path.name + suffix).unlink(missing_ok=True)
    with open_book(book_path) as restored:
        assert restored.site_id != site
        assert json.loads(restored.meta("previous_sites")) == [
            {"site": site, "upto": 3, "why": "restore"}]
    with open_book(book_path) as reopened:  # settled: no new site each time
        assert reopened.site_id == restored.site_id
