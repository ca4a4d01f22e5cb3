"""The same operations as the window, without one (township scripts, benchmarks, tests).

    villagebook init --db PATH --village NAME --code 12DIGITS [--township T] [--county C] --user NAME
    villagebook demo --db PATH --households N [--seed S]
    villagebook export-json --db PATH
    villagebook export-xlsx --db PATH --out FILE.xlsx [--protect]
    villagebook print cards|walls|register --db PATH --out FILE.pdf
        [--households N1,N2] [--group 第1组] [--full-ids] [--paper A4|A3] [--protect]
    villagebook print notice --db PATH --out FILE.pdf --kind KIND --from DATE --to DATE
        [--posted DATE] [--days 7]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from . import archive_cli, check_cli, sync_cli
from .cli_passwords import file_password, secret
from .commands import COMMANDS
from .core import demo as demo_data
from .core.dates import parse_date
from .core.demo_user import DEMO_OPERATOR
from .core.errors import BookError, Issue, ValidationFailed, VillagebookError
from .core.today import current_date
from .paths import default_book_path
from .reports.notices import KINDS as NOTICE_KINDS
from .reports.printing import DOCUMENTS
from .storage import open_book, scratch
from .storage.book import Book, create_book, person_error, snapshot
from .storage.bulk import insert_households, insert_village_records
from .storage.connection import is_locked
from .storage.households import find_household_id
from .storage.kinds import household_kinds, kind
from .storage.problems import save_problem
from .storage.records import rows
from .storage.village import add_user, list_users, set_village


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="villagebook", description="Village record book (CLI).")
    sub = parser.add_subparsers(dest="command", required=True)

    def with_db(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--db", type=Path, default=None,
                       help=f"the book file (default: {default_book_path()})")
        return p

    init = with_db(sub.add_parser("init", help="create a book for a village"))
    init.add_argument("--village", required=True, help="village name")
    init.add_argument("--code", required=True, help="12-digit administrative code")
    init.add_argument("--township", default="")
    init.add_argument("--county", default="")
    init.add_argument("--user", required=True, help="your name (recorded on every change)")

    demo = with_db(sub.add_parser("demo", help="create a synthetic demo village"))
    demo.add_argument("--households", type=int, default=300)
    demo.add_argument("--seed", type=int, default=1)

    json_out = with_db(sub.add_parser("export-json", help="the whole book as JSON on stdout"))
    json_out.add_argument("--plain", action="store_true",
                          help="from a locked book: yes, write its personal data unprotected")
    xlsx = with_db(sub.add_parser("export-xlsx", help="the village register as a workbook"))
    xlsx.add_argument("--out", type=Path, required=True, help="the .xlsx file to write")
    xlsx.add_argument("--protect", action="store_true",
                      help="protect the workbook with a password (from "
                           "VILLAGEBOOK_FILE_PASSWORD or typed twice), as Excel and WPS do")
    xlsx.add_argument("--plain", action="store_true",
                      help="from a locked book: yes, write it without a password")
    template = sub.add_parser("template", help="a blank workbook for entering households")
    template.add_argument("--out", type=Path, required=True)
    importing = with_db(sub.add_parser("import-xlsx", help="households and members from a "
                                                            "workbook, all or nothing"))
    importing.add_argument("file", type=Path)
    importing.add_argument("--dry-run", action="store_true", help="check only, write nothing")
    importing.add_argument("--user", default=None,
                           help="who imports (named on every change in the log); default: "
                                "the book's only active user, required when it has several")
    importing.add_argument("--report", type=Path, help="write every problem to this .xlsx")
    importing.add_argument("--column", action="append", default=[], metavar="表头=字段",
                           help="what a column is (a field such as member.id_number or its "
                                "label such as 证件号码); \"表头=\": do not import it")
    importing.add_argument("--value", action="append", default=[], metavar="字段:原值=代码",
                           help="the code (or its label) a value of a field means")
    importing.add_argument("--default", action="append", default=[], metavar="字段=值",
                           help="a value for a column the list lacks, and its empty cells")
    importing.add_argument("--answers", type=Path,
                           help="answers from a file (JSON; see --save-answers); the options "
                                "above are laid over them")
    importing.add_argument("--save-answers", type=Path,
                           help="write the answers used to this file, for the next list")
    printing = with_db(sub.add_parser("print", help="print to PDF"))
    printing.add_argument("what", choices=(*DOCUMENTS, "township", "county"),
                          help="cards: 户卡（明白卡）; walls: 户内公示牌; notice: 公示名单; "
                               "register: 村有册; township, county: 乡镇有簿 or 县级有档汇总 (a "
                               "township's or a county's book: a row a village)")
    printing.add_argument("--out", type=Path, required=True, help="the .pdf file to write")
    printing.add_argument("--households", default="",
                          help="户编号 separated by commas (default: every active household)")
    printing.add_argument("--group", default="", help="only the households of this 组")
    printing.add_argument("--full-ids", action="store_true",
                          help="cards, register: archive copy with full ID numbers "
                               "(never for posting)")
    printing.add_argument("--paper", choices=["A4", "A3"], default="A4",
                          help="walls: paper size (landscape)")
    printing.add_argument("--kind", choices=list(NOTICE_KINDS), default="measures",
                          help="notice: monitoring_in (纳入监测), monitoring_out (风险消除), "
                               "measures (帮扶措施及资金), projects (项目资产)")
    printing.add_argument("--from", dest="start", type=_iso_date,
                          help="notice: first day of the period (default 1 January)")
    printing.add_argument("--to", dest="end", type=_iso_date,
                          help="notice: last day of the period (default today)")
    printing.add_argument("--posted", type=_iso_date, help="notice: first day on the board")
    printing.add_argument("--days", type=int, default=7, help="notice: days on the board")
    printing.add_argument("--protect", action="store_true",
                          help="cards, register: protect the PDF with a password (from "
                               "VILLAGEBOOK_FILE_PASSWORD or typed twice)")
    printing.add_argument("--plain", action="store_true",
                          help="cards, register from a locked book: yes, without a password")
    sync_cli.add_parsers(sub, with_db)
    check_cli.add_parser(sub, with_db)
    archive_cli.add_parser(sub)
    saving = with_db(sub.add_parser("backup", help="a checked copy of the book"))
    saving.add_argument("--to", type=Path, default=None,
                        help="the folder (default: the backup folder beside the book)")
    restoring = with_db(sub.add_parser("restore", help="put a backup in place of the book "
                                                      "(the current book is kept aside)"))
    restoring.add_argument("backup", type=Path, help="the backup file")
    locking = with_db(sub.add_parser(
        "password", help="lock the book (and its backups beside it) with a password, change "
                         "it, or take it off; the new one from VILLAGEBOOK_NEW_PASSWORD or "
                         "typed twice"))
    locking.add_argument("--remove", action="store_true", help="take the password off")
    return parser


def _iso_date(text: str) -> str:
    try:
        return parse_date(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text}") from None


def _print_selection(book: Book, numbers: str, group: str) -> tuple[str, ...] | None:
    """The households named by 户编号 and/or 组; None for every active household."""
    if not numbers and not group:
        return None
    ids: list[str] = []
    for number in (n.strip() for n in numbers.split(",")):
        if number:
            household_id = find_household_id(book, number)
            if household_id is None:
                raise ValidationFailed([Issue("household.unknown", "number",
                                              {"number": number})])
            ids.append(household_id)
    if group:
        in_group = [r[0] for r in book.conn.execute(
            "SELECT id FROM households WHERE status = 'active' AND group_name = ?"
            " ORDER BY number", [group])]
        ids = [i for i in ids if i in in_group] if numbers.strip() else in_group
    return tuple(ids)


def create_demo(path: Path, households: int, seed: int = 1,
                village: dict[str, Any] | None = None) -> Book:
    """Make a new demo book at ``path`` (refused if a book is already there); an
    interrupted run leaves nothing at ``path``. ``village``: whose the records are (name,
    code …; the demo village by default), made so from the first record, as a real
    village's book is (tests and benchmarks build counties of them)."""
    return create_book(path, lambda book: _fill_demo(book, households, seed,
                                                     village or demo_data.DEMO_VILLAGE))


def _fill_demo(book: Book, households: int, seed: int, village: dict[str, Any]) -> None:
    add_user(book, DEMO_OPERATOR, "01")
    book.operator = DEMO_OPERATOR
    set_village(book, village)
    helper_ids = insert_village_records(book, "helpers", "helper",
                                        demo_data.helper_roster(households, seed),
                                        "demo.create")
    today = current_date()
    insert_households(book, demo_data.generate(households, seed, today, helper_ids,
                                               village["code"]), "demo.create")
    for problem in demo_data.village_problems(today):
        save_problem(book, None, problem, today)
    project_ids = insert_village_records(book, "projects", "project",
                                         demo_data.PROJECTS, "demo.create")
    for project_id, incomes in zip(project_ids, demo_data.PROJECT_INCOMES):
        insert_village_records(book, "project_incomes", "project_income",
                               [{**i, "project_id": project_id} for i in incomes],
                               "demo.create", extra_columns=("project_id",))


def export_records(book: Book) -> dict[str, Any]:
    """The book as plain data, read from one snapshot: its villages, settings, users and
    helpers; each village's households with every record they own (removed ones too, with
    their status: the export hides nothing), its problems and its projects. Every record
    kind comes from the one registry (``storage.kinds``)."""
    with snapshot(book.conn):
        return _export_records(book)


def _export_records(book: Book) -> dict[str, Any]:
    households = rows(book, "SELECT * FROM households ORDER BY village_id, number", [])
    by_id = {h["id"]: h for h in households}
    children = household_kinds()
    for h in households:
        for column in ("rid", "search_text"):  # internal: the search index's row and words
            h.pop(column, None)
        for child in children:
            h[child.table] = []
    for child in children:
        for record in rows(book, f"SELECT * FROM {child.table}"
                                 f" ORDER BY household_id, {child.order}", []):
            by_id[record["household_id"]][child.table].append(record)
    projects = rows(book, f"SELECT * FROM projects ORDER BY {kind('projects').order}", [])
    incomes = rows(book, "SELECT * FROM project_incomes ORDER BY project_id, year", [])
    for project in projects:
        project["project_incomes"] = [i for i in incomes if i["project_id"] == project["id"]]
    villages = rows(book, "SELECT * FROM village ORDER BY code", [])
    for village in villages:
        own = village["id"]
        village["households"] = [h for h in households if h["village_id"] == own]
        village["problems"] = rows(book, "SELECT * FROM problems WHERE village_id = ?"
                                         " ORDER BY found_date", [own])
        village["projects"] = [p for p in projects if p["village_id"] == own]
    return {"villages": villages,
            "settings": dict(book.conn.execute("SELECT id, value FROM book_settings ORDER BY id")),
            "users": rows(book, "SELECT id, name, role, active FROM users ORDER BY name", []),
            "helpers": rows(book, "SELECT * FROM helpers ORDER BY name", [])}


def _run(args: argparse.Namespace) -> int:
    if args.command == "template":
        from .reports.workbook import export_template

        export_template(args.out)
        print(f"wrote {args.out}")
        return 0
    if args.command == "archive":
        return archive_cli.run(args)
    path: Path = args.db or default_book_path()
    if args.command in ("sync", "init-township", "init-county"):
        return sync_cli.run(args, path, _cli_operator)
    if args.command == "check":
        return check_cli.run(args, path)
    if args.command == "backup":
        from .storage.backups import make_backup

        with open_book(path) as book:  # writable: it notes the day's backup as made
            print(make_backup(book, args.to))
        return 0
    if args.command == "password":
        return _password(path, args.remove)
    if args.command == "restore":
        from .storage.backups import restore

        aside = restore(path, args.backup)
        print(f"restored {path} from {args.backup}; the book before is kept as {aside}")
        return 0
    if args.command == "init":
        def fill(book: Book) -> None:
            add_user(book, args.user)
            book.operator = args.user
            set_village(book, {"name": args.village, "code": args.code,
                               "township": args.township, "county": args.county})

        create_book(path, fill).close()
        print(f"created {path}")
    elif args.command == "demo":
        with create_demo(path, args.households, args.seed) as book:
            count = book.conn.execute("SELECT count(*) FROM members").fetchone()[0]
        print(f"created demo village in {path}: {args.households} households, {count} members")
    elif args.command == "export-xlsx":
        from .reports.protected import write_protected
        from .reports.township import export_township_register
        from .reports.workbook import export_register

        with open_book(path, read_only=True) as book:  # a township's book: 乡镇有簿
            _plain_from_locked(path, args, "xlsx")  # once the book's password is known
            password = file_password(args.out, new=True) if args.protect else None

            def write(out: Path) -> dict[str, int]:
                return (export_township_register(book, out) if book.holds_villages
                        else export_register(book, out))

            counts = write_protected(args.out, password, write)
        print(f"wrote {args.out}{' (protected)' if password else ''}: "
              + ", ".join(f"{k} {v}" for k, v in counts.items()))
    elif args.command == "import-xlsx":
        from .core.messages import describe_plain
        from .reports import import_answers
        from .reports.protected import is_protected, unprotected
        from .reports.workbook_import import import_workbook, write_report

        given = import_answers.from_options(args.column, args.value, args.default)
        answers = (import_answers.load(args.answers) if args.answers
                   else import_answers.Answers()).merged(given)
        with open_book(path) as book:
            book.operator = _cli_operator(book, args.user)
            if is_protected(args.file):
                with unprotected(args.file, file_password(args.file, new=False)) as copy:
                    result = import_workbook(book, copy, dry_run=args.dry_run,
                                             answers=answers)
            else:
                result = import_workbook(book, args.file, dry_run=args.dry_run,
                                         answers=answers)
        if args.save_answers:  # with the values still unknown, for a person to answer
            import_answers.save(answers, args.save_answers,
                                [(u.key, u.value) for u in result.unread])
        for p in result.problems:
            print(f"{p.sheet} 第{p.row}行 {p.column}: {describe_plain(p.issue)}", file=sys.stderr)
        for p in result.warnings:
            where = f"{p.sheet} 第{p.row}行 {p.column}: " if p.row else ""
            print(f"注意 {where}{describe_plain(p.issue)}", file=sys.stderr)
        if args.report:
            write_report(result, args.report)
        verb = "would import" if args.dry_run else ("imported" if result.committed else
                                                    "refused, nothing written")
        print(f"{verb}: {result.households_created} new households, "
              f"{result.households_updated} updated, {result.members} member rows; "
              f"{len(result.problems)} problems, {len(result.warnings)} warnings")
        return 0 if not result.problems else 2
    elif args.command == "print" and args.what in ("township", "county"):
        from .reports.township import print_township_summary
        from .storage.township import register_name

        with open_book(path, read_only=True) as book:
            count = print_township_summary(book, args.out)
            print(f"wrote {args.out}: {register_name(book)}汇总 {count} 个村")
    elif args.command == "print":
        from .reports.printing import PERSONAL, PrintRequest, render
        from .reports.protected import write_protected

        today = current_date()
        with open_book(path, read_only=True) as book:
            if args.what in PERSONAL:  # once the book's password is known
                _plain_from_locked(path, args, "PDF")
            password = file_password(args.out, new=True) if args.protect else None
            request = PrintRequest(
                args.what, _print_selection(book, args.households, args.group),
                full_ids=args.full_ids, paper=args.paper, notice=args.kind,
                start=args.start or f"{today.year}-01-01", end=args.end or today.isoformat(),
                posted=dt.date.fromisoformat(args.posted) if args.posted else None,
                days=args.days)
            summary = write_protected(args.out, password,
                                      lambda out: render(book, request, out))
        print(f"wrote {args.out}{' (protected)' if password else ''}: {summary}"
              + ("; with full ID numbers (an archive copy: never post it)"
                 if args.full_ids and args.what in PERSONAL else ""))
    elif args.command == "export-json":
        with open_book(path, read_only=True) as book:
            _plain_from_locked(path, args, "JSON")  # once the book's password is known
            json.dump(export_records(book), sys.stdout, ensure_ascii=False, indent=1)
            sys.stdout.write("\n")
    return 0


def usage() -> str:
    """``villagebook --help``: how to open the window, and every command with what it
    does (``villagebook COMMAND --help`` gives a command's options)."""
    parser = _parser()
    commands = next(a for a in parser._actions
                    if isinstance(a, argparse._SubParsersAction))
    helps = {choice.dest: choice.help for choice in commands._choices_actions}
    width = max(len(name) for name in commands.choices)
    lines = ["usage: villagebook [--db PATH] [--lang zh|en]   open the window",
             "       villagebook COMMAND [options]           run a command without the window",
             "", "commands (villagebook COMMAND --help for a command's options):"]
    lines += [f"  {name:<{width}}  {helps.get(name) or ''}" for name in commands.choices]
    return "\n".join(lines)


def _cli_operator(book: Book, name: str | None) -> str:
    """Who the CLI works as (the change log names them): the active user called ``name``,
    or, without ``--user``, the book's only active user."""
    users = [u["name"] for u in list_users(book)]
    if name:
        if name not in users:
            raise BookError("user.unknown", name=name, users="、".join(users))
        return name
    if len(users) != 1:
        raise BookError("user.choose", users="、".join(users))
    return users[0]


def _plain_from_locked(book_path: Path, args: argparse.Namespace, what: str) -> None:
    """Personal data out of a locked book only protected (``--protect``) or when asked
    for plain (``--plain``): nothing is written otherwise (exit 1, in words)."""
    if is_locked(book_path) and not getattr(args, "protect", False) and not args.plain:
        raise BookError("file.plain_from_locked", what=what,
                        protect=" --protect or" if hasattr(args, "protect") else "")


def _password(path: Path, remove: bool) -> int:
    """``villagebook password``: never as an argument (every user of the machine sees
    those); a forgotten password cannot be recovered, which is said before it is set."""
    from .sync.book_password import set_password

    if not path.exists():
        raise BookError("book.missing", path=str(path))
    new: str | None = None
    if not remove:
        new = secret("VILLAGEBOOK_NEW_PASSWORD", "cli.new_password", twice=True)
        if new is None:
            print("error: give the new password in VILLAGEBOOK_NEW_PASSWORD or type it "
                  "at a terminal", file=sys.stderr)
            return 2
    done = set_password(path, new)
    print(("locked " if new is not None else "unlocked ") + str(path)
          + "".join(f"\n  and {p}" for p in done))
    return 0


def _run_unlocking(args: argparse.Namespace) -> int:
    """Run the command; a locked book is unlocked with the password from
    ``VILLAGEBOOK_PASSWORD`` or, at a terminal, typed (never shown, never an argument:
    arguments are visible to every user of the machine)."""
    try:
        code = _run(args)
        _say_resumed(getattr(args, "db", None))
        return code
    except BookError as error:
        if error.code != "book.password_needed":
            raise
        password = secret("VILLAGEBOOK_PASSWORD", "cli.password")
        if not password:
            raise
        from .sync.book_password import open_locked

        resumed = open_locked(error.values["path"], password)  # the book, and the sync keys
        _say_resumed(None, resumed)
    return _run(args)


def _say_resumed(path: Path | None, resumed: str | None = None) -> None:
    """A change of the book's password cut short last time and settled at this open."""
    from .storage.locking import take_resumed

    resumed = resumed or (take_resumed(path) if path is not None else None)
    if resumed is not None:
        from .core.messages import describe_plain

        print(f"note: {describe_plain(Issue(f'book.password_{resumed}', ''))}",
              file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run one CLI command; errors are printed as their code (for scripts) and Chinese
    sentence (for people), exit status 1 or 2."""
    from .core.messages import describe_plain

    args = _parser().parse_args(argv)
    scratch.start()  # temporary files inside the data folder; leftovers of a crash removed
    sys.unraisablehook = _said_already
    try:
        try:
            return _run_unlocking(args)
        except Exception as error:  # noqa: BLE001 (a person's error in words, a bug raised)
            mapped = person_error(error)
            if mapped is None:
                raise
            raise mapped from error
    except ValidationFailed as error:
        for issue in error.issues:
            print(f"error: {issue.code}: {describe_plain(issue)}", file=sys.stderr)
        return 1
    except VillagebookError as error:
        issue = Issue(error.code, "", error.values)
        print(f"error: {error.code}: {describe_plain(issue)}", file=sys.stderr)
        return 1


def _said_already(unraisable: Any) -> None:
    """A file closed while Python cleans up that cannot be written (the disk is full, which
    the command has said in words): no traceback after the message. Anything else as
    Python says it."""
    if person_error(unraisable.exc_value) is None:
        sys.__unraisablehook__(unraisable)


__all__ = ["COMMANDS", "main", "create_demo", "export_records", "list_users"]
