import datetime as dt
import json
import subprocess
import sys

import pytest

from villagebook.cli import main
from villagebook.core.validation import check_household, clean_fields
from villagebook.storage import open_book
from villagebook.storage.households import load_household


def test_init_creates_a_book_with_village_and_user(tmp_path, capsys):
    path = tmp_path / "v.db"
    assert main(["init", "--db", str(path), "--village", "石桥村", "--code", "110105001001",
                 "--user", "李文书"]) == 0
    with open_book(path) as book:
        assert book.conn.execute("SELECT name, code FROM village").fetchone() == ("石桥村",
                                                                                 "110105001001")
        assert book.conn.execute("SELECT name FROM users").fetchall() == [("李文书",)]
        ops = book.conn.execute("SELECT DISTINCT operator FROM actions").fetchall()
        assert ops == [("李文书",)]


def test_init_refuses_a_bad_code_and_an_existing_book(tmp_path, capsys):
    path = tmp_path / "v.db"
    assert main(["init", "--db", str(path), "--village", "石桥村", "--code", "1101",
                 "--user", "李文书"]) == 1
    assert "village.code" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir() if "v.db" in p.name] == []  # nothing left
    assert main(["init", "--db", str(path), "--village", "石桥村", "--code", "110105001001",
                 "--user", "李文书"]) == 0
    assert main(["init", "--db", str(path), "--village", "石桥村", "--code", "110105001001",
                 "--user", "李文书"]) == 1
    assert "book.exists" in capsys.readouterr().err


@pytest.mark.dated
def test_demo_then_export_json(tmp_path, capsys):
    path = tmp_path / "demo.db"
    assert main(["demo", "--db", str(path), "--households", "120", "--seed", "3"]) == 0
    capsys.readouterr()
    assert main(["export-json", "--db", str(path)]) == 0
    data = json.loads(capsys.readouterr().out)
    [village] = data["villages"]
    assert village["is_demo"] == 1
    assert len(village["households"]) == 120
    for household in village["households"]:
        assert household["member_count"] == len(household["members"]) >= 1
        # every demo household passes the same checks the window applies, without warnings
        checked = check_household(household, household["members"])
        assert checked.issues == [], (household["number"], checked.issues)
        # and is stored exactly as the checks would clean it
        assert {k: household[k] for k in checked.household} == checked.household
        for table, record in (("incomes", "income"), ("checks", "check"),
                              ("monitoring_events", "monitoring"), ("measures", "measure"),
                              ("pairings", "pairing"), ("visits", "visit")):
            for row in household[table]:
                cleaned, issues = clean_fields(record, row, dt.date.today())
                assert issues == [] and {k: row[k] for k in cleaned} == cleaned
    poor = [h for h in village["households"] if h["category"] in ("01", "02")]
    assert poor and all(len(h["incomes"]) == 3 and h["checks"] for h in poor)
    assert "settings" in data and len(data["helpers"]) >= 2
    assert [len(p["project_incomes"]) for p in village["projects"]] == [4, 3, 0]
    assert all(h["pairings"] and h["visits"] for h in poor)
    from villagebook.core.measures import check_measure
    from villagebook.core.monitoring import check_event, check_sequence
    for h in poor:
        member_ids = {m["id"] for m in h["members"]}
        assert all(check_measure(m, member_ids) == [] for m in h["measures"])
    monitored = [h for h in village["households"] if h["category"] == "02"]
    assert monitored and all(h["monitoring_events"] for h in monitored)
    for h in monitored:
        assert check_sequence(h["monitoring_events"]) == []
        assert all(check_event(e) == [] for e in h["monitoring_events"])


@pytest.mark.dated
def test_demo_is_repeatable_with_a_seed(tmp_path, capsys):
    for name in ("a.db", "b.db"):
        main(["demo", "--db", str(tmp_path / name), "--households", "10", "--seed", "5"])
    names = []
    for name in ("a.db", "b.db"):
        with open_book(tmp_path / name) as book:
            names.append(book.conn.execute(
                "SELECT group_concat(name || id_number) FROM members").fetchone()[0])
    assert names[0] == names[1]


def test_missing_book_is_a_clear_error(tmp_path, capsys):
    assert main(["export-json", "--db", str(tmp_path / "none.db")]) == 1
    assert "book.missing" in capsys.readouterr().err


def test_demo_households_can_be_edited_through_the_normal_path(demo_book):
    from villagebook.storage.households import save_household

    hid = demo_book.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    household, members = load_household(demo_book, hid)
    household["note"] = "已核实"
    assert save_household(demo_book, hid, household, members).changes == 1


def test_core_storage_and_cli_load_no_qt():
    code = ("import sys, villagebook.core.validation, villagebook.core.demo, villagebook.storage,"
            " villagebook.storage.bulk, villagebook.storage.queries, villagebook.cli,"
            " villagebook.core.messages, villagebook.reports.workbook,"
            " villagebook.reports.workbook_import, villagebook.reports.cards;"
            " bad = [m for m in sys.modules if m.startswith('PySide6')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_help_lists_every_command_without_opening_a_window(capsys):
    import subprocess
    import sys

    from villagebook.__main__ import main as program
    from villagebook.commands import COMMANDS

    assert program(["--help"]) == 0
    text = capsys.readouterr().out
    assert "open the window" in text
    for command in COMMANDS:
        assert f"\n  {command} " in text, command
    loaded = subprocess.run(  # and without loading Qt
        [sys.executable, "-c", "import sys; from villagebook.__main__ import main; "
         "main(['--help']); print('PySide6' in sys.modules)"],
        capture_output=True, text=True, timeout=120)
    assert loaded.stdout.strip().endswith("False")
