"""Household cards (户卡/明白卡) as PDF: content, masking, the font embedded, one a household."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from helpers import family
from helpers import pdf_text as text_of
from pypdf import PdfReader

from villagebook.cli import main
from villagebook.reports.cards import print_cards
from villagebook.storage.households import save_household

FULL_ID = re.compile(r"\d{17}[\dX]")


@pytest.mark.dated
def test_card_shows_the_household_with_masked_ids(book, tmp_path):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    path = tmp_path / "card.pdf"
    assert print_cards(book, [hid], path).count == 1
    text = text_of(path)
    assert "户卡（明白卡）" in text and "110105001001001" in text
    assert all(m["name"] in text for m in members)
    assert "110105********0117"[:6] in text and "********" in text
    assert not FULL_ID.search(text.replace("110105001001001", ""))
    fonts = {str(f) for page in PdfReader(path).pages
             for f in page["/Resources"]["/Font"].values()}
    assert fonts  # and the CJK font is embedded, not left to the viewer:
    embedded = [page["/Resources"]["/Font"][k].get_object() for page in PdfReader(path).pages
                for k in page["/Resources"]["/Font"]]
    cjk = [f for f in embedded if "WenQuanYi" in str(f["/BaseFont"])]
    assert cjk and all("/FontFile2" in f["/FontDescriptor"] for f in cjk)


def test_archive_copy_has_full_ids_and_says_so(book, tmp_path):
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    path = tmp_path / "archive.pdf"
    print_cards(book, [hid], path, full_ids=True)
    text = text_of(path)
    assert members[0]["id_number"] in text and "存档件" in text


@pytest.mark.dated
def test_whole_demo_village_one_card_each_and_no_full_id(demo_book, tmp_path):
    path = tmp_path / "cards.pdf"
    ids = [r[0] for r in demo_book.conn.execute("SELECT id FROM households ORDER BY number")]
    assert print_cards(demo_book, ids, path).count == len(ids)
    text = text_of(path)
    assert text.count("户卡（明白卡）") == len(ids)
    numbers = {r[0] for r in demo_book.conn.execute("SELECT number FROM households")}
    leftover = FULL_ID.findall(text)
    assert all(n in numbers for n in leftover) or not leftover


def test_household_with_no_members_and_long_text_still_prints(book, tmp_path):
    from villagebook.storage.households import close_household, load_household
    from villagebook.storage.measures import save_measure

    household, members = family()
    hid = save_household(book, None, household, members).household_id
    for _ in range(40):
        save_measure(book, hid, None, {"measure_type": "01", "start_date": "2025-01-01",
                                       "progress": "03", "content": "很长的措施内容" * 12})
    close_household(book, hid, "01", "2025-06-01")
    _, saved = load_household(book, hid)
    path = tmp_path / "long.pdf"
    print_cards(book, [hid], path)
    text = text_of(path).replace("\n", "")  # wrapped lines joined again
    assert len(PdfReader(path).pages) >= 2  # continued, not cut
    assert text.count("很长的措施内容" * 12) == 40  # every measure's text, whole
    # the footer names the household and counts its pages (cards are batched)
    assert f"户编号 {household['number']}　本户第 2 页" in text


def test_cli_print_cards(tmp_path, capsys):
    db = tmp_path / "demo.db"
    main(["demo", "--db", str(db), "--households", "5"])
    out = tmp_path / "cards.pdf"
    assert main(["print", "cards", "--db", str(db), "--out", str(out)]) == 0
    assert "户卡（明白卡） 5 户" in capsys.readouterr().out
    assert main(["print", "cards", "--db", str(db), "--out", str(out),
                 "--households", "nope"]) == 1


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed")
def test_card_renders_to_png(demo_book, tmp_path):
    path = tmp_path / "card.pdf"
    hid = demo_book.conn.execute("SELECT id FROM households LIMIT 1").fetchone()[0]
    print_cards(demo_book, [hid], path)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "page")],
                   check=True)
    assert list(tmp_path.glob("page*.png"))


def test_no_column_header_breaks_inside_a_word(book, tmp_path):
    from reportlab.lib.units import mm

    from villagebook.reports.layout import CELL_PADDING, fit_headers, styles

    household, members = family()
    hid = save_household(book, None, household, members).household_id
    path = tmp_path / "card.pdf"
    print_cards(book, [hid], path)
    text = text_of(path)
    for header in ("与户主关系", "证件号码", "劳动技能", "务工状况", "文化程度", "健康状况"):
        assert header in text  # on one line: a wrapped one comes out as 与户主关\n系
    # the rule itself: a narrow column takes room from one with room to spare
    cell_style = styles().cell
    widths = fit_headers(["与户主关系", "证件号码"], [14 * mm, 50 * mm], cell_style)
    assert abs(sum(widths) - 64 * mm) < 0.01 and widths[0] > 14 * mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    assert widths[0] >= stringWidth("与户主关系", cell_style.fontName,
                                    cell_style.fontSize) + CELL_PADDING
    # no room anywhere: left as given
    assert fit_headers(["与户主关系", "证件号码"], [10 * mm, 12 * mm], cell_style) == \
        [10 * mm, 12 * mm]


def test_the_cards_labels_are_the_fields_labels(book, tmp_path, monkeypatch):
    """A label changed in fields.json changes the printed card: every column and line of
    the card is named from there, as in the window and the register."""
    from villagebook.core import field_specs

    original = field_specs.label
    monkeypatch.setattr(field_specs, "label",
                        lambda record, name, language="zh": f"#{record}.{name}#"
                        if record != "check" else original(record, name, language))
    household, members = family()
    hid = save_household(book, None, household, members).household_id
    path = tmp_path / "card.pdf"
    print_cards(book, [hid], path)
    text = text_of(path).replace("\n", "")
    for shown in ("household.number", "household.group_name", "household.member_count",
                  "member.name", "member.id_number", "member.work_status", "measure.amount",
                  "measure.funding_source", "visit.visit_kind", "visit.agreed"):
        assert f"#{shown}#" in text, shown
    for literal in ("家庭人口", "资金来源", "商定事项", "务工状况"):
        assert literal not in text, literal
