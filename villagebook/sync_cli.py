"""The command line of sync and of township books (``villagebook sync …``,
``villagebook init-township …``); ``cli.py`` hands these commands here.

``sync import`` exits 0 when nothing of that call stays held or refused (a package applied
before, or one not for this computer, counts as done), 3 when one or more stays held and
none was refused (the missing numbers on stderr), 1 when one was refused (the good ones
are still applied) or a village's counts disagree.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .core.errors import Issue
from .core.messages import describe_plain
from .storage import open_book
from .storage.book import Book

EXIT_HELD = 3
EXIT_USAGE = 2  # as argparse: the call lacks what it needs


def add_parsers(sub: Any, with_db: Callable[[argparse.ArgumentParser], argparse.ArgumentParser]
                ) -> None:
    township = with_db(sub.add_parser("init-township", help="create a township book"))
    township.add_argument("--name", required=True, help="township name")
    township.add_argument("--code", required=True, help="9-digit township code")
    township.add_argument("--county", default="")
    township.add_argument("--user", required=True, help="your name (recorded on every change)")
    county = with_db(sub.add_parser("init-county", help="create a county book (县级有档), fed "
                                                        "by its townships' packages"))
    county.add_argument("--name", required=True, help="county name")
    county.add_argument("--code", required=True, help="6-digit county code")
    county.add_argument("--user", required=True, help="your name (recorded on every change)")

    sync = sub.add_parser("sync", help="packages between a village and its township")
    verbs = sync.add_subparsers(dest="verb", required=True)
    pair = with_db(verbs.add_parser("pair", help="exchange pairing cards"))
    side = pair.add_mutually_exclusive_group(required=True)
    side.add_argument("--export", type=Path, metavar="FILE", help="write this book's card")
    side.add_argument("--accept", type=Path, metavar="FILE", help="pair with a peer's card")
    pair.add_argument("--fingerprint", help="the peer's fingerprint, as read out by phone "
                                            "(asked at a terminal when not given)")
    export = with_db(verbs.add_parser("export", help="one package per paired peer"))
    export.add_argument("--out", type=Path, required=True, help="folder (or USB stick)")
    export.add_argument("--to", dest="to_code", help="only the peer with this code")
    export.add_argument("--full", action="store_true", help="everything, not only the new")
    importing = with_db(verbs.add_parser("import", help="apply packages (files or folders)"))
    importing.add_argument("files", nargs="+", type=Path)
    importing.add_argument("--dry-run", action="store_true", help="verify, write nothing")
    importing.add_argument("--json", action="store_true")
    retire = with_db(verbs.add_parser(
        "retire", help="retire the pairing with a computer replaced, lost or stolen: its "
                       "packages are refused from then on"))
    retire.add_argument("peer", help="the computer's village or township code (or its "
                                     "installation id, when two share a code)")
    retire.add_argument("--user", help="who retires it (default: the book's only user)")
    accept = with_db(verbs.add_parser(
        "accept", help="import a package held because the sender's clock ran ahead: its "
                       "changes keep their stamps, this book's clock is not moved"))
    accept.add_argument("held", help="the held package's id (sync status names it)")
    accept.add_argument("--json", action="store_true")
    accept.add_argument("--user", help="who accepts it (default: the book's only user)")
    status = with_db(verbs.add_parser("status", help="what was sent, acknowledged, held"))
    status.add_argument("--json", action="store_true")
    conflicts = with_db(verbs.add_parser("conflicts", help="list or decide conflicts"))
    conflicts.add_argument("--json", action="store_true")
    conflicts.add_argument("--resolve", metavar="ID")
    choice = conflicts.add_mutually_exclusive_group()
    choice.add_argument("--take", choices=("local", "remote"))
    choice.add_argument("--value", help="a third value, typed as in the window")
    conflicts.add_argument("--user", help="who decides (default: the book's only user)")
    same = with_db(verbs.add_parser("same-person", help="one person registered twice"))
    same.add_argument("--json", action="store_true")
    same.add_argument("--mark", nargs=2, metavar=("ID", "same|different"))
    same.add_argument("--user", help="who decides (default: the book's only user)")


def run(args: argparse.Namespace, path: Path, operator: Callable[[Book, str | None], str]
        ) -> int:
    if args.command in ("init-township", "init-county"):
        from .storage.levels import COUNTY, TOWNSHIP
        from .storage.township import create_township

        level = TOWNSHIP if args.command == "init-township" else COUNTY
        create_township(path, {"name": args.name, "code": args.code, "user": args.user,
                               "county": getattr(args, "county", "")}, level).close()
        print(f"created {path}")
        return 0
    verb = args.verb
    if verb == "pair":
        return pair(args, lambda read_only: open_book(path, read_only=read_only))
    if verb == "export":
        from .sync.export import export_packages

        args.out.mkdir(parents=True, exist_ok=True)
        with open_book(path) as book:
            for written in export_packages(book, args.out, args.to_code, args.full):
                print(written)
        return 0
    if verb == "import":
        return _import(args, path, operator)
    if verb == "retire":
        with open_book(path) as book:
            book.operator = operator(book, args.user)
            return retire(book, args.peer)
    if verb == "accept":
        from .sync.apply import accept_held

        with open_book(path) as book:
            book.operator = operator(book, args.user)
            outcome = accept_held(book, args.held)
        print("接受时钟快的同步包：其中的修改保留原来的时间，本账本的时钟不跟着调快；之后在本机"
              "改同一项时仍以本机的修改为准。", file=sys.stderr)
        return report([outcome], args.json)
    if verb == "status":
        from .sync.decide import status

        with open_book(path, read_only=True) as book:
            state = status(book)
        print_data(state, args.json, status_text)
        return 0
    if verb == "conflicts":
        from .sync.decide import open_conflicts, resolve_conflict

        with open_book(path, read_only=args.resolve is None) as book:
            if args.resolve:
                book.operator = operator(book, args.user)
                resolve_conflict(book, args.resolve, take=args.take, value=args.value)
            print_data(open_conflicts(book), args.json, conflict_text)
        return 0
    if verb == "same-person":
        from .sync.decide import mark_same_person, same_person_findings

        with open_book(path, read_only=args.mark is None) as book:
            if args.mark:
                book.operator = operator(book, args.user)
                mark_same_person(book, args.mark[0], args.mark[1])
            print_data(same_person_findings(book), args.json, _finding_text)
        return 0
    raise ValueError(verb)


def pair(args: argparse.Namespace, opener: Callable[[bool], Book]) -> int:
    """``--export`` this book's card or ``--accept`` a peer's (``opener(read_only)``: the
    book, a village's, a township's, a county's or the archive)."""
    from .storage.village import book_identity
    from .sync.keys import load_keys, pairing_card, read_card, write_card
    from .sync.peers import add_peer

    keys = load_keys()
    if args.export:
        with opener(True) as book:
            me = book_identity(book)
        write_card(pairing_card(keys, me["kind"], me["name"], me["code"]), args.export)
        print(f"wrote {args.export}")
        print(f"本机指纹 fingerprint: {keys.fingerprint}")
        return 0
    card = read_card(args.accept)
    typed = args.fingerprint
    if typed is None:  # never paired unseen: the digits are asked, or the pairing refused
        if not sys.stdin.isatty():
            print(f"与 {card['name']}（{card['code']}）配对须核对指纹：请用 --fingerprint 给出"
                  "对方电话里念的 12 位数字", file=sys.stderr)
            return EXIT_USAGE
        typed = input(f"{card['name']}（{card['code']}）电脑上显示的指纹（电话里念的 12 位"
                      "数字）: ")
    with opener(False) as book:
        add_peer(book, card, typed)
    print(f"paired with {card['name']} ({card['code']})")
    print(f"对方指纹 fingerprint: {card['fingerprint']}")
    return 0


def _import(args: argparse.Namespace, path: Path, operator: Callable[[Book, str | None], str]
            ) -> int:
    from .sync.apply import import_files

    with open_book(path) as book:
        outcomes = import_files(book, args.files, dry_run=args.dry_run)
    return report(outcomes, args.json)


def report(outcomes: list[Any], as_json: bool) -> int:
    """Each package's outcome, as text or JSON; the exit code of the call."""
    rows: list[dict[str, Any]] = [{"file": o.name, "state": o.state, "reason": o.detail,
             "reason_text": describe_plain(Issue(o.detail, "", o.values)) if o.detail else "",
             "actions": o.actions, "sender": o.sender,
             "conflicts": [_conflict_row(c) for c in o.conflicts],
             "same_person": o.same_person, "count_errors": o.count_errors,
             "adopted": o.adopted,
             "skipped": [{**k, "reason_text": describe_plain(Issue(k["reason"], "", {}))}
                         for k in o.skipped]}
            for o in outcomes]
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        for row in rows:
            line = f"{row['file']}: {_STATES.get(row['state'], row['state'])}"
            if row["actions"]:
                line += f"，{row['actions']} 项操作"
            print(line)
            if row["adopted"]:
                print(f"  本账本的村已接上乡镇账本中的{row['adopted']}（新建的账本）")
            for conflict in row["conflicts"]:
                print(f"  冲突 {conflict['id']}: {conflict['table_name']}.{conflict['field']}"
                      f" 本方 {conflict['local_value']!r} / 对方 {conflict['remote_value']!r}")
            for finding in row["same_person"]:
                print(f"  疑似同一人 {finding['id']} ({finding['basis']})")
            for left in row["skipped"]:
                print(f"  未应用 {left['table']}.{left['field'] or '新记录'} "
                      f"{left['record']}：{left['reason_text']}")
    for row in rows:
        if row["state"] in ("refused", "held"):
            print(f"{row['file']}: {row['reason']}: {row['reason_text']}", file=sys.stderr)
        for error in row["count_errors"]:
            print(f"{row['file']}: 账账不符 {error['table']}: 对方 {error['sender']}，"
                  f"本账本 {error['here']}", file=sys.stderr)
    if any(r["state"] == "refused" or r["count_errors"] for r in rows):
        return 1
    if any(r["state"] == "held" for r in rows):
        return EXIT_HELD
    return 0


_STATES = {"applied": "已导入", "already": "已导入过（无变化）", "held": "暂存，等待缺少的包",
           "refused": "拒绝", "not_for_us": "不是给本机的，未动"}


def _conflict_row(conflict: dict[str, Any]) -> dict[str, Any]:
    out = dict(conflict)
    for side in ("local_value", "remote_value"):
        if isinstance(out.get(side), str):
            try:
                out[side] = json.loads(out[side])
            except ValueError:
                pass
    return out


def retire(book: Book, peer: str) -> int:
    """Retire the pairing with the computer ``peer`` names (its code, or its installation
    id when two share a code), said as done; by ``book.operator``."""
    from .sync.keys import SyncError
    from .sync.peers import peers, retire_peer

    chosen = [p for p in peers(book) if peer in (p["code"], p["installation"])]
    if len(chosen) != 1:
        raise SyncError("sync.retire_which" if chosen else "sync.unpaired", peer=peer)
    gone = retire_peer(book, chosen[0]["installation"])
    print(f"retired the pairing with {gone['name']} ({gone['code']}, {gone['installation']})")
    return 0


def print_data(data: Any, as_json: bool, text: Callable[[Any], str]) -> None:
    if as_json:
        print(json.dumps(data, ensure_ascii=False, indent=1, default=str))
    else:
        print(text(data))


def status_text(state: dict[str, Any], own: str = "本账本") -> str:
    """The sync status in words; ``own`` names what holds it (a book, the archive)."""
    lines = [f"{own}站点 {state['site']}"]
    if state["clock_ahead_hours"]:
        lines.append(f"注意：本账本修改的时间戳比电脑时钟快 {state['clock_ahead_hours']} 小时（电脑"
                     "时钟曾被调快）。对方会先暂存这些修改，由对方确认接受后导入。")
    for p in state["peers"]:
        lines.append(f"{p['name']}（{p['code']}，{p['installation']}）：待发送 "
                     f"{p['waiting_actions']} 项操作"
                     + (f"，最早 {p['waiting_since']}" if p["waiting_since"] else ""))
        for held in p["held"]:
            lines.append(f"  暂存 {held['file_name']}（{held['id']}）：" + (
                "对方电脑时钟快了，确认后用 sync accept 导入" if held["missing"] == "clock_ahead"
                else f"缺 {held['missing']}"))
    for p in state["retired"]:
        lines.append(f"{p['name']}（{p['code']}）：已停用配对（{p['retired_at'][:10]}，"
                     f"{p['retired_by']}），它的同步包不再导入")
    lines.append(f"待处理冲突 {state['open_conflicts']}，待确认同一人 "
                 f"{state['same_person_undecided']}")
    return "\n".join(lines)


def conflict_text(conflicts: list[dict[str, Any]]) -> str:
    if not conflicts:
        return "没有待处理的冲突"
    return "\n".join(f"{c['id']} {c.get('household_number') or ''} {c['table_name']}.{c['field']}: "
                     f"本方 {c['local_value']!r}（{c['local_operator'] or ''}）/ 对方 "
                     f"{c['remote_value']!r}（{c['remote_operator'] or ''}）"
                     for c in conflicts)


def _finding_text(findings: list[dict[str, Any]]) -> str:
    if not findings:
        return "没有待确认的同一人"
    return "\n".join(f"{f['id']} {f['a_name']} {f['a_id_number'] or ''} "
                     f"{f['a_village_code'] or ''}/{f['a_household_number']} ⇄ "
                     f"{f['b_name']} {f['b_id_number'] or ''} "
                     f"{f['b_village_code'] or ''}/{f['b_household_number']} ({f['basis']})"
                     for f in findings)
