import datetime as dt

import pytest

from villagebook.core.field_specs import convert, field, format_money, parse_money

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize("text,fen", [("1234.5", 123450), ("1,234.56", 123456), ("0.01", 1),
                                      ("15000元", 1500000), ("7", 700)])
def test_money_is_exact_in_fen_and_round_trips(text, fen):
    assert parse_money(text) == fen
    assert parse_money(format_money(fen)) == fen


def test_money_never_goes_through_binary_floats():
    # 0.1 + 0.2 style errors would show here: 1.15 * 100 == 114.99999999999999 as a float
    assert parse_money("1.15") == 115
    assert format_money(115) == "1.15"


@pytest.mark.parametrize("text,code", [("-5", "money.negative"), ("1.234", "money.invalid"),
                                       ("abc", "money.invalid"),
                                       ("200000000", "money.absurd")])
def test_bad_amounts_are_refused_with_a_code(text, code):
    value, issue = convert(field("household", "housing_renovation_amount"), text, TODAY)
    assert value is None and issue.code == code


@pytest.mark.parametrize("name,text,expected", [
    ("ident_year", "2016", 2016), ("ident_year", "1900", "year.range"),
    ("ident_year", "二〇一六", "year.invalid"), ("water_safe", "是", 1), ("water_safe", "0", 0),
    ("water_safe", "也许", "bool.invalid"), ("arable_land_mu", "3.50", "3.5"),
    ("arable_land_mu", "-1", "decimal.range"), ("other_causes", "01,03,01", "01,03"),
])
def test_household_field_conversion(name, text, expected):
    value, issue = convert(field("household", name), text, TODAY)
    assert (issue.code if issue else value) == expected


@pytest.mark.parametrize("name,text,expected", [
    ("birth_date", "2030-01-01", "date.future"), ("birth_date", "1990-02-30", "date.invalid"),
    ("work_months", "13", "months.range"), ("work_months", "6", 6),
])
def test_member_field_conversion(name, text, expected):
    value, issue = convert(field("member", name), text, TODAY)
    assert (issue.code if issue else value) == expected


def test_money_grouped_by_thousands_for_reading():
    from villagebook.core.field_specs import format_money

    assert format_money(1234567_89, grouped=True) == "1,234,567.89"
    assert format_money(-5_00, grouped=True) == "-5.00"
    assert format_money(1234567_89) == "1234567.89"  # stored and exported forms unchanged
