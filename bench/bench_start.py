"""Start: a whole new process from launch to the main window's first paint, on a demo book
of N households, against a minimal PySide6 window (a main window with a table) started the
same way in the same run. The program starts through its own entry (``villagebook``).

    python bench/bench_start.py [--households 1500 30000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent

# Both processes say "painted" once their window's first expose has been handled (Qt
# paints the window while handling it), as the program's own after_first_paint hook sees it.
MINIMAL = """
import os
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView


class Exposed(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and watched.isExposed():
            QTimer.singleShot(0, lambda: (print("painted", flush=True), os._exit(0)))
        return False


app = QApplication([])
window = QMainWindow()
window.setCentralWidget(QTableView())
window.resize(1280, 720)
window.show()
exposed = Exposed()
window.windowHandle().installEventFilter(exposed)
app.exec()
"""

# The program's own start (the `villagebook` command's entry, then villagebook.app.main:
# fonts, translations, the single-instance lock, the scratch folder, the book, the main
# window), stopped at its first paint.
OURS = """
import sys
from villagebook import __main__ as entry, app
from villagebook.ui import first_paint

shown = app.Controller.show


def show(self, book):
    shown(self, book)
    # then ends as a person closing the window would (its scratch folder removed, the
    # lock let go), so that the next run starts as every morning's start does
    first_paint.after_first_paint(
        self.window, lambda: (print("painted", flush=True), self.window.close()))


app.Controller.show = show
sys.exit(entry.main(["--db", sys.argv[1]]))
"""


def launch(script: str, *args: str, env: dict[str, str]) -> float:
    """Seconds from starting the process to its first paint."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith("painted"):
            elapsed = time.perf_counter() - start
            break
    else:
        raise RuntimeError("the process ended before painting")
    process.wait()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, nargs="+", default=[1500, 30000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from villagebook.cli import create_demo

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    # the program as shipped starts from compiled bytecode: let the warm-up run write it
    # (a shell that sets PYTHONDONTWRITEBYTECODE made every run compile 50 modules again)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for households in args.households:
        path = fresh_path(f"start-{households}.db")
        env["VILLAGEBOOK_DATA_DIR"] = str(path.parent / "data")
        create_demo(path, households, seed=2).close()
        launch(OURS, str(path), env=env)  # a first run warms the disk cache
        ours = statistics.median(launch(OURS, str(path), env=env)
                                 for _ in range(args.repeat))
        minimal = statistics.median(launch(MINIMAL, env=env) for _ in range(args.repeat))
        report(f"launch to first paint, {households} households", ours, minimal, "ms")


if __name__ == "__main__":
    main()
