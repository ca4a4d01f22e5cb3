from villagebook.core.search_keys import initials, person_key


def test_initials_of_a_name():
    assert initials("张三") == "zs"


def test_every_reading_of_the_surname_is_indexed():
    key = person_key("曾小红")
    assert "zxh" in key.split() and "cxh" in key.split()
    assert "zengxiaohong" in key
