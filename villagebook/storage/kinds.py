"""The one registry of record kinds: every layer that walks record kinds (the JSON export,
bulk loads, the change history, sync's export, apply and replay) reads this list instead
of keeping its own.

Adding a record kind touches this list, its migration (``schema.py``), its fields
(``resources/codes/fields.json``) and its form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..core.messages import QT_TRANSLATE_NOOP

# owners
BOOK = "book"  # settings and users of the book itself
VILLAGE = "village"  # records of a village (in a township book, one of several)
HOUSEHOLD = "household"


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: where it lives, whom it belongs to, what is unique in it."""

    table: str
    record: str  # its fields in fields.json ("" when the table has no person-edited form)
    owner: str  # BOOK, VILLAGE, HOUSEHOLD, or the table of its owning record
    owner_column: str | None  # the column naming the owner (household_id, village_id…)
    order: str  # how its records are listed within their owner
    noun: str  # what the change history calls it (translated in the "History" context)
    # column sets a person enters only once among active records (checked on save); two
    # books that each made one before they met keep both, shown as a conflict
    unique: tuple[tuple[str, ...], ...] = ()
    # derived household columns that follow from it (recomputed where it changes)
    feeds: tuple[str, ...] = ()
    removable: bool = True  # removed and restored through ``status``
    binary: tuple[str, ...] = ()  # columns whose content travels by its hash
    labels: str = ""  # whose field labels name its changes, when it has no fields of its own


KINDS: tuple[RecordKind, ...] = (
    RecordKind("village", "", BOOK, None, "code", QT_TRANSLATE_NOOP("History", "Village"),
               removable=False),
    RecordKind("users", "", BOOK, None, "name", QT_TRANSLATE_NOOP("History", "User"),
               removable=False),
    RecordKind("book_settings", "", BOOK, None, "id",
               QT_TRANSLATE_NOOP("History", "Setting"), removable=False),
    RecordKind("households", "household", VILLAGE, "village_id", "number",
               QT_TRANSLATE_NOOP("History", "Household"),
               unique=(("village_id", "number"),), feeds=("group_sort",), removable=False),
    RecordKind("members", "member", HOUSEHOLD, "household_id", "position", "",
               feeds=("head_name", "member_count", "search_text", "head_sort"),
               removable=False),
    RecordKind("incomes", "income", HOUSEHOLD, "household_id", "year",
               QT_TRANSLATE_NOOP("History", "Income"), unique=(("household_id", "year"),)),
    RecordKind("checks", "check", HOUSEHOLD, "household_id", "check_date",
               QT_TRANSLATE_NOOP("History", "Check")),
    RecordKind("monitoring_events", "monitoring", HOUSEHOLD, "household_id", "event_date",
               QT_TRANSLATE_NOOP("History", "Monitoring")),
    RecordKind("measures", "measure", HOUSEHOLD, "household_id", "start_date",
               QT_TRANSLATE_NOOP("History", "Measure")),
    RecordKind("pairings", "pairing", HOUSEHOLD, "household_id", "start_date",
               QT_TRANSLATE_NOOP("History", "Helper")),
    RecordKind("visits", "visit", HOUSEHOLD, "household_id", "visit_date",
               QT_TRANSLATE_NOOP("History", "Visit"), feeds=("last_visit", "next_follow_up")),
    RecordKind("visit_photos", "", "visits", "visit_id", "created_at",
               QT_TRANSLATE_NOOP("History", "Photo"), binary=("image",), labels="visit"),
    RecordKind("accepted_warnings", "", HOUSEHOLD, "household_id", "at",
               QT_TRANSLATE_NOOP("History", "Accepted warning"), removable=False),
    RecordKind("problems", "problem", VILLAGE, "village_id", "found_date",
               QT_TRANSLATE_NOOP("History", "Problem")),
    RecordKind("helpers", "helper", BOOK, None, "name",
               QT_TRANSLATE_NOOP("History", "Helper")),
    RecordKind("projects", "project", VILLAGE, "village_id", "start_date",
               QT_TRANSLATE_NOOP("History", "Project")),
    RecordKind("project_incomes", "project_income", "projects", "project_id", "year",
               QT_TRANSLATE_NOOP("History", "Project income"),
               unique=(("project_id", "year"),)),
    # a finding about a helper or the whole village judged right as it is (those about a
    # household are accepted_warnings)
    RecordKind("accepted_findings", "", VILLAGE, "village_id", "at",
               QT_TRANSLATE_NOOP("History", "Accepted finding"), removable=False),
)

_BY_TABLE = {kind.table: kind for kind in KINDS}


def kind(table: str) -> RecordKind:
    """The kind kept in ``table``; KeyError for a table that holds no records."""
    return _BY_TABLE[table]


def household_kinds() -> tuple[RecordKind, ...]:
    """The kinds a household owns directly (members, incomes, visits…), in listing order."""
    return tuple(k for k in KINDS if k.owner == HOUSEHOLD)


def owner_step(record_kind: RecordKind) -> tuple[str, str] | None:
    """One step up a record's owner chain: (the owner's table, the column that names it);
    None for a record of the whole book and for a village itself."""
    if record_kind.owner == BOOK:
        return None
    if record_kind.owner == HOUSEHOLD:
        return "households", "household_id"
    if record_kind.owner == VILLAGE:
        return "village", "village_id"
    return record_kind.owner, str(record_kind.owner_column)


def village_of(table: str, record_id: str,
               read: Callable[[str, str, str], str | None]) -> str | None:
    """The village a record belongs to, read up its owner chain (a photo → its visit →
    its household → its village); ``read(table, id, column)`` gives one column of one
    record (None when the record is not known). None for a record of the whole book or
    one whose chain breaks off."""
    while table != "village":
        step = owner_step(kind(table))
        if step is None:
            return None
        owner_table, column = step
        owner_id = read(table, record_id, column)
        if owner_id is None:
            return None
        table, record_id = owner_table, owner_id
    return record_id


def in_village(table: str) -> str | None:
    """The SQL condition (parameter ``:v``, the village's id) that picks a kind's records of
    one village, up its owner chain (a photo: ``visit_id IN (SELECT id FROM visits WHERE
    household_id IN (SELECT id FROM households WHERE village_id = :v))``); None for a
    kind of the whole book and for the village itself."""
    step = owner_step(kind(table)) if table != "village" else None
    if step is None:
        return None
    owner_table, column = step
    if owner_table == "village":
        return f"{column} = :v"
    above = in_village(owner_table)
    return None if above is None else \
        f"{column} IN (SELECT id FROM {owner_table} WHERE {above})"


def village_kinds() -> tuple[RecordKind, ...]:
    """The kinds whose records belong to a village (up their owner chain), in order."""
    return tuple(k for k in KINDS if in_village(k.table) is not None)


# Tables whose records name a household besides their owner (a problem is the village's
# but may concern one household; a photo is its visit's, of that visit's household).
_NAMING_A_HOUSEHOLD = ("problems", "visit_photos")


def household_tables() -> tuple[str, ...]:
    """Every table whose records name a household (in ``household_id``)."""
    return tuple(k.table for k in KINDS
                 if k.owner == HOUSEHOLD or k.table in _NAMING_A_HOUSEHOLD)


def bulk_children() -> dict[str, str]:
    """Records a household may bring along in a bulk load (a demo, an import): table →
    record kind; members come separately, photos and decisions never in bulk."""
    return {t: kind(t).record for t in household_tables()
            if t != "members" and kind(t).record and not kind(t).binary}


# Derived columns of households: stored for listing speed, never logged as a person's
# change, recomputed wherever the records they follow from change.
HOUSEHOLD_DERIVED: tuple[str, ...] = tuple(dict.fromkeys(
    column for k in KINDS for column in k.feeds))
