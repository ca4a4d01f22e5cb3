import datetime as dt

import pytest
from helpers import family

from villagebook.core.errors import ValidationFailed
from villagebook.storage.book_settings import set_int_setting
from villagebook.storage.cadres import (
    current_helpers,
    list_helpers,
    remove_helper,
    save_helper,
    save_pairing,
)
from villagebook.storage.changelog import history
from villagebook.storage.households import save_household
from villagebook.storage.visits import follow_ups_due, list_visits, not_visited, save_visit

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def setup(book):
    h, members = family()
    household = save_household(book, None, h, members).household_id
    helper = save_helper(book, None, {"name": "王干部", "unit": "县农业农村局", "post": "科员",
                                      "phone": "13900001111"})
    return book, household, helper


def visit(helper, date, **extra):
    return {"visit_date": date, "visitor_role": "01", "helper_id": helper, "visit_kind": "01",
            **extra}


def test_pairing_over_time_and_households_per_helper(setup):
    book, household, helper = setup
    save_pairing(book, household, None, {"helper_id": helper, "start_date": "2024-01-01"},
                 today=TODAY)
    [current] = current_helpers(book, household)
    assert current["helper_name"] == "王干部" and current["helper_phone"] == "13900001111"
    [row] = list_helpers(book, year=2026)
    assert row["households"] == 1 and row["visits_this_year"] == 0 and row["short"] == 1
    with pytest.raises(ValidationFailed) as info:
        save_pairing(book, household, None, {"helper_id": helper, "start_date": "2024-01-01",
                                             "end_date": "2023-01-01"}, today=TODAY)
    assert [i.code for i in info.value.issues] == ["date.before_start"]
    # pairing changes show in the household's history; the helper's own do not
    assert "pairing.create" in {c["action"] for c in history(book, household)}


def test_visits_per_helper_against_the_required_number(setup):
    book, household, helper = setup
    save_pairing(book, household, None, {"helper_id": helper, "start_date": "2024-01-01"},
                 today=TODAY)
    year = dt.date.today().year
    for month in (2, 5, 8, 11):
        day = min(dt.date(year, month, 10), dt.date.today())
        save_visit(book, household, None, visit(helper, day.isoformat()))
    assert list_helpers(book)[0]["visits_this_year"] == 4
    assert list_helpers(book)[0]["required"] == 4 and list_helpers(book)[0]["short"] == 0
    set_int_setting(book, "visits.required_per_year", 6)
    assert list_helpers(book)[0]["short"] == 1


def test_not_visited_and_follow_ups(setup):
    book, household, helper = setup
    assert [r["household_number"] for r in not_visited(book, TODAY)] == ["110105001001001"]
    assert not_visited(book, TODAY)[0]["days"] is None  # never visited
    save_visit(book, household, None, visit(helper, "2026-06-01", follow_up_date="2026-07-01",
                                            agreed="协调申请临时救助"), today=TODAY)
    [late] = not_visited(book, TODAY)
    assert late["days"] == (TODAY - dt.date(2026, 6, 1)).days
    [due] = follow_ups_due(book, TODAY)
    assert due["agreed"] == "协调申请临时救助" and due["visitor"] == "王干部"
    save_visit(book, household, None, visit(helper, "2026-10-01"), today=TODAY)
    assert follow_ups_due(book, TODAY) == []  # visited again since
    assert not_visited(book, TODAY) == []  # 57 days < 90
    set_int_setting(book, "visits.max_days_unvisited", 30)
    assert len(not_visited(book, TODAY)) == 1


@pytest.mark.parametrize("change,code", [
    ({"visit_date": "2026-12-01"}, "date.future"),
    ({"helper_id": None, "visitor_name": None}, "visit.who"),
    ({"helper_id": None, "visitor_name": "李书记"}, "field.required"),  # role says helper
    ({"follow_up_date": "2026-01-01"}, "date.before_start"),
    ({"visit_kind": None}, "field.required"),
])
def test_bad_visits_are_refused(setup, change, code):
    book, household, helper = setup
    with pytest.raises(ValidationFailed) as info:
        save_visit(book, household, None, {**visit(helper, "2026-06-01"), **change}, today=TODAY)
    assert code in [i.code for i in info.value.issues]
    assert list_visits(book, household) == []


def test_a_visit_by_someone_else_and_removed_helpers(setup):
    book, household, helper = setup
    save_visit(book, household, None, visit(None, "2026-06-01", visitor_role="02",
                                            visitor_name="李第一书记"), today=TODAY)
    assert list_visits(book, household)[0]["visitor"] == "李第一书记"
    remove_helper(book, helper)
    assert list_helpers(book) == [] and len(list_helpers(book, include_removed=True)) == 1
    with pytest.raises(ValidationFailed) as info:
        save_pairing(book, household, None, {"helper_id": helper, "start_date": "2025-01-01"},
                     today=TODAY)
    assert [i.code for i in info.value.issues] == ["helper.unknown"]


def test_last_visit_follows_visits_in_the_same_transaction(setup):
    from villagebook.storage.visits import remove_visit, restore_visit

    book, household, helper = setup
    first = save_visit(book, household, None, visit(helper, "2026-03-01"), today=TODAY)
    second = save_visit(book, household, None, visit(helper, "2026-06-01"), today=TODAY)

    def last():
        return book.conn.execute("SELECT last_visit FROM households WHERE id = ?",
                                 [household]).fetchone()[0]

    assert last() == "2026-06-01"
    remove_visit(book, second)
    assert last() == "2026-03-01"
    remove_visit(book, first)
    assert last() is None
    restore_visit(book, second)
    assert last() == "2026-06-01"
    # derived, so never logged as a person's change, and no extra action either
    assert book.conn.execute("SELECT count(*) FROM changes WHERE field = 'last_visit'"
                             ).fetchone()[0] == 0
    actions = [r[0] for r in book.conn.execute("SELECT action FROM actions WHERE action"
                                                " LIKE 'visit.%' ORDER BY seq")]
    assert actions == ["visit.create", "visit.create", "visit.remove", "visit.remove",
                       "visit.restore"]


def test_visit_lists_read_a_page_at_a_time_and_count_without_reading(setup):
    from villagebook.storage.visits import count_follow_ups_due, count_not_visited

    book, household, helper = setup
    assert count_not_visited(book, TODAY) == len(not_visited(book, TODAY)) == 1
    assert not_visited(book, TODAY, limit=1, offset=1) == []
    save_visit(book, household, None, visit(helper, "2026-06-01", follow_up_date="2026-07-01"),
               today=TODAY)
    assert count_follow_ups_due(book, TODAY) == 1
    assert follow_ups_due(book, TODAY, limit=1) == follow_ups_due(book, TODAY)
    assert follow_ups_due(book, TODAY, limit=1, offset=1) == []


def test_follow_ups_due_walk_the_households_next_follow_up_index(book):
    """Not every visit that ever had a follow-up (35 ms at 30,000 households)."""
    import datetime as dt

    from villagebook.storage.visits import _follow_ups_query

    sql, params = _follow_ups_query(dt.date(2026, 12, 4), None)
    plan = " ".join(row[3] for row in book.conn.execute(
        "EXPLAIN QUERY PLAN " + sql + " ORDER BY h.next_follow_up, h.number LIMIT 200",
        params))
    assert "households_next_follow_up" in plan and "visits_follow_up" not in plan


def test_a_helpers_phone_is_kept_without_the_spaces_typed(book):
    """Phones are kept alike whichever form they came through (the household's did it
    alone before): 139 1111 2222 is 13911112222, and the list shows it so."""
    from villagebook.storage import records

    helper = save_helper(book, None, {"name": "王干部", "unit": "县农业农村局",
                                      "phone": "139 1111 2222"})
    assert records.get(book, "helpers", helper)["phone"] == "13911112222"
