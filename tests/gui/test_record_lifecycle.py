"""Every household record kind, through its tab's real widgets: add, change (each change
logged with old and new), remove and restore."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import family, typed
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from villagebook.storage.cadres import save_helper
from villagebook.storage.changelog import history
from villagebook.storage.households import save_household
from villagebook.ui import field_editors
from villagebook.ui.household_window import HouseholdWindow
from villagebook.ui.record_dialog import RecordDialog

TODAY = dt.date.today().isoformat()
# tab index → (values typed when adding, field changed afterwards, its new text, stored)
CASES = {
    "income": (0, {"year": "2024", "wage_migrant": "12000"}, "prod_planting", "800.5", 800_50),
    "check": (1, dict(food="1", clothing="1", education="1", medical="1", housing="1",
                      water="1"), "note", "复核无误", "复核无误"),
    "monitoring": (2, {"event": "01", "category": "02", "risks": "01"}, "note", "因病住院",
                   "因病住院"),
    "measure": (3, {"measure_type": "01", "amount": "2000"}, "amount", "2500", 2500_00),
    "pairing": (4, {"helper_id": "@helper"}, "note", "长期结对", "长期结对"),
    "visit": (5, {"visit_kind": "02", "helper_id": "@helper"}, "agreed", "下月复访",
              "下月复访"),
}


def type_values(dialog: RecordDialog, values: dict[str, str], helper: str) -> None:
    for name, text in values.items():
        editor = dialog.editors[name]
        spec = next(s for s in dialog.specs if s.name == name)
        if text == "@helper":
            combo = typed(editor, QComboBox)
            combo.setCurrentIndex(combo.findData(helper))
        elif spec.kind == "codes":
            field_editors.set_value(editor, spec, text)
        elif spec.kind in ("code", "bool", "date"):
            field_editors.set_value(editor, spec, text)
        else:
            typed(editor, QLineEdit).setText(text)


@pytest.mark.parametrize("record", list(CASES))
def test_add_change_remove_restore(qtbot, book, monkeypatch, record):
    position, values, field, text, stored = CASES[record]
    household, members = family()
    household_id = save_household(book, None, household, members).household_id
    helper = save_helper(book, None, {"name": "王干部", "unit": "县农业农村局"})
    window = HouseholdWindow(book, household_id)
    qtbot.addWidget(window)
    tab = window.record_tabs[position]
    assert tab.kind.record == record

    def answer(new_values: dict[str, str]):
        def exec_(dialog: RecordDialog) -> int:
            type_values(dialog, new_values, helper)
            dialog.try_save()
            assert dialog.result() == 1, dialog.error.text()
            return 1
        return exec_

    monkeypatch.setattr(RecordDialog, "exec", answer(values))
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 1
    record_id = tab.model.rows[0]["id"]

    monkeypatch.setattr(RecordDialog, "exec", answer({field: text}))
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    assert tab.model.rows[0][field] == stored
    changes = [c for c in history(book, household_id) if c["record_id"] == record_id]
    assert any(c["op"] == "update" and c["field"] == field and c["new_value"] == stored
               for c in changes)

    tab.table.selectRow(0)
    qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
    assert tab.model.rowCount() == 0
    tab.show_removed.setChecked(True)
    assert tab.model.rows[0]["status"] == "removed"
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.restore_button, Qt.MouseButton.LeftButton)
    tab.show_removed.setChecked(False)
    assert tab.model.rowCount() == 1
    statuses = [c["new_value"] for c in history(book, household_id)
                if c["record_id"] == record_id and c["field"] == "status"]
    assert statuses == ["active", "removed"]  # newest first: removed, then restored
