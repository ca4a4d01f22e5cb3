import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.cn import ric

from villagebook.core import idnumber

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py

TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize("raw", ["11010519491231002X", "11010519491231002x",
                                 " 110105 19491231 002X ", "１１０１０５１９４９１２３１００２Ｘ"])
def test_standard_example_passes_in_every_spelling(raw):
    parsed, issues = idnumber.parse(raw, TODAY)
    assert parsed is not None and issues == []
    assert parsed.number == "11010519491231002X"
    assert parsed.birth_date == dt.date(1949, 12, 31)
    assert parsed.sex == "2"  # sequence 002 is even


def test_stdnum_doc_vector_passes():
    parsed, issues = idnumber.parse("360426199101010071", TODAY)
    assert parsed and parsed.sex == "1" and issues == []


def test_fifteen_digits_upgrade_with_computed_check_character():
    parsed, _ = idnumber.parse("110105491231002", TODAY)
    assert parsed.number == "11010519491231002X"
    assert parsed.upgraded_from_15


def test_wrong_check_character_names_the_right_one():
    parsed, issues = idnumber.parse("110105194912310021", TODAY)
    assert parsed is None
    assert issues[0].code == "id.check_char"
    assert issues[0].values == {"expected": "X", "actual": "1"}


def test_future_birth_date_is_refused():
    body = "11010520270101001"
    number = body + ric.calc_check_digit(body + "0")
    parsed, issues = idnumber.parse(number, TODAY)
    assert parsed is None and issues[0].code == "id.future"


def test_impossible_date_is_refused():
    body = "11010519490231001"
    parsed, issues = idnumber.parse(body + ric.calc_check_digit(body + "0"), TODAY)
    assert parsed is None and issues[0].code == "id.birth_date"


@pytest.mark.parametrize("raw,code", [("", "id.empty"), ("1234", "id.length"),
                                      ("11010519491231A02X", "id.chars")])
def test_malformed_numbers(raw, code):
    parsed, issues = idnumber.parse(raw, TODAY)
    assert parsed is None and issues[0].code == code


def test_anachronistic_area_code_is_only_a_warning():
    # 530524 (昌宁县) was assigned in 2000; people born before carry it anyway.
    body = "53052419500821325"
    parsed, issues = idnumber.parse(body + ric.calc_check_digit(body + "0"), TODAY)
    assert parsed is not None
    assert [(i.code, i.severity) for i in issues] == [("id.area_unknown", "warning")]


def test_mask_keeps_area_and_last_four():
    assert idnumber.mask("11010519491231002X") == "110105********002X"


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY), st.integers(0, 999))
def test_any_number_with_a_computed_check_character_parses(birth, seq):
    body = f"110105{birth:%Y%m%d}{seq:03d}"
    number = body + ric.calc_check_digit(body + "0")
    parsed, _ = idnumber.parse(number.lower(), TODAY)
    assert parsed.number == number and parsed.birth_date == birth
    assert parsed.sex == ("1" if seq % 2 else "2")


def test_the_fast_check_agrees_with_parse():
    import datetime as dt

    from helpers import make_id

    from villagebook.core.idnumber import is_clean, parse

    today = dt.date(2026, 11, 27)
    good = make_id("19700305", 11)
    numbers = [good, good[:-1] + ("0" if good[-1] != "0" else "1"), make_id("20270101", 11),
               make_id("19700230", 11), make_id("19700305", 11, area="999999"), good[:17],
               "11010519700305001x"]
    for number in numbers:
        parsed, issues = parse(number, today)
        assert is_clean(number, today) == (parsed is not None and not issues), number
