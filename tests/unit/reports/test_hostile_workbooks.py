"""Hostile workbooks, built here: zip bombs (honest and lying about their sizes), row
bombs, links to other files. Each is refused (or flagged) before the reader sees it."""

from __future__ import annotations

import struct
import zipfile

import pytest
from helpers import LI_MEI, ZHANG_SAN
from openpyxl import Workbook

from villagebook.cli import main
from villagebook.reports import workbook_guard, workbook_import
from villagebook.reports.workbook_import import ImportRefused, import_workbook


def village_list(path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["户编号", "姓名", "证件号码", "与户主关系", "户类别"])
    sheet.append(["110105001001001", "张三", ZHANG_SAN, "户主", "一般农户"])
    sheet.append(["110105001001001", "李梅", LI_MEI, "配偶", "一般农户"])
    workbook.save(path)


def add_entry(path, name: str, data: bytes) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)


def never_read(monkeypatch) -> list[str]:
    """Records each time the workbook reader is reached (it must not be: the look inside
    refuses first)."""
    reached: list[str] = []

    def reader(path, *_args, **_kwargs):
        reached.append(str(path))
        raise RuntimeError("reader reached")

    monkeypatch.setattr(workbook_import.python_calamine.CalamineWorkbook, "from_path", reader)
    return reached


def count(book) -> int:
    return book.conn.execute("SELECT count(*) FROM households").fetchone()[0]


def test_a_cell_that_inflates_past_the_bound_is_refused_unread(book, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_guard, "MAX_STRINGS_INFLATED", 2 * 1024 * 1024)
    path = tmp_path / "bomb.xlsx"
    village_list(path)
    add_entry(path, "xl/sharedStrings.xml", b"<sst><si><t>" + b"A" * (3 * 1024 * 1024)
              + b"</t></si></sst>")
    reached = never_read(monkeypatch)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, path)
    assert reached == []
    assert info.value.code == "import.too_large" and info.value.values["name"] == "bomb.xlsx"
    assert count(book) == 0


def lie_about_size(path, entry: str, fake: int) -> None:
    """Patch the local header and the central directory to declare ``fake`` bytes."""
    data = bytearray(path.read_bytes())
    name = entry.encode()
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30: local + 30 + name_length] == name:
            struct.pack_into("<I", data, local + 22, fake)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46: central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, fake)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_a_bomb_that_lies_about_its_size_is_refused_unread(book, tmp_path, monkeypatch):
    path = tmp_path / "liar.xlsx"
    village_list(path)
    add_entry(path, "xl/sharedStrings.xml", b"<sst><si><t>" + b"A" * (8 * 1024 * 1024)
              + b"</t></si></sst>")
    lie_about_size(path, "xl/sharedStrings.xml", 100)
    assert zipfile.ZipFile(path).getinfo("xl/sharedStrings.xml").file_size == 100
    reached = never_read(monkeypatch)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, path)
    assert reached == []
    assert info.value.code == "import.not_workbook"
    assert count(book) == 0


def test_millions_of_rows_are_refused_while_inflating(book, tmp_path, monkeypatch):
    path = tmp_path / "rows.xlsx"
    village_list(path)
    rows = b"".join(b'<row r="%d"/>' % i for i in range(1, 200_202))
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    bombed = sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    rebuilt = tmp_path / "rebuilt.xlsx"
    with zipfile.ZipFile(path) as source, \
            zipfile.ZipFile(rebuilt, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = bombed if item.filename == "xl/worksheets/sheet1.xml" else \
                source.read(item)
            target.writestr(item.filename, data)
    assert rebuilt.stat().st_size < 1024 * 1024  # small on the stick
    reached = never_read(monkeypatch)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, rebuilt)
    assert reached == []
    assert info.value.code == "import.too_large"


def test_an_ordinary_list_passes_the_look_inside(book, tmp_path):
    path = tmp_path / "list.xlsx"
    village_list(path)
    assert workbook_guard.inspect_workbook(path).external_links == []
    result = import_workbook(book, path)
    assert result.committed and count(book) == 1


def test_values_linked_from_another_file_are_flagged_with_its_name(book, tmp_path, capsys):
    path = tmp_path / "linked.xlsx"
    village_list(path)
    add_entry(path, "xl/externalLinks/externalLink1.xml", b"<externalLink/>")
    add_entry(path, "xl/externalLinks/_rels/externalLink1.xml.rels",
              '<Relationships><Relationship Id="rId1" Target="file:///C:\\村委\\'
              '2019年花名册.xlsx" TargetMode="External"/></Relationships>'.encode())
    result = import_workbook(book, path, dry_run=True)
    assert not result.problems
    [warning] = result.warnings
    assert warning.issue.code == "import.external_link"
    assert warning.issue.values["files"] == "2019年花名册.xlsx"
    book.close()
    assert main(["import-xlsx", "--db", str(book.path), str(path), "--dry-run"]) == 0
    assert "2019年花名册.xlsx" in capsys.readouterr().err


def test_the_reader_guard_of_these_tests_works(book, tmp_path, monkeypatch):
    path = tmp_path / "list.xlsx"
    village_list(path)
    reached = never_read(monkeypatch)
    with pytest.raises(ImportRefused):
        import_workbook(book, path)
    assert reached == [str(path)]


def rebuilt_with(path, tmp_path, sheets: dict[str, bytes], compression=zipfile.ZIP_DEFLATED):
    """The workbook at ``path`` with some sheets' XML replaced (or added), rezipped."""
    rebuilt = tmp_path / ("rebuilt-" + path.name)
    with zipfile.ZipFile(path) as source, \
            zipfile.ZipFile(rebuilt, "w", compression) as target:
        for item in source.infolist():
            target.writestr(item.filename, sheets.get(item.filename, source.read(item)))
        for name, data in sheets.items():
            if name not in source.namelist():
                target.writestr(name, data)
    return rebuilt


def test_two_cells_spanning_half_a_billion_are_refused_unread(book, tmp_path, monkeypatch):
    """Cells A1 and XFD30000 only: 2 KB on the stick, but the reader makes room for every
    cell between (15 GB: the process aborted)."""
    path = tmp_path / "span.xlsx"
    village_list(path)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    far = sheet.replace(b"</sheetData>", b'<row r="30000"><c r="XFD30000" t="inlineStr">'
                                         b"<is><t>x</t></is></c></row></sheetData>")
    rebuilt = rebuilt_with(path, tmp_path, {"xl/worksheets/sheet1.xml": far})
    assert rebuilt.stat().st_size < 10_000
    reached = never_read(monkeypatch)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, rebuilt)
    assert reached == [] and info.value.code == "import.too_large"


def _with_sheet(tmp_path, rows: bytes, dimension: bytes | None = None):
    """The ordinary list with ``rows`` added to its sheet (and its declared dimension
    replaced), rezipped."""
    path = tmp_path / "list.xlsx"
    village_list(path)
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    sheet = sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    if dimension is not None:
        start = sheet.index(b"<dimension ")
        sheet = sheet[:start] + dimension + sheet[sheet.index(b"/>", start) + 2:]
    return rebuilt_with(path, tmp_path, {"xl/worksheets/sheet1.xml": sheet})


def cell(ref: bytes) -> bytes:
    return b'<c r="%s" t="inlineStr"><is><t>x</t></is></c>' % ref


def test_the_span_of_a_sheet_is_judged_by_its_widest_references(tmp_path):
    """The look inside bounds a sheet's span by its widest cell references and reads
    every reference only when the bound could pass the cap: a wide or a far cell alone
    passes; a far cell with a declared dimension of many rows is refused."""
    wide = _with_sheet(tmp_path, b'<row r="4">' + cell(b"ZZ4") + b"</row>")
    assert workbook_guard.inspect_workbook(wide).external_links == []
    far_column = _with_sheet(tmp_path, b'<row r="4">' + cell(b"XFD4") + b"</row>")
    assert workbook_guard.inspect_workbook(far_column).external_links == []
    declared = _with_sheet(tmp_path, b'<row r="4">' + cell(b"AZ4") + b"</row>",
                           b'<dimension ref="A1:B900000"/>')
    with pytest.raises(ImportRefused) as info:
        workbook_guard.inspect_workbook(declared)
    assert info.value.code == "import.too_large"
    many_rows = _with_sheet(tmp_path, b'<row r="4">' + cell(b"AZ4") + b"</row>"
                            + b'<row r="400000">' + cell(b"A400000") + b"</row>")
    with pytest.raises(ImportRefused):
        workbook_guard.inspect_workbook(many_rows)


def test_rows_are_capped_for_the_whole_file_not_each_sheet(book, tmp_path, monkeypatch):
    monkeypatch.setattr(workbook_guard, "MAX_FILE_ROWS", 3000)
    path = tmp_path / "sheets.xlsx"
    village_list(path)
    rows = b"".join(b'<row r="%d"/>' % i for i in range(10, 1010))
    with zipfile.ZipFile(path) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml")
    many = sheet.replace(b"</sheetData>", rows + b"</sheetData>")
    rebuilt = rebuilt_with(path, tmp_path, {f"xl/worksheets/sheet{n}.xml": many
                                            for n in range(1, 5)})
    reached = never_read(monkeypatch)
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, rebuilt)
    assert reached == [] and info.value.code == "import.too_large"


def test_a_zip_with_a_password_or_an_odd_packing_is_refused_in_words(book, tmp_path):
    path = tmp_path / "list.xlsx"
    village_list(path)
    data = bytearray(path.read_bytes())  # mark every entry as ZipCrypto-encrypted
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at != -1:
            struct.pack_into("<H", data, at + offset,
                             struct.unpack_from("<H", data, at + offset)[0] | 1)
            at = data.find(signature, at + 4)
    locked = tmp_path / "zipcrypto.xlsx"
    locked.write_bytes(bytes(data))
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, locked)
    assert info.value.code == "import.encrypted"
    data = bytearray(path.read_bytes())  # deflate64 (method 9), which no workbook uses
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        while at != -1:
            struct.pack_into("<H", data, at + offset, 9)
            at = data.find(signature, at + 4)
    odd = tmp_path / "deflate64.xlsx"
    odd.write_bytes(bytes(data))
    with pytest.raises(ImportRefused) as info:
        import_workbook(book, odd)
    assert info.value.code == "import.not_workbook"
    assert count(book) == 0


def test_a_protected_workbook_cut_short_is_refused_in_words(tmp_path, capsys, monkeypatch):
    from villagebook.reports.protected import write_protected

    whole = tmp_path / "whole.xlsx"
    write_protected(whole, "secret1", lambda out: village_list(out))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    monkeypatch.setenv("VILLAGEBOOK_FILE_PASSWORD", "secret1")
    db = tmp_path / "b.db"
    assert main(["init", "--db", str(db), "--village", "石桥村", "--code", "110105001001",
                 "--user", "李文书"]) == 0
    code = main(["import-xlsx", "--db", str(db), str(cut)])
    assert code != 0 and "Traceback" not in capsys.readouterr().err


def test_a_million_problems_are_listed_as_a_thousand_and_a_count(book, tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["户编号", "姓名", "证件号码", "与户主关系", "户类别"])
    for n in range(1300):
        sheet.append([f"110105001001{n:04d}", f"人{n}", "123", "户主", "一般农户"])
    path = tmp_path / "bad.xlsx"
    workbook.save(path)
    result = import_workbook(book, path)
    assert len(result.problems) == workbook_import.MAX_LISTED + 1
    assert result.problems[-1].issue.code == "import.more_problems"
    assert result.problems[-1].issue.values["count"] == 300
