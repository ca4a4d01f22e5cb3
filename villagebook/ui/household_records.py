"""The record tabs of the household window: 收入 (income years) and 三保障 (checks)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ..core import codes
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.today import current_date
from ..storage.book import Book
from ..storage.cadres import (
    current_helpers,
    helper_choices,
    list_helpers,
    list_pairings,
    remove_helper,
    remove_pairing,
    restore_helper,
    restore_pairing,
    save_helper,
    save_pairing,
)
from ..storage.guarantees import ANSWERS, list_checks, remove_check, restore_check, save_check
from ..storage.incomes import list_incomes, remove_income, restore_income, save_income
from ..storage.measures import list_measures, remove_measure, restore_measure, save_measure
from ..storage.monitoring import (
    list_events,
    monitoring_state,
    remove_event,
    restore_event,
    save_event,
)
from ..storage.problems import list_problems, remove_problem, restore_problem, save_problem
from ..storage.projects import (
    list_project_incomes,
    list_projects,
    remove_project,
    remove_project_income,
    restore_project,
    restore_project_income,
    save_project,
    save_project_income,
)
from ..storage.visits import list_visits, remove_visit, restore_visit, save_visit
from .photos import PhotosDialog
from .record_tab import Column, TabSpec
from .scope import VillageScope


def income_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        if current is None:
            return QCoreApplication.translate("HouseholdRecords", "Income of a year")
        return QCoreApplication.translate("HouseholdRecords", "Income of {year}").format(
            year=current["year"])

    return TabSpec(
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
        new_values=lambda _household: {"year": current_date().year - 1},
    )


def check_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate(
            "HouseholdRecords", "Check of the two assurances and three guarantees")

    return TabSpec(
        record="check",
        columns=[Column("check_date"), Column("checker"),
                 *(Column(name, warn_when=0) for name in ANSWERS), Column("note")],
        title=title,
        load=lambda household_id, removed: list_checks(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_check(book, household_id, record_id,
                                                             raw),
        remove=lambda record_id: remove_check(book, record_id),
        restore=lambda record_id: restore_check(book, record_id),
        new_values=lambda _household: {"check_date": current_date().isoformat(),
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


def monitoring_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Monitoring event")

    return TabSpec(
        record="monitoring",
        columns=[Column("event_date"), Column("event"), Column("category"), Column("risks"),
                 Column("disaster_subtype"), Column("removal_method"), Column("note")],
        title=title,
        load=lambda household_id, removed: list_events(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_event(book, household_id, record_id,
                                                             raw),
        remove=lambda record_id: remove_event(book, record_id),
        restore=lambda record_id: restore_event(book, record_id),
        new_values=lambda _household: {"event_date": current_date().isoformat()},
        summary=lambda household_id: _monitoring_summary(book, household_id),
    )


def measure_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Assistance measure")

    def members(household_id: str) -> dict[str, list[tuple[str, str]]]:
        rows = book.conn.execute("SELECT id, name FROM members WHERE household_id = ?"
                                 " AND status = 'active' ORDER BY position", [household_id])
        return {"member_id": [(r[0], r[1]) for r in rows]}

    return TabSpec(
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
        new_values=lambda _household: {"start_date": current_date().isoformat(), "progress": "02"},
        choices=members,
    )


def pairing_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Helper of this household")

    return TabSpec(
        record="pairing",
        columns=[Column("helper_name"), Column("helper_unit"), Column("helper_phone"),
                 Column("start_date"), Column("end_date"), Column("note")],
        title=title,
        load=lambda household_id, removed: list_pairings(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_pairing(book, household_id, record_id,
                                                               raw),
        remove=lambda record_id: remove_pairing(book, record_id),
        restore=lambda record_id: restore_pairing(book, record_id),
        new_values=lambda _household: {"start_date": current_date().isoformat()},
        choices=lambda household_id: {"helper_id": helper_choices(book)},
    )


def visit_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Visit")

    def new_values(household_id: str | None) -> dict[str, Any]:
        """Today, visited by the household's helper if it has one."""
        helpers = current_helpers(book, household_id) if household_id else []
        return {"visit_date": current_date().isoformat(), "visitor_role": "01",
                "helper_id": helpers[0]["helper_id"] if helpers else None}

    return TabSpec(
        record="visit",
        columns=[Column("visit_date"), Column("visit_kind"), Column("visitor"),
                 Column("found"), Column("problems"), Column("agreed"),
                 Column("follow_up_date"), Column("confirmed")],
        title=title,
        load=lambda household_id, removed: list_visits(book, household_id, removed),
        save=lambda household_id, record_id, raw: save_visit(book, household_id, record_id,
                                                             raw),
        remove=lambda record_id: remove_visit(book, record_id),
        restore=lambda record_id: restore_visit(book, record_id),
        new_values=new_values,
        choices=lambda household_id: {"helper_id": helper_choices(book)},
        actions=[(QCoreApplication.translate("HouseholdRecords", "Photos…"),
                  lambda parent, visit: PhotosDialog(book, visit["id"], parent).exec())],
    )


def helper_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Helper")

    return TabSpec(
        record="helper",
        columns=[Column("name"), Column("unit"), Column("post"), Column("phone"),
                 Column("households"), Column("visits_this_year"), Column("required"),
                 Column("short", warn_when=1)],
        title=title,
        load=lambda _household, removed: list_helpers(book, removed),
        save=lambda _household, record_id, raw: save_helper(book, record_id, raw),
        remove=lambda record_id: remove_helper(book, record_id),
        restore=lambda record_id: restore_helper(book, record_id),
        village=True,
    )



def _village_of_new(book: Book, scope: VillageScope):
    """For a township's book, whose records of many villages share one list: which village
    a new record is for, asked before its dialog opens (``prepare_new``) and given to the
    save (``new_village(record_id)``: None for a record that exists)."""
    chosen: dict[str, str | None] = {}

    def prepare_new(parent: QWidget) -> bool:
        chosen["village"] = scope.village_for_new(parent, book)
        return chosen["village"] is not None

    def new_village(record_id: str | None) -> str | None:
        return chosen.get("village") if record_id is None else None

    return new_village, (prepare_new if scope.show else None)


def problem_tab(book: Book, scope: VillageScope | None = None) -> TabSpec:
    scope = scope or VillageScope()

    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Problem and rectification")

    def load(_household: str | None, removed: bool) -> list[dict[str, Any]]:
        return list_problems(book, removed, **scope.chosen())

    new_village, prepare_new = _village_of_new(book, scope)

    return TabSpec(
        record="problem",
        columns=scope.columns([
            Column("found_date"), Column("source"), Column("category"), Column("problem"),
            Column("household_number"), Column("head_name"), Column("responsible"),
            Column("deadline"), Column("progress"), Column("closed_date"),
            Column("overdue", warn_when=1)]),
        title=title,
        load=load,
        save=lambda _household, record_id, raw: save_problem(
            book, record_id, raw, village_id=new_village(record_id)),
        remove=lambda record_id: remove_problem(book, record_id),
        restore=lambda record_id: restore_problem(book, record_id),
        new_values=lambda _household: {"found_date": current_date().isoformat(),
                                       "progress": "01", "source": "01"},
        village=True,
        only=(QCoreApplication.translate("HouseholdRecords", "Only overdue"),
              lambda row: bool(row.get("overdue"))),
        prepare_new=prepare_new,
    )


def project_tab(book: Book, scope: VillageScope | None = None) -> TabSpec:
    scope = scope or VillageScope()
    new_village, prepare_new = _village_of_new(book, scope)

    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Project")

    return TabSpec(
        record="project",
        columns=scope.columns([
            Column("name"), Column("project_type"), Column("funds"), Column("funding_source"),
            Column("start_date"), Column("end_date"), Column("households_benefiting"),
            Column("asset"), Column("asset_value"), Column("ownership"), Column("progress"),
            Column("distributed_total")]),
        title=title,
        load=lambda _owner, removed: list_projects(book, removed, **scope.chosen()),
        save=lambda _owner, record_id, raw: save_project(book, record_id, raw,
                                                         village_id=new_village(record_id)),
        remove=lambda record_id: remove_project(book, record_id),
        restore=lambda record_id: restore_project(book, record_id),
        new_values=lambda _owner: {"start_date": current_date().isoformat(),
                                   "progress": "01"},
        village=True,
        prepare_new=prepare_new,
    )


def project_income_tab(book: Book) -> TabSpec:
    def title(current: dict[str, Any] | None) -> str:
        return QCoreApplication.translate("HouseholdRecords", "Income distributed by the asset")

    return TabSpec(
        record="project_income",
        columns=[Column("year"), Column("amount"), Column("households"), Column("note")],
        title=title,
        load=lambda project_id, removed: list_project_incomes(book, project_id, removed),
        save=lambda project_id, record_id, raw: save_project_income(book, project_id,
                                                                    record_id, raw),
        remove=lambda record_id: remove_project_income(book, record_id),
        restore=lambda record_id: restore_project_income(book, record_id),
        new_values=lambda _owner: {"year": current_date().year - 1},
        hint=QCoreApplication.translate("HouseholdRecords",
                                        "Select a project above to see the income its asset "
                                        "distributed each year."),
    )


# The tabs of the household window, by the table of the kind each shows (the registry,
# ``storage.kinds``, gives their order): the factory and the tab's title (translated in
# the household window's context)
HOUSEHOLD_TABS: dict[str, tuple[Callable[[Book], TabSpec], str]] = {
    "incomes": (income_tab, QT_TRANSLATE_NOOP("HouseholdWindow", "Income")),
    "checks": (check_tab, QT_TRANSLATE_NOOP("HouseholdWindow",
                                            "Two assurances, three guarantees")),
    "monitoring_events": (monitoring_tab, QT_TRANSLATE_NOOP("HouseholdWindow", "Monitoring")),
    "measures": (measure_tab, QT_TRANSLATE_NOOP("HouseholdWindow", "Assistance measures")),
    "pairings": (pairing_tab, QT_TRANSLATE_NOOP("HouseholdWindow", "Helpers")),
    "visits": (visit_tab, QT_TRANSLATE_NOOP("HouseholdWindow", "Visits")),
}
