"""The columns an import knows: the fields a list's column can go into (``targets``),
the other names columns go by (``headers.json``), how titles are compared, and which code
list a field's values are read by. Read by the workbook import and by the answers a
person gives it (``import_answers``), which neither imports the other through."""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any

from ..core import codes, field_specs
from ..core.field_specs import HOUSEHOLD, MEMBER
from ..paths import resources_dir
from .import_monitoring import MONITORING


# Other names the same column goes by in lists seen in villages: data, beside the code
# lists (resources/codes/headers.json).
def _synonyms() -> dict[tuple[str, str], tuple[str, ...]]:
    raw = json.loads((resources_dir() / "codes" / "headers.json").read_text(encoding="utf-8"))
    out: dict[tuple[str, str], tuple[str, ...]] = {}
    for key, names in raw.items():
        if not key.startswith("_"):
            record, field = key.split(".", 1)
            out[(record, field)] = tuple(names)
    return out


SYNONYMS = _synonyms()
STATE_COLUMNS = {"状态": "status", "减少原因": "left_reason", "减少日期": "left_date",
                 "减少说明": "left_note"}
# 注销 of a whole household, from the register's 农户 sheet (applied after the households)
HOUSEHOLD_STATE = {"注销原因": "closed_reason", "注销日期": "closed_date",
                   "注销说明": "closed_note"}
STATE_KEYS = ("status", "closed_reason", "closed_date", "closed_note")
# derived columns of the program's own register: not imported
IGNORED = {"户主姓名", "家庭人口数", "序号"}  # derived here, or only a row number


def normalize(text: Any) -> str:
    """Full-width to half-width, no spaces or stray marks: how headers are compared."""
    cleaned = unicodedata.normalize("NFKC", str(text or ""))
    return re.sub(r"[\s*＊:：]", "", cleaned)


# Item numbering before a title (A4, 1., 一、, (三)) and notes in brackets after it
# (证件号码（身份证或残疾人证）): compared without them when the whole title is unknown
_NUMBERING = re.compile(r"^(?:[A-Za-z]\d{1,2}\.?|\d{1,2}[.、)]|[一二三四五六七八九十]+[、.]|"
                        r"\([一二三四五六七八九十\d]+\))")
_NOTE = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")


def header_key(text: Any) -> str:
    """A title without item numbering and bracketed notes (folded as ``normalize``)."""
    key = _NOTE.sub("", _NUMBERING.sub("", normalize(text)))
    return key or normalize(text)


OWN_NUMBERING = "own"  # a code column's bare numbers are this program's codes


def targets() -> list[tuple[str, str]]:
    """Every column an import can fill, as (``record.field``, Chinese label): members'
    fields first, then the household's, then the states."""
    out = [(f"{MEMBER}.{s.name}", s.zh) for s in field_specs.fields(MEMBER)]
    # a code column of bare numbers, read by a numbering chosen by the person
    out += [(f"{record}.{s.name}@{key}", f"{s.zh}（{label}）")
            for record in (MEMBER, HOUSEHOLD) for s in field_specs.fields(record)
            if s.kind == "code" and codes.numberings(s.codes or "")
            for key, label in [(OWN_NUMBERING, s.zh), *(
                (n.key, n.label) for n in codes.numberings(s.codes or "").values())]]
    out += [(f"{MEMBER}.{c}", field_specs.label(MEMBER, c)) for c in STATE_COLUMNS.values()]
    out += [(f"{HOUSEHOLD}.{s.name}", s.zh) for s in field_specs.fields(HOUSEHOLD)]
    out += [(f"{HOUSEHOLD}.{c}", field_specs.label(HOUSEHOLD, c)) for c in HOUSEHOLD_STATE.values()]
    # the monitoring columns: labelled by their first title in headers.json
    out += [(f"{record}.{name}", titles[0]) for (record, name), titles in SYNONYMS.items()
            if record == MONITORING]
    return out


@cache
def _spec_of(record: str, name: str) -> field_specs.FieldSpec | None:
    try:
        return field_specs.field(record, name)
    except KeyError:
        return None


def list_of(key: str) -> str:
    """The code list a target reads its values by ("" for text, dates, numbers)."""
    record, _, name = key.partition(".")
    name = name.partition("@")[0]
    if record == MONITORING and name == "removed":
        return "yes_no"
    spec = _spec_of(record, name)
    if spec is None:
        return ""
    if spec.kind == "bool":
        return "yes_no"
    if name == "status":
        return "record_status"
    return spec.codes or "" if spec.kind in ("code", "codes") else ""


def column_label(name: str) -> str:
    """A field's label as a list names it (a member's first), or the name itself."""
    for record in (MEMBER, HOUSEHOLD):
        try:
            return field_specs.label(record, name)
        except KeyError:
            continue
    return name
