"""Look inside a workbook before reading it: refuse a zip bomb, name external links.

An .xlsx or .ods file is a zip archive. A small one can inflate to gigabytes (one cell of
a billion characters, millions of rows), and the reader would take all memory before
anything could refuse it. So the archive's declared sizes are checked first, then every
entry is inflated as a stream under a cap, counting rows as it goes (declared sizes can
lie), before the workbook reader sees the file. The pass costs a fraction of the reading.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..core.errors import VillagebookError

MAX_FILE_BYTES = 200 * 1024 * 1024  # a village's (or a township's) list is far smaller
MAX_ENTRIES = 10_000
MAX_TOTAL_INFLATED = 768 * 1024 * 1024  # a 100,000-person register inflates to ~150 MB
MAX_ENTRY_INFLATED = 384 * 1024 * 1024
MAX_STRINGS_INFLATED = 96 * 1024 * 1024  # the shared texts of all cells
MAX_SHEET_ROWS = 200_000  # as the import refuses after reading (workbook_import.MAX_ROWS)
MAX_FILE_ROWS = 300_000  # all sheets together: a township's whole register is far less
# the cells a sheet spans (its last row × its last column): the reader makes room for all
# of them, so a 2 KB file with cells A1 and XFD30000 would take 15 GB (and abort)
MAX_SHEET_CELLS = 20_000_000
MAX_XLS_BYTES = 40 * 1024 * 1024  # the old binary format is read whole: a smaller cap
_CHUNK = 1 << 20

_TARGET = re.compile(rb'Target="([^"]+)"')
_CELL = re.compile(rb'<c r="([A-Z]{1,3})(\d{1,7})"')
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]{0,3}\d{0,7}:?([A-Z]{1,3})(\d{1,7})"')


class ImportRefused(VillagebookError):
    """The file cannot be read as a list of households (``code`` says why)."""

    code = "import.refused"


@dataclass
class Inspection:
    """What the look inside found: the files the workbook takes values from."""

    external_links: list[str] = field(default_factory=list)


def inspect_workbook(path: str | Path) -> Inspection:
    """Check ``path`` before it is read; raises ``ImportRefused`` (``import.too_large``
    with ``name``) for a file that would inflate past the bounds."""
    path = Path(path)
    name = path.name
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ImportRefused("import.too_large", name=name)
    if not zipfile.is_zipfile(path):
        # .xls (read whole: bounded by the file's size) or not a workbook at all
        if path.stat().st_size > MAX_XLS_BYTES:
            raise ImportRefused("import.too_large", name=name)
        return Inspection()
    found = Inspection()
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ENTRIES or \
                    sum(e.file_size for e in entries) > MAX_TOTAL_INFLATED:
                raise ImportRefused("import.too_large", name=name)
            if any(e.flag_bits & 0x1 for e in entries):  # ZipCrypto: not Office's password
                raise ImportRefused("import.encrypted", name=name)
            budget, rows = MAX_TOTAL_INFLATED, [0]
            for entry in entries:
                budget -= _inflate(archive, entry, budget, name, found, rows)
    except (zipfile.BadZipFile, EOFError, zlib.error, NotImplementedError) as error:
        # a damaged archive, one whose declared sizes lie (the check of what was inflated
        # fails), or one packed in a way no workbook program writes (deflate64): the
        # reader would inflate it without bound, or fail in its own words
        raise ImportRefused("import.not_workbook", name=name) from error
    return found


def _inflate(archive: zipfile.ZipFile, entry: zipfile.ZipInfo, budget: int, name: str,
             found: Inspection, file_rows: list[int]) -> int:
    """Inflate one entry as a stream under its caps (a sheet's rows, also counted for the
    whole file in ``file_rows``, and the cells it spans); returns its real size."""
    entry_name = entry.filename
    cap = min(budget, MAX_STRINGS_INFLATED if entry_name.endswith("sharedStrings.xml")
              else MAX_ENTRY_INFLATED)
    if entry.file_size > cap:
        raise ImportRefused("import.too_large", name=name)
    is_sheet = entry_name.startswith("xl/worksheets/") and entry_name.endswith(".xml")
    is_link = entry_name.startswith("xl/externalLinks/_rels/")
    size = rows = 0
    span = _SpanBound()
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            size += len(chunk)
            if size > cap:
                raise ImportRefused("import.too_large", name=name)
            if is_sheet:
                seen = tail + chunk
                counted = seen.count(b"<row") - tail.count(b"<row")
                rows += counted
                file_rows[0] += counted
                span.see(seen)
                tail = chunk[-24:]
                if rows > MAX_SHEET_ROWS + 100 or file_rows[0] > MAX_FILE_ROWS + 100:
                    raise ImportRefused("import.too_large", name=name)
            if is_link:
                found.external_links += [_file_name(t) for t in _TARGET.findall(chunk)]
    if is_sheet and span.bound() > MAX_SHEET_CELLS and \
            _exact_span(archive, entry) > MAX_SHEET_CELLS:
        raise ImportRefused("import.too_large", name=name)
    return size


# The widths a cell's reference can reach (a column up to AZ, ZZ or XFD; a row number of
# five digits or more), each with the pattern of a reference of that width or wider: one
# search a chunk tells whether anything passes the bound so far, enough to bound the cells
# a sheet spans without reading every reference (a list's sheet spans far less than the
# bound); only a sheet whose bound could pass it is read exactly
_COLUMN_WIDTHS = ((52, re.compile(rb'<c r="([A-Z]{2,3})\d')),             # AA and wider
                  (702, re.compile(rb'<c r="([B-Z][A-Z]|[A-Z]{3})\d')),   # BA and wider
                  (16_384, re.compile(rb'<c r="([A-Z]{3})\d')))          # AAA and wider
_ROW_WIDTHS = ((99_999, re.compile(rb'<c r="[A-Z]{1,3}(\d{5,})')),
               (9_999_999, re.compile(rb'<c r="[A-Z]{1,3}(\d{6,})')))


def _column_width(letters: bytes) -> int:
    return 16_384 if len(letters) == 3 else 52 if letters[:1] == b"A" else 702


def _row_width(digits: bytes) -> int:
    return 99_999 if len(digits) == 5 else 9_999_999


def _widest(widths: tuple[tuple[int, re.Pattern[bytes]], ...],
            width_of: Callable[[bytes], int], now: int, seen: bytes) -> int:
    """The widest width (of ``widths``, narrowest first) a reference in ``seen`` reaches,
    if wider than ``now``: one search for anything wider, then for wider still."""
    for width, pattern in widths:
        if width <= now:
            continue
        found = pattern.search(seen)
        if found is None:
            break
        now = max(now, width_of(found.group(1)))
    return now


class _SpanBound:
    """An upper bound of the cells a sheet spans (its last row × its last column), from
    the widest cell references seen (and the sheet's declared dimension)."""

    def __init__(self) -> None:
        self.columns, self.rows = 26, 9_999

    def see(self, seen: bytes) -> None:
        self.columns = _widest(_COLUMN_WIDTHS, _column_width, self.columns, seen)
        self.rows = _widest(_ROW_WIDTHS, _row_width, self.rows, seen)
        for letters, number in _DIMENSION.findall(seen):
            self.rows = max(self.rows, int(number))
            self.columns = max(self.columns, _column_number(letters))

    def bound(self) -> int:
        return self.rows * self.columns


def _exact_span(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> int:
    """The cells a sheet spans, from every cell reference (and its declared dimension),
    inflating it again (its size was checked on the first pass)."""
    last_row = last_column = 0
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(_CHUNK):
            seen = tail + chunk
            found_cells = [*_DIMENSION.findall(seen), *_CELL.findall(seen)]
            if found_cells:  # each distinct row and column once (C-speed sets)
                letters, numbers = zip(*found_cells, strict=True)
                last_row = max(last_row, *map(int, set(numbers)))
                last_column = max(last_column, *map(_column_number, set(letters)))
            tail = chunk[-24:]
    return last_row * last_column


def _column_number(letters: bytes) -> int:
    """A column's number from its letters (A = 1, XFD = 16384)."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _file_name(target: bytes) -> str:
    """The linked workbook's file name, from a relationship target (a path or file URL)."""
    text = target.decode("utf-8", "replace").replace("\\", "/")
    return PurePosixPath(text).name or text
