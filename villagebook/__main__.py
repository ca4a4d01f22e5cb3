"""``villagebook`` / ``python -m villagebook``: the window, or a CLI command when one is named."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # absolute imports: the frozen program (build.spec) runs this file as a script
    from villagebook.commands import COMMANDS

    if argv == ["--selftest"]:  # the built program checks itself (make dist, CI)
        from villagebook.selftest import run

        return run()
    if argv and argv[0] in COMMANDS:
        from villagebook.cli import main as cli_main

        return cli_main(argv)
    if argv and argv[0] in ("-h", "--help"):  # the window's options and every command
        from villagebook.cli import usage

        print(usage())
        return 0
    from villagebook.app import main as app_main  # Qt is imported only for the window

    return app_main(argv)


if __name__ == "__main__":
    sys.exit(main())
