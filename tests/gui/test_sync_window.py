"""Sync from the window: pairing by fingerprint, a village's package to its township, the
township's list of villages, a conflict decided there and the decision back home."""

from __future__ import annotations

from pathlib import Path

from helpers import family, make_id, typed
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox
from syncing import Site, another_village, households

from villagebook.storage import open_book
from villagebook.storage.households import load_household, save_household
from villagebook.storage.township import create_township
from villagebook.storage.village import add_user, set_village
from villagebook.ui.main_window import MainWindow


def new_township(tmp_path: Path) -> tuple[Site, object]:
    """城关镇's book, made as its own installation; (site, open book)."""
    township = Site(tmp_path, "town", None)
    with township:
        book = create_township(township.db, {"name": "城关镇", "code": "530524101",
                                               "user": "王站长"})
    return township, book


def window(qtbot, site: Site, book) -> MainWindow:
    with site:  # the sync page reads this installation's keys when it is first shown
        main = MainWindow(book)
        main.show_sync()
    qtbot.addWidget(main)
    return main


def answer_fingerprint(monkeypatch, digits: str | None) -> list[str]:
    """The pairing dialog answered as a person would: the digits heard by phone typed
    (None: the person cancels), then Enter. Returns what each dialog asked."""
    from villagebook.ui.pairing_dialog import FingerprintDialog

    asked: list[str] = []

    def answer(dialog) -> int:
        asked.append(dialog.findChildren(QLabel)[0].text())
        dialog.show()  # as exec() would
        if digits is None:
            dialog.reject()
        else:
            QTest.keyClicks(dialog.digits, digits)
            QTest.keyClick(dialog.digits, Qt.Key.Key_Return)
        return dialog.result()

    monkeypatch.setattr(FingerprintDialog, "exec", answer)
    return asked


def wait_for_list(qtbot, page, count: int) -> None:
    qtbot.waitUntil(lambda: page.error.text() or (not page.outcome_table.isHidden() and
                    page.outcome_table.rowCount() >= count), timeout=10_000)
    assert not page.error.text(), page.error.text()


def import_through(qtbot, site: Site, page, files) -> None:
    """Import through the page as a person does: check first, then import the good ones
    (the jobs run as this site's installation)."""
    with site:
        page.outcome_table.setRowCount(0)
        page.import_packages([str(f) for f in files])
        wait_for_list(qtbot, page, len(files))
        if page.apply_button.isEnabled():
            assert "（" in page.apply_button.text()  # how many it would import
            page.outcome_table.setRowCount(0)
            page.apply_checked()
            wait_for_list(qtbot, page, 1)
            assert page.apply_button.text() == "导入可用的包"  # nothing waits any more


def test_pair_send_merge_decide_and_answer_from_the_window(qtbot, boxes, tmp_path,
                                                           monkeypatch):
    village, township = Site(tmp_path, "village", None), Site(tmp_path, "town", None)
    with village:
        vbook = open_book(village.db, create=True)
        add_user(vbook, "李文书", "01")
        vbook.operator = "李文书"
        set_village(vbook, {"name": "石桥村", "code": "530524101001"})
        household_id = save_household(vbook, None, *family()).household_id
    with township:
        tbook = create_township(township.db, {"name": "城关镇", "code": "530524101",
                                                "user": "王站长"})
    vmain, tmain = window(qtbot, village, vbook), window(qtbot, township, tbook)
    vpage, tpage = vmain.sync_page, tmain.sync_page
    assert "尚未配对" in vpage.state.text()
    assert vpage.keys.fingerprint in vpage.fingerprint.text()
    # pairing: each saves its card; each accepts the other's after comparing by phone
    vcard, tcard = vpage.save_card(str(tmp_path / "v.vbpair")), \
        tpage.save_card(str(tmp_path / "t.vbpair"))
    answer_fingerprint(monkeypatch, "1234 5678 9012")  # the digits heard are not the card's
    assert not vpage.accept_card(str(tcard))
    asked = answer_fingerprint(monkeypatch, tpage.keys.fingerprint)
    assert vpage.accept_card(str(tcard))
    assert "城关镇" in asked[0]  # the dialog named whom it pairs with
    answer_fingerprint(monkeypatch, vpage.keys.fingerprint.replace(" ", ""))
    assert tpage.accept_card(str(vcard))
    assert "城关镇" in vpage.state.text()
    assert "尚未确认收到" in vpage.state.text() and "待发送" in vpage.state.text()
    # the village's package, imported at the township
    [package] = vpage.export_packages(str(tmp_path / "usb"))
    with township:  # checked first: listed with its sender and numbers, nothing written yet
        tpage.import_packages([str(package.parent)])  # the whole stick
        wait_for_list(qtbot, tpage, 1)
    assert tpage.outcome_table.item(0, 1).text() == "石桥村"
    assert tpage.outcome_table.item(0, 3).text() == "可导入"
    # how many changes it brings, in words; the numbers only in the tooltip
    assert tpage.outcome_table.item(0, 2).text().endswith("项新修改")
    assert "–" not in tpage.outcome_table.item(0, 2).text()
    assert "–" in tpage.outcome_table.item(0, 2).toolTip()
    assert households(township) == {}
    assert tpage.apply_button.isEnabled() and "（1）" in tpage.apply_button.text()
    with township:
        tpage.outcome_table.setRowCount(0)
        tpage.apply_checked()
        wait_for_list(qtbot, tpage, 1)
    assert tpage.outcome_table.item(0, 3).text() == "已导入"
    assert households(township)["110105001001001"]["head"] == "张三"
    assert tpage.villages.rowCount() == 1 and tpage.villages.item(0, 4).text() == "1"
    assert tmain.household_list.model.total() == 1  # the list shows the arrived household
    # both change the phone; the township decides; its answer goes home
    for _site, book, phone in ((village, vbook, "13900000001"), (township, tbook,
                                                                 "13900000002")):
        book.operator = book.operator or "王站长"
        household, members = load_household(book, household_id)
        save_household(book, household_id, {**household, "phone": phone}, members)
    [up] = vpage.export_packages(str(tmp_path / "usb2"))
    [down] = tpage.export_packages(str(tmp_path / "usb3"))
    import_through(qtbot, township, tpage, [up])
    import_through(qtbot, village, vpage, [down])
    assert tpage.conflicts.rowCount() == 1
    shown = {tpage.conflicts.item(0, 3).text(), tpage.conflicts.item(0, 4).text()}
    assert {text.split("（")[0] for text in shown} == {"13900000001", "13900000002"}
    assert any("李文书" in text for text in shown) and any("王站长" in text for text in shown)
    assert tpage.conflicts.item(0, 2).text() == "联系电话"  # the form's words
    assert tpage.conflicts.item(0, 0).text().startswith("石桥村 ")  # which village's 户
    assert not vpage.conflicts.item(0, 0).text().startswith("石桥村")  # a village: its own
    tpage.conflicts.selectRow(0)
    boxes.answer = QMessageBox.StandardButton.No  # asked first: no decides nothing
    assert not tpage.resolve(take="local") and tpage.conflicts.rowCount() == 1
    kept = tpage.conflicts.item(0, 3).text()
    assert kept in boxes.shown[-1][2] and "联系电话" in boxes.shown[-1][2]
    boxes.answer = QMessageBox.StandardButton.Yes
    assert tpage.resolve(take="local")
    assert tpage.conflicts.rowCount() == 0
    [answer] = tpage.export_packages(str(tmp_path / "usb4"))
    import_through(qtbot, village, vpage, [answer])
    assert vpage.conflicts.rowCount() == 0
    assert households(village)["110105001001001"]["phone"] == \
        households(township)["110105001001001"]["phone"]
    assert "已收到至" in vpage.state.text()
    for book in (vbook, tbook):
        book.close()


def test_a_refused_package_says_why_in_the_window(qtbot, boxes, tmp_path):
    township, tbook = new_township(tmp_path)
    page = window(qtbot, township, tbook).sync_page
    bogus = tmp_path / "x.vbsync"
    bogus.write_bytes(b"VBSYNC\r\n" + b"\0" * 40)
    import_through(qtbot, township, page, [bogus])
    assert page.outcome_table.item(0, 3).text() == "已拒绝"
    assert "损坏" in page.outcome_table.item(0, 4).text()
    assert not page.apply_button.isEnabled()
    tbook.close()


def test_after_a_background_import_a_change_here_sorts_after_what_arrived(qtbot, boxes,
                                                                          tmp_path):
    from villagebook.core.clock import encode, wall_ms

    township, tbook = new_township(tmp_path)
    page = window(qtbot, township, tbook).sync_page
    # another laptop's stamp an hour ahead (within what a clock follows; one further
    # ahead is held, or accepted without moving this clock)
    ahead = encode(wall_ms() + 3_600_000, 0, "elsewhere")
    with township:
        other = open_book(township.db)
        other.conn.execute("INSERT INTO actions (id, site_id, origin_seq, action, operator,"
                           " at) VALUES ('x', 'elsewhere', 1, 'x', 'x', 'x')")
        other.conn.execute("INSERT INTO changes (hlc, action_seq, table_name, record_id, op,"
                           " new_value) VALUES (?, last_insert_rowid(), 'users', 'u', 'create',"
                           " '{}')", [ahead])
        other.conn.commit()
        other.close()
    page.show_outcomes([])
    assert tbook.clock.now() > ahead
    tbook.close()


def test_a_typed_value_that_breaks_the_field_rule_is_refused_in_words(qtbot, boxes,
                                                                      tmp_path):
    from villagebook.ui.sync_page import SyncPage

    township, tbook = new_township(tmp_path)
    with township:
        tbook.conn.execute(
            "INSERT INTO sync_conflicts (id, table_name, record_id, field, local_value,"
            " local_stamp, remote_value, remote_stamp, found_at) VALUES ('c1', 'households',"
            " 'h1', 'phone', '\"13900000001\"', ?, '\"13900000002\"', ?, 'now')",
            [tbook.clock.now(), tbook.clock.now()])
        tbook.conn.commit()
        page = SyncPage(tbook)
    qtbot.addWidget(page)
    page.refresh()
    page.conflicts.selectRow(0)
    assert not page.resolve(value="12345")  # not a phone number
    assert "12345" in page.error.text() and "电话" in page.error.text()
    assert page.conflicts.rowCount() == 1
    tbook.close()


def test_the_township_window_writes_its_register_and_summary(qtbot, boxes, tmp_path,
                                                             monkeypatch):
    from helpers import pdf_text

    from villagebook.reports.workbook import rows_of

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)

    township, tbook = new_township(tmp_path)
    with township:
        with tbook.writing():
            tbook.conn.execute("INSERT INTO village (id, name, code, is_demo, created_at,"
                               " updated_at) VALUES ('v', '石桥村', '530524101001', 0, 't',"
                               " 't')")
    main = window(qtbot, township, tbook)
    menu_texts = [a.text() for m in main.menuBar().actions() for a in m.menu().actions()]
    assert "乡镇有簿汇总表…" in menu_texts
    pdf, workbook = tmp_path / "summary.pdf", tmp_path / "township.xlsx"
    main.print_township_summary(str(pdf))
    qtbot.waitUntil(lambda: len(shown) == 1, timeout=10_000)
    assert str(pdf) in shown[0] and "1 个村" in shown[0]
    assert "石桥村" in pdf_text(pdf)
    main.export_register(str(workbook))
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=10_000)
    assert list(rows_of(workbook, "乡镇汇总"))[2][0] == "石桥村"
    from villagebook.ui.pdf_view import PreviewDialog

    main.print_township_summary()  # from the menu: the preview first, as the cards
    qtbot.waitUntil(lambda: bool(main.findChildren(PreviewDialog)), timeout=10_000)
    [preview] = main.findChildren(PreviewDialog)
    assert "石桥村" in pdf_text(preview.path)
    preview.reject()
    tbook.close()


def test_the_township_list_shows_and_filters_villages(qtbot, boxes, pair, tmp_path, capsys,
                                                      monkeypatch):
    from syncing import export

    from villagebook.storage.measures import save_measure
    from villagebook.storage.problems import save_problem

    village, township = pair
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
        save_measure(book, household_id, None, {"measure_type": "01", "start_date":
                     "2026-03-01", "amount": "1000", "progress": "02"})
        save_problem(book, None, {"problem": "村道未硬化", "source": "01", "category": "04",
                                  "found_date": "2026-03-01", "responsible": "李文书",
                                  "progress": "01"})
    other = another_village(tmp_path, township)
    with other.book() as book:
        household, members = family()
        save_household(book, None, {**household, "number": "530524101002001"},
                       [{**m, "id_number": None} if i else m for i, m in enumerate(members)
                        if i == 0])
    for site in (village, other):
        [package] = export(site, tmp_path / site.db.stem, capsys)
        assert township.run("sync", "import", str(package)) == 0
    tbook = township.book()
    main = window(qtbot, township, tbook)
    model = main.household_list.model
    assert model.columnCount() == len(__import__("villagebook.storage.queries",
                                                 fromlist=["x"]).LIST_COLUMNS) + 1
    assert model.headerData(model.columnCount() - 1, Qt.Orientation.Horizontal) == "村"
    names = {model.index(r, model.columnCount() - 1).data() for r in range(model.rowCount())}
    assert names == {"石桥村", "河口村"}
    # shown first, where the eye starts (the model keeps it last)
    assert main.household_list.table.horizontalHeader().visualIndex(model.columnCount() - 1) == 0
    findings = main.show_page("findings")  # the warnings say their village too
    qtbot.waitUntil(lambda: findings.model.rowCount() > 0, timeout=10_000)
    assert findings.model.headerData(2, Qt.Orientation.Horizontal) == "村"
    assert {findings.model.index(r, 2).data() for r in range(findings.model.rowCount())} \
        <= {"石桥村", "河口村", ""}
    assert {findings.model.index(r, 2).data()
            for r in range(findings.model.rowCount())} & {"石桥村", "河口村"}
    main.show_page("households")
    main.filters.village.setCurrentIndex(main.filters.village.findText("河口村"))
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "530524101002001"
    main.household_list.search.setText("张三")  # search spans the villages
    main.filters.village.setCurrentIndex(0)
    main.household_list._search_timer.stop()
    main.household_list._apply_search()
    assert model.rowCount() == 2
    # every village list names the village and follows the one filter
    main.household_list.search.clear()
    main.household_list._search_timer.stop()
    for page, rows in ((main.measures_page, lambda: main.measures_page.model.rows),
                       (main.problems_page, lambda: main.problems_page.model.rows)):
        main.nav.setCurrentRow(main.pages.indexOf(page))
        main.filters.village.setCurrentIndex(main.filters.village.findText("石桥村"))
        assert [r["village_name"] for r in rows()] == ["石桥村"]
        assert page.model.headerData(0, Qt.Orientation.Horizontal) == "村"
        main.filters.village.setCurrentIndex(main.filters.village.findText("河口村"))
        assert rows() == []
        main.filters.village.setCurrentIndex(0)
    main.nav.setCurrentRow(main.pages.indexOf(main.visits_page))
    main.filters.village.setCurrentIndex(main.filters.village.findText("河口村"))
    assert {r["village_name"] for r in main.visits_page.not_visited.rows} <= {"河口村"}
    tbook.close()


def test_marking_the_same_person_opens_the_household_to_retire(qtbot, boxes, pair, tmp_path,
                                                               capsys, monkeypatch):
    from helpers import ZHANG_SAN, make_id
    from syncing import export

    village, township = pair
    other = another_village(tmp_path, township)
    with village.book() as book:
        save_household(book, None, *family())
    with other.book() as book:
        save_household(book, None, {"number": "530524101002001", "category": "01"},
                       [{"name": "张三", "relation": "01", "id_number": ZHANG_SAN},
                        {"name": "王芳", "relation": "02", "id_number": make_id("19800101", 62)}])
    for site in (village, other):
        [package] = export(site, tmp_path / site.db.stem, capsys)
        assert township.run("sync", "import", str(package)) == 0
    tbook = township.book()
    main = window(qtbot, township, tbook)
    page = main.sync_page
    with township:
        page.refresh()
    assert page.findings.rowCount() == 1
    opened: list[str] = []
    page.open_household.connect(opened.append)

    def keep_first(box) -> int:
        keep = [b for b in box.buttons() if "石桥村" in b.text()][0]
        keep.click()
        return 0

    def cancel(box) -> int:
        labels = [b.text() for b in box.buttons()]
        # each record named by its village and head of household
        assert any("石桥村" in t and "张三" in t for t in labels)
        assert any("河口村" in t and "张三" in t for t in labels)
        box.button(QMessageBox.StandardButton.Cancel).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", cancel)
    page.findings.selectRow(0)
    assert not page.mark("same")  # cancelled: nothing decided
    assert page.findings.rowCount() == 1 and not opened
    assert tbook.conn.execute("SELECT decision FROM sync_same_person").fetchone()[0] is None
    monkeypatch.setattr(QMessageBox, "exec", keep_first)
    page.findings.selectRow(0)
    assert page.mark("same")
    assert page.findings.rowCount() == 0
    retired = tbook.conn.execute("SELECT h.number FROM households h WHERE h.id = ?",
                                 [opened[0]]).fetchone()[0]
    assert retired == "530524101002001"  # the other record's household opens
    tbook.close()


def test_new_records_of_a_township_belong_to_the_village_chosen(qtbot, boxes, pair, tmp_path,
                                                                capsys, monkeypatch):
    import pytest
    from PySide6.QtWidgets import QInputDialog
    from syncing import export

    from villagebook.core import field_specs
    from villagebook.core.errors import ValidationFailed
    from villagebook.reports.workbook_import import ImportRefused, import_workbook
    from villagebook.storage.problems import list_problems
    from villagebook.ui import field_editors
    from villagebook.ui.record_dialog import RecordDialog

    village, township = pair
    other = another_village(tmp_path, township)
    for site in (village, other):
        [package] = export(site, tmp_path / site.db.stem, capsys)
        assert township.run("sync", "import", str(package)) == 0
    tbook = township.book()
    ids = dict(tbook.conn.execute("SELECT name, id FROM village"))
    # a record of no village would never reach one: the core refuses it in words
    with pytest.raises(ValidationFailed) as failed:
        save_household(tbook, None, *family())
    assert [i.code for i in failed.value.issues] == ["village.required"]
    with pytest.raises(ImportRefused) as refused:  # villages import their own lists
        import_workbook(tbook, tmp_path / "list.xlsx")
    assert refused.value.code == "import.township_book"

    main = window(qtbot, township, tbook)
    asked: list = []

    def choose(parent, title, label, items, *rest):
        asked.append(items)
        return items[1], True  # in code order: 石桥村, 河口村

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    main.show_page("households")
    # all villages shown: the village is asked
    qtbot.mouseClick(main.household_list.new_button, Qt.MouseButton.LeftButton)
    new = main.household_windows[None]
    assert asked == [["石桥村（530524101001）", "河口村（530524101002）"]]
    assert "河口村" in new.windowTitle()
    household, members = family()
    for spec in field_specs.fields("household"):
        if spec.name in household:
            field_editors.set_value(new.editors[spec.name], spec, household[spec.name])
    new.members.members[:] = [dict(m) for m in members]
    assert new.save(accept_warnings=True)
    assert households(township)[household["number"]]["village"] == ids["河口村"]

    # a problem added while the filter shows 石桥村 is 石桥村's, without asking
    main.filters.village.setCurrentIndex(main.filters.village.findText("石桥村"))
    main.show_page("problems")

    def ok(dialog: RecordDialog) -> int:
        for name, text in {"problem": "村道未硬化", "responsible": "李文书"}.items():
            typed(dialog.editors[name], QLineEdit).setText(text)
        field_editors.set_value(dialog.editors["category"],
                                field_specs.field("problem", "category"), "04")
        dialog.try_save()
        assert not dialog.error.text(), dialog.error.text()
        return dialog.result()

    monkeypatch.setattr(RecordDialog, "exec", ok)
    qtbot.mouseClick(main.problems_page.add_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1
    [problem] = list_problems(tbook)
    assert problem["village_id"] == ids["石桥村"] and problem["village_name"] == "石桥村"
    # with every village shown, cancelling the question adds nothing
    main.filters.village.setCurrentIndex(0)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("", False)))
    qtbot.mouseClick(main.problems_page.add_button, Qt.MouseButton.LeftButton)
    assert len(list_problems(tbook)) == 1
    tbook.close()


def test_a_folder_with_a_good_a_tampered_and_a_package_after_a_gap(qtbot, boxes, pair,
                                                                   tmp_path, capsys):
    """The township takes a whole stick: each package is checked and listed first; the
    good one comes in, the tampered one is refused in words, the one after a gap is kept
    and the villages page names the numbers it waits for."""
    from syncing import export

    village, township = pair
    other = another_village(tmp_path, township)
    with other.book() as book:
        household, members = family()
        save_household(book, None, {**household, "number": "530524101002001"}, members)
    with village.book() as book:
        household_id = save_household(book, None, *family()).household_id
    export(village, tmp_path / "first", capsys)  # this one never reaches the township
    with village.book() as book:
        household, members = load_household(book, household_id)
        save_household(book, household_id, {**household, "phone": "13900000009"}, members)
        peer = book.conn.execute("SELECT installation FROM sync_peers").fetchone()[0]
        book.conn.execute("INSERT INTO sync_acks VALUES (?, ?, ?)",  # as if acknowledged
                          [peer, book.site_id, book.own_sequence() - 1])
        book.conn.commit()
    stick = tmp_path / "stick"
    [after_gap] = export(village, stick, capsys)
    [good] = export(other, stick, capsys)
    tampered = stick / ("改过的-" + good.name)
    data = bytearray(good.read_bytes())
    data[-40] ^= 0x01
    tampered.write_bytes(bytes(data))
    tbook = township.book()
    main = window(qtbot, township, tbook)
    page = main.sync_page
    with township:
        page.import_packages([str(stick)])
        wait_for_list(qtbot, page, 3)
    states = {page.outcome_table.item(r, 0).text(): (page.outcome_table.item(r, 3).text(),
                                                     page.outcome_table.item(r, 4).text())
              for r in range(page.outcome_table.rowCount())}
    assert states[good.name][0] == "可导入", states
    assert states[tampered.name][0] == "已拒绝" and states[tampered.name][1]
    assert "缺少" in states[after_gap.name][0] or "暂存" in states[after_gap.name][0]
    assert households(township) == {}  # checked, nothing written
    with township:
        page.outcome_table.setRowCount(0)
        page.apply_checked()
        wait_for_list(qtbot, page, 2)
    assert set(households(township)) == {"530524101002001"}
    rows = {page.villages.item(r, 0).text(): [page.villages.item(r, c).text()
                                              for c in range(page.villages.columnCount())]
            for r in range(page.villages.rowCount())}
    assert rows["河口村"][4:8] == ["1", "3", "1", "0"]  # households, people, 脱贫户, 监测户
    assert after_gap.name in rows["石桥村"][3] and "缺" in rows["石桥村"][3]
    tbook.close()


def test_the_main_window_reminds_of_changes_the_township_has_not_seen(qtbot, boxes, pair):
    """Read after the first paint (the sync engine loads then), the reminder names the
    township and the changes waiting; with none waiting it stays hidden."""
    from villagebook.storage.book_settings import set_local_setting
    from villagebook.ui.main_window import REMINDER_SETTING

    village, _township = pair
    book = village.book()
    with village:
        save_household(book, None, *family())
        set_local_setting(book, REMINDER_SETTING, "0")  # remind of anything waiting
        main = MainWindow(book)
    qtbot.addWidget(main)
    assert main.reminder.isHidden()  # not read before the first paint
    with village:
        qtbot.waitUntil(lambda: not main.reminder.isHidden(), timeout=5_000)
    assert "城关镇" in main.reminder.text()
    book.close()


def test_a_replaced_laptop_is_paired_and_the_old_pairing_retired_from_the_window(
        qtbot, boxes, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    township, tbook = new_township(tmp_path)
    old_laptop, new_laptop = Site(tmp_path, "old", None), Site(tmp_path, "new", None)
    for site in (old_laptop, new_laptop):
        assert site.run("init", "--village", "石桥村", "--code", "530524101001",
                        "--user", "李文书") == 0
        assert site.run("sync", "pair", "--export", str(tmp_path / f"{site.db.stem}.card")) == 0
    tmain = window(qtbot, township, tbook)
    page = tmain.sync_page
    from villagebook.sync.keys import read_card

    answer_fingerprint(monkeypatch, read_card(tmp_path / "old.card")["fingerprint"])
    assert page.accept_card(str(tmp_path / "old.card"))
    answer_fingerprint(monkeypatch, read_card(tmp_path / "new.card")["fingerprint"])
    # the new laptop's card: the page asks whether the old pairing is to be retired
    asked: list[str] = []

    def retire_old(box):
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "停用旧的配对").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", retire_old)
    with township:
        assert page.accept_card(str(tmp_path / "new.card"))
    assert "已经与另一台电脑配对" in asked[0]
    assert "已于" in page.state.text() and "停用" in page.state.text()
    from villagebook.sync.peers import peers

    assert len(peers(tbook)) == 1 and len(peers(tbook, retired=True)) == 1
    # 停用配对… for the remaining one: which computer, then what it means
    monkeypatch.setattr(QInputDialog, "getItem",
                        staticmethod(lambda parent, title, label, items, *a: (items[0], True)))
    boxes.answer = QMessageBox.StandardButton.Yes
    assert page.retire()
    assert "同步包都不再导入" in boxes.texts()
    assert peers(tbook) == [] and not page.retire_button.isEnabled()
    tbook.close()


def test_the_pairing_dialog_pairs_only_on_the_digits_heard(qtbot, tmp_path):
    """Enter on the pairing dialog cancels until the digits typed are the card's; wrong
    digits are said to be wrong."""
    from villagebook.sync.keys import read_card
    from villagebook.ui.pairing_dialog import FingerprintDialog

    site = Site(tmp_path, "village", None)
    assert site.run("init", "--village", "石桥村", "--code", "530524101001",
                    "--user", "李文书") == 0
    assert site.run("sync", "pair", "--export", str(tmp_path / "v.card")) == 0
    card = read_card(tmp_path / "v.card")
    dialog = FingerprintDialog(card)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "石桥村" in dialog.findChildren(QLabel)[0].text()
    assert not dialog.pair_button.isEnabled() and dialog.cancel_button.isDefault()
    QTest.keyClick(dialog.digits, Qt.Key.Key_Return)  # Enter with nothing typed: no pairing
    assert dialog.result() == dialog.DialogCode.Rejected
    dialog.show()
    wrong = "9" + card["fingerprint"].replace(" ", "")[1:] if card["fingerprint"][0] != "9" \
        else "1" + card["fingerprint"].replace(" ", "")[1:]
    QTest.keyClicks(dialog.digits, wrong)
    assert not dialog.pair_button.isEnabled() and "不是" in dialog.verdict.text()
    dialog.accept()  # nothing accepts it meanwhile
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.digits.clear()
    QTest.keyClicks(dialog.digits, card["fingerprint"])
    assert dialog.pair_button.isEnabled() and dialog.pair_button.isDefault()
    QTest.keyClick(dialog.digits, Qt.Key.Key_Return)
    assert dialog.result() == dialog.DialogCode.Accepted


def test_a_clock_that_ran_ahead_is_said_and_accepted_from_the_window(qtbot, boxes, pair,
                                                                      tmp_path, capsys):
    import time as time_module

    from syncing import export

    village, township = pair
    real = time_module.time_ns
    with village.book() as book:  # the village's clock ran a year ahead for this save
        book.clock._wall = lambda: (real() + 365 * 86_400 * 10**9) // 1_000_000
        save_household(book, None, *family())
    vbook = village.book()
    vpage = window(qtbot, village, vbook).sync_page
    assert "快" in vpage.state.text() and "小时" in vpage.state.text()  # said at home
    [package] = export(village, tmp_path / "usb", capsys)
    assert township.run("sync", "import", str(package)) == 3  # kept at the township
    tbook = township.book()
    tpage = window(qtbot, township, tbook).sync_page
    with township:
        tpage.refresh()
    assert tpage.clock_button.isVisibleTo(tpage) and "时钟" in tpage.state.text()
    boxes.answer = QMessageBox.StandardButton.No  # told what it means, the person declines
    assert not tpage.accept_clock_ahead()
    assert households(township) == {}
    boxes.answer = QMessageBox.StandardButton.Yes
    with township:
        assert tpage.accept_clock_ahead()
    assert "时钟" in boxes.texts() and households(township)["110105001001001"]["head"] == "张三"
    assert not tpage.clock_button.isVisibleTo(tpage)
    tbook.close()
    vbook.close()


def test_an_empty_township_book_speaks_of_its_villages_packages(qtbot, boxes, tmp_path):
    """A township's book before any package: it says its households come with the
    villages' packages and offers 同步, not 新增农户 or an Excel import (which a township
    book refuses); its File menu exports 乡镇有簿, not the village register."""
    township, tbook = new_township(tmp_path)
    main = window(qtbot, township, tbook)
    main.show()
    main.show_page("households")
    assert main.household_list.first_steps.isVisibleTo(main)
    said = main.household_list.first_steps_text.text()
    assert "同步" in said and "乡镇" in said
    assert main.household_list.first_sync_button.isVisibleTo(main)
    assert not main.household_list.first_new_button.isVisibleTo(main)
    assert not main.household_list.first_import_button.isVisibleTo(main)
    texts = [a.text() for a in main.menuBar().actions()[0].menu().actions()]
    assert any("乡镇有簿" in t for t in texts) and not any("村册" in t for t in texts)
    assert not any("Excel" in t and "导入" in t for t in texts)
    qtbot.mouseClick(main.household_list.first_sync_button, Qt.MouseButton.LeftButton)
    assert main.pages.currentWidget() is main.sync_page
    tbook.close()


def test_a_village_imports_from_the_stick_as_the_township_does(qtbot, boxes, pair, tmp_path,
                                                               capsys, monkeypatch):
    """A village chooses the folder (the USB stick) as the township does; of what is on
    it, only the packages addressed to this book are listed — its own outgoing package
    beside the township's answer is counted as left alone."""
    from PySide6.QtWidgets import QFileDialog
    from syncing import export

    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    stick = tmp_path / "stick"
    [up] = export(village, stick, capsys)
    assert township.run("sync", "import", str(up)) == 0
    export(township, stick, capsys, "--to", "530524101001")  # the answer, beside it
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda parent, title, start: str(stick))
    vbook = village.book()
    main = window(qtbot, village, vbook)
    page = main.sync_page
    with village:
        page.import_packages()
        wait_for_list(qtbot, page, 1)
    assert page.outcome_table.rowCount() == 1
    assert page.outcome_table.item(0, 1).text() == "城关镇"
    assert page.others_note.isVisibleTo(main) and "1" in page.others_note.text()
    vbook.close()


def test_a_county_book_in_the_window(qtbot, boxes, tmp_path, capsys, pair):
    """A county's book opens like a township's: it says where its households come from,
    its 同步 page pairs with townships and lists them with their villages' figures added
    up, and a township's package imported through the page brings every household."""
    from syncing import export

    from villagebook.storage.levels import COUNTY

    village, township = pair
    with village.book() as book:
        save_household(book, None, *family())
    [up] = export(village, tmp_path / "up", capsys)
    assert township.run("sync", "import", str(up)) == 0
    county = Site(tmp_path, "county", None)
    with county:
        cbook = create_township(county.db, {"name": "昌宁县", "code": "530524",
                                             "user": "县档案员"}, COUNTY)
    assert county.run("sync", "pair", "--export", str(tmp_path / "county.card")) == 0
    assert township.run("sync", "pair", "--export", str(tmp_path / "town-up.card")) == 0
    assert county.accept(tmp_path / "town-up.card") == 0
    assert township.accept(tmp_path / "county.card") == 0
    [to_county] = export(township, tmp_path / "to-county", capsys, "--to", "530524")
    main = window(qtbot, county, cbook)
    assert "县级账本还没有农户" in main.household_list.first_steps_text.text()
    assert main.household_list.new_button.isHidden()  # its households come from townships
    page = main.sync_page
    assert page.accept_button.text() == "与乡镇配对…"
    assert page.villages.horizontalHeaderItem(0).text() == "乡镇"
    import_through(qtbot, county, page, [to_county])
    assert page.outcome_table.item(0, 3).text() == "已导入"
    with county:
        page.refresh()
    assert [page.villages.item(0, c).text() for c in (0, 1, 4, 5)] == \
        ["城关镇", "530524101", "1", "3"]
    assert main.household_list.model.total() == 1  # the list follows what arrived
    assert main.windowTitle().startswith("村账本 — 昌宁县")
    # a correction made at the county, through the household's window, waits for the
    # township, and its package carries it there
    from villagebook.ui.household_window import HouseholdWindow

    [household_id] = [r[0] for r in cbook.conn.execute("SELECT id FROM households")]
    form = HouseholdWindow(cbook, household_id)
    qtbot.addWidget(form)
    phone = typed(form.editors["phone"], QLineEdit)
    phone.setText("13900000002")
    phone.textEdited.emit("13900000002")
    assert form.save()
    with county:
        page.refresh()
    assert "有 1 项修改待发送" in page.state.text()
    [down] = export(county, tmp_path / "down", capsys, "--to", "530524101")
    assert township.run("sync", "import", str(down)) == 0
    assert households(township)["110105001001001"]["phone"] == "13900000002"


def test_a_county_chooses_a_township_then_a_village(qtbot, boxes, tmp_path, capsys, pair):
    """Above every page of a county's book: 乡镇 (named by the townships' cards), then 村
    of that township; the household list and the village lists follow the choice."""
    from syncing import export

    from villagebook.storage.levels import COUNTY

    village, township = pair
    far_village, far_town = Site(tmp_path, "far-v", None), Site(tmp_path, "far-t", None)
    assert far_village.run("init", "--village", "河村", "--code", "530524102001",
                           "--user", "赵") == 0
    assert far_town.run("init-township", "--name", "河口镇", "--code", "530524102",
                        "--user", "钱") == 0
    county = Site(tmp_path, "county", None)
    with county:
        cbook = create_township(county.db, {"name": "昌宁县", "code": "530524",
                                             "user": "县档案员"}, COUNTY)
    for site, name in ((far_village, "far-v"), (far_town, "far-t"), (county, "county"),
                       (township, "town-up")):
        assert site.run("sync", "pair", "--export", str(tmp_path / f"{name}.card")) == 0
    for site, card in ((far_village, "far-t"), (far_town, "far-v"), (far_town, "county"),
                       (county, "far-t"), (township, "county"), (county, "town-up")):
        assert site.accept(tmp_path / f"{card}.card") == 0
    for site, number in ((village, "530524101001001"), (far_village, "530524102001001")):
        household, members = family()
        births = (("19700305", 11), ("19720614", 22), ("19980101", 33))
        offset = 0 if site is village else 700
        members = [{**m, "id_number": make_id(b, s + offset)}
                   for m, (b, s) in zip(members, births)]
        with site.book() as book:
            save_household(book, None, {**household, "number": number}, members)
    for low, high, code in ((village, township, None), (far_village, far_town, None),
                            (township, county, "530524"), (far_town, county, "530524")):
        for package in export(low, tmp_path / f"mail-{low.db.stem}", capsys,
                              *(("--to", code) if code else ())):
            assert high.run("sync", "import", str(package)) == 0
    main = window(qtbot, county, cbook)
    main.records_arrived()  # (the packages came in behind the window's back)
    towns = main.filters.township
    assert not towns.isHidden()
    assert [towns.itemText(i) for i in range(towns.count())] == ["所有乡镇", "城关镇", "河口镇"]
    main.show_page("households")
    assert main.household_list.model.total() == 2
    towns.setCurrentIndex(towns.findData("530524102"))
    villages = main.filters.village
    assert [villages.itemText(i) for i in range(villages.count())] == ["所有村", "河村"]
    qtbot.waitUntil(lambda: main.household_list.model.total() == 1)
    assert main.household_list.model.index(0, 0).data() == "530524102001001"
    visits = main.show_page("visits")  # the village lists follow too
    assert "1 户" in visits.not_visited_label.text(), visits.not_visited_label.text()
    towns.setCurrentIndex(0)
    assert "2 户" in visits.not_visited_label.text()
    qtbot.waitUntil(lambda: main.household_list.model.total() == 2)
