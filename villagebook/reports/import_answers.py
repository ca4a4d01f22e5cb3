"""A person's answers to what an import did not know, given once for a whole list: what an
unplaced column is (or that it is not imported), what code an unread value means, and a
value for a column the list lacks. The command line takes them one by one
(``--column "表头=字段"``, ``--value "字段:原值=代码"``, ``--default "字段=值"``) or as a
file (``--answers``, JSON with a ``version``); the window asks and saves the same file, and
keeps them in the book's shared settings (``import.answers``), so that a township's choices
reach its villages and the same list a second time asks nothing.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core import codes, field_specs
from ..core.errors import Issue, ValidationFailed
from ..storage.book import Book
from ..storage.book_settings import json_setting, set_json_setting
from ..storage.files import replace_atomically
from .import_columns import header_key, list_of, targets
from .import_monitoring import MONITORING

VERSION = 1
SETTING = "import.answers"  # the book's shared setting that keeps them


@dataclass
class Answers:
    """``columns``: column title (folded as headers are compared) → ``record.field``, or
    "" (not imported); ``values``: ``record.field`` → {value as written: code};
    ``defaults``: ``record.field`` → the value for a missing column or an empty cell."""

    columns: dict[str, str] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    defaults: dict[str, str] = field(default_factory=dict)

    def merged(self, other: Answers | None) -> Answers:
        """These answers with ``other``'s laid over them (a later answer wins)."""
        if other is None:
            return self
        values = {k: dict(v) for k, v in self.values.items()}
        for key, given in other.values.items():
            values.setdefault(key, {}).update(given)
        return Answers({**self.columns, **other.columns}, values,
                       {**self.defaults, **other.defaults})

    def to_json(self) -> dict[str, Any]:
        return {"version": VERSION, "columns": self.columns, "values": self.values,
                "defaults": self.defaults}

    def __bool__(self) -> bool:
        return bool(self.columns or self.values or self.defaults)


def from_json(data: Any, name: str = "") -> Answers:
    """Answers from their JSON form (``name``: the file's, for the message);
    ``ValidationFailed`` naming what is wrong."""
    damaged = Issue("import.answers_damaged", "answers", {"name": name})
    if not isinstance(data, dict) or not isinstance(data.get("version"), int):
        raise ValidationFailed([damaged])
    if data["version"] > VERSION:
        raise ValidationFailed([Issue("import.answers_newer", "answers",
                                      {"version": data["version"]})])
    try:
        columns = {header_key(str(k)): target_key(str(v)) if v else ""
                   for k, v in (data.get("columns") or {}).items()}
        # a value written down without a code yet ("") is a question left open
        values = {target_key(str(k)): {str(raw): code_for(target_key(str(k)), str(code))
                                       for raw, code in v.items() if code}
                  for k, v in (data.get("values") or {}).items()}
        defaults = {target_key(str(k)): str(v) for k, v in (data.get("defaults") or {}).items()}
    except AttributeError as error:  # a list where a mapping belongs
        raise ValidationFailed([damaged]) from error
    return Answers(columns, values, defaults)


def stored(book: Book) -> Answers:
    """The answers the book keeps (given in the window, or by its township): empty when
    none, or when they cannot be read (a newer program's)."""
    data = json_setting(book, SETTING)
    try:
        return from_json(data) if data is not None else Answers()
    except ValidationFailed:
        return Answers()


def remember(book: Book, answers: Answers) -> None:
    """Keep ``answers`` in the book's shared settings (logged; inside the caller's
    transaction when there is one): the next list asks nothing already answered."""
    set_json_setting(book, SETTING, answers.to_json())


def load(path: str | Path) -> Answers:
    """The answers file at ``path``."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValidationFailed([Issue("import.answers_damaged", "answers",
                                      {"name": Path(path).name})]) from error
    return from_json(data, Path(path).name)


def save(answers: Answers, path: str | Path,
         open_values: Sequence[tuple[str, str]] = ()) -> None:
    """Write ``answers`` to ``path`` (a temporary name, then renamed into place), with the
    values still unanswered (``open_values``: (``record.field``, value)) written with an
    empty code, for a person to fill in."""
    data = answers.to_json()
    for key, raw in open_values:
        data["values"].setdefault(key, {}).setdefault(raw, "")
    with replace_atomically(path) as tmp:
        Path(tmp).write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")


def target_key(text: str) -> str:
    """A target as the import names it (``member.id_number``) or its Chinese label
    (证件号码, or 家庭成员：证件号码 / 农户：户类别 where two records share a label)."""
    text = text.strip()
    known = dict(targets())
    if text in known:
        return text
    wanted = header_key(text.split("：", 1)[-1].split(":", 1)[-1])
    record = _record_named(text)
    matches = [key for key, label in known.items()
               if header_key(label) == wanted and (record is None or key.startswith(record))]
    if not matches:
        raise ValidationFailed([Issue("import.unknown_target", "answers", {"value": text})])
    return matches[0]  # a member's field first (targets() lists them first)


def _record_named(text: str) -> str | None:
    for sep in ("：", ":"):
        if sep in text:
            owner = text.split(sep, 1)[0].strip()
            return {"家庭成员": field_specs.MEMBER, "成员": field_specs.MEMBER,
                    "农户": field_specs.HOUSEHOLD, "户": field_specs.HOUSEHOLD,
                    "监测": MONITORING}.get(owner)
    return None


def code_for(key: str, text: str) -> str:
    """The code a person named for a field (``key``): its code or its label."""
    list_name = list_of(key)
    if not list_name:
        return text.strip()
    entries = codes.code_list(list_name)
    for entry in entries:
        if text.strip() in (entry.code, entry.label):
            return entry.code
    raise ValidationFailed([Issue("code.unknown", key.split(".", 1)[-1],
                                  {"value": text.strip()})])


def parse_column(spec: str) -> tuple[str, str]:
    """``"表头=字段"`` → (folded title, target key); ``"表头="``: not imported."""
    title, sep, target = spec.rpartition("=")
    if not sep or not title.strip():
        raise ValidationFailed([Issue("import.answer_form", "answers",
                                      {"value": spec, "form": "表头=字段"})])
    return header_key(title), target_key(target) if target.strip() else ""


def parse_value(spec: str) -> tuple[str, str, str]:
    """``"字段:原值=代码"`` → (target key, value as written, code)."""
    head, sep, code = spec.rpartition("=")
    target, colon, raw = head.replace("：", ":").partition(":")
    if not sep or not colon or not raw.strip():
        raise ValidationFailed([Issue("import.answer_form", "answers",
                                      {"value": spec, "form": "字段:原值=代码"})])
    key = target_key(target)
    return key, raw.strip(), code_for(key, code)


def parse_default(spec: str) -> tuple[str, str]:
    """``"字段=值"`` → (target key, value; a code field's code)."""
    target, sep, value = spec.partition("=")
    if not sep or not value.strip():
        raise ValidationFailed([Issue("import.answer_form", "answers",
                                      {"value": spec, "form": "字段=值"})])
    key = target_key(target)
    return key, code_for(key, value)


def from_options(columns: Sequence[str] = (), values: Sequence[str] = (),
                 defaults: Sequence[str] = ()) -> Answers:
    """The command line's answers, each checked as it is read."""
    answers = Answers()
    for spec in columns:
        title, key = parse_column(spec)
        answers.columns[title] = key
    for spec in values:
        key, raw, code = parse_value(spec)
        answers.values.setdefault(key, {})[raw] = code
    for spec in defaults:
        key, value = parse_default(spec)
        answers.defaults[key] = value
    return answers
