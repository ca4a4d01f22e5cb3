"""Developer commands: ``python -m villagebook.devtools forms|i18n``.

forms: compile ``forms/*.ui`` into ``villagebook/ui/forms/ui_<name>.py`` (pyside6-uic).
i18n:  update ``resources/i18n/*.ts`` from the sources (pyside6-lupdate) and compile them
       to ``.qm`` (pyside6-lrelease). Translate new strings in the .ts (Qt Linguist) first.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / "forms"
GENERATED = ROOT / "villagebook" / "ui" / "forms"
I18N = ROOT / "resources" / "i18n"
TS_FILES = [I18N / "villagebook_zh_CN.ts"]


def _tool(name: str) -> str:
    """A PySide6 tool from the same environment as this Python."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else (shutil.which(name) or name)


def compile_form(ui_file: Path) -> str:
    """The Python that pyside6-uic makes of one .ui file."""
    result = subprocess.run([_tool("pyside6-uic"), str(ui_file)], capture_output=True,
                            text=True, check=True)
    return result.stdout


def generated_path(ui_file: Path) -> Path:
    return GENERATED / f"ui_{ui_file.stem}.py"


def forms() -> None:
    for ui_file in sorted(FORMS.glob("*.ui")):
        generated_path(ui_file).write_text(compile_form(ui_file), encoding="utf-8")
        print(f"compiled {ui_file.name}")


def translation_sources() -> list[str]:
    sources = sorted(str(p) for p in (ROOT / "villagebook").rglob("*.py")
                     if "forms" not in p.parts[-2:-1])
    return sources + sorted(str(p) for p in FORMS.glob("*.ui"))


def i18n() -> None:
    for ts in TS_FILES:
        subprocess.run([_tool("pyside6-lupdate"), *translation_sources(), "-no-obsolete",
                        "-ts", str(ts)], check=True)
        subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
                       check=True)


def main(argv: list[str]) -> int:
    commands = {"forms": forms, "i18n": i18n}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    commands[argv[0]]()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
