"""Workbooks protected with a password: the register a locked book exports holds no
readable ID number, opens with its password only, and comes back in as the plain one
does; nothing readable is left behind on the way."""

from __future__ import annotations

import os
import subprocess
import zipfile

import pytest
from dates import villagebook_command
from openpyxl import load_workbook

from villagebook.core.errors import BookError
from villagebook.reports.protected import is_protected, unprotected, write_protected
from villagebook.reports.workbook import export_register
from villagebook.storage import scratch

PASSWORD = "村册2026"


def _cells(path) -> list[tuple]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [tuple(row) for sheet in workbook.worksheets for row in sheet.iter_rows(
            values_only=True)]
    finally:
        workbook.close()


def _left_in_scratch() -> list[str]:
    """What is in the program's temporary folder besides its own lock and journal."""
    return [p.name for p in scratch.claim().iterdir() if p.name not in (".lock", "parts.txt")]


def _ids(book) -> list[str]:
    return [r[0] for r in book.conn.execute("SELECT id_number FROM members LIMIT 20")]


def test_the_protected_register_holds_nothing_readable_and_opens_with_its_password(
        demo_book, tmp_path):
    plain, protected = tmp_path / "村册.xlsx", tmp_path / "村册-加密.xlsx"
    export_register(demo_book, plain)
    counts = write_protected(protected, PASSWORD,
                             lambda target: export_register(demo_book, target))
    assert counts["农户"] == 60
    assert is_protected(protected) and not is_protected(plain)
    data = protected.read_bytes()
    assert not any(i.encode() in data for i in _ids(demo_book))
    with pytest.raises(zipfile.BadZipFile):  # not a workbook without its password
        load_workbook(protected)
    with unprotected(protected, PASSWORD) as copy:
        assert copy.name == protected.name  # messages name the file the person chose
        assert _cells(copy) == _cells(plain)
        folder = copy.parent
    assert not folder.exists()  # the readable copy is gone with the block
    with pytest.raises(BookError) as wrong:
        with unprotected(protected, "不是这个密码"):
            pass
    assert wrong.value.code == "file.wrong_password"
    assert wrong.value.values["name"] == protected.name
    assert _left_in_scratch() == []  # nothing readable left in our folder


def test_a_failed_protected_export_leaves_no_file_and_no_plain_copy(demo_book, tmp_path):
    target = tmp_path / "村册.xlsx"

    def fails(plain):
        export_register(demo_book, plain)
        raise OSError("the stick was pulled out")

    with pytest.raises(OSError):
        write_protected(target, PASSWORD, fails)
    assert list(tmp_path.glob("*村册*")) == []
    assert _left_in_scratch() == []


def _cli(args, **env):
    return subprocess.run(villagebook_command(*args),
                          env={**os.environ, **env}, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


def test_the_command_line_protects_an_export_and_imports_a_protected_list(
        demo_book, book, tmp_path):
    demo_book.close()
    out = tmp_path / "村册.xlsx"
    made = _cli(["export-xlsx", "--db", str(demo_book.path), "--out", str(out), "--protect"],
                VILLAGEBOOK_FILE_PASSWORD=PASSWORD)
    assert made.returncode == 0 and "(protected)" in made.stdout, made.stderr
    assert is_protected(out)
    short = _cli(["export-xlsx", "--db", str(demo_book.path), "--out", str(tmp_path / "x.xlsx"),
                  "--protect"], VILLAGEBOOK_FILE_PASSWORD="12345")
    assert short.returncode == 1 and "book.password_short" in short.stderr
    book.close()
    refused = _cli(["import-xlsx", "--db", str(book.path), str(out), "--dry-run"])
    assert refused.returncode == 1 and "file.password_needed" in refused.stderr
    wrong = _cli(["import-xlsx", "--db", str(book.path), str(out), "--dry-run"],
                 VILLAGEBOOK_FILE_PASSWORD="不是这个密码")
    assert wrong.returncode == 1 and "file.wrong_password" in wrong.stderr
    checked = _cli(["import-xlsx", "--db", str(book.path), str(out), "--dry-run"],
                   VILLAGEBOOK_FILE_PASSWORD=PASSWORD)
    assert "would import: 60 new households" in checked.stdout, checked.stderr


def test_a_locked_book_writes_personal_data_plain_only_when_asked_for(demo_book, tmp_path):
    """From a locked book, the register, cards and the JSON export are written protected
    or, said explicitly, plain; with neither nothing is written and the way is said."""
    from villagebook.storage.locking import set_password

    demo_book.close()
    set_password(demo_book.path, "账本密码123")
    for command, out in ((["export-xlsx"], "a.xlsx"), (["print", "cards"], "a.pdf"),
                         (["export-json"], None)):
        target = ["--out", str(tmp_path / out)] if out else []
        refused = _cli([*command, "--db", str(demo_book.path), *target],
                       VILLAGEBOOK_PASSWORD="账本密码123")
        assert refused.returncode == 1 and "--plain" in refused.stderr, command
        assert refused.stdout == "" and (out is None or not (tmp_path / out).exists())
    plain = _cli(["export-xlsx", "--db", str(demo_book.path), "--out",
                  str(tmp_path / "a.xlsx"), "--plain"], VILLAGEBOOK_PASSWORD="账本密码123")
    assert plain.returncode == 0 and plain.stderr == ""
    assert not is_protected(tmp_path / "a.xlsx")
    data = _cli(["export-json", "--db", str(demo_book.path), "--plain"],
                VILLAGEBOOK_PASSWORD="账本密码123")
    assert data.returncode == 0 and '"households"' in data.stdout
    protected = _cli(["export-xlsx", "--db", str(demo_book.path), "--out",
                      str(tmp_path / "b.xlsx"), "--protect"],
                     VILLAGEBOOK_PASSWORD="账本密码123", VILLAGEBOOK_FILE_PASSWORD=PASSWORD)
    assert protected.returncode == 0 and protected.stderr == ""
    assert is_protected(tmp_path / "b.xlsx")


def test_household_cards_as_a_protected_pdf(demo_book, tmp_path):
    from pypdf import PdfReader

    from villagebook.reports.printing import PrintRequest, render

    out = tmp_path / "户卡.pdf"
    summary = write_protected(out, PASSWORD,
                              lambda plain: render(demo_book, PrintRequest("cards"), plain))
    assert "60 户" in summary
    reader = PdfReader(out)
    assert reader.is_encrypted
    assert reader.decrypt("不是这个密码") == 0  # PasswordType.NOT_DECRYPTED
    reader = PdfReader(out)
    assert reader.decrypt(PASSWORD) != 0
    assert "户卡" in reader.pages[0].extract_text()
    assert _left_in_scratch() == []


def test_the_command_line_prints_protected_cards_or_plain_when_asked(demo_book,
                                                                         tmp_path):
    from pypdf import PdfReader

    from villagebook.storage.locking import set_password

    demo_book.close()
    set_password(demo_book.path, "账本密码123")
    env = {"VILLAGEBOOK_PASSWORD": "账本密码123"}
    cards = _cli(["print", "cards", "--db", str(demo_book.path), "--out",
                  str(tmp_path / "cards.pdf"), "--protect"],
                 VILLAGEBOOK_FILE_PASSWORD=PASSWORD, **env)
    assert cards.returncode == 0 and "(protected)" in cards.stdout, cards.stderr
    assert PdfReader(tmp_path / "cards.pdf").is_encrypted
    plain = _cli(["print", "cards", "--db", str(demo_book.path), "--out",
                  str(tmp_path / "plain.pdf")], **env)
    assert plain.returncode == 1 and "--protect" in plain.stderr  # asked which, not written
    assert not (tmp_path / "plain.pdf").exists()
    archive = _cli(["print", "cards", "--db", str(demo_book.path), "--out",
                    str(tmp_path / "archive.pdf"), "--plain", "--full-ids"], **env)
    assert archive.returncode == 0 and "full ID numbers" in archive.stdout
    walls = _cli(["print", "walls", "--db", str(demo_book.path), "--out",
                  str(tmp_path / "walls.pdf")], **env)  # for the wall: public, nothing said
    assert walls.returncode == 0 and walls.stderr == ""
