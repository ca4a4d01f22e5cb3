"""Wall sheets (户内公示牌), public notices (公示名单) and the printed register (村有册):
what they show, what they must never show, and their bad inputs."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from helpers import family, make_id, pdf_text
from pypdf import PdfReader

from villagebook.cli import create_demo, main
from villagebook.core import codes
from villagebook.core.errors import InvalidOperation, ValidationFailed
from villagebook.reports.notices import KINDS, print_notice
from villagebook.reports.printing import PrintRequest, render
from villagebook.reports.register_pdf import print_register
from villagebook.reports.walls import print_walls
from villagebook.storage.households import save_household
from villagebook.storage.measures import save_measure
from villagebook.storage.monitoring import save_event
from villagebook.storage.queries import active_household_ids

SENSITIVE_LABELS = [c.label for c in codes.code_list("health")] + [
    c.label for c in codes.code_list("disability_category")]


@pytest.fixture(scope="module")
def village300(tmp_path_factory):
    book = create_demo(tmp_path_factory.mktemp("v") / "demo.db", 300, seed=3)
    yield book
    book.close()


def _secrets(book) -> tuple[set[str], set[str]]:
    ids = {r[0] for r in book.conn.execute(
        "SELECT id_number FROM members WHERE id_number IS NOT NULL")}
    phones = {r[0] for r in book.conn.execute(
        "SELECT phone FROM members WHERE phone IS NOT NULL"
        " UNION SELECT phone FROM households WHERE phone IS NOT NULL")}
    return ids, phones


def test_no_public_sheet_shows_ids_phones_health_or_disability(village300, tmp_path):
    book = village300
    # the village has what could leak: disabled and ill members, 健康帮扶 measures
    assert book.conn.execute("SELECT count(*) FROM members WHERE health IN ('02','03','04')"
                             " AND disability_category IS NOT NULL").fetchone()[0]
    assert book.conn.execute("SELECT count(*) FROM measures WHERE measure_type = '06'"
                             ).fetchone()[0]
    ids, phones = _secrets(book)
    assert len(ids) > 900 and len(phones) > 250
    texts = {}
    walls = tmp_path / "walls.pdf"
    assert print_walls(book, active_household_ids(book.conn), walls).count == 300
    texts["walls"] = pdf_text(walls)
    for kind in KINDS:
        path = tmp_path / f"{kind}.pdf"
        assert print_notice(book, kind, path, start="2000-01-01", end="2030-12-31") > 0
        texts[kind] = pdf_text(path)
    assert texts["walls"].count("户内公示牌") == 300
    assert "综合保障帮扶" in texts["measures"]  # 健康帮扶 under its public label
    # a helper's unit (县卫生健康局) is an office, not a person's health
    units = [r[0] for r in book.conn.execute("SELECT DISTINCT unit FROM helpers")]
    for name, text in texts.items():
        flat = text.replace("\n", "")
        for unit in units:
            flat = flat.replace(unit, "")
        digits = set(re.findall(r"\d{11,18}X?", flat))
        assert not digits & ids, name
        assert not digits & phones, name
        assert "********" not in flat, name  # not even masked IDs
        for label in SENSITIVE_LABELS:
            assert label not in flat, (name, label)


@pytest.mark.dated
def test_measures_notice_lists_the_period_with_its_total(book, tmp_path):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    for start, amount in (("2025-03-01", "1200.50"), ("2025-07-01", "800"),
                          ("2024-12-31", "999")):
        save_measure(book, hid, None, {"measure_type": "06", "start_date": start,
                                       "progress": "03", "amount": amount,
                                       "funding_source": "01"})
    path = tmp_path / "notice.pdf"
    assert print_notice(book, "measures", path, start="2025-01-01", end="2025-12-31",
                        posted=dt.date(2026, 1, 5), days=7) == 2
    text = pdf_text(path).replace("\n", "")
    assert "石桥村帮扶措施及资金使用情况公示" in text
    assert "2000.50" in text and "999.00" not in text  # 1200.50 + 800, not last year's
    assert "2026年1月5日至2026年1月11日（7天）" in text
    assert "石桥村村民委员会（盖章）" in text and "12317" in text
    assert members[0]["name"] in text and "健康帮扶" not in text


@pytest.mark.dated
def test_monitoring_notices_split_identification_and_removal(book, tmp_path):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    save_event(book, hid, None, {"event": "01", "event_date": "2025-02-01", "category": "02",
                                 "risks": "01,03"})
    save_event(book, hid, None, {"event": "02", "event_date": "2025-11-01",
                                 "removal_method": "02"})
    ident, removal = tmp_path / "in.pdf", tmp_path / "out.pdf"
    assert print_notice(book, "monitoring_in", ident, start="2025-01-01",
                        end="2025-12-31") == 1
    assert print_notice(book, "monitoring_out", removal, start="2025-01-01",
                        end="2025-12-31") == 1
    text_in, text_out = pdf_text(ident), pdf_text(removal)
    assert "边缘易致贫户" in text_in and "2025-02-01" in text_in
    assert "因病" not in text_in and "因残" not in text_in  # risk types are health data
    assert "自然消除" in text_out and "边缘易致贫户" in text_out  # category of identification
    with pytest.raises(InvalidOperation) as error:
        print_notice(book, "monitoring_out", tmp_path / "none.pdf", start="2024-01-01",
                     end="2024-12-31")
    assert error.value.code == "print.nothing"
    assert not (tmp_path / "none.pdf").exists()


@pytest.mark.parametrize(("start", "end", "days", "code"), [
    ("2025-12-31", "2025-01-01", 7, "print.period"),
    ("2025-01-01", "2025-12-31", 0, "print.notice_days"),
    ("2025-01-01", "2025-12-31", 61, "print.notice_days"),
])
@pytest.mark.dated
def test_bad_notice_settings_are_refused(demo_book, tmp_path, start, end, days, code):
    with pytest.raises(ValidationFailed) as error:
        print_notice(demo_book, "measures", tmp_path / "n.pdf", start=start, end=end,
                     days=days)
    assert [i.code for i in error.value.issues] == [code]
    assert not (tmp_path / "n.pdf").exists()


def test_wall_sheet_continues_a_long_list_and_sums_it(book, tmp_path):
    household, members = family()
    members[0]["name"] = "欧阳" + "长名字" * 8
    hid = save_household(book, None, household, members).household_id
    for _ in range(40):
        save_measure(book, hid, None, {"measure_type": "01", "start_date": "2025-01-01",
                                       "progress": "03", "amount": "100",
                                       "content": "不应出现在公示牌上的备注"})
    path = tmp_path / "wall.pdf"
    assert print_walls(book, [hid], path, paper="A3").count == 1
    reader = PdfReader(path)
    assert len(reader.pages) >= 2  # continued, not cut
    assert round(float(reader.pages[0].mediabox.width)) > round(
        float(reader.pages[0].mediabox.height))  # landscape
    text = pdf_text(path).replace("\n", "")
    assert text.count("产业帮扶") == 40 and "4000.00" in text
    assert "不应出现在公示牌上的备注" not in text
    assert "户内公示牌" in text and "12317" in text


def test_register_masks_ids_unless_archive(demo_book, tmp_path):
    path = tmp_path / "register.pdf"
    count = print_register(demo_book, path)
    assert count == len(active_household_ids(demo_book.conn))
    text = pdf_text(path)
    heads = {r[0] for r in demo_book.conn.execute(
        "SELECT id_number FROM members WHERE relation = '01'")}
    assert not any(i in text for i in heads) and "********" in text
    print_register(demo_book, path, full_ids=True)
    text = pdf_text(path)
    assert "存档件" in text and any(i in text for i in heads)


def test_render_dispatches_and_refuses_an_empty_selection(book, tmp_path):
    with pytest.raises(InvalidOperation):
        render(book, PrintRequest("walls"), tmp_path / "w.pdf")  # no households yet
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    assert render(book, PrintRequest("walls", (hid,)), tmp_path / "w.pdf") == "户内公示牌 1 户"
    assert render(book, PrintRequest("register"), tmp_path / "r.pdf") == "村有册 1 户"


def test_cli_print_walls_notice_register(tmp_path, capsys):
    db = tmp_path / "demo.db"
    main(["demo", "--db", str(db), "--households", "40"])
    capsys.readouterr()
    out = tmp_path / "out.pdf"
    assert main(["print", "walls", "--db", str(db), "--out", str(out),
                 "--group", "第1组", "--paper", "A3"]) == 0
    assert "户内公示牌" in capsys.readouterr().out
    assert main(["print", "notice", "--db", str(db), "--out", str(out), "--kind", "measures",
                 "--from", "2000-01-01", "--to", "2030-12-31"]) == 0
    assert "帮扶措施及资金使用情况公示" in capsys.readouterr().out
    assert main(["print", "register", "--db", str(db), "--out", str(out)]) == 0
    assert "村有册 40 户" in capsys.readouterr().out
    assert main(["print", "notice", "--db", str(db), "--out", str(out),
                 "--from", "2025-12-31", "--to", "2025-01-01"]) == 1
    assert "print.period" in capsys.readouterr().err


@pytest.mark.parametrize("document", ["cards", "walls", "register"])
def test_progress_is_counted_and_cancel_leaves_no_file(demo_book, tmp_path, document):
    from villagebook.reports.workbook import Cancelled

    ids = active_household_ids(demo_book.conn)
    steps: list[int] = []
    path = tmp_path / "out.pdf"
    render(demo_book, PrintRequest(document), path, progress=steps.append)
    if document != "register":
        assert steps == list(range(1, len(ids) + 1))
    asked = []

    def stop_after_five() -> bool:
        asked.append(1)
        return len(asked) > 5

    target = tmp_path / "cancelled.pdf"
    with pytest.raises(Cancelled):
        render(demo_book, PrintRequest(document), target, cancelled=stop_after_five)
    assert not target.exists() and not list(tmp_path.glob(".cancelled*"))


@pytest.mark.slow
@pytest.mark.skipif(__import__("shutil").which("pdftoppm") is None,
                    reason="pdftoppm is not installed")
@pytest.mark.parametrize("document", ["walls", "notice", "register"])
def test_public_sheets_render_to_png(demo_book, tmp_path, document):
    import subprocess

    path = tmp_path / f"{document}.pdf"
    render(demo_book, PrintRequest(document, start="2000-01-01", end="2030-12-31"), path)
    subprocess.run(["pdftoppm", "-r", "30", "-png", "-f", "1", "-l", "1", str(path),
                    str(tmp_path / "page")], check=True)
    [png] = tmp_path.glob("page*.png")
    assert png.stat().st_size > 1000


def test_every_pdf_names_only_the_embedded_font(demo_book, tmp_path):
    """No document declares a font it does not embed (reportlab's Helvetica by default):
    every PC and printer shows the same glyphs."""
    from pypdf import PdfReader

    from villagebook.reports.printing import PrintRequest, render

    ids = tuple(active_household_ids(demo_book.conn)[:3])
    for request in (PrintRequest("cards", ids), PrintRequest("walls", ids),
                    PrintRequest("register", ids),
                    PrintRequest("notice", None, notice="measures", start="2000-01-01",
                                 end="2030-12-31")):
        out = tmp_path / f"{request.document}.pdf"
        render(demo_book, request, out)
        fonts = set()
        for page in PdfReader(out).pages:
            for font in page["/Resources"].get("/Font", {}).values():
                fonts.add(str(font.get_object()["/BaseFont"]))
        assert fonts and all("WenQuanYi" in name for name in fonts), (request.document, fonts)


def test_a_short_wall_sheet_takes_the_larger_type_a_full_one_keeps_one_page(book, tmp_path):
    """The sheet is read from across a room: with room on its page it is printed in the
    larger type; with four measures it keeps the base type and still one page."""
    from villagebook.reports.layout import fits_one_page, page_size, styles
    from villagebook.reports.walls import LARGER, SCALE, wall_story

    household, members = family()
    short = save_household(book, None, household, members).household_id
    full = save_household(book, None, {**household, "number": "110105001001002"},
                          [{**members[0], "id_number": make_id("19650101", 901)}]
                          ).household_id
    for day in ("2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01"):
        save_measure(book, full, None, {"measure_type": "01", "start_date": day,
                                        "progress": "03", "amount": "100"})
    size = page_size("A4", landscape_=True)
    larger = styles(SCALE["A4"] * LARGER)
    today = dt.date(2026, 11, 27)
    assert fits_one_page(wall_story(book, short, larger, size, today=today), size)
    assert not fits_one_page(wall_story(book, full, larger, size, today=today), size)
    path = tmp_path / "walls.pdf"
    assert print_walls(book, [short, full], path).count == 2
    assert len(PdfReader(path).pages) == 2  # one page each
