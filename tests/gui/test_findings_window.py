"""The 预警 page through the real widgets: it shows at once and fills in from the
background, tiles filter the list, a finding opens its household, a finding accepted with
a reason is gone (and logged), the list prints and exports as shown."""

from __future__ import annotations

import pytest
from helpers import pdf_text
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from villagebook.storage.findings import find_all
from villagebook.ui.main_window import MainWindow

pytestmark = pytest.mark.dated  # runs today and on each day of tests/dates.py


def test_the_warnings_page(qtbot, demo_book, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    main.show_page("findings")
    page = main.findings_page
    assert main.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    everything = find_all(demo_book)
    assert [(f.rule, f.record_id) for f in page.model.rows] == \
        [(f.rule, f.record_id) for f in everything]
    assert f"{sum(f.severity == 'error' for f in everything)} 条" in page.state.text()
    # a tile per rule that found something; a click shows that rule only
    rule = everything[0].rule
    assert set(page.tiles) == {f.rule for f in everything}
    qtbot.mouseClick(page.tiles[rule], Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == sum(f.rule == rule for f in everything)
    assert {f.rule for f in page.model.rows} == {rule}
    # a helper's households (and the findings about the helper)
    page.rule_filter.setCurrentIndex(0)
    helper_id = page.helper_filter.itemData(1)
    page.helper_filter.setCurrentIndex(1)
    paired = {r[0] for r in demo_book.conn.execute(
        "SELECT household_id FROM pairings WHERE helper_id = ? AND status = 'active'"
        " AND end_date IS NULL", [helper_id])}
    assert page.model.rows and all(f.household_id in paired or f.record_id == helper_id
                                   for f in page.model.rows)
    page.helper_filter.setCurrentIndex(0)
    # a household's finding opens the household
    row = next(i for i, f in enumerate(page.model.rows) if f.household_id)
    page.table.selectRow(row)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.model.rows[row].household_id in main.household_windows
    # right as it is: gone from the list and from the next check, the reason in the log
    target = page.model.rows[row]
    assert page.accept_current("已核实：外出务工，次月补访")
    assert target not in page.model.rows
    assert (target.rule, target.record_id, target.household_id) not in {
        (f.rule, f.record_id, f.household_id) for f in find_all(demo_book)}
    assert "次月补访" in demo_book.conn.execute(
        "SELECT detail FROM accepted_warnings ORDER BY created_at DESC LIMIT 1").fetchone()[0]
    # print and export what the list shows
    # the most serious level still shown (the one accepted may have been its only finding)
    level = page.shown()[0].severity
    page.severity_filter.setCurrentIndex(page.severity_filter.findData(level))
    errors = page.shown()
    assert errors and {f.severity for f in errors} == {level}
    assert page.model.rowCount() == len(errors)
    pdf, xlsx = tmp_path / "预警.pdf", tmp_path / "预警.xlsx"
    page.print_list(str(pdf))
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    page.export_list(str(xlsx))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    text = pdf_text(pdf)
    # each household of the findings shown is printed (some are about a helper or the
    # whole village)
    assert "预警清单" in text and "不得张贴" in text
    assert all(f.household_number in text for f in errors if f.household_number)
    sheet = load_workbook(xlsx).active
    assert sheet.max_row == 3 + len(errors)
    assert {row[0].value for row in sheet.iter_rows(min_row=4)} == \
        {{"error": "错误", "warning": "预警", "reminder": "提醒"}[level]}


def test_the_window_opens_on_today_which_fills_in_from_the_background(qtbot, demo_book):
    import datetime as dt

    from villagebook.core.rules import SEVERITIES
    from villagebook.storage.visits import follow_ups_due

    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    home = main.home_page
    assert main.pages.currentWidget() is home  # the first page: what to do today
    qtbot.waitUntil(lambda: main.findings.ready and home.households.rowCount() > 0,
                    timeout=10_000)
    everything = find_all(demo_book)
    for rule, tile in home.tiles.items():
        assert tile.text().endswith(f"\n{sum(f.rule == rule for f in everything)}")
    # the households most in need: errors first, however many warnings another has;
    # then warnings, then reminders
    counts: dict[str, tuple[int, ...]] = {}
    for f in everything:
        if f.household_id:
            counts[f.household_number] = tuple(
                n + (f.severity == s) for n, s in zip(counts.get(
                    f.household_number, (0, 0, 0)), SEVERITIES))
    shown = [home.households.item(r, 0).text() for r in range(home.households.rowCount())]
    assert [counts[n] for n in shown] == sorted(counts.values(), reverse=True)[:len(shown)]
    top = shown[0]
    # what falls due within seven days, read from the book
    week = dt.date.today() + dt.timedelta(days=7)
    due = follow_ups_due(demo_book, week)
    assert due  # the demo has follow-ups that fall due
    shown = [home.due.item(r, 2).text() for r in range(home.due.rowCount())
             if home.due.item(r, 1).text() == "跟进"]
    assert sorted(shown) == sorted(v["household_number"] for v in due)
    overdue = [f for f in everything if f.rule in ("loan.overdue", "problem.overdue")]
    assert home.overdue.rowCount() == len(overdue)
    # a row opens its household; a tile opens the 预警 list of its rule
    home.households.doubleClicked.emit(home.households.model().index(0, 0))
    assert any(w.household.get("number") == top for w in main.household_windows.values())
    rule = next(iter(home.tiles))
    qtbot.mouseClick(home.tiles[rule], Qt.MouseButton.LeftButton)
    page = main.findings_page
    assert main.pages.currentWidget() is page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    assert {f.rule for f in page.model.rows} == {rule}


def test_the_charts_page_and_its_figures_against_sql(qtbot, demo_book, tmp_path, monkeypatch):
    import datetime as dt

    from villagebook.reports.dashboard import figures

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    page = main.show_page("dashboard")
    qtbot.waitUntil(lambda: "findings" in page.charts, timeout=10_000)  # rules arrived too
    assert {"category", "state", "labour", "work", "measure_type", "funding_source",
            "visits", "checks"} <= set(page.charts)
    assert all(widget.renderer().isValid() for widget in page.charts.values())
    # each figure against a count made directly in SQL
    by_key = {f.key: f for f in figures(demo_book, findings=[])}
    sql = demo_book.conn.execute
    households = dict(zip(by_key["category"].labels, by_key["category"].values))
    assert households["脱贫户"] == sql("SELECT count(*) FROM households WHERE status ="
                                       " 'active' AND category = '01'").fetchone()[0]
    assert sum(by_key["labour"].values) == sql(  # every current member, 未填 counted too
        "SELECT count(*) FROM members m JOIN households h ON h.id = m.household_id WHERE"
        " h.status = 'active' AND m.status = 'active'").fetchone()[0]
    year = dt.date.today().year
    assert sum(by_key["visits"].values) == sql(
        "SELECT count(*) FROM visits v JOIN households h ON h.id = v.household_id WHERE"
        " v.status = 'active' AND h.status = 'active' AND v.visit_date BETWEEN ? AND ?",
        [f"{year}-01-01", dt.date.today().isoformat()]).fetchone()[0]
    assert sum(by_key["checks"].values) == sql(
        "SELECT count(*) FROM households WHERE status = 'active' AND category IN ('01', '02')"
        ).fetchone()[0]
    # the same charts on one printed page
    out = tmp_path / "挂图.pdf"
    page.print_charts(str(out))
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "1 页" in shown[0] and "挂图作战" in pdf_text(out)
    # on A3 for the office wall: one page still, of A3's size
    from pypdf import PdfReader

    page.paper.setCurrentIndex(page.paper.findData("A3"))
    large = tmp_path / "挂图A3.pdf"
    page.print_charts(str(large))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    [a4], [a3] = PdfReader(out).pages, PdfReader(large).pages
    assert round(float(a3.mediabox.width)) == 1191 and round(float(a4.mediabox.width)) == 842
    assert "挂图作战" in pdf_text(large)


def test_today_shows_first_counts_before_the_slowest_rule_finishes(qtbot, demo_book,
                                                                   monkeypatch):
    import threading

    from villagebook.storage import findings

    slow_done = threading.Event()

    def slowest(book, today):  # a rule group that takes its time
        slow_done.wait(10)
        return iter(())

    monkeypatch.setattr(findings, "FINDERS", (*findings.FINDERS,
                                               (("relation.age",), slowest)))
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    home = main.home_page
    qtbot.waitUntil(lambda: bool(home.tiles), timeout=10_000)
    assert not main.findings.ready  # the tiles came while a rule was still running
    assert home.households.rowCount() == 0
    slow_done.set()
    qtbot.waitUntil(lambda: main.findings.ready, timeout=10_000)
    qtbot.waitUntil(lambda: home.households.rowCount() > 0, timeout=10_000)


def test_a_finding_about_a_helper_or_a_problem_opens_it(qtbot, demo_book, monkeypatch):
    """Not every finding is about a household: one about a helper behind on visits or a
    problem past its deadline opens that helper or problem on its page."""
    from villagebook.ui.record_dialog import RecordDialog

    opened: list[str] = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append(
        self.windowTitle()) or 0)
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    main.show_page("findings")
    page = main.findings_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    for rule, side in (("helper.behind", "helpers"), ("problem.overdue", "problems")):
        row = next((i for i, f in enumerate(page.model.rows)
                    if f.rule == rule and not f.household_id), None)
        if row is None:  # the demo has none of this kind without a household
            continue
        target = page.model.rows[row]
        page.open_row(row)
        shown = main.pages.currentWidget()
        assert shown is getattr(main, f"{side}_page")
        selected = shown.table.currentIndex().row()
        assert shown.model.rows[selected]["id"] == target.record_id
        assert opened  # and the record itself is opened
        main.show_page("findings")
    assert opened, "the demo has a helper or problem finding without a household"


def test_today_opens_a_problem_of_no_household_on_its_page(qtbot, book, monkeypatch):
    from villagebook.storage.problems import save_problem
    from villagebook.ui.record_dialog import RecordDialog

    opened: list[str] = []
    monkeypatch.setattr(RecordDialog, "exec", lambda self: opened.append("opened") or 0)
    problem_id = save_problem(book, None, {
        "problem": "村组道路损毁未修复", "source": "02", "category": "01",
        "found_date": "2026-09-01", "deadline": "2026-10-31", "responsible": "村委会",
        "progress": "01"})
    main = MainWindow(book)
    qtbot.addWidget(main)
    home = main.show_page("home")  # a book with no household opens on its first steps
    qtbot.waitUntil(lambda: home.overdue.rowCount() > 0, timeout=10_000)
    home._open(home.overdue, 0)
    shown = main.pages.currentWidget()
    assert shown is main.problems_page
    assert shown.model.rows[shown.table.currentIndex().row()]["id"] == problem_id
    assert opened == ["opened"]


def test_printing_from_the_warnings_page_offers_the_finding_s_household(qtbot, demo_book):
    """打印 on the 预警 page offers the household of the finding the person is on, not
    whatever is highlighted in the household list."""
    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    qtbot.waitUntil(lambda: main.household_list.model.rowCount() > 0, timeout=10_000)
    main.household_list.table.selectRow(0)
    listed = main.household_list.model.household_id(0)
    main.show_page("findings")
    page = main.findings_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    row = next(i for i, f in enumerate(page.model.rows)
               if f.household_id and f.household_id != listed)
    page.table.selectRow(row)
    dialog = main.print_documents("cards")
    qtbot.addWidget(dialog)
    assert dialog.selected == (page.model.rows[row].household_id,)
    assert dialog.scope_selected.isChecked()
    assert page.model.rows[row].head_name in dialog.scope_selected.text()
    dialog.close()
    main.show_page("households")  # the list's own selection again
    dialog = main.print_documents("cards")
    qtbot.addWidget(dialog)
    assert dialog.selected == (listed,)
    dialog.close()


def test_a_warning_opens_its_household_where_it_is_put_right(qtbot, demo_book, monkeypatch):
    """A finding opens its household on the tab of the records its rule reads (income →
    收入, a visit overdue → 走访…), and 核实无误 names the household and the rule."""
    from PySide6.QtWidgets import QInputDialog

    from villagebook.core.rules import BY_CODE
    from villagebook.ui.findings_page import FIXED_IN, tr

    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    main.show_page("findings")
    page = main.findings_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10_000)
    opened = 0
    for rule in sorted({f.rule for f in page.model.rows if f.household_id}):
        row = next(i for i, f in enumerate(page.model.rows)
                   if f.rule == rule and f.household_id)
        finding = page.model.rows[row]
        page.table.selectRow(row)
        qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
        window = main.household_windows[finding.household_id]
        expected = window.tab_of.get(FIXED_IN[rule] or "", window.ui.basicTab)
        assert window.ui.tabs.currentWidget() is expected, rule
        opened += FIXED_IN[rule] is not None
        window.close()
    assert opened  # the demo has findings put right elsewhere than the basic tab
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda parent, title, label: (
        asked.append(label), ("", False))[1])
    row = next(i for i, f in enumerate(page.model.rows) if f.household_id)
    finding = page.model.rows[row]
    page.table.selectRow(row)
    assert not page.accept_current()  # cancelled: nothing recorded
    assert finding.household_number in asked[0]
    assert tr(BY_CODE[finding.rule].title) in asked[0]  # the rule, in the window's words


def test_printing_the_list_and_the_charts_shows_the_preview_first(qtbot, demo_book):
    """打印清单… and 打印挂图… open the print preview (to print or save from there), as
    the cards do, instead of a save-as dialog; it zooms; closing it leaves no file
    behind."""
    from villagebook.ui.pdf_view import PreviewDialog

    main = MainWindow(demo_book)
    qtbot.addWidget(main)
    for name, page_of in (("findings", lambda: main.findings_page),
                          ("dashboard", lambda: main.pages.currentWidget())):
        main.show_page(name)
        page = page_of()
        qtbot.waitUntil(lambda p=page: getattr(p, "source", None) is None or p.source.ready,
                        timeout=10_000)
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda p=page: bool(p.findChildren(PreviewDialog)), timeout=10_000)
        [preview] = page.findChildren(PreviewDialog)
        assert preview.isVisible() and preview.page_count >= 1
        assert preview.print_button.isVisible() and preview.save_button.isVisible()
        made = preview.path
        assert made.exists() and made.suffix == ".pdf"
        width = preview.page.pixmap().width()
        qtbot.mouseClick(preview.zoom_in_button, Qt.MouseButton.LeftButton)
        assert preview.page.pixmap().width() > width  # larger, to read the small type
        qtbot.mouseClick(preview.zoom_out_button, Qt.MouseButton.LeftButton)
        assert abs(preview.page.pixmap().width() - width) <= 2
        preview.reject()
        assert not made.exists()
        preview.deleteLater()
        qtbot.waitUntil(lambda p=page: not p.findChildren(PreviewDialog), timeout=5_000)
