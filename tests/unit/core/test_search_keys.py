from villagebook.core.search_keys import initials, person_key


def test_initials_of_a_name():
    assert initials("张三") == "zs"


def test_every_reading_of_the_surname_is_indexed():
    key = person_key("曾小红")
    assert "zxh" in key.split() and "cxh" in key.split()
    assert "zengxiaohong" in key


def test_warm_up_reads_every_code_lists_initials_ahead_of_need():
    from villagebook.core import codes, search_keys

    search_keys.initials.cache_clear()
    codes.warm_up()
    labels = {e.label for name in codes.list_names() for e in codes.code_list(name)}
    assert search_keys.initials.cache_info().currsize >= len(labels)
    assert search_keys._pypinyin.cache_info().currsize == 1


def test_sort_keys_read_surnames_as_surnames_and_groups_by_number():
    from villagebook.core.search_keys import group_sort_key, name_sort_key

    assert name_sort_key("曾华").startswith("zeng hua") and name_sort_key("单雄").startswith(
        "shan xiong") and name_sort_key("万俟明").startswith("mo qi ming")
    assert name_sort_key("  ") is None and group_sort_key(None) is None
    groups = ["第10组", "第2组", "第十二组", "第一组", "东风组"]
    assert sorted(groups, key=group_sort_key) == ["东风组", "第一组", "第2组", "第10组",
                                                  "第十二组"]
    assert sorted(["十组", "二组", "二十一组", "3组"], key=group_sort_key) == [
        "二组", "3组", "十组", "二十一组"]
