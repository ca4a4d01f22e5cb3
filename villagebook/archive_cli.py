"""The command line of the archive on PostgreSQL (``villagebook archive …``); ``cli.py``
hands these commands here. ``archive ingest`` exits as ``sync import`` does (0 done, 3 a
package stays held, 1 one was refused)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from .storage.book import Book

DSN_HELP = ("the archive's PostgreSQL database, as a URL (postgresql://user@host:5432/name) "
            "or key=value words")


def add_parser(sub: Any) -> None:
    archive = sub.add_parser("archive", help="the county's archive on PostgreSQL (县级有档 "
                                             "beyond a laptop)")
    verbs = archive.add_subparsers(dest="verb", required=True)

    def verb(name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = verbs.add_parser(name, help=text)
        parser.add_argument("--dsn", required=True, help=DSN_HELP)
        return parser

    init = verb("init", "make an archive in an empty database")
    init.add_argument("--name", required=True, help="the county's name")
    init.add_argument("--code", required=True, help="its 6-digit code")
    pair = verb("pair", "exchange pairing cards with a township")
    side = pair.add_mutually_exclusive_group(required=True)
    side.add_argument("--export", type=Path, metavar="FILE", help="write the archive's card")
    side.add_argument("--accept", type=Path, metavar="FILE", help="pair with a township's card")
    pair.add_argument("--fingerprint", help="the township's fingerprint, as read out by phone")
    ingest = verb("ingest", "apply townships' packages (files or folders)")
    ingest.add_argument("files", nargs="+", type=Path)
    ingest.add_argument("--json", action="store_true")
    export = verb("export", "the archive's answers, one package per township")
    export.add_argument("--out", type=Path, required=True, help="folder (or USB stick)")
    status = verb("status", "what the archive holds, what is held, conflicts")
    status.add_argument("--json", action="store_true")
    conflicts = verb("conflicts", "the open conflicts")
    conflicts.add_argument("--json", action="store_true")
    xlsx = verb("export-xlsx", "the 县级有档 register as a workbook")
    xlsx.add_argument("--out", type=Path, required=True)
    xlsx.add_argument("--protect", action="store_true",
                      help="protect the workbook with a password (from "
                           "VILLAGEBOOK_FILE_PASSWORD, or typed at a terminal): it holds "
                           "every person's ID number in full")
    retire = verb("retire", "retire the pairing with a township's computer replaced, lost "
                            "or stolen: its packages are refused from then on")
    retire.add_argument("peer", help="the township's code (or its installation id, when "
                                     "two share a code)")
    retire.add_argument("--user", required=True, help="who retires it (kept with the "
                                                      "retirement)")


def run(args: argparse.Namespace) -> int:
    """One ``archive`` command; the server going away in the middle is said in words."""
    try:
        import psycopg  # noqa: F401  (an extra: a village's laptop does not need it)
    except ImportError:
        from .core.errors import VillagebookError

        raise VillagebookError("archive.no_driver") from None
    from .archive.store import server_errors

    with server_errors(args.dsn):
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from .archive.store import init_archive, open_archive, shown_dsn
    from .sync_cli import conflict_text, pair, print_data, report, retire, status_text

    if args.verb == "init":
        init_archive(args.dsn, args.name, args.code)
        print(f"created the archive of {args.name} ({args.code}) in {shown_dsn(args.dsn)}")
        return 0

    def opener(_read_only: bool) -> Book:
        return open_archive(args.dsn)

    if args.verb == "pair":
        return pair(args, opener)
    with open_archive(args.dsn) as book:
        if args.verb == "ingest":
            from .sync.apply import import_files

            with book.ingesting():
                outcomes = import_files(book, args.files)
            return report(outcomes, args.json)
        if args.verb == "export":
            from .sync.export import export_packages

            args.out.mkdir(parents=True, exist_ok=True)
            for written in export_packages(book, args.out):
                print(written)
            return 0
        if args.verb == "status":
            from .archive.report import archive_status

            print_data(archive_status(book), args.json,
                       lambda state: f"{_size_text(state)}\n"
                                     f"{status_text(state['sync'], '本档案库')}")
            return 0
        if args.verb == "conflicts":
            from .sync.decide import open_conflicts

            print_data(open_conflicts(book), args.json, conflict_text)
            return 0
        if args.verb == "export-xlsx":
            from .archive.report import export_register
            from .cli_passwords import file_password
            from .reports.protected import write_protected

            password = file_password(args.out, new=True) if args.protect else None
            counts = write_protected(args.out, password,
                                     lambda out: export_register(book, out))
            print(f"wrote {args.out}{' (protected)' if password else ''}: "
                  + json.dumps(counts, ensure_ascii=False))
            return 0
        if args.verb == "retire":
            book.operator = args.user
            return retire(book, args.peer)
    raise ValueError(args.verb)


def _size_text(state: dict[str, Any]) -> str:
    return (f"{state['name']}（{state['code']}）档案库：{state['villages']} 个村，"
            f"{state['households']} 户，{state['people']} 人；已导入同步包 {state['packages']} 个")
