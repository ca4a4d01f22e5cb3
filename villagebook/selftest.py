"""``villagebook --selftest``: what a built program must do on a fresh laptop, checked in a
minute without a person — a demo book made in a temporary folder and opened in the window
(offscreen), a household card printed, the register exported and imported back, the
checked backup made. Prints each step; exit status 0 when all pass."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path


def run() -> int:
    """Run every step; returns 0 when all passed, 1 otherwise."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp(prefix="villagebook-selftest-"))
    os.environ["VILLAGEBOOK_DATA_DIR"] = str(folder / "data")
    state: dict[str, object] = {}

    def demo() -> str:
        from .cli import create_demo

        state["book"] = create_demo(folder / "demo.db", 30, seed=1)
        return "30 households"

    def window() -> str:
        from PySide6.QtWidgets import QApplication

        from .ui import i18n
        from .ui.fonts import install_font
        from .ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        install_font(app)
        i18n.install("zh")
        main = MainWindow(state["book"])  # type: ignore[arg-type]
        main.show()
        app.processEvents()
        rows = main.household_list.model.rowCount()
        main.close()
        return f"{rows} rows in the list"

    def card() -> str:
        from .reports.printing import PrintRequest, render

        out = folder / "card.pdf"
        said = render(state["book"], PrintRequest("cards"), out)  # type: ignore[arg-type]
        return f"{said}, {out.stat().st_size} bytes"

    def register() -> str:
        from .reports.workbook import export_register
        from .reports.workbook_import import import_workbook

        out = folder / "register.xlsx"
        counts = export_register(state["book"], out)  # type: ignore[arg-type]
        result = import_workbook(state["book"], out, dry_run=True)  # type: ignore[arg-type]
        if result.problems:
            raise RuntimeError(f"{len(result.problems)} problems importing the register")
        return f"{counts['农户']} households out and back"

    def protected() -> str:
        from .reports.protected import is_protected, unprotected, write_protected
        from .reports.workbook import export_register
        from .reports.workbook_import import import_workbook

        out = folder / "protected.xlsx"
        counts = write_protected(out, "selftest-password", lambda plain: export_register(
            state["book"], plain))  # type: ignore[arg-type]
        if not is_protected(out):
            raise RuntimeError("the workbook was written without its password")
        with unprotected(out, "selftest-password") as copy:
            result = import_workbook(state["book"], copy, dry_run=True)  # type: ignore[arg-type]
        if result.households_created + result.households_updated != counts["农户"]:
            raise RuntimeError("the protected register did not come back whole")
        from pypdf import PdfReader

        from .reports.printing import PrintRequest, render

        cards = folder / "protected.pdf"
        write_protected(cards, "selftest-password", lambda plain: render(
            state["book"], PrintRequest("cards"), plain))  # type: ignore[arg-type]
        if not PdfReader(cards).is_encrypted:
            raise RuntimeError("the cards were written without their password")
        return f"{counts['农户']} households out with a password and back; cards protected"

    def backup() -> str:
        from .storage.backups import make_backup

        return make_backup(state["book"]).name  # type: ignore[arg-type]

    def locked() -> str:
        from .storage import open_book
        from .storage.connection import forget_keys, is_locked, unlock
        from .storage.locking import set_password

        copy = folder / "locked.db"
        shutil.copyfile(make_plain_copy(), copy)
        set_password(copy, "selftest-password")
        forget_keys()
        unlock(copy, "selftest-password")  # SQLCipher is in the folder and works
        with open_book(copy) as book:
            households = book.conn.execute("SELECT count(*) FROM households").fetchone()[0]
        if not is_locked(copy):
            raise RuntimeError("the copy was not locked")
        return f"a locked copy opened with its password, {households} households"

    def make_plain_copy() -> Path:
        from .storage.book import backup as copy_book

        return copy_book(state["book"].conn, folder / "plain-copy.db")  # type: ignore[attr-defined]

    steps: list[tuple[str, Callable[[], str]]] = [
        ("demo book", demo), ("window", window), ("household cards", card),
        ("register out and in", register), ("protected files", protected),
        ("backup", backup), ("locked book", locked)]
    failed = 0
    for name, step in steps:
        try:
            print(f"ok   {name}: {step()}", flush=True)
        except Exception:  # a self-test reports every failure and goes on
            failed += 1
            print(f"FAIL {name}", flush=True)
            traceback.print_exc(file=sys.stdout)
    book = state.get("book")
    if book is not None:
        book.close()  # type: ignore[attr-defined]
    shutil.rmtree(folder, ignore_errors=True)  # nothing of the test stays on the laptop
    print("selftest passed" if not failed else f"selftest: {failed} step(s) failed")
    return 1 if failed else 0
