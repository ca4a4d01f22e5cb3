"""``villagebook check``: the findings of the warning rules on the command line, one line
each in Chinese or one JSON array, exit status 4 when an error-level finding stands (for a
township script that checks every book)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core.messages import describe_plain, translate_plain
from .core.rules import BY_CODE
from .storage import open_book

ERROR_FOUND = 4  # 1 and 2 keep their meanings: a failure, a usage error


def add_parser(sub: Any, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]
               ) -> None:
    check = with_db(sub.add_parser("check", help="the warning rules' findings (预警)"))
    check.add_argument("--json", action="store_true", help="one JSON array on stdout")
    check.add_argument("--rule", action="append", choices=sorted(BY_CODE), metavar="CODE",
                       help="only this rule (again for more); codes: " + ", ".join(BY_CODE))


def run(args: argparse.Namespace, path: Path) -> int:
    from .storage.findings import find_all

    with open_book(path, read_only=True) as book:
        findings = find_all(book, args.rule)
    if args.json:
        print(json.dumps([{"rule": f.rule, "severity": f.severity,
                           "village_code": f.village_code,
                           "household_number": f.household_number,
                           "member_name": f.member_name,
                           "message": describe_plain(f.issue())} for f in findings],
                         ensure_ascii=False, indent=1))
    else:
        words = {"error": "错误", "warning": "预警", "reminder": "提醒"}
        for f in findings:
            where = " ".join(x for x in (f.household_number, f.head_name) if x) or \
                (f.village_code or "")
            print(f"{words[f.severity]}\t{translate_plain(BY_CODE[f.rule].title)}\t"
                  f"{where}\t{describe_plain(f.issue())}")
    return ERROR_FOUND if any(f.severity == "error" for f in findings) else 0

