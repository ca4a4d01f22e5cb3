"""项目库 and 扶贫资产台账: village projects, their assets, and income distributed a year."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..core.errors import Issue
from . import records
from .book import Book
from .village import in_villages


def list_projects(book: Book, include_removed: bool = False, village_id: str | None = None,
                  township_code: str | None = None) -> list[dict[str, Any]]:
    """Projects, newest first, each with the income its asset has distributed so far and
    its village (one village's in a township's book, with ``village_id``; one township's
    in a county's, with ``township_code``)."""
    where, params = in_villages("p.village_id", village_id, township_code)
    return records.select(book, "SELECT p.*, (SELECT coalesce(sum(amount), 0)"
                                " FROM project_incomes i WHERE i.project_id = p.id"
                                " AND i.status = 'active') AS distributed_total,"
                                " (SELECT name FROM village WHERE id = p.village_id)"
                                " AS village_name FROM projects p WHERE " + where, params,
                          include_removed=include_removed, order_by="p.start_date DESC",
                          alias="p")


def _project_rules(values: dict[str, Any]) -> list[Issue]:
    if values.get("end_date") and values["end_date"] < values["start_date"]:
        return [Issue("date.before_start", "end_date", {"start": values["start_date"]})]
    return []


def save_project(book: Book, record_id: str | None, raw: dict[str, Any],
                 today: dt.date | None = None, village_id: str | None = None) -> str:
    """Record or update a project; a new one belongs to ``village_id`` (a township's
    book) or to the book's own village."""
    return records.save(book, "projects", "project", village_id, record_id, raw,
                        extra=_project_rules, today=today, owner_column="village_id")


def remove_project(book: Book, record_id: str) -> None:
    """Mark a project removed: it stays, restorable, and the change is logged."""
    records.set_removed(book, "projects", "project", record_id, True)


def restore_project(book: Book, record_id: str) -> None:
    """Bring a removed project back (checked again; logged)."""
    records.set_removed(book, "projects", "project", record_id, False)


def list_project_incomes(book: Book, project_id: str, include_removed: bool = False
                         ) -> list[dict[str, Any]]:
    """The income a project's asset distributed, a year a record, newest first."""
    return records.select(book, "SELECT * FROM project_incomes WHERE project_id = ?",
                          [project_id], include_removed=include_removed, order_by="year DESC")


def save_project_income(book: Book, project_id: str, record_id: str | None,
                        raw: dict[str, Any], today: dt.date | None = None) -> str:
    """The income a project's asset distributed in one year (one record a year)."""
    return records.save(book, "project_incomes", "project_income", project_id, record_id, raw,
                        today=today, owner_column="project_id")


def remove_project_income(book: Book, record_id: str) -> None:
    """Mark a year of a project's income removed: it stays, restorable, and the change is
    logged."""
    records.set_removed(book, "project_incomes", "project_income", record_id, True)


def restore_project_income(book: Book, record_id: str) -> None:
    """Bring a removed year of a project's income back (checked again; logged)."""
    records.set_removed(book, "project_incomes", "project_income", record_id, False)
