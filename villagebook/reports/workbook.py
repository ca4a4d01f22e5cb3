"""The village register (村有册) as an Excel workbook, written with openpyxl in write-only
mode (streamed, with lxml) to a temporary file that is renamed into place.

Sheets: 农户, 家庭成员, 收支, 帮扶措施, 走访记录, 问题整改, and a hidden 代码表 holding the
code lists that the drop-downs of the coded columns refer to. Headers are the labels of
the national forms (resources/codes/fields.json); codes are written as their labels,
money as numbers with two decimals, dates as dates, ID numbers as text. No text is ever
written as a formula (a name starting with = + - @ stays text).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from copy import copy
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from ..core import codes, field_specs
from ..core.errors import Cancelled
from ..core.monitoring import REMOVE
from ..storage.book import Book, snapshot
from ..storage.files import replace_atomically
from ..storage.monitoring import MONITORING_NOW

FORMULA_START = ("=", "+", "-", "@")
MAX_VALIDATION_ROWS = 200_000  # drop-downs reach this far down each coded column


@dataclass(frozen=True)
class Sheet:
    title: str
    record: str  # whose fields name the columns
    columns: tuple[str, ...]
    sql: str  # yields rows with exactly these column names


# The register: household number and head come first wherever a record belongs to one.
SHEETS = (
    Sheet("农户", "household", (
        "number", "group_name", "head_name", "member_count", "phone", "address", "category",
        "ident_standard", "poverty_attr", "ident_year", "poverty_status", "exit_year",
        "main_cause", "other_causes", "no_labor", "housing_grade", "housing_renovated_year",
        "housing_renovation_amount", "water_safe", "electricity", "road", "arable_land_mu",
        "forest_land_mu", "relocated", "relocation_site", "coop_member", "status",
        "closed_reason", "closed_date", "note"),
        "SELECT * FROM households ORDER BY number"),
    Sheet("家庭成员", "member", (
        "household_number", "head_name", "name", "id_number", "relation", "sex", "ethnicity",
        "birth_date", "education", "school_status", "school_grade", "health",
        "disability_category", "disability_grade", "disability_cert", "labor_skill",
        "work_status", "work_months", "work_unit", "medical_ins", "serious_illness_ins",
        "pension_ins", "family_doctor", "dibao", "tekun", "public_post", "phone", "status",
        "left_reason", "left_date", "note"),
        "SELECT m.*, h.number AS household_number, h.head_name FROM members m"
        " JOIN households h ON h.id = m.household_id ORDER BY h.number, m.position"),
    Sheet("收支", "income", (
        "household_number", "head_name", "year", "wage_migrant", "wage_public_post",
        "prod_planting", "prod_breeding", "prod_forestry", "prod_other", "property_dividend",
        "property_land", "property_other", "transfer_dibao", "transfer_tekun",
        "transfer_pension", "transfer_eco", "transfer_family_planning", "transfer_other",
        "prod_expense", "note"),
        "SELECT i.*, h.number AS household_number, h.head_name FROM incomes i"
        " JOIN households h ON h.id = i.household_id WHERE i.status = 'active'"
        " ORDER BY h.number, i.year"),
    Sheet("帮扶措施", "measure", (
        "household_number", "head_name", "measure_type", "member_name", "content",
        "start_date", "end_date", "amount", "funding_source", "responsible_unit", "progress",
        "loan_term_months", "due_date", "repaid_amount", "loan_extension", "note"),
        "SELECT ms.*, h.number AS household_number, h.head_name, m.name AS member_name"
        " FROM measures ms JOIN households h ON h.id = ms.household_id"
        " LEFT JOIN members m ON m.id = ms.member_id WHERE ms.status = 'active'"
        " ORDER BY h.number, ms.start_date"),
    Sheet("走访记录", "visit", (
        "household_number", "head_name", "visit_date", "visitor_role", "visitor",
        "visit_kind", "found", "problems", "agreed", "follow_up_date", "confirmed", "note"),
        "SELECT v.*, h.number AS household_number, h.head_name,"
        " coalesce(hp.name, v.visitor_name) AS visitor FROM visits v"
        " JOIN households h ON h.id = v.household_id LEFT JOIN helpers hp"
        " ON hp.id = v.helper_id WHERE v.status = 'active' ORDER BY h.number, v.visit_date"),
    Sheet("问题整改", "problem", (
        "found_date", "source", "category", "problem", "household_number", "head_name",
        "responsible", "deadline", "progress", "closed_date", "evidence"),
        "SELECT p.*, h.number AS household_number, h.head_name FROM problems p"
        " LEFT JOIN households h ON h.id = p.household_id WHERE p.status = 'active'"
        " ORDER BY p.found_date"),
)

# 县级有档: every member of every village of a county's book, one row each, with the
# 乡镇 (named by the township's pairing card, else as the village's record names it), the
# 村, the household, the ID number in full, and the household's monitoring now (the
# category of the 纳入监测 in force or last in force, and whether its risk was removed)
COUNTY_MEMBERS = Sheet("县级有档", "member", (
    "township_name", "village_name", "household_number", "head_name", "name", "id_number",
    "relation", "category", "monitoring_category", "risk_removed", "sex", "ethnicity",
    "birth_date", "education", "school_status", "health", "disability_category",
    "disability_grade", "labor_skill", "work_status", "work_months", "medical_ins",
    "pension_ins", "dibao", "tekun", "phone", "status", "left_reason", "left_date"),
    f"WITH {MONITORING_NOW}"
    " SELECT m.*, h.number AS household_number, h.head_name, h.category,"
    " v.name AS village_name, coalesce((SELECT p.name FROM sync_peers p WHERE"
    " p.kind = 'township' AND p.code = substr(v.code, 1, 9) ORDER BY p.paired_at DESC"
    " LIMIT 1), v.township) AS township_name,"
    f" mn.category AS monitoring_category, CAST(mn.last_event = '{REMOVE}' AS INTEGER)"
    " AS risk_removed"  # (0/1 in PostgreSQL's archive too, as the code list has it)
    " FROM members m JOIN households h ON h.id = m.household_id"
    " JOIN village v ON v.id = h.village_id"
    " LEFT JOIN monitoring_now mn ON mn.household_id = h.id"
    " ORDER BY v.code, h.number, m.position")

# Columns that are not fields of the sheet's record: their labels, kinds and code lists.
_EXTRA = {"household_number": ("户编号", "text", None), "head_name": ("户主姓名", "text", None),
          "member_count": ("家庭人口数", "int", None), "member_name": ("受益成员", "text", None),
          "visitor": ("走访人", "text", None), "township_name": ("乡镇", "text", None),
          "village_name": ("村", "text", None),
          "monitoring_category": ("监测对象类型", "code", "monitoring_category"),
          "risk_removed": ("风险是否消除", "bool", None)}


def _spec(record: str, name: str) -> field_specs.FieldSpec:
    if name in _EXTRA:
        label, kind, code_list = _EXTRA[name]
        return field_specs.FieldSpec(name, kind, label, name, codes=code_list)
    for candidate in (record, "household", "member"):
        try:
            return field_specs.field(candidate, name)
        except KeyError:
            continue
    raise KeyError(name)


def _code_list(spec: field_specs.FieldSpec) -> str | None:
    if spec.kind == "code":
        return spec.codes
    if spec.kind == "bool":
        return "yes_no"
    return None


class SheetWriter:
    """Writes sheets of records into a write-only workbook: headers from the fields'
    labels, codes as their labels, money, dates and text each as their kind (one
    converter a column), drop-downs for coded columns from a hidden 代码表."""

    def __init__(self, workbook: Workbook) -> None:
        self.workbook = workbook
        self.header_font = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="DDE6F0")
        # One styled cell of each kind; the others copy its style array: setting
        # number_format on every cell cost a fifth of the export's time (measured).
        self.styles: dict[str, Any] = {}
        # Where each code list will stand on the hidden 代码表 sheet (written last, so the
        # register opens on 农户; the drop-downs need the ranges before).
        used = {_spec(sheet_spec.record, name).codes for sheet_spec in SHEETS
                for name in sheet_spec.columns}
        self.lists = ["yes_no", *sorted(name for name in used if name)]
        self.columns = [[c.label for c in codes.code_list(name) if not c.retired]
                        for name in self.lists]
        self.code_ranges = {
            name: f"代码表!${get_column_letter(i + 1)}$2:${get_column_letter(i + 1)}$"
                  f"{len(self.columns[i]) + 1}" for i, name in enumerate(self.lists)}

    def code_sheet(self) -> None:
        """The hidden sheet of code lists the drop-downs refer to."""
        sheet = self.workbook.create_sheet("代码表")
        sheet.sheet_state = "hidden"
        sheet.append(self.lists)
        for row in range(max(len(c) for c in self.columns)):
            sheet.append([c[row] if row < len(c) else None for c in self.columns])

    def converter(self, sheet: Any, spec: field_specs.FieldSpec) -> Callable[[Any], Any]:
        """How one column's stored values become cells, decided once per column (a
        per-cell branch on the kind and a code-list scan cost a fifth of the export)."""
        list_name = _code_list(spec)
        if list_name:
            labels = {c.code: c.label for c in codes.code_list(list_name)}
            return lambda v: None if v is None or v == "" else labels.get(str(v), str(v))
        if spec.kind == "codes":
            labels = {c.code: c.label for c in codes.code_list(spec.codes or "")}
            return lambda v: "、".join(labels.get(c, c) for c in v.split(",")) if v else None
        if spec.kind == "money":
            return lambda v: None if v is None else self.styled(sheet, int(v) / 100, "0.00")
        if spec.kind == "date":
            # a plain date: openpyxl gives it the yyyy-mm-dd format itself, without a
            # styled cell of ours for each (a tenth of the export's time)
            return lambda v: dt.date.fromisoformat(v) if v else None
        text = self.text
        return lambda v: text(sheet, v)

    @staticmethod
    def text(sheet: Any, value: Any) -> Any:
        if value.__class__ is not str:
            return value
        if not value:
            return None
        if value[0] in FORMULA_START:
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula
            return cell
        return value

    def styled(self, sheet: Any, value: Any, number_format: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(sheet, value=value)
        style = self.styles.get(number_format)
        if style is None:
            cell.number_format = number_format
            self.styles[number_format] = cell._style
        else:
            cell._style = copy(style)
        return cell

    def sheet(self, conn: sqlite3.Connection | None, spec: Sheet,
              tick: Callable[[], None]) -> int:
        """Write one sheet; with no connection, only its header and drop-downs (a blank
        template for data entry)."""
        sheet = self.workbook.create_sheet(spec.title)
        specs = [_spec(spec.record, name) for name in spec.columns]
        for index, field in enumerate(specs, 1):
            width = 22 if field.kind in ("id", "text") and field.name != "name" else 12
            if field.name in ("id_number", "number", "household_number", "disability_cert"):
                width = 21
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        header = []
        for field in specs:
            cell = WriteOnlyCell(sheet, value=field.zh)
            cell.font, cell.fill = self.header_font, self.header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            header.append(cell)
        sheet.append(header)
        for index, field in enumerate(specs, 1):
            list_name = _code_list(field)
            if list_name and list_name in self.code_ranges:
                letter = get_column_letter(index)
                validation = DataValidation(type="list", formula1=self.code_ranges[list_name],
                                            allow_blank=True, showErrorMessage=True,
                                            errorTitle="请从下拉列表中选择",
                                            error=f"{field.zh}只能填写代码表中的值")
                validation.add(f"{letter}2:{letter}{MAX_VALIDATION_ROWS}")
                sheet.data_validations.append(validation)
        count = 0
        if conn is None:
            return count
        cursor = conn.execute(spec.sql)
        names = [d[0] for d in cursor.description]
        columns = [(names.index(name), self.converter(sheet, field))
                   for name, field in zip(spec.columns, specs)]
        for row in cursor:
            sheet.append([convert(row[p]) for p, convert in columns])
            count += 1
            if count % 2000 == 0:
                tick()
        return count


STATS_SHEET = "统计"


def export_register(source: Book | sqlite3.Connection, path: str | Path,
                    progress: Callable[[int, str], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> dict[str, int]:
    """Write the village register to ``path`` (xlsx); returns the rows written per sheet.
    ``source`` is the open book, or (for a background job) a connection of its own.

    ``progress(rows_so_far, sheet_title)`` is called now and then; when ``cancelled()``
    turns true the export stops with ``Cancelled`` and no file is left behind.
    """
    conn = source.conn if isinstance(source, Book) else source
    workbook = Workbook(write_only=True)
    writer = SheetWriter(workbook)
    counts: dict[str, int] = {}
    written = 0
    current = ""

    def tick() -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(written, current)

    try:
        with snapshot(conn), replace_atomically(path) as tmp:
            for spec in SHEETS:
                current = spec.title
                tick()
                counts[spec.title] = writer.sheet(conn, spec, tick)
                written += counts[spec.title]
            if isinstance(source, Book):  # the 挂图作战 figures as a sheet
                from .dashboard import figure_rows, figures

                current = STATS_SHEET
                tick()
                sheet = workbook.create_sheet(STATS_SHEET)
                rows = figure_rows(figures(source))
                for row in rows:
                    sheet.append(row)
                counts[STATS_SHEET] = len(rows)
            writer.code_sheet()
            workbook.save(tmp)
    except BaseException:
        discard_sheet_files(workbook)
        raise
    return counts


def discard_sheet_files(workbook: Workbook) -> None:
    """Remove the temporary files of a write-only workbook that will not be saved: each
    sheet's rows (ID numbers among them) wait in one until the save, and openpyxl would
    remove them only when the program ends."""
    for sheet in workbook.worksheets:
        sheet_writer = getattr(sheet, "_writer", None)
        if sheet_writer is None:
            continue
        rows = getattr(sheet, "_rows", None)  # end the row stream while its file is open
        if rows is not None:
            with contextlib.suppress(Exception):
                rows.close()
        with contextlib.suppress(Exception):
            sheet_writer.close()
        with contextlib.suppress(Exception):
            sheet_writer.cleanup()


TEMPLATE_SHEETS = ("农户", "家庭成员")


def export_template(path: str | Path) -> None:
    """A blank workbook for data entry: the 农户 and 家庭成员 sheets with the register's
    headers and drop-downs, ready to be filled in and imported."""
    workbook = Workbook(write_only=True)
    writer = SheetWriter(workbook)
    with replace_atomically(path) as tmp:
        for spec in SHEETS:
            if spec.title in TEMPLATE_SHEETS:
                writer.sheet(None, spec, lambda: None)
        writer.code_sheet()
        workbook.save(tmp)


def rows_of(path: str | Path, title: str) -> Iterator[tuple]:
    """Read a sheet back (for tests and the import's round trip)."""
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True)
    try:
        yield from workbook[title].iter_rows(values_only=True)
    finally:
        workbook.close()
