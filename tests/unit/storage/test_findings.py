"""The warning rules, each on a hand-built household that triggers it and one just on the
other side of its threshold; accepted findings; the command line's lines, JSON and exit."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from helpers import family, make_id

from villagebook.core.messages import describe_plain
from villagebook.storage.cadres import save_helper, save_pairing
from villagebook.storage.findings import find_all
from villagebook.storage.guarantees import save_check
from villagebook.storage.households import load_household, save_household
from villagebook.storage.incomes import save_income
from villagebook.storage.measures import save_measure
from villagebook.storage.monitoring import save_event
from villagebook.storage.problems import save_problem

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


def household(book, number: str = "110105001001001", changes: dict | None = None,
              members: list[dict] | None = None) -> str:
    """A household (the test family unless ``members``) with ``changes`` to its fields."""
    h, family_members = family()
    return save_household(book, None, {**h, "number": number, **(changes or {})},
                          members if members is not None else family_members,
                          accept_warnings=True, today=TODAY).household_id


def found(book, rule: str) -> list:
    return [f for f in find_all(book, [rule], today=TODAY)]


def days_ago(days: int) -> str:
    return (TODAY - dt.timedelta(days=days)).isoformat()


@pytest.mark.parametrize("per_person,category,expected", [
    ("5999.99", "01", 1), ("6000", "01", 0), ("5000", "02", 0)])  # 监测户: monitored already
def test_income_under_the_line_and_not_monitored(book, per_person, category, expected):
    hid = household(book, changes={"category": category})
    net = f"{float(per_person) * 3:.2f}"
    save_income(book, hid, None, {"year": "2025", "wage_migrant": net}, today=TODAY)
    findings = found(book, "income.below_line")
    assert len(findings) == expected
    if expected:
        assert "5999.99" in describe_plain(findings[0].issue())
        assert findings[0].household_number == "110105001001001"


@pytest.mark.parametrize("after,expected", [("6900", 1), ("7000", 0)])  # fell 31%, 30%
def test_income_that_fell_by_more_than_the_set_share(book, after, expected):
    hid = household(book)
    save_income(book, hid, None, {"year": "2024", "wage_migrant": "30000"}, today=TODAY)
    save_income(book, hid, None, {"year": "2025", "wage_migrant": str(int(after) * 3)},
                today=TODAY)
    assert len(found(book, "income.fell")) == expected


@pytest.mark.parametrize("birth,note,expected", [
    ("2010-09-02", "", 1),  # 16 on 2 Sep 2026: 15 on 1 September, of school age
    ("2010-09-01", "", 0),  # 16 on 1 September: no longer
    ("2020-09-01", "", 1),  # 6 on 1 September
    ("2020-09-02", "", 0),  # not yet 6
    ("2012-03-01", "送教上门", 0)])  # a reason noted
def test_a_child_of_school_age_out_of_school(book, birth, note, expected):
    _, members = family()
    child = {"name": "张小妹", "id_number": make_id(birth.replace("-", ""), 44),
             "relation": "04", "school_status": "01", "note": note}
    household(book, members=[members[0], child])
    findings = found(book, "school.out")
    assert len(findings) == expected
    if expected:
        assert findings[0].member_name == "张小妹" and findings[0].severity == "error"


@pytest.mark.parametrize("insured,expected", [("0", 1), ("1", 0), (None, 0)])
def test_a_member_without_medical_insurance(book, insured, expected):
    _, members = family()
    household(book, members=[{**members[0], "medical_ins": insured}])
    assert len(found(book, "medical.uninsured")) == expected


def test_an_unsafe_house_until_a_measure_and_unsafe_water(book):
    hid = household(book, changes={"housing_grade": "D", "water_safe": "0"})
    household(book, "110105001001002", {"housing_grade": "B", "water_safe": "1"},
              [{**family()[1][0], "id_number": make_id("19600101", 55)}])
    assert [f.household_id for f in found(book, "housing.unsafe")] == [hid]
    assert [f.household_id for f in found(book, "water.unsafe")] == [hid]
    save_measure(book, hid, None, {"measure_type": "08", "start_date": days_ago(10),
                                   "amount": "20000", "progress": "02"}, today=TODAY)
    assert found(book, "housing.unsafe") == []


@pytest.mark.parametrize("age,expected", [(366, 1), (365, 0)])
def test_a_three_guarantees_check_older_than_a_year(book, age, expected):
    hid = household(book)
    save_check(book, hid, None, {"check_date": days_ago(age), "checker": "李文书", "food": "1",
                                 "clothing": "1", "education": "1", "medical": "1",
                                 "housing": "1", "water": "1"}, today=TODAY)
    assert len(found(book, "checks.stale")) == expected


@pytest.mark.parametrize("taken,measure,expected", [(31, None, 1), (30, None, 0),
                                                    (60, 20, 0)])
def test_monitored_without_a_measure(book, taken, measure, expected):
    hid = household(book, changes={"category": "02"})
    save_event(book, hid, None, {"event": "01", "event_date": days_ago(taken), "category": "02",
                                 "risks": "01"}, today=TODAY)
    if measure is not None:
        save_measure(book, hid, None, {"measure_type": "06", "start_date": days_ago(measure),
                                       "progress": "02"}, today=TODAY)
    assert len(found(book, "monitoring.no_measure")) == expected


@pytest.mark.parametrize("removed,expected", [("2026-03-01", 1), ("2026-03-03", 0)])
def test_a_risk_removed_by_assistance_too_soon(book, removed, expected):
    hid = household(book, changes={"category": "02"})
    save_event(book, hid, None, {"event": "01", "event_date": "2026-01-01", "category": "02",
                                 "risks": "01"}, today=TODAY)
    save_event(book, hid, None, {"event": "02", "event_date": removed,
                                 "removal_method": "01"}, today=TODAY)
    findings = found(book, "monitoring.removed_soon")
    assert len(findings) == expected  # 59 days, then 61


def test_labour_rules(book):
    _, members = family()
    weak = [{**m, "labor_skill": "04"} for m in members]
    hid = household(book, changes={"category": "02"}, members=weak)
    save_event(book, hid, None, {"event": "01", "event_date": days_ago(5), "category": "02",
                                 "risks": "07"}, today=TODAY)
    assert [f.household_id for f in found(book, "monitoring.work_without_labour")] == [hid]
    assert [f.household_id for f in found(book, "household.no_labour_uncovered")] == [hid]
    h, current = load_household(book, hid)
    current[0]["dibao"] = 1  # 低保 covers the household
    save_household(book, hid, h, current, accept_warnings=True, today=TODAY)
    assert found(book, "household.no_labour_uncovered") == []
    current[1]["labor_skill"] = "01"
    save_household(book, hid, h, current, accept_warnings=True, today=TODAY)
    assert found(book, "monitoring.work_without_labour") == []


def test_an_ordinary_household_with_a_disabled_member_is_a_candidate(book):
    _, members = family()
    household(book, changes={"category": "03"},
              members=[members[0], {**members[1], "health": "04"}])
    [finding] = found(book, "monitoring.candidate")
    assert finding.member_name == "李梅" and "残疾" in describe_plain(finding.issue())


def test_overdue_loans_and_the_villages_rate(book):
    hid = household(book)
    member = load_household(book, hid)[1][0]["id"]
    loan = {"measure_type": "10", "member_id": member, "start_date": "2024-01-10",
            "amount": "50000", "loan_term_months": "24", "funding_source": "04",
            "progress": "02"}
    save_measure(book, hid, None, {**loan, "due_date": "2026-01-10", "repaid_amount": "49000"},
                 today=TODAY)
    save_measure(book, hid, None, {**loan, "due_date": "2027-01-10", "repaid_amount": "0"},
                 today=TODAY)
    [late] = found(book, "loan.overdue")
    assert "2026-01-10" in describe_plain(late.issue())
    [rate] = found(book, "loan.overdue_rate")  # 1,000 of 51,000 owed: 19.6‰ > 5‰
    assert rate.household_id is None and "19.6‰" in describe_plain(rate.issue())


def test_a_measure_past_its_planned_end(book):
    hid = household(book)
    for end, progress in ((days_ago(1), "02"), (days_ago(1), "03"), (days_ago(-5), "02")):
        save_measure(book, hid, None, {"measure_type": "01", "start_date": "2026-01-01",
                                       "end_date": end, "progress": progress}, today=TODAY)
    assert len(found(book, "measure.past_end")) == 1


def test_helper_behind_and_problem_overdue(book):
    hid = household(book)
    helper = save_helper(book, None, {"name": "王干部", "unit": "县农业农村局"})
    save_pairing(book, hid, None, {"helper_id": helper, "start_date": "2026-01-01"},
                 today=TODAY)
    [behind] = found(book, "helper.behind")  # 4 a year, 3 due by late November, none made
    assert behind.record_id == helper and behind.values["due"] == 3
    save_problem(book, None, {"problem": "村道未硬化", "source": "01", "category": "04",
                              "found_date": "2026-03-01", "deadline": days_ago(1),
                              "responsible": "村委会", "progress": "01"}, today=TODAY)
    save_problem(book, None, {"problem": "路灯损坏", "source": "01", "category": "04",
                              "found_date": "2026-03-01", "deadline": days_ago(0),
                              "responsible": "村委会", "progress": "01"}, today=TODAY)
    assert [f.values["problem"] for f in found(book, "problem.overdue")] == ["村道未硬化"]


def test_data_quality_rules(book):
    household(book)
    other = household(book, "110105001001002",
                      members=[{"name": "赵六", "id_number": make_id("19800101", 77),
                                "relation": "01"},
                               {"name": "赵小", "id_number": make_id("19790101", 79),
                                "relation": "03"}])
    assert [f.member_name for f in found(book, "relation.age")] == ["赵小"]
    assert found(book, "id.twice") == [] and found(book, "household.heads") == []
    # an older list brought two heads and a number twice (the window refuses both)
    book.conn.execute("UPDATE members SET relation = '01', id_number = ? WHERE name = '赵小'",
                      [family()[1][0]["id_number"]])
    book.conn.commit()
    [heads] = found(book, "household.heads")
    assert heads.household_id == other and heads.values["count"] == 2
    [twice] = found(book, "id.twice")
    assert {twice.member_name, twice.values["other"]} == {"赵小", "张三"}


def test_an_accepted_finding_is_not_shown_again(book):
    household(book, changes={"water_safe": "0"})
    [finding] = found(book, "water.unsafe")
    from villagebook.storage.findings import accept_finding

    accept_finding(book, finding, "已打井，待验收")
    assert found(book, "water.unsafe") == []
    assert book.conn.execute("SELECT count(*) FROM changes WHERE table_name ="
                             " 'accepted_warnings'").fetchone()[0] >= 1


def test_the_command_line_lists_findings_and_exits_4_on_an_error(book, book_path, capsys):
    from villagebook.cli import main

    household(book, changes={"water_safe": "0", "housing_grade": "A"})
    book.close()
    assert main(["check", "--db", str(book_path), "--rule", "water.unsafe"]) == 4
    line = capsys.readouterr().out.strip()
    assert line.split("\t")[:2] == ["错误", "饮水不安全"] and "110105001001001" in line
    assert main(["check", "--db", str(book_path), "--rule", "water.unsafe", "--json"]) == 4
    [row] = json.loads(capsys.readouterr().out)
    assert set(row) == {"rule", "severity", "village_code", "household_number",
                        "member_name", "message"}
    assert row["rule"] == "water.unsafe" and row["message"] == "饮水不安全"
    assert main(["check", "--db", str(book_path), "--rule", "problem.overdue"]) == 0
    with pytest.raises(SystemExit) as usage:
        main(["check", "--db", str(book_path), "--rule", "no.such"])
    assert usage.value.code == 2


def test_the_rules_count_income_as_the_household_window_does(book):
    from villagebook.storage.findings import _incomes
    from villagebook.storage.households import member_leave
    from villagebook.storage.incomes import list_incomes

    hid = household(book)
    save_income(book, hid, None, {"year": "2025", "wage_migrant": "18,000.10",
                                  "transfer_dibao": "2400", "prod_planting": "333.33",
                                  "prod_expense": "0.05"}, today=TODAY)
    leaving = load_household(book, hid)[1][2]["id"]
    member_leave(book, leaving, "02", "2025-06-30")
    [shown] = list_incomes(book, hid)
    [read] = _incomes(book)[hid]
    assert (read["net"], read["people"]) == (shown["net"], shown["people"]) == \
        (shown["net"], 2)


def test_a_finding_about_a_helper_or_the_village_can_be_accepted_too(book):
    from villagebook.storage.findings import accept_finding

    hid = household(book)
    helper = save_helper(book, None, {"name": "王干部", "unit": "县农业农村局"})
    save_pairing(book, hid, None, {"helper_id": helper, "start_date": "2026-01-01"},
                 today=TODAY)
    [behind] = found(book, "helper.behind")
    accept_finding(book, behind, "新调入，年底补齐走访")
    assert found(book, "helper.behind") == []
    row = book.conn.execute("SELECT record_id, code, detail FROM accepted_findings").fetchone()
    assert row[0] == helper and row[1] == "rule.helper.behind" and "年底补齐" in row[2]
