"""The record tabs of the household window: 收入 (income years) and 三保障 (checks)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core import codes
from ..storage.book import Book
from ..storage.measures import list_measures, remove_measure, restore_measure, save_measure
from ..storage.monitoring import (list_events, monitoring_state, remove_event, restore_event,
                                  save_event)
from ..storage.checks import ANSWERS, list_checks, remove_check, restore_check, save_check
from ..storage.incomes import list_incomes, remove_income, restore_income, save_income
from .record_tab import Column, RecordKind


def income_kind(book: Book) -> RecordKind:
    def title(current: dict[str, Any] | None) -> str:
        if current is None:
            return QCoreApplication.translate("HouseholdRecords", "Income of a year")
        return QCoreApplication.translate("HouseholdRecords", "Income of {year}").format(
            year=current["year"])

    return RecordKind(
        record="income",
        columns=[Column("year"), Column("wage_total"), Column("production_total"),
                 Column("property_total"), Column("transfer_total"), Column("prod_expense"),
                 Column("net"), Column("people"), Column("per_capita"),
                 Column("below_line", warn_when=1)],
        title=title,
        load=lambda household_id, removed: list_incomes(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_income(book, household_id, record_id,
                                                              raw),
        remove=lambda record_id: remove_income(book, record_id),
        restore=lambda record_id: restore_income(book, record_id),
        new_values=lambda: {"year": dt.date.today().year - 1},
    )


def check_kind(book: Book) -> RecordKind:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate(
            "HouseholdRecords", "Check of the two assurances and three guarantees")

    return RecordKind(
        record="check",
        columns=[Column("check_date"), Column("checker"),
                 *(Column(name, warn_when=0) for name in ANSWERS), Column("note")],
        title=title,
        load=lambda household_id, removed: list_checks(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_check(book, household_id, record_id,
                                                             raw),
        remove=lambda record_id: remove_check(book, record_id),
        restore=lambda record_id: restore_check(book, record_id),
        new_values=lambda: {"check_date": dt.date.today().isoformat(),
                            "checker": book.operator},
    )


def _monitoring_summary(book: Book, household_id: str) -> str:
    state = monitoring_state(book, household_id)
    if state["monitored"]:
        risks = "、".join(codes.label("risk_type", r) for r in (state["risks"] or "").split(",")
                         if r)
        return QCoreApplication.translate("HouseholdRecords", "Now: monitored since {since} as {category}; risks: "
                                      "{risks}").format(
            since=state["since"], category=codes.label("monitoring_category", state["category"]),
            risks=risks)
    if state["removed_on"]:
        text = QCoreApplication.translate("HouseholdRecords", "Now: risk removed on {date} ({method})").format(
            date=state["removed_on"], method=codes.label("removal_method", state["method"]))
        if state["suspicious"]:
            text += " ⚠ " + QCoreApplication.translate("HouseholdRecords", "removed by assistance within two months "
                                                   "of identification: please check")
        return text
    return QCoreApplication.translate("HouseholdRecords", "Now: not monitored")


def monitoring_kind(book: Book) -> RecordKind:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Monitoring event")

    return RecordKind(
        record="monitoring",
        columns=[Column("event_date"), Column("event"), Column("category"), Column("risks"),
                 Column("disaster_subtype"), Column("removal_method"), Column("note")],
        title=title,
        load=lambda household_id, removed: list_events(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_event(book, household_id, record_id,
                                                             raw),
        remove=lambda record_id: remove_event(book, record_id),
        restore=lambda record_id: restore_event(book, record_id),
        new_values=lambda: {"event_date": dt.date.today().isoformat()},
        summary=lambda household_id: _monitoring_summary(book, household_id),
    )


def measure_kind(book: Book) -> RecordKind:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Assistance measure")

    def members(household_id: str) -> dict[str, list[tuple[str, str]]]:
        rows = book.conn.execute("SELECT id, name FROM members WHERE household_id = ?"
                                 " AND status = 'active' ORDER BY position", [household_id])
        return {"member_id": [(r[0], r[1]) for r in rows]}

    return RecordKind(
        record="measure",
        columns=[Column("start_date"), Column("measure_type"), Column("member_name"),
                 Column("content"), Column("amount"), Column("funding_source"),
                 Column("progress"), Column("due_date"), Column("repaid_amount"),
                 Column("overdue", warn_when=1)],
        title=title,
        load=lambda household_id, removed: list_measures(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_measure(book, household_id, record_id,
                                                               raw),
        remove=lambda record_id: remove_measure(book, record_id),
        restore=lambda record_id: restore_measure(book, record_id),
        new_values=lambda: {"start_date": dt.date.today().isoformat(), "progress": "02"},
        choices=members,
    )
