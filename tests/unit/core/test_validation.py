import datetime as dt

import pytest
from helpers import LI_MEI, ZHANG_HUA, ZHANG_SAN, ZHANG_XIAO, family, make_id

from villagebook.core.field_specs import MEMBER, convert, field
from villagebook.core.validation import check_household, clean_fields

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


def codes(checked, severity=None):
    return sorted(i.code for i in checked.issues if severity is None or i.severity == severity)


def test_a_good_family_has_no_issues_and_gets_sex_and_birth_from_ids():
    household, members = family()
    checked = check_household(household, members, today=TODAY)
    assert checked.issues == []
    assert [m["sex"] for m in checked.members] == ["1", "2", "1"]
    assert checked.members[0]["birth_date"] == "1970-03-05"


def test_typed_sex_or_birth_date_that_contradicts_the_id_is_an_error():
    household, members = family()
    members[0]["sex"] = "2"
    members[1]["birth_date"] = "1972-06-15"
    checked = check_household(household, members, today=TODAY)
    assert codes(checked, "error") == ["member.birth_mismatch", "member.sex_mismatch"]


def test_relation_that_does_not_fit_sex_or_age_is_a_warning():
    household, members = family()
    members[2]["relation"] = "04"  # 之女, but male
    members.append({"name": "张老", "id_number": make_id("19990101", 71), "relation": "11"})
    checked = check_household(household, members, today=TODAY)
    assert checked.errors == []
    assert codes(checked, "warning") == ["member.relation_age", "member.relation_sex"]


def test_child_of_compulsory_school_age_out_of_school_is_flagged():
    household, members = family()
    members.append({"name": "张华", "id_number": ZHANG_HUA, "relation": "04",
                    "school_status": "01"})
    checked = check_household(household, members, today=TODAY)
    assert codes(checked) == ["member.out_of_school"]
    assert checked.issues[0].values == {"age": 14}


def test_disability_needs_its_type_and_a_matching_certificate():
    household, members = family()
    members[0].update(health="04", disability_cert=ZHANG_SAN + "42")
    checked = check_household(household, members, today=TODAY)
    assert codes(checked) == ["member.disability_cert", "member.disability_missing"]
    members[0].update(disability_category="4", disability_grade="2")
    assert check_household(household, members, today=TODAY).issues == []


def test_two_spouses_and_duplicate_ids_are_errors():
    household, members = family()
    members.append({"name": "李梅二", "id_number": LI_MEI, "relation": "02"})
    checked = check_household(household, members, today=TODAY)
    assert {"household.many_spouses", "member.duplicate_id"} <= set(codes(checked, "error"))


def test_members_who_left_do_not_count_as_heads_or_duplicates():
    household, members = family()
    members.append({"name": "张三旧", "id_number": ZHANG_SAN, "relation": "01",
                    "status": "left", "left_reason": "01", "left_date": "2020-01-01"})
    assert check_household(household, members, today=TODAY).errors == []


def test_household_without_members_is_refused_unless_closed():
    household, _ = family()
    assert codes(check_household(household, [], today=TODAY)) == ["household.no_members"]
    assert check_household({**household, "status": "closed"}, [], today=TODAY).issues == []


def test_required_fields_and_phone():
    checked = check_household({"phone": "1381234"}, [
        {"name": "", "id_number": ZHANG_XIAO, "relation": "01"}], today=TODAY)
    assert codes(checked) == ["field.required", "field.required", "field.required",
                              "phone.invalid"]
    assert check_household({"number": "1", "category": "03", "phone": "0871-6123456"},
                           [{"name": "张小", "id_number": ZHANG_XIAO, "relation": "01"}],
                           today=TODAY).issues == []


@pytest.mark.parametrize(("typed", "kept"), [("是", 1), (" 否 ", 0), ("YES", 1), ("n", 0),
                                             ("有", 1), ("", None), (1, 1), (0, 0)])
def test_a_yes_no_field_is_read_as_the_window_reads_it(typed, kept):
    cleaned, issues = clean_fields(MEMBER, {"name": "张三", "relation": "01", "dibao": typed},
                                   TODAY)
    assert issues == [] and cleaned["dibao"] == kept
    assert convert(field(MEMBER, "dibao"), typed, TODAY) == (kept, None)


def test_a_yes_no_field_refuses_what_is_neither():
    _, issues = clean_fields(MEMBER, {"name": "张三", "relation": "01", "dibao": "也许"}, TODAY)
    assert [(i.code, i.field, i.values) for i in issues] == [
        ("bool.invalid", "dibao", {"value": "也许"})]
