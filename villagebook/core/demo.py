"""A synthetic village that looks real: valid ID numbers, families, plausible statuses.

Everything is drawn from a seeded generator, so ``--seed`` gives the same village again.
The proportions follow the seeds' picture of a mountain county in Yunnan (seed 001): most households
ordinary, about a third 脱贫户 (all out of poverty by 2020, a few fallen back), a few
under monitoring; illness the most common cause.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from stdnum.cn import ric

from .field_specs import format_decimal
from .today import current_date

DEMO_VILLAGE = {
    "name": "柳湾村（演示）", "code": "532322105201", "township": "田园镇",
    "county": "双柏县", "is_demo": 1,
}
# 双柏县 has kept its code since before anyone alive was born, so no demo ID number
# carries the anachronistic-area warning a real county might.
AREA = "532322"

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋"
            "蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷"
            "侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤字杞茶")
# Surnames are far from uniform: the first dozen cover about half the people.
SURNAME_WEIGHTS = [12 if i < 12 else 3 if i < 40 else 1 for i in range(len(SURNAMES))]
MALE_CHARS = "国建明军华平志强伟文光永兴德成海福荣发生金云林春忠学正昌祥贵才红元安洪刚勇亮"
FEMALE_CHARS = "秀英兰芳玉华丽红梅珍凤琴云桂春娟霞燕萍艳翠花莲菊美芬敏静娥仙香月琼丹婷慧"
CAUSES = [("01", 40), ("07", 15), ("09", 12), ("03", 8), ("02", 8), ("08", 7), ("05", 3),
          ("06", 2), ("04", 2), ("10", 1), ("11", 1), ("12", 1)]
ETHNICITIES = [("01", 82), ("07", 8), ("18", 3), ("06", 3), ("16", 2), ("20", 2)]


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    codes, weights = zip(*weighted)
    return rng.choices(codes, weights)[0]


class _People:
    """Makes names and ID numbers, never the same ID twice."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def name(self, surname: str, sex: str) -> str:
        chars = MALE_CHARS if sex == "1" else FEMALE_CHARS
        given = self.rng.choice(chars)
        if self.rng.random() < 0.7:
            given += self.rng.choice(chars)
        return surname + given

    def surname(self) -> str:
        return self.rng.choices(SURNAMES, SURNAME_WEIGHTS)[0]

    def id_number(self, birth: dt.date, sex: str) -> str:
        while True:
            seq = self.rng.randrange(0, 500) * 2 + (1 if sex == "1" else 0)
            body = f"{AREA}{birth:%Y%m%d}{seq:03d}"
            number = body + ric.calc_check_digit(body + "0")
            if number not in self.used:
                self.used.add(number)
                return number


def _birth(rng: random.Random, today: dt.date, age: int) -> dt.date:
    return today - dt.timedelta(days=age * 365 + rng.randrange(0, 365))


def _member(people: _People, rng: random.Random, today: dt.date, name: str, sex: str,
            age: int, relation: str, poor: bool, dibao: bool) -> dict[str, Any]:
    age = max(age, 0)
    birth = _birth(rng, today, age)
    health = _pick(rng, [("01", 85), ("02", 8), ("03", 2), ("04", 5)]) if age > 1 else "01"
    if age >= 65 and health == "01" and rng.random() < 0.3:
        health = "02"
    member: dict[str, Any] = {
        "name": name, "id_number": people.id_number(birth, sex), "relation": relation,
        "sex": sex, "ethnicity": _pick(rng, ETHNICITIES), "birth_date": birth.isoformat(),
        "health": health, "medical_ins": 1 if rng.random() < 0.995 else 0,
        "serious_illness_ins": 1 if rng.random() < 0.98 else 0,
    }
    if health == "04":
        category, grade = str(rng.randint(1, 7)), str(rng.randint(1, 4))
        member.update(disability_category=category, disability_grade=grade,
                      disability_cert=member["id_number"] + category + grade)
    # school and education by age
    if age < 3:
        member.update(education="01", school_status="01")
    elif age < 6:
        member.update(education="01", school_status="02")
    elif age < 12:
        member.update(education="03", school_status="03", school_grade=f"{age - 5}年级")
    elif age < 15:
        member.update(education="04", school_status="04", school_grade=f"{age - 11}年级")
    elif age < 18:
        member.update(education="05", school_status=rng.choice(["05", "06"]),
                      school_grade=f"{age - 14}年级")
    elif age < 22 and rng.random() < 0.4:
        member.update(education="05", school_status=rng.choice(["07", "08"]))
    else:
        edu = _pick(rng, [("02", 10), ("03", 35), ("04", 38), ("05", 10), ("06", 4),
                          ("07", 2), ("08", 1)]) if age < 60 else _pick(
            rng, [("02", 35), ("03", 45), ("04", 18), ("05", 2)])
        member.update(education=edu, school_status="01")
    # work
    if 18 <= age <= 60 and member["school_status"] == "01":
        member["labor_skill"] = "01" if health in ("01", "02") else "03"
        if health == "01" and rng.random() < 0.45:
            member.update(work_status=_pick(rng, [("01", 40), ("02", 35), ("03", 25)]),
                          work_months=rng.randint(5, 12))
        else:
            member["work_status"] = "00"
        member["pension_ins"] = 1 if rng.random() < 0.92 else 0
    elif age > 60:
        member["labor_skill"] = "03" if age < 70 and health != "04" else "04"
        member["pension_ins"] = 1
    else:
        member["labor_skill"] = "05"
    if poor:
        member["family_doctor"] = 1 if rng.random() < 0.95 else 0
    member["dibao"] = int(dibao)
    return member


PROJECTS = [
    {"name": "村级光伏扶贫电站", "project_type": "01", "funds": 800000_00, "funding_source": "01",
     "start_date": "2019-04-01", "end_date": "2019-10-15", "households_benefiting": 86,
     "asset": "光伏电站 300kW", "asset_value": 780000_00, "ownership": "01", "progress": "03"},
    {"name": "柳湾村核桃初加工厂", "project_type": "01", "funds": 450000_00,
     "funding_source": "04", "start_date": "2021-03-01", "end_date": "2021-11-30",
     "households_benefiting": 120, "asset": "加工厂房及设备", "asset_value": 430000_00,
     "ownership": "01", "progress": "03"},
    {"name": "第3组至第5组入户路硬化", "project_type": "02", "funds": 260000_00,
     "funding_source": "03", "start_date": "2023-05-10", "end_date": "2023-09-30",
     "households_benefiting": 64, "asset": "硬化道路 2.6 公里", "asset_value": 260000_00,
     "ownership": "01", "progress": "03"},
]
PROJECT_INCOMES = [
    [{"year": y, "amount": a, "households": 86} for y, a in
     ((2022, 41200_00), (2023, 45650_00), (2024, 43900_00), (2025, 47300_00))],
    [{"year": y, "amount": a, "households": 120} for y, a in
     ((2023, 18000_00), (2024, 24000_00), (2025, 26500_00))],
    [],
]


def village_problems(today: dt.date) -> list[dict[str, Any]]:
    """A problem of the whole village found at an inspection, past its deadline and still
    being rectified: every demo has one, whatever the day."""
    found = today - dt.timedelta(days=120)
    return [{"problem": "村级光伏电站收益分配台账不完整", "source": "02", "category": "04",
             "found_date": found.isoformat(),
             "deadline": (found + dt.timedelta(days=60)).isoformat(),
             "responsible": "村委会", "progress": "02"}]


UNITS = ("县农业农村局", "县人力资源和社会保障局", "县教育体育局", "县卫生健康局",
         "县自然资源局", "县住房和城乡建设局", "县供销社", "镇人民政府", "县林业和草原局")
POSTS = ("科员", "副科长", "科长", "副局长", "驻村工作队员", "干部")


def helper_roster(n_households: int, seed: int = 1) -> list[dict[str, Any]]:
    """帮扶责任人 for the demo village: about one for every fifteen households."""
    rng = random.Random(seed + 7919)
    people = _People(rng)
    roster = []
    for _ in range(max(2, n_households // 15)):
        sex = rng.choice("12")
        roster.append({"name": people.name(people.surname(), sex), "unit": rng.choice(UNITS),
                       "post": rng.choice(POSTS),
                       "phone": f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"})
    return roster


def household(rng: random.Random, people: _People, today: dt.date, number: str,
              group: str, helper_ids: list[str] | None = None, role: str | None = None
              ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One synthetic household with its members (head first); ``role``, one of ``CAST``,
    makes it that kind of household."""
    category = _pick(rng, [("01", 30), ("02", 5), ("03", 65)])
    if role in ("poor", "overdue_loan", "follow_up_due"):
        category = "01"
    elif role is not None:
        category = "02"
    poor = category in ("01", "02")
    hh: dict[str, Any] = {"number": number, "group_name": group, "category": category,
                          "address": f"{DEMO_VILLAGE['township']}柳湾村{group}{rng.randint(1, 120)}号",
                          "water_safe": 1, "electricity": 1, "road": 1 if rng.random() < 0.97 else 0,
                          "housing_grade": _pick(rng, [("A", 60), ("B", 37), ("C", 2), ("D", 1)]),
                          "arable_land_mu": format_decimal(Decimal(rng.randint(2, 30)) / 2)}
    dibao = False
    if category == "01":
        attr = _pick(rng, [("01", 70), ("02", 25), ("03", 5)])
        ident_year = rng.choice([2014, 2014, 2015, 2016, 2017])
        status = "02" if role else _pick(rng, [("02", 98), ("03", 2)])
        hh.update(ident_standard="01", poverty_attr=attr, ident_year=ident_year,
                  poverty_status=status, exit_year=rng.randint(ident_year + 1, 2020),
                  main_cause=_pick(rng, CAUSES))
        if rng.random() < 0.4:
            hh["other_causes"] = _pick(rng, CAUSES)
        dibao = attr == "02"
        if hh["housing_grade"] in ("C", "D"):
            hh["housing_renovated_year"] = rng.randint(2016, 2020)
            hh["housing_renovation_amount"] = rng.choice([14000_00, 20000_00, 35000_00])
    elif category == "02":
        hh["main_cause"] = _pick(rng, CAUSES)
    surname = people.surname()
    head_sex = "1" if rng.random() < 0.88 else "2"
    head_age = rng.randint(28, 80)
    members = [_member(people, rng, today, people.name(surname, head_sex), head_sex, head_age,
                       "01", poor, dibao)]
    members[0]["phone"] = f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
    hh["phone"] = members[0]["phone"]
    spouse_sex = "2" if head_sex == "1" else "1"
    if rng.random() < 0.85:
        members.append(_member(people, rng, today, people.name(people.surname(), spouse_sex),
                               spouse_sex, head_age + rng.randint(-4, 3), "02", poor, dibao))
    family_name = surname if head_sex == "1" else people.surname()
    n_children = rng.choice([0, 1, 1, 2, 2, 2, 3]) if head_age < 70 else rng.choice([0, 1])
    for _ in range(n_children):
        sex = rng.choice("12")
        child_age = head_age - rng.randint(20, 34)
        if child_age < 0:
            continue
        members.append(_member(people, rng, today, people.name(family_name, sex), sex, child_age,
                               "03" if sex == "1" else "04", poor, dibao))
        if child_age >= 24 and sex == "1" and rng.random() < 0.5:
            members.append(_member(people, rng, today, people.name(people.surname(), "2"), "2",
                                   child_age + rng.randint(-3, 2), "05", poor, dibao))
            for _ in range(rng.choice([0, 1, 2])):
                gsex = rng.choice("12")
                grand_age = child_age - rng.randint(22, 30)
                if grand_age >= 0:
                    members.append(_member(people, rng, today, people.name(family_name, gsex),
                                           gsex, grand_age, "07" if gsex == "1" else "08",
                                           poor, dibao))
    if head_age < 50 and rng.random() < 0.2:
        parent_sex = rng.choice("12")
        members.append(_member(people, rng, today,
                               people.name(surname if parent_sex == "1" else people.surname(),
                                           parent_sex),
                               parent_sex, head_age + rng.randint(22, 32),
                               "11" if parent_sex == "1" else "12", poor, dibao))
    if any(m["health"] in ("03", "04") for m in members) and category == "02":
        hh["main_cause"] = "01" if any(m["health"] == "03" for m in members) else "02"
    if category == "02":
        hh["monitoring_events"] = _monitoring(rng, hh, today, role)
    if poor and helper_ids:
        helper = rng.choice(helper_ids)
        hh["pairings"] = [{"helper_id": helper,
                           "start_date": f"{hh.get('ident_year') or today.year - 2}-03-01"}]
        hh["visits"] = _visits(rng, helper, today, due=role == "follow_up_due")
    if poor and rng.random() < 0.06 and role is None:
        found = today - dt.timedelta(days=rng.randint(10, 300))
        done = rng.random() < 0.6
        hh["problems"] = [{
            "problem": rng.choice(["饮水管道老化，供水不稳定", "慢病签约服务未落实",
                                   "收入数据与银行流水不符", "帮扶措施台账缺少佐证材料"]),
            "source": _pick(rng, [("01", 50), ("02", 30), ("03", 20)]),
            "category": rng.choice(["01", "02", "03", "04"]),
            "found_date": found.isoformat(),
            "deadline": (found + dt.timedelta(days=60)).isoformat(),
            "responsible": "村委会", "progress": "03" if done else rng.choice(["01", "02"]),
            "closed_date": (found + dt.timedelta(days=rng.randint(5, 50))).isoformat()
            if done and found + dt.timedelta(days=50) <= today else None}]
        if done and hh["problems"][0]["closed_date"] is None:
            hh["problems"][0]["progress"] = "02"
    if poor:
        hh["measures"] = _measures(rng, hh, members, today, overdue=role == "overdue_loan")
        hh["incomes"] = [_income(rng, hh, members, year, today)
                         for year in range(today.year - 3, today.year)]
        hh["checks"] = [_check(rng, hh, year, today) for year in range(today.year - 2,
                                                                       today.year + 1)]
    return hh, members


def _income(rng: random.Random, hh: dict[str, Any], members: list[dict[str, Any]], year: int,
            today: dt.date) -> dict[str, Any]:
    """A plausible year of 收支 in fen: wages from members who work away, a little farming,
    pensions for the old, 低保 where the household has it."""
    ages = [today.year - int(m["birth_date"][:4]) - (today.year - year) for m in members]
    income: dict[str, Any] = {"year": year}
    wages = sum(m.get("work_months", 0) * rng.randint(2200, 4200) for m in members
                if m.get("work_status") not in (None, "00"))
    if wages:
        income["wage_migrant"] = wages * 100
    if rng.random() < 0.25:
        income["wage_public_post"] = rng.choice([4800, 6000, 7200]) * 100
    income["prod_planting"] = rng.randint(30, 160) * 10000
    if rng.random() < 0.6:
        income["prod_breeding"] = rng.randint(10, 120) * 10000
    if rng.random() < 0.4:
        income["property_dividend"] = rng.choice([200, 300, 500]) * 100
    pensioners = sum(1 for a in ages if a >= 60)
    if pensioners:
        income["transfer_pension"] = pensioners * 1236 * 100
    dibao = sum(1 for m in members if m.get("dibao"))
    if dibao:
        income["transfer_dibao"] = dibao * rng.choice([3600, 4200, 4800]) * 100
    if rng.random() < 0.5:
        income["transfer_eco"] = rng.randint(1, 12) * 10000
    income["prod_expense"] = rng.randint(5, 40) * 10000
    return income


def _visits(rng: random.Random, helper: str, today: dt.date, due: bool = False
            ) -> list[dict[str, Any]]:
    """Visits over the last two years: mostly the household's helper, sometimes the first
    secretary; now and then something agreed with a follow-up date. With ``due``, the
    newest visit agreed a follow-up whose date has come."""
    visits: list[dict[str, Any]] = []
    for year in (today.year - 1, today.year):
        for _ in range(rng.choice([2, 3, 4, 4, 5])):
            day = dt.date(year, 1, 5) + dt.timedelta(days=rng.randrange(0, 350))
            if day > today:
                continue
            by_helper = rng.random() < 0.85
            visit: dict[str, Any] = {
                "visit_date": day.isoformat(), "visitor_role": "01" if by_helper else "02",
                "helper_id": helper if by_helper else None,
                "visitor_name": None if by_helper else "陈第一书记",
                "visit_kind": _pick(rng, [("01", 40), ("02", 20), ("03", 15), ("04", 15),
                                          ("06", 10)]),
                "found": rng.choice(["生产生活正常", "家中老人慢性病需定期服药", "孩子在校就读正常",
                                     "种养殖情况良好", "外出务工人员收入稳定"]),
                "confirmed": 1}
            if rng.random() < 0.15:
                visit.update(problems="需协调办理慢病卡", agreed="下次走访时带齐材料到镇卫生院办理",
                             follow_up_date=(day + dt.timedelta(days=30)).isoformat())
            visits.append(visit)
    if due:
        day = today - dt.timedelta(days=rng.randint(31, 60))
        visits = [v for v in visits if v["visit_date"] < day.isoformat()]
        visits.append({"visit_date": day.isoformat(), "visitor_role": "01", "helper_id": helper,
                       "visit_kind": "01", "found": "家中老人慢性病需定期服药", "confirmed": 1,
                       "problems": "需协调办理慢病卡", "agreed": "下次走访时带齐材料到镇卫生院办理",
                       "follow_up_date": (day + dt.timedelta(days=30)).isoformat()})
    return visits


# 两免一补 and 中职 subsidies a student a year (seed 002), by school_status code
_STUDENT_AID = {"03": 1000_00, "04": 1250_00, "05": 750_00, "06": 3000_00, "07": 3000_00}


def _measures(rng: random.Random, hh: dict[str, Any], members: list[dict[str, Any]],
              today: dt.date, overdue: bool = False) -> list[dict[str, Any]]:
    """A few assistance measures: industry support, student aid, health, a public post,
    housing renovation, and now and then a microcredit loan (with ``overdue``, one past
    its due date and not repaid)."""
    year = today.year - 1
    out: list[dict[str, Any]] = [{
        "measure_type": "01", "content": rng.choice(["发放核桃苗", "养殖补助（生猪）",
                                                     "茶叶种植补助", "烤烟种植补助"]),
        "start_date": f"{year}-{rng.randint(3, 6):02d}-15", "amount": rng.randint(10, 50) * 10000,
        "funding_source": "01", "responsible_unit": "镇农业服务中心", "progress": "03"}]
    for position, m in enumerate(members):
        aid = _STUDENT_AID.get(m.get("school_status") or "")
        if aid:
            out.append({"measure_type": "05", "member_position": position,
                        "content": "教育资助", "start_date": f"{year}-09-01",
                        "end_date": f"{year + 1}-07-01", "amount": aid, "funding_source": "02",
                        "responsible_unit": "县教育体育局", "progress": "03"})
        if m.get("health") in ("02", "03") and rng.random() < 0.5:
            out.append({"measure_type": "06", "member_position": position,
                        "content": "家庭医生签约服务、慢病卡办理", "start_date": f"{year}-04-01",
                        "funding_source": "03", "responsible_unit": "镇卫生院",
                        "progress": "03"})
    if rng.random() < 0.2:
        out.append({"measure_type": "03", "content": "村保洁员", "start_date": f"{year}-01-01",
                    "end_date": f"{year}-12-31", "amount": 6000_00, "funding_source": "01",
                    "responsible_unit": "村委会", "progress": "03"})
    if hh.get("housing_renovated_year"):
        out.append({"measure_type": "08", "content": "危房改造",
                    "start_date": f"{hh['housing_renovated_year']}-05-01",
                    "amount": hh.get("housing_renovation_amount"), "funding_source": "01",
                    "responsible_unit": "县住房和城乡建设局", "progress": "03"})
    if overdue or rng.random() < 0.15:
        start = today - dt.timedelta(days=rng.randint(1100, 1400) if overdue
                                     else rng.randint(200, 1400))
        due = start + dt.timedelta(days=3 * 365)
        loan = {"measure_type": "10", "content": "扶贫小额信贷（发展养殖）",
                "start_date": start.isoformat(), "amount": 50000_00, "funding_source": "07",
                "responsible_unit": "县农村信用合作联社", "progress": "02",
                "loan_term_months": 36, "due_date": due.isoformat(), "loan_extension": "01"}
        if due < today:
            if rng.random() < 0.9 and not overdue:
                loan.update(repaid_amount=50000_00, progress="03")
            else:
                loan["repaid_amount"] = rng.randint(0, 40) * 100000
        out.append(loan)
    return out


# main cause of poverty (cause list) → the monitoring risk type that matches it
_RISK_OF_CAUSE = {"01": "01", "02": "03", "03": "02", "04": "04", "08": "08", "07": "07",
                  "09": "06"}


def _monitoring(rng: random.Random, hh: dict[str, Any], today: dt.date,
                role: str | None = None) -> list[dict[str, Any]]:
    """纳入监测 one to three years ago; for about four in ten, the risk removed since.
    ``role`` monitored_01…03 fixes the 监测对象类型 with the risk standing, risk_removed a
    removal."""
    since = today - dt.timedelta(days=rng.randint(600, 1000) if role == "risk_removed"
                                 else rng.randint(200, 1000))
    risk = _RISK_OF_CAUSE.get(hh.get("main_cause") or "", "11")
    risks = [risk] + ([rng.choice(["07", "08", "09"])] if rng.random() < 0.3 else [])
    identify: dict[str, Any] = {
        "event": "01", "event_date": since.isoformat(),
        "category": role[-2:] if role and role.startswith("monitored_")
        else _pick(rng, [("01", 35), ("02", 45), ("03", 20)]),
        "risks": ",".join(dict.fromkeys(risks))}
    if risk == "04":
        identify["disaster_subtype"] = rng.choice(["01", "02", "04"])
    events = [identify]
    removed = since + dt.timedelta(days=rng.randint(180, 420))
    removing = role == "risk_removed" or (role is None and rng.random() < 0.4)
    if removed < today and removing:
        events.append({"event": "02", "event_date": removed.isoformat(),
                       "removal_method": _pick(rng, [("01", 80), ("02", 20)])})
    return events


def _check(rng: random.Random, hh: dict[str, Any], year: int, today: dt.date) -> dict[str, Any]:
    """A yearly 两不愁三保障 check in spring; unsafe houses not yet renovated answer 否."""
    day = dt.date(year, 3, 1) + dt.timedelta(days=rng.randrange(0, 60))
    unsafe = hh.get("housing_grade") in ("C", "D") and not hh.get("housing_renovated_year")
    return {"check_date": min(day, today).isoformat(), "checker": "演示用户", "food": 1,
            "clothing": 1, "education": 1, "medical": 1, "housing": 0 if unsafe else 1,
            "water": 1 if rng.random() < 0.99 else 0}


# Kinds of household every demo village has, whatever the day it is made: the pages, the
# warnings and the tests need each of them. Each is given to one household, spread over
# the village; every other household is drawn as it comes.
CAST = ("poor", "monitored_01", "monitored_02", "monitored_03", "risk_removed",
        "overdue_loan", "follow_up_due")


def _cast(n_households: int) -> dict[int, str]:
    """Which household (1-based position) plays which part of ``CAST``."""
    if n_households < len(CAST):
        return {i + 1: role for i, role in enumerate(CAST[:n_households])}
    return {1 + k * n_households // len(CAST): role for k, role in enumerate(CAST)}


def generate(n_households: int, seed: int = 1, today: dt.date | None = None,
             helper_ids: list[str] | None = None, code: str = str(DEMO_VILLAGE["code"])
             ) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """Yield ``n_households`` (household, members) pairs for the demo village (its 户编号
    begin with the village's ``code``); with ``helper_ids`` its 脱贫户 and 监测户 are
    paired and visited.

    Each household draws from its own generator (the seed and its position), so a draw
    that depends on the day (an age, a date past or to come) changes that household
    alone, not the rest of the village; and the households of ``CAST`` have their kind
    whatever the day."""
    people = _People(random.Random(seed))
    today = today or current_date()
    width = max(4, len(str(n_households)))
    n_groups = max(3, min(12, n_households // 40)) if n_households <= 2000 else n_households // 100
    cast = _cast(n_households)
    for i in range(1, n_households + 1):
        rng = random.Random(seed * 1_000_003 + i)
        people.rng = rng
        group = f"第{(i - 1) * n_groups // n_households + 1}组"
        yield household(rng, people, today, f"{code}{i:0{width}d}", group,
                        helper_ids, role=cast.get(i))
