"""Households and members from a workbook: the common shape exported by the national
system or typed by hand (one row per member, with 户编号, 户主姓名, 与户主关系, 证件号码 …)
and the program's own register (its 农户 and 家庭成员 sheets).

Headers are found by name and synonyms, below any title rows, whatever their full-width
characters or spaces. Every row is checked by the same rules as the window; all rows are
imported or none (one transaction); a dry run goes through exactly the same steps and
rolls back. Existing households are matched by 户编号 and members by ID number, and
updated through the change log, never duplicated.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import python_calamine

from ..core import codes, field_specs, idnumber
from ..core.dates import normalize_date_text
from ..core.errors import Cancelled, Issue, ValidationFailed
from ..core.field_specs import HOUSEHOLD, MEMBER
from ..core.validation import check_household
from ..storage.book import Book
from ..storage.bulk import insert_households
from ..storage.households import (
    close_household,
    find_household_id,
    load_household,
    reopen_household,
    save_household,
)
from ..storage.village import get_village
from . import import_answers, import_monitoring
from .import_answers import Answers
from .import_columns import (
    HOUSEHOLD_STATE,
    IGNORED,
    OWN_NUMBERING,
    STATE_COLUMNS,
    STATE_KEYS,
    SYNONYMS,
    _spec_of,
    column_label,
    header_key,
    list_of,
    normalize,
)
from .import_monitoring import MONITORING
from .workbook_guard import ImportRefused, Inspection, inspect_workbook

HEADER_ROWS_SCANNED = 15
MAX_ROWS = 200_000  # a larger sheet is refused: it is not a village's list
MAX_LISTED = 1000  # problems (and warnings) listed; the rest counted



@dataclass
class Problem:
    sheet: str
    row: int  # as the spreadsheet numbers it (1 = first row)
    column: str
    value: str
    issue: Issue


@dataclass
class ImportResult:
    households_created: int = 0
    households_updated: int = 0
    members: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    committed: bool = False
    # values no code list knows, once each with its count (kept in 备注, for a person to map)
    unread: list[Unread] = field(default_factory=list)
    numbered: int = 0  # households numbered in list order (the list had no 户编号)


class _Rollback(Exception):
    pass


def _place(known: dict[str, tuple[str, str]], title: Any) -> tuple[str, str] | None:
    """Where a column goes: its title as written, else without numbering and notes."""
    folded = normalize(title)
    return known.get(folded) or known.get(header_key(folded))


_IGNORED = {normalize(name) for name in IGNORED}
# a row that closes a list, not a person: its first words
_CLOSING = re.compile(r"^(?:合计|总计|小计|共计|填表人|填报人|制表人|制表|审核人|审核|"
                      r"负责人|联系人|填表日期|填报日期|说明|注[:：])")


# A person's choice for a column title (normalized): ``"member.name"`` or ``""`` (skip it).
Mapping = dict[str, str]


def _with_mapping(known: dict[str, tuple[str, str]], mapping: Mapping | None
                  ) -> dict[str, tuple[str, str]]:
    """The automatic matches with the person's choices laid over them."""
    if not mapping:
        return known
    known = dict(known)
    for title, key in mapping.items():
        for form in {title, header_key(title)}:
            if key:
                record, name = key.split(".", 1)
                known[form] = (record, name)
            else:
                known.pop(form, None)
    return known


def _header_map() -> dict[str, tuple[str, str]]:
    names: dict[str, tuple[str, str]] = {}
    for record in (MEMBER, HOUSEHOLD):  # a member's 联系电话 wins over the household's
        for spec in field_specs.fields(record):
            names.setdefault(normalize(spec.zh), (record, spec.name))
    for key, synonyms in SYNONYMS.items():
        for name in synonyms:
            names.setdefault(normalize(name), key)
    for form, key in list(names.items()):  # a title with its note matches without it
        names.setdefault(header_key(form), key)
    for name, column in STATE_COLUMNS.items():
        names.setdefault(normalize(name), (MEMBER, column))
    for name, column in HOUSEHOLD_STATE.items():
        names.setdefault(normalize(name), (HOUSEHOLD, column))
    return names


def find_header(rows: list[list[Any]], mapping: Mapping | None = None
                ) -> tuple[int, dict[int, tuple[str, str]], list[str]]:
    """The header row (index), its columns mapped to (record, field), and its titles."""
    known = _with_mapping(_header_map(), mapping)
    best, best_map = -1, {}  # type: tuple[int, dict[int, tuple[str, str]]]
    for index, row in enumerate(rows[:HEADER_ROWS_SCANNED]):
        found = {c: place for c, v in enumerate(row) if v not in (None, "")
                 for place in [_place(known, v)] if place is not None}
        if len(found) > len(best_map):
            best, best_map = index, found
    fields_found = {f for _, f in best_map.values()}
    # a list without 户编号 is numbered in list order (``plan``): a person's name and ID
    # number are what a list of people cannot do without
    if best < 0 or not {"name", "id_number"} <= fields_found:
        missing = [label for f, label in (("name", "姓名"), ("id_number", "证件号码"))
                   if f not in fields_found]
        raise ImportRefused("import.missing_columns", columns="、".join(missing))
    return best, best_map, [str(v or "") for v in rows[best]]


def cell_text(value: Any) -> str:
    """What a cell holds, as text: numbers without a spurious '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.date().isoformat() if isinstance(value, dt.datetime) else value.isoformat()
    return unicodedata.normalize("NFKC", str(value)).strip()


@lru_cache(maxsize=65536)
def _code_of(list_name: str, text: str) -> str:
    """A label, a code or unique pinyin initials to the code; anything else unchanged (the
    checks then name it). Cached: a list has a few hundred cells per distinct value."""
    by_text, by_initials = _lookups(list_name)
    found = by_text.get(normalize(text)) or by_initials.get(text.lower())
    return found or text


@cache
def _lookups(list_name: str) -> tuple[dict[str, str], dict[str, str]]:
    """A code list's codes by folded label or code, and by pinyin initials when unique
    (the cell was read full-width-folded, so the labels are folded alike)."""
    entries = codes.code_list(list_name)
    # the words villages write (data: vocabulary.json), then the list's own labels and
    # codes, which win
    by_text = {normalize(word): code for word, code in codes.vocabulary(list_name).items()}
    by_text.update({normalize(e.label): e.code for e in entries})
    by_text.update({e.code: e.code for e in entries})
    initials: dict[str, list[str]] = {}
    for entry in entries:
        initials.setdefault(entry.initials, []).append(entry.code)
    return by_text, {k: v[0] for k, v in initials.items() if len(v) == 1}


def _reader(record: str, name: str) -> Callable[[str], Any]:
    """How one column's (folded, non-empty) cell text becomes the value to check, decided
    once per column: a code list lookup (bare numbers by the numbering the person chose:
    ``relation@gbt4761``), a list of codes, a date written with dots or 年月日, or the
    text itself."""
    name, _, numbering = name.partition("@")
    if numbering and numbering != OWN_NUMBERING:
        spec = _spec_of(record, name)
        list_name = (spec.codes or "") if spec is not None else ""
        table = codes.numberings(list_name)[numbering].codes
        return lambda text: table.get(text, text) if text.isdigit() \
            else _code_of(list_name, text)
    if record == MONITORING and name in import_monitoring.DATES:
        return normalize_date_text
    if record == MONITORING and name == "removed":
        return lambda text: _code_of("yes_no", text)
    spec = _spec_of(record, name)
    if spec is None:
        return _same
    if spec.kind in ("code", "bool") or name == "status":
        list_name = "yes_no" if spec.kind == "bool" else (
            "record_status" if name == "status" else spec.codes or "")
        return lambda text: _code_of(list_name, text)
    if spec.kind == "codes":
        return lambda text: ",".join(_code_of(spec.codes or "", part)
                                     for part in _SEPARATORS.split(text) if part)
    if spec.kind == "date":
        return normalize_date_text
    return _same


_SEPARATORS = re.compile(r"[、,，;；]")


@cache
def _numbered_elsewhere(record: str, name: str) -> str:
    """For a code field whose bare numbers mean different entries in another numbering
    (GB/T 4761's 20 is 子, ours 之曾孙子女): the other numberings' names; else ""."""
    spec = _spec_of(record, name)
    if spec is None or spec.kind != "code":
        return ""
    return "、".join(n.label for n in codes.numberings(spec.codes or "").values())


def _same(text: str) -> str:
    return text




def read_workbook(path: str | Path) -> tuple[dict[str, list[list[Any]]], Inspection]:
    """The rows of every sheet an import reads (only 农户 and 家庭成员 of the program's own
    register, never its 代码表), and what a look inside found (external links); refuses
    what is not a readable workbook, or one that would inflate past the bounds."""
    inspection = inspect_workbook(path)
    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        names = [n for n in workbook.sheet_names if n != "代码表"]
        if "家庭成员" in names:
            names = [n for n in names if n in ("农户", "家庭成员")]
        return {name: workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
                for name in names}, inspection
    except Exception as error:  # calamine raises its own kinds for each broken format
        text = str(error).lower()
        reason = "import.encrypted" if "password" in text or "encrypt" in text else \
            "import.not_workbook"
        raise ImportRefused(reason, name=Path(path).name) from error


@dataclass
class Unread:
    """A value no code list knows, once per column and value: kept in the record's 备注
    and left empty (or mapped to a code by a person's answer)."""

    sheet: str
    row: int  # its first row
    column: str  # the title as the list writes it
    key: str  # ``record.field``
    value: str
    count: int = 0


@dataclass
class Reading:
    """What reading the sheets found besides the households: the values no code list knows
    (``unread``), the rows that close a list (合计, 填表人 …), the households numbered in
    list order for want of 户编号, and the columns whose numbers Excel cut short."""

    unread: dict[tuple[str, str], Unread] = field(default_factory=dict)
    closing_rows: list[tuple[str, int, str]] = field(default_factory=list)
    numbered: int = 0
    cut_short: dict[tuple[str, str], list[Any]] = field(default_factory=dict)
    cut_rows: set[tuple[str, int]] = field(default_factory=set)


@cache
def _valid(list_name: str) -> frozenset[str]:
    return frozenset(e.code for e in codes.code_list(list_name)) if list_name else frozenset()


def _check_codes(key: str) -> Callable[[Any], bool] | None:
    """For a code column: whether a read value is made of its list's codes."""
    list_name = list_of(key)
    if not list_name:
        return None
    valid = _valid(list_name)
    spec = _spec_of(*key.partition("@")[0].split(".", 1))
    if spec is not None and spec.kind == "codes":
        return lambda value: all(part in valid for part in str(value).split(",") if part)
    return lambda value: value in valid


def _excel_date(raw: Any, text: str) -> str:
    """A date cell as Excel keeps it when not formatted as one (a serial number of days),
    or written as a year and month (202210: the first of the month)."""
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 1 <= raw < 80000 \
            and len(text) <= 5:
        return (dt.date(1899, 12, 30) + dt.timedelta(days=int(raw))).isoformat()
    if len(text) == 6 and text.isdigit() and 1 <= int(text[4:]) <= 12:
        return f"{text[:4]}-{text[4:]}-01"
    return normalize_date_text(text)


def plan(sheets: dict[str, list[list[Any]]], mapping: Mapping | None = None,
         answers: Answers | None = None, village_code: str = "",
         reading: Reading | None = None
         ) -> tuple[dict[str, dict[str, Any]], OrderedDict[str, list], list[Problem]]:
    """Households (by 户编号) and their member rows from the sheets, with the problems
    found reading them (``reading``, when given, gets what else was found)."""
    answers = answers or Answers()
    mapping = {**answers.columns, **(mapping or {})}
    reading = reading if reading is not None else Reading()
    problems: list[Problem] = []
    households: dict[str, dict[str, Any]] = {}
    members: OrderedDict[str, list] = OrderedDict()
    member_sheet = "家庭成员" if "家庭成员" in sheets else None
    refusal: ImportRefused | None = None
    for title, rows in sheets.items():
        if title == "代码表" or not rows:
            continue
        if len(rows) > MAX_ROWS:
            raise ImportRefused("import.too_many_rows", sheet=title, rows=len(rows))
        if member_sheet and title not in (member_sheet, "农户"):
            continue
        try:
            header, columns, titles = find_header(rows, mapping)
        except ImportRefused as refused:
            if title == "农户":
                header, columns, titles = _household_header(rows, mapping)
            else:
                refusal = refusal or refused
                continue
        is_household_sheet = title == "农户" and member_sheet is not None
        # each column's record, field and spec, worked out once per sheet
        reads = [(column, target, name.partition("@")[0], _reader(target, name),
                  titles[column], "@" not in name and _numbered_elsewhere(target, name),
                  f"{target}.{name.partition('@')[0]}", _check_codes(f"{target}.{name}"),
                  answers.values.get(f"{target}.{name.partition('@')[0]}", {}), _Memo())
                 for column, (record, name) in columns.items()
                 for target in [HOUSEHOLD if is_household_sheet and record != MONITORING
                                else record]
                 if normalize(titles[column]) not in _IGNORED]
        placed = {key for *_, key, _check, _given, _memo in reads}
        defaults = {key: value for key, value in answers.defaults.items()
                    if key.split(".", 1)[0] in (HOUSEHOLD, MEMBER)}
        # a list of one category per sheet (脱贫户, 监测户 …) says it in the sheet's name
        if f"{HOUSEHOLD}.category" not in placed and f"{HOUSEHOLD}.category" not in defaults:
            sheet_category = _code_of("household_category", title)
            if sheet_category in _valid("household_category"):
                defaults[f"{HOUSEHOLD}.category"] = sheet_category
        numbering = not is_household_sheet and f"{HOUSEHOLD}.number" not in placed
        head_column = next((c for c, t in enumerate(titles)
                            if header_key(t) in _HEAD_NAME_TITLES), None)
        if numbering and head_column is None and not (
                {f"{MEMBER}.relation"} & (placed | set(defaults))):
            raise ImportRefused("import.no_household_key", sheet=title)
        previous_head, number_before = None, None
        bare: dict[str, list[Any]] = {}  # column title → [first row, example, count, …]
        for index in range(header + 1, len(rows)):
            row = rows[index]
            first = next((t for v in row if v is not None and v != ""
                          for t in [cell_text(v)] if t), None)
            if first is None:
                continue  # blank rows between blocks
            if _CLOSING.match(first):
                reading.closing_rows.append((title, index + 1, first))
                continue
            number = None
            values: dict[str, dict[str, Any]] = {HOUSEHOLD: {}, MEMBER: {}, MONITORING: {}}
            kept: dict[str, list[str]] = {}  # record → values kept in its 备注
            width = len(row)
            for (column, record, name, read, column_title, ambiguous, key, valid,
                 given, memo) in reads:
                raw = row[column] if column < width else None
                if raw is None or raw == "":
                    continue
                # a code column's few distinct words, each read once (a register repeats
                # 汉族 or 健康 on every row): its text and code (_UNREAD when no list knows it)
                known = memo.get(raw) if valid is not None and raw.__class__ is str else None
                if known is not None:
                    text, value = known
                else:
                    # text folded as cell_text does, inline: this runs for every cell
                    text = (unicodedata.normalize("NFKC", raw).strip()
                            if raw.__class__ is str else cell_text(raw))
                    value = _UNSET
                if not text:
                    continue
                if ambiguous and text.isdigit():  # never read a bare number by guess
                    seen_bare = bare.setdefault(column_title, [index + 1, text, 0, name,
                                                               ambiguous])
                    seen_bare[2] += 1  # read as our own below: the other checks still run
                if name in ("id_number", "number") and isinstance(raw, float) \
                        and len(text) > 15:
                    # Excel kept only 15 significant digits of a number typed as one
                    cut = reading.cut_short.setdefault((title, column_title),
                                                       [index + 1, text, 0, name])
                    cut[2] += 1
                    reading.cut_rows.add((title, index + 1))
                    if name == "number":
                        number = text  # still one household: the refusal says why
                    continue
                if name == "id_number" and len(text) == 20 and text[:17].isdigit():
                    # a 残疾人证 number: the ID number and the disability's category, grade
                    values[MEMBER].setdefault("disability_cert", text)
                    text = text[:18]
                if value is not _UNSET:
                    pass  # read before (a code column's word)
                elif text in given:
                    value = given[text]
                elif valid is None:
                    value = _excel_date(raw, text) if read is normalize_date_text else read(text)
                else:
                    value = read(text)
                    if not valid(value):
                        value = _UNREAD
                    if raw.__class__ is str:
                        memo[raw] = (text, value)
                if value is _UNREAD:
                    unread = reading.unread.setdefault((key, text), Unread(
                        title, index + 1, column_title.strip(), key, text))
                    unread.count += 1
                    kept.setdefault(record, []).append(f"{column_title.strip()}：{text}")
                    continue
                if record == HOUSEHOLD and name == "category":
                    # 脱贫不稳定户 and its kin are 监测户 of that monitoring category
                    category = import_monitoring.category_of_household_type(text, _code_of)
                    if category is not None:
                        values[MONITORING].setdefault("category", category)
                if record == HOUSEHOLD and name == "number":
                    number = value
                elif value is not None:
                    values[record].setdefault(name, value)
            for key, value in defaults.items():  # a person's answer for what is missing
                record, name = key.split(".", 1)
                values[record].setdefault(name, value)
            for record, notes in kept.items():
                values[record]["note"] = "；".join(filter(None, [
                    values[record].get("note"), "原值 " + "、".join(notes)]))
            if numbering:
                # no 户编号: a household starts at its 户主 (or where 户主姓名 changes)
                head = cell_text(row[head_column]) if head_column is not None \
                    and head_column < width else None
                starts = values[MEMBER].get("relation") == HEAD or (
                    head_column is not None and head != previous_head)
                previous_head = head
                if starts or number_before is None:
                    reading.numbered += 1
                    number_before = f"{village_code}{reading.numbered:0{NUMBER_WIDTH}d}"
                number = number_before
            elif not number and number_before and values[MEMBER].get("name"):
                number = number_before  # a 户编号 merged down the household's rows
            if not number:
                problems.append(Problem(title, index + 1, "户编号", "",
                                        Issue("field.required", "number")))
                continue
            number_before = number
            household = households.setdefault(number, {"number": number})
            for name, value in values[HOUSEHOLD].items():
                household.setdefault(name, value)
            if is_household_sheet:
                household.setdefault("_place", (title, index + 1))
            if values[MONITORING]:
                monitoring = household.setdefault("_monitoring", {"_at": (title, index + 1)})
                for name, value in values[MONITORING].items():
                    monitoring.setdefault(name, value)
            if not is_household_sheet:
                members.setdefault(number, []).append((title, index + 1, values[MEMBER]))
        for column_title, (row, example, cells, name, others) in bare.items():
            problems.append(Problem(title, row, column_title, example, Issue(
                "import.bare_codes", name, {"column": column_title.strip(), "count": cells,
                                            "numberings": others})))
    for (sheet, column_title), (row, example, cells, name) in reading.cut_short.items():
        problems.append(Problem(sheet, row, column_title, example, Issue(
            "import.number_cut_short", name, {"column": column_title.strip(),
                                              "count": cells, "example": example})))
    if not households and refusal is not None:
        raise refusal  # no sheet had the columns of a household list
    return households, members, problems


HEAD = "01"  # 户主, in the relation list
_UNSET = object()  # a cell not read yet
_UNREAD = object()  # a value no code list knows
_Memo = dict[str, tuple[str, Any]]  # a code column's words as read: cell → (text, code)
NUMBER_WIDTH = 3  # households numbered in list order: the village code and 001, 002 …
_HEAD_NAME_TITLES = {normalize(t) for t in ("户主姓名", "户主")}


@dataclass
class SheetColumns:
    """One sheet's header as the import reads it, for the person to check and change."""

    sheet: str
    header_row: int  # as the spreadsheet numbers it
    titles: list[str]
    samples: list[str]  # the first value under each title
    keys: list[str]  # ``record.field`` each column is read into, "" when skipped


def columns_of(path: str | Path, mapping: Mapping | None = None) -> list[SheetColumns]:
    """The header of every sheet an import would read, with the column matches (automatic,
    with ``mapping`` laid over them). A sheet whose header lacks required columns is shown
    too (best guess of its header row), so that the person can map them."""
    sheets, _ = read_workbook(path)
    return _sheet_columns(sheets, mapping)


def _sheet_columns(sheets: dict[str, list[list[Any]]], mapping: Mapping | None
                   ) -> list[SheetColumns]:
    member_sheet = "家庭成员" in sheets
    out = []
    for title, rows in sheets.items():
        if title == "代码表" or not rows or (member_sheet and title not in ("家庭成员", "农户")):
            continue
        try:
            header, columns, titles = find_header(rows, mapping)
        except ImportRefused:
            try:
                header, columns, titles = _household_header(rows, mapping)
            except ImportRefused:
                known = _with_mapping(_header_map(), mapping)
                scores = [(sum(_place(known, v) is not None for v in row if v not in (None, "")),
                           sum(bool(cell_text(v)) for v in row)) for row in
                          rows[:HEADER_ROWS_SCANNED]]
                header = max(range(len(scores)), key=lambda i: scores[i])
                titles = [str(v or "") for v in rows[header]]
                columns = {c: place for c, v in enumerate(titles) if v
                           for place in [_place(known, v)] if place is not None}
        if title == "农户" and member_sheet:
            columns = {c: (HOUSEHOLD, n) for c, (_, n) in columns.items()}
        sample_row = next((r for r in rows[header + 1:] if any(cell_text(v) for v in r)), [])
        out.append(SheetColumns(
            title, header + 1, titles,
            [cell_text(sample_row[c]) if c < len(sample_row) else "" for c in range(len(titles))],
            ["" if normalize(t) in _IGNORED or c not in columns else ".".join(columns[c])
             for c, t in enumerate(titles)]))
    return out


def _household_header(rows: list[list[Any]], mapping: Mapping | None = None
                      ) -> tuple[int, dict[int, tuple[str, str]], list]:
    known = {normalize(s.zh): (HOUSEHOLD, s.name) for s in field_specs.fields(HOUSEHOLD)}
    known.update({normalize(k): (HOUSEHOLD, v) for k, v in {**HOUSEHOLD_STATE,
                                                            "状态": "status"}.items()})
    known = _with_mapping(known, mapping)
    for index, row in enumerate(rows[:HEADER_ROWS_SCANNED]):
        found = {c: place for c, v in enumerate(row) if v not in (None, "")
                 for place in [_place(known, v)] if place is not None}
        if ("household", "number") in found.values():
            return index, found, [str(v or "") for v in row]
    raise ImportRefused("import.missing_columns", columns="户编号")


def import_workbook(book: Book, path: str | Path, *, dry_run: bool = False,
                    today: dt.date | None = None, mapping: Mapping | None = None,
                    answers: Answers | None = None, remember: bool = False,
                    progress: Callable[[int, int], None] | None = None,
                    cancelled: Callable[[], bool] | None = None) -> ImportResult:
    """Import the households and members of a workbook: all or nothing.

    ``answers``: a person's answers for what the list leaves open (``import_answers``),
    laid over those the book keeps; ``remember``: keep them in the book when the import
    is written (same transaction). Without answers the import does its best and loses
    nothing: a list without 户编号 is
    numbered from the village code in list order, a value no code list knows is kept in
    the record's 备注 and listed once with its count. Only what makes a record wrong
    refuses. ``progress(households_done, households)`` is called as it goes; when
    ``cancelled()`` turns true, everything is rolled back and ``Cancelled`` raised."""
    if book.holds_villages:
        # a village imports its own lists and its packages bring them here
        raise ImportRefused("import.township_book")
    sheets, inspection = read_workbook(path)
    answers = import_answers.stored(book).merged(answers)
    reading = Reading()
    village_code = (get_village(book) or {}).get("code") or ""
    households, member_rows, problems = plan(sheets, mapping, answers, village_code, reading)
    result = ImportResult(problems=problems, unread=list(reading.unread.values()),
                          numbered=reading.numbered)
    result.warnings += _reading_warnings(reading)
    if inspection.external_links:  # cached values of another file: say which
        files = "、".join(dict.fromkeys(inspection.external_links))
        result.warnings.append(Problem("", 0, "", files, Issue(
            "import.external_link", "", {"files": files}, severity="warning")))
    if not households:
        raise ImportRefused("import.empty", name=Path(path).name)
    other = _other_village(book, households)
    if other is not None:
        result.warnings.append(other)
    columns = _sheet_columns(sheets, {**answers.columns, **(mapping or {})})  # read once
    result.warnings += _unread_columns(columns)
    result.warnings += _unsafe_houses(sheets, columns)
    seen: dict[str, str] = {}  # ID number → 户编号, across the whole file
    new: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []
    states: list[tuple[str, dict[str, Any], tuple[str, int]]] = []
    monitored: list[import_monitoring.Pending] = []
    try:
        with book.writing():
            index = _BookIndex(book)
            for done, (number, household) in enumerate(households.items(), 1):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                state = {k: household.pop(k) for k in STATE_KEYS if k in household}
                place = household.pop("_place", ("农户", 0))
                said = household.pop("_monitoring", None)
                if said is not None:
                    sheet, row = said.pop("_at")
                    monitored.append(import_monitoring.Pending(
                        number, said, sheet, row, household.get("main_cause")))
                # new households come in active: only a 注销 or an existing household's
                # state can need an event
                if state.get("status") and (state["status"] != "active"
                                            or number in index.households):
                    states.append((number, state, place))
                _import_household(book, household, member_rows.get(number, []), result, today,
                                  seen, new, index)
                if progress is not None and (done % 50 == 0 or done == len(households)):
                    progress(done, len(households))
            if new and not result.problems:
                # new households go in one bulk insert (each still logged as a 'create')
                insert_households(book, new, "import.create")
            if not result.problems:
                _apply_states(book, states, result, today)
            if not result.problems:
                _apply_monitoring(book, monitored, result, today)
            if result.problems or dry_run:
                raise _Rollback()
            if remember and answers:
                import_answers.remember(book, answers)
            result.committed = True
    except _Rollback:
        pass
    if reading.cut_short:  # said once per column: those rows' complaints follow from it
        result.problems = [p for p in result.problems
                           if p.issue.code == "import.number_cut_short"
                           or (p.sheet, p.row) not in reading.cut_rows]
    result.problems = _said_once(result.problems)
    for listed in ("problems", "warnings"):  # a person reads a few hundred, not a million
        found = getattr(result, listed)
        if len(found) > MAX_LISTED:
            setattr(result, listed, found[:MAX_LISTED] + [Problem("", 0, "", "", Issue(
                "import.more_problems", "", {"count": len(found) - MAX_LISTED},
                severity="error" if listed == "problems" else "warning"))])
    return result


def _said_once(problems: list[Problem]) -> list[Problem]:
    """A field missing on many rows (a column the list lacks, or leaves empty), or a code
    field missing at all, is one question for the whole list, not a refusal of every
    row."""
    missing: dict[str, list[Problem]] = {}
    for p in problems:
        if p.issue.code == "field.required":
            missing.setdefault(p.issue.field, []).append(p)
    out = []
    for p in problems:
        same = missing.get(p.issue.field) if p.issue.code == "field.required" else None
        if same is None or (len(same) == 1 and not list_of(_key_of(p.issue.field))):
            out.append(p)
        elif same[0] is p:
            out.append(Problem(p.sheet, p.row, p.column, "", Issue(
                "import.required_missing", p.issue.field,
                {"label": column_label(p.issue.field), "count": len(same),
                 "key": _key_of(p.issue.field)})))
    return out


def _key_of(name: str) -> str:
    """A checked field's target (``record.field``): a member's first, as labels are."""
    return f"{MEMBER}.{name}" if _spec_of(MEMBER, name) is not None else f"{HOUSEHOLD}.{name}"


def _reading_warnings(reading: Reading) -> list[Problem]:
    """What reading found, said once each: values kept in 备注, closing rows, numbering."""
    out = [Problem(u.sheet, u.row, u.column, u.value, Issue(
        "import.value_kept", u.key.split(".", 1)[-1],
        {"column": u.column, "value": u.value, "count": u.count}, severity="warning"))
        for u in reading.unread.values()]
    if reading.closing_rows:
        sheet, row, text = reading.closing_rows[0]
        out.append(Problem(sheet, row, "", text, Issue(
            "import.closing_rows", "", {"count": len(reading.closing_rows), "example": text},
            severity="warning")))
    if reading.numbered:
        out.append(Problem("", 0, "户编号", "", Issue(
            "import.numbered", "number", {"count": reading.numbered}, severity="warning")))
    return out


def _unread_columns(columns: list[SheetColumns]) -> list[Problem]:
    """Columns with a title that the import has no place for: named before anything is
    written, so that nothing a list holds is dropped without a word."""
    out = []
    for sheet in columns:
        unread = [t.strip() for t, key in zip(sheet.titles, sheet.keys)
                  if not key and t.strip() and normalize(t) not in _IGNORED]
        if unread:
            out.append(Problem(sheet.sheet, sheet.header_row, "", "、".join(unread), Issue(
                "import.unread_columns", "", {"columns": "、".join(unread),
                                              "count": len(unread)}, severity="warning")))
    return out


# 危房户 says yes or no, but the book keeps the house's grade (A–D; 危房 is C or D): the
# households it marks are counted so that their grade is entered by a person
UNSAFE_HOUSE_TITLES = {normalize(t) for t in ("危房户", "是否危房户", "是否为危房户")}


def _unsafe_houses(sheets: dict[str, list[list[Any]]], columns: list[SheetColumns]
                   ) -> list[Problem]:
    out = []
    for sheet in columns:
        for column, title in enumerate(sheet.titles):
            if normalize(title) not in UNSAFE_HOUSE_TITLES or sheet.keys[column]:
                continue
            rows = sheets[sheet.sheet][sheet.header_row:]
            key = f"{HOUSEHOLD}.number"
            at = sheet.keys.index(key) if key in sheet.keys else None
            # one household a number (a national list repeats it on each person's row)
            numbers = {cell_text(row[at]) if at is not None and at < len(row) else index
                       for index, row in enumerate(rows) if column < len(row)
                       and _code_of("yes_no", cell_text(row[column])) == "1"}
            if numbers:
                out.append(Problem(sheet.sheet, sheet.header_row, title.strip(), "", Issue(
                    "import.unsafe_house", "housing_grade", {"column": title.strip(),
                                                             "count": len(numbers)},
                    severity="warning")))
    return out


def _other_village(book: Book, households: dict[str, Any]) -> Problem | None:
    """A list of another village: 户编号 that begin with another 12-digit village code
    (the national numbering), counted and named before anything is written."""
    village = get_village(book)
    code = (village or {}).get("code") or ""
    if len(code) != 12:
        return None
    others = [n for n in households if len(n) >= 15 and n.isdigit() and not n.startswith(code)]
    if not others:
        return None
    return Problem("农户", 0, "户编号", others[0], Issue(
        "import.other_village", "number", {"count": len(others), "total": len(households),
                                           "example": others[0], "code": code},
        severity="warning"))


def _apply_states(book: Book, states: list[tuple[str, dict[str, Any], tuple[str, int]]],
                  result: ImportResult, today: dt.date | None) -> None:
    """注销 (or reopen) the households whose 状态 in the 农户 sheet differs from the book's,
    each through its own logged event."""
    for number, state, (sheet, row) in states:
        household_id = find_household_id(book, number)
        assert household_id is not None  # every listed household is in the book by now
        current = book.conn.execute("SELECT status FROM households WHERE id = ?",
                                    [household_id]).fetchone()[0]
        try:
            if state["status"] == "closed" and current != "closed":
                close_household(book, household_id, state.get("closed_reason") or "",
                                state.get("closed_date") or "", state.get("closed_note") or "",
                                today=today)
            elif state["status"] == "active" and current == "closed":
                reopen_household(book, household_id)
            elif state["status"] not in ("active", "closed"):
                raise ValidationFailed([Issue("code.unknown", "status",
                                              {"value": state["status"]})])
        except ValidationFailed as failed:
            for issue in failed.errors:
                result.problems.append(Problem(sheet, row, issue.field,
                                               str(state.get(issue.field) or ""), issue))


def _apply_monitoring(book: Book, pending: list[import_monitoring.Pending],
                      result: ImportResult, today: dt.date | None) -> None:
    """The list's monitoring columns as 纳入监测 / 风险消除 events (see import_monitoring)."""
    outcome, refused = import_monitoring.apply(book, pending, today)
    for sheet, row, issue, value in refused:
        result.problems.append(Problem(sheet, row, issue.field, value, issue))
    for issue in import_monitoring.warnings(outcome):
        result.warnings.append(Problem("", 0, "", "", issue))


class _BookIndex:
    """The book's households by 户编号 and its people's ID numbers, read once: asking the
    database for each of 100,000 rows took longer than checking them. Kept current as the
    import saves existing households (new ones are only inserted at the end)."""

    def __init__(self, book: Book) -> None:
        self.households = dict(book.conn.execute("SELECT number, id FROM households"))
        self.ids: dict[str, tuple[str, str]] = {}
        self.held: dict[str, set[str]] = {}  # household id → the ID numbers it holds
        for id_number, household_id, number in book.conn.execute(
                "SELECT m.id_number, h.id, h.number FROM members m JOIN households h"
                " ON h.id = m.household_id WHERE m.id_number IS NOT NULL"
                " AND m.status = 'active' AND h.status = 'active'"):
            self.ids[id_number] = (household_id, number)
            self.held.setdefault(household_id, set()).add(id_number)

    def owner(self, id_number: str, household_id: str | None) -> str | None:
        """The 户编号 of another household of the book whose active member holds it."""
        found = self.ids.get(id_number)
        return found[1] if found is not None and found[0] != household_id else None

    def saved(self, household_id: str, number: str, members: list[dict[str, Any]]) -> None:
        for id_number in self.held.pop(household_id, ()):
            if self.ids.get(id_number, ("",))[0] == household_id:
                del self.ids[id_number]
        for m in members:
            if m.get("id_number") and m.get("status", "active") == "active":
                self.ids[m["id_number"]] = (household_id, number)
                self.held.setdefault(household_id, set()).add(m["id_number"])


def _import_household(book: Book, household: dict[str, Any], rows: list, result: ImportResult,
                      today: dt.date | None, seen: dict[str, str],
                      new: list[tuple[dict[str, Any], list[dict[str, Any]]]],
                      index: _BookIndex) -> None:
    household_id = index.households.get(household["number"])
    members: list[dict[str, Any]] = []
    if household_id is not None:
        existing, members = load_household(book, household_id)
        household = {**existing, **household}
    by_id = {m.get("id_number"): m for m in members if m.get("id_number")}
    places: list[tuple[str, int]] = [("", 0)] * len(members)
    for sheet, row, values in rows:
        match = None
        if by_id:  # a household of the book: its members matched by ID number
            parsed, _ = idnumber.parse(str(values.get("id_number") or ""))
            match = by_id.get(parsed.number) if parsed else None
        if match is not None:
            match.update(values)
            places[members.index(match)] = (sheet, row)
        else:
            members.append(dict(values))
            places.append((sheet, row))
    number = household["number"]

    def owner(id_number: str) -> str | None:
        """Who else holds this ID: a household of the book, or one earlier in the file."""
        in_file = seen.get(id_number)
        if in_file is not None and in_file != number:
            return in_file
        return index.owner(id_number, household_id)

    try:
        if household_id is None:
            checked = check_household(household, members, today=today, id_owner=owner)
            if checked.errors:
                raise ValidationFailed(checked.issues)
            new.append((checked.household, checked.members))
            accepted = checked.warnings
        else:
            outcome = save_household(book, household_id, household, members,
                                     accept_warnings=True, today=today, action="import.save",
                                     owner=owner)
            checked_members = members
            accepted = outcome.accepted
            index.saved(household_id, number, members)
    except ValidationFailed as failed:
        for issue in failed.errors:
            sheet, row = places[issue.row] if issue.row is not None and issue.row < len(
                places) else (rows[0][0] if rows else "农户", rows[0][1] if rows else 0)
            value = ""
            if issue.row is not None and issue.row < len(members):
                value = str(members[issue.row].get(issue.field) or "")
            elif issue.field in household:
                value = str(household.get(issue.field) or "")
            result.problems.append(Problem(sheet, row, issue.field, value, issue))
        return
    for m in (new[-1][1] if household_id is None else checked_members):
        if m.get("id_number") and m.get("status", "active") == "active":
            seen.setdefault(m["id_number"], number)
    for warning in accepted:
        sheet, row = places[warning.row] if warning.row is not None and warning.row < len(
            places) else ("", 0)
        result.warnings.append(Problem(sheet, row, warning.field, "", warning))
    if household_id is None:
        result.households_created += 1
    else:
        result.households_updated += 1
    result.members += len(rows)


def write_report(result: ImportResult, path: str | Path) -> None:
    """Every problem (sheet, row, column, value, what is wrong) as a workbook."""
    from openpyxl import Workbook

    from ..core.messages import describe_plain
    from ..storage.files import replace_atomically

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "导入问题"
    sheet.append(["工作表", "行", "列", "值", "问题", "级别"])
    for kind, problems in (("错误", result.problems), ("提醒", result.warnings)):
        for p in problems:
            sheet.append([p.sheet, p.row, column_label(p.column), p.value,
                          describe_plain(p.issue), kind])
    for letter, width in zip("ABCDEF", (12, 6, 14, 24, 60, 6)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "A2"
    with replace_atomically(path) as tmp:
        workbook.save(tmp)
