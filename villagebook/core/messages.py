"""What each issue and error code means, in English (the source of the translations in
resources/i18n): the window shows them through Qt, reports and the CLI through
``describe_plain`` which reads the same Chinese translations without Qt."""

from __future__ import annotations

from functools import cache
from typing import Any

from ..paths import resources_dir
from . import field_specs
from .errors import Issue

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (Qt's name, for lupdate)
    """Marks a string for translation (pyside6-lupdate finds it by this name)."""
    return text


TEMPLATES: dict[str, str] = {
    # ID numbers
    "id.empty": QT_TRANSLATE_NOOP("Messages", "Enter the ID number"),
    "id.length": QT_TRANSLATE_NOOP(
        "Messages", "The ID number must have 18 characters (or the old 15); it has {length}"),
    "id.chars": QT_TRANSLATE_NOOP(
        "Messages", "The ID number may contain only digits, and X as the last character"),
    "id.check_char": QT_TRANSLATE_NOOP(
        "Messages", "Wrong check character in the ID number: the last character should be {expected}"),
    "id.birth_date": QT_TRANSLATE_NOOP(
        "Messages", "The birth date in the ID number ({value}) does not exist"),
    "id.future": QT_TRANSLATE_NOOP(
        "Messages", "The birth date in the ID number ({value}) is after today"),
    "id.area_unknown": QT_TRANSLATE_NOOP(
        "Messages", "The area code {area} was not in use in the birth year; please check "
                    "(it may be a code that changed later)"),
    # fields
    "field.required": QT_TRANSLATE_NOOP("Messages", "Enter {label}"),
    "code.unknown": QT_TRANSLATE_NOOP(
        "Messages", "{label}: “{value}” is not in the list; choose from the drop-down"),
    "phone.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{label}: “{value}” is not a phone number (a mobile has 11 digits starting "
                    "with 1; a landline looks like 0871-12345678)"),
    "date.future": QT_TRANSLATE_NOOP("Messages", "{label} cannot be after today ({value})"),
    "date.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{label}: “{value}” is not a date; write it like 2024-03-01"),
    "text.too_long": QT_TRANSLATE_NOOP(
        "Messages", "{label} is too long: {length} characters, at most {max}"),
    "year.range": QT_TRANSLATE_NOOP("Messages", "{label}: {value} is not a plausible year"),
    "year.invalid": QT_TRANSLATE_NOOP("Messages", "{label}: “{value}” is not a year"),
    "months.range": QT_TRANSLATE_NOOP("Messages", "{label} must be between 0 and 12"),
    "months.invalid": QT_TRANSLATE_NOOP("Messages", "{label}: “{value}” is not a number of months"),
    "int.invalid": QT_TRANSLATE_NOOP("Messages", "{label}: “{value}” is not a whole number"),
    "money.invalid": QT_TRANSLATE_NOOP(
        "Messages", "{label}: “{value}” is not an amount in yuan (at most two decimals)"),
    "money.negative": QT_TRANSLATE_NOOP("Messages", "{label} cannot be negative"),
    "money.absurd": QT_TRANSLATE_NOOP("Messages", "{label}: {value} yuan is far too large; please check"),
    "decimal.invalid": QT_TRANSLATE_NOOP("Messages", "{label}: “{value}” is not a number"),
    "decimal.range": QT_TRANSLATE_NOOP("Messages", "{label}: {value} is out of range"),
    "bool.invalid": QT_TRANSLATE_NOOP("Messages", "{label}: choose yes or no"),
    # members
    "member.sex_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "Sex does not match the ID number, which says {expected}"),
    "member.birth_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "Birth date does not match the ID number, which says {expected}"),
    "member.relation_sex": QT_TRANSLATE_NOOP(
        "Messages", "Relation is “{relation}” but sex is {sex}; please check"),
    "member.relation_age": QT_TRANSLATE_NOOP(
        "Messages", "Relation is “{relation}” but the age does not fit the head's; please check"),
    "member.spouse_sex": QT_TRANSLATE_NOOP(
        "Messages", "The spouse has the same sex as the head; please check"),
    "member.disability_missing": QT_TRANSLATE_NOOP(
        "Messages", "Health is “disabled”: enter the disability type"),
    "member.disability_cert": QT_TRANSLATE_NOOP(
        "Messages", "A disability certificate number is usually the ID number plus type and "
                    "grade: {expected}"),
    "member.out_of_school": QT_TRANSLATE_NOOP(
        "Messages", "Aged {age}, of compulsory-school age, but not in school: check and write "
                    "the reason in the note"),
    "member.duplicate_id": QT_TRANSLATE_NOOP(
        "Messages", "Same ID number as {other} in this household"),
    "member.id_elsewhere": QT_TRANSLATE_NOOP(
        "Messages", "This ID number is already registered in household {household}; one "
                    "person cannot be in two households"),
    "member.left_reason": QT_TRANSLATE_NOOP("Messages", "Choose why the member left"),
    "member.left_date": QT_TRANSLATE_NOOP("Messages", "Enter the date the member left"),
    # household
    "household.no_head": QT_TRANSLATE_NOOP(
        "Messages", "The household has no head: set one member's relation to “户主”"),
    "household.many_heads": QT_TRANSLATE_NOOP(
        "Messages", "The household has several heads ({names}); there can be only one"),
    "household.many_spouses": QT_TRANSLATE_NOOP(
        "Messages", "The household has several spouses ({names})"),
    "household.no_members": QT_TRANSLATE_NOOP("Messages", "Enter at least one member"),
    "household.number_taken": QT_TRANSLATE_NOOP(
        "Messages", "Household number {number} is already used by another household"),
    "household.already_closed": QT_TRANSLATE_NOOP("Messages", "The household is already closed"),
    "household.not_closed": QT_TRANSLATE_NOOP("Messages", "The household is not closed"),
    "member.already_left": QT_TRANSLATE_NOOP("Messages", "The member has already left"),
    "member.not_left": QT_TRANSLATE_NOOP("Messages", "The member has not left"),
    # income and other records
    "income.year_taken": QT_TRANSLATE_NOOP(
        "Messages", "There is already an income record for {year}: change that one instead"),
    "project_income.year_taken": QT_TRANSLATE_NOOP(
        "Messages", "The project already has its income for {year}: change that one instead"),
    "record.already_removed": QT_TRANSLATE_NOOP("Messages", "The record is already removed"),
    "record.already_active": QT_TRANSLATE_NOOP("Messages", "The record is not removed"),
    # measures
    "date.before_start": QT_TRANSLATE_NOOP("Messages", "{label} is before the start ({start})"),
    "measure.member_unknown": QT_TRANSLATE_NOOP(
        "Messages", "The member chosen does not belong to this household"),
    "measure.repaid_too_much": QT_TRANSLATE_NOOP(
        "Messages", "More has been repaid than was lent"),
    "measure.loan_field": QT_TRANSLATE_NOOP(
        "Messages", "{label} is only for a microcredit loan"),
    # helpers and visits
    "helper.unknown": QT_TRANSLATE_NOOP("Messages", "Choose a helper from the roster"),
    "visit.who": QT_TRANSLATE_NOOP(
        "Messages", "Choose the helper who visited, or write the visitor's name"),
    "int.range": QT_TRANSLATE_NOOP("Messages", "{value} is out of range"),
    "setting.too_long": QT_TRANSLATE_NOOP("Messages", "Write at most {max} characters"),
    # printing
    "print.period": QT_TRANSLATE_NOOP(
        "Messages", "The period ends ({end}) before it starts ({start})"),
    "print.notice_days": QT_TRANSLATE_NOOP(
        "Messages", "A notice is posted for 1 to 60 days, not {value}"),
    "print.nothing": QT_TRANSLATE_NOOP("Messages", "There is nothing to print: {what}"),
    # photos
    "photo.not_image": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a picture (JPEG or PNG); nothing was added"),
    "photo.huge": QT_TRANSLATE_NOOP(
        "Messages", "{name} is too large to be a photo (over 40 MB or 120 million pixels)"),
    "photo.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{name} is still too large after reducing; nothing was added"),
    # problems
    "household.unknown": QT_TRANSLATE_NOOP("Messages", "There is no household {number}"),
    "village.required": QT_TRANSLATE_NOOP(
        "Messages", "A township's book keeps many villages: choose the village this record "
        "belongs to"),
    "problem.closed_not_done": QT_TRANSLATE_NOOP(
        "Messages", "A closing date needs the progress “rectified”"),
    # monitoring
    "monitoring.too_many_risks": QT_TRANSLATE_NOOP(
        "Messages", "At most five risk types ({count} chosen)"),
    "monitoring.not_for_identify": QT_TRANSLATE_NOOP(
        "Messages", "{label} belongs to a risk removal, not to an identification"),
    "monitoring.not_for_remove": QT_TRANSLATE_NOOP(
        "Messages", "{label} belongs to an identification, not to a risk removal"),
    "monitoring.already_monitored": QT_TRANSLATE_NOOP(
        "Messages", "On {date} the household is already monitored: record the removal of "
                    "its risk first"),
    "monitoring.not_monitored": QT_TRANSLATE_NOOP(
        "Messages", "On {date} the household is not monitored, so no risk can be removed"),
    # importing workbooks
    "import.missing_columns": QT_TRANSLATE_NOOP(
        "Messages", "No header row with the columns {columns} was found in the first rows"),
    "import.not_workbook": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a workbook that can be read (xlsx, xls or ods), or it is "
                    "damaged"),
    "import.encrypted": QT_TRANSLATE_NOOP(
        "Messages", "{name} is protected by a password; save a copy without the password"),
    "import.too_many_rows": QT_TRANSLATE_NOOP(
        "Messages", "Sheet {sheet} has {rows} rows: too many for a village's list"),
    "import.empty": QT_TRANSLATE_NOOP("Messages", "{name} holds no households"),
    "import.township_book": QT_TRANSLATE_NOOP(
        "Messages", "A township's book does not import village lists: each village imports "
        "its own list into its book, and its sync package brings the households here"),
    "import.too_large": QT_TRANSLATE_NOOP(
        "Messages", "{name} is far larger inside than any village's list (it may be damaged "
                    "or made to exhaust the computer's memory); it was not read"),
    "import.bare_codes": QT_TRANSLATE_NOOP(
        "Messages", "{count} cell(s) of the column “{column}” hold a bare number, and numbers "
                    "mean different entries in this program's code list and in {numberings}. "
                    "Choose under “Read as” which numbering the column uses."),
    "import.unsafe_house": QT_TRANSLATE_NOOP(
        "Messages", "The column “{column}” marks {count} household(s) as living in an unsafe "
                    "house, but says not whether grade C or D: enter their housing grade in the "
                    "household window."),
    "import.value_kept": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” in the column “{column}” ({count} cell(s)) is not in the code "
                    "list: the field was left empty and the value kept in the remarks. Say "
                    "which code it means and it is read so from now on."),
    "import.more_problems": QT_TRANSLATE_NOOP(
        "Messages", "… and {count} more of the same kinds, not listed: correct the ones above "
                    "and check again."),
    "import.required_missing": QT_TRANSLATE_NOOP(
        "Messages", "{count} row(s) lack {label}: the list has no such column, or leaves it "
                    "empty. Say once what it is for the whole list (a value for all), or fill "
                    "it in the list."),
    "import.closing_rows": QT_TRANSLATE_NOOP(
        "Messages", "{count} row(s) that close the list (such as “{example}”) were not read "
                    "as people."),
    "import.numbered": QT_TRANSLATE_NOOP(
        "Messages", "The list has no household number: {count} household(s) were numbered "
                    "from the village code in the order of the list, each starting at its "
                    "head of household."),
    "import.number_cut_short": QT_TRANSLATE_NOOP(
        "Messages", "The column “{column}” was stored as numbers, and Excel kept only 15 "
                    "digits ({count} cell(s), such as {example}): the last digits are lost. "
                    "Format the column as text in the original list, type the numbers again "
                    "(or copy them from the system's export) and import again."),
    "import.no_household_key": QT_TRANSLATE_NOOP(
        "Messages", "Sheet {sheet} has neither a household number nor a column saying who is "
                    "the head of household, so its people cannot be put into households. "
                    "Choose which column holds the household number or the relation to the "
                    "head."),
    "import.answers_damaged": QT_TRANSLATE_NOOP(
        "Messages", "The answers file {name} cannot be read (it is not an answers file of this "
                    "program, or it is damaged)."),
    "import.answers_newer": QT_TRANSLATE_NOOP(
        "Messages", "The answers file was made by a newer version of the program (version "
                    "{version}); update the program to use it."),
    "import.unknown_target": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is no field of the book (write a field such as member.id_number "
                    "or its label such as 证件号码)."),
    "import.answer_form": QT_TRANSLATE_NOOP(
        "Messages", "“{value}” is not an answer of the form {form}."),
    "import.unread_columns": QT_TRANSLATE_NOOP(
        "Messages", "{count} column(s) have no place in the book and are not imported: "
                    "{columns}. Choose under “Read as” if one of them holds a field."),
    "import.monitoring_in": QT_TRANSLATE_NOOP(
        "Messages", "From the list's monitoring columns: {identified} household(s) taken into "
                    "monitoring, {removed} with their risk removed (logged events, as in the "
                    "household window)."),
    "import.monitoring_kept": QT_TRANSLATE_NOOP(
        "Messages", "{count} household(s) already have monitoring events in the book; the "
                    "list's monitoring columns were not applied to them: {numbers}"),
    "import.monitoring_no_date": QT_TRANSLATE_NOOP(
        "Messages", "{count} household(s) are monitored in the list but it gives no date of "
                    "identification; enter the monitoring in the household window: {numbers}"),
    "import.monitoring_no_risk": QT_TRANSLATE_NOOP(
        "Messages", "{count} household(s) are monitored in the list but neither a risk type "
                    "nor a cause that names one is given; enter the monitoring in the household "
                    "window: {numbers}"),
    "import.monitoring_removal_incomplete": QT_TRANSLATE_NOOP(
        "Messages", "{count} household(s) have their risk removed in the list without the "
                    "date or the way it was removed; they were taken into monitoring, enter the "
                    "removal in the household window: {numbers}"),
    "import.other_village": QT_TRANSLATE_NOOP(
        "Messages", "{count} of the {total} households have a household number of another "
                    "village (such as {example}; this village's numbers begin with {code}). "
                    "Check that this is the right village's list before importing."),
    "import.external_link": QT_TRANSLATE_NOOP(
        "Messages", "The workbook takes values from other files ({files}): what was copied "
                    "from them when the file was last saved is imported. Check that it is "
                    "up to date."),
    # village and users
    "township.code": QT_TRANSLATE_NOOP(
        "Messages", "The township code must have 9 digits (it has “{value}”)"),
    "book.county_records": QT_TRANSLATE_NOOP(
        "Messages", "The shared settings and the helpers are the townships': change them "
                    "in the township's book (a county's book changes its villages' records "
                    "and its own users)"),
    "county.code": QT_TRANSLATE_NOOP(
        "Messages", "The county code must have 6 digits (it has “{value}”)"),
    # the archive on PostgreSQL
    "archive.no_driver": QT_TRANSLATE_NOOP(
        "Messages", "The archive needs the PostgreSQL driver: install villagebook with its "
                    "archive extra (pip install \"villagebook[archive]\")"),
    "archive.bad_dsn": QT_TRANSLATE_NOOP(
        "Messages", "“{dsn}” is not a database address ({reason}); write it as "
                    "postgresql://user@host:5432/database"),
    "archive.cannot_connect": QT_TRANSLATE_NOOP(
        "Messages", "Cannot reach the archive's database {dsn} ({reason}); check the address, "
                    "the user and that the server is running. Nothing was changed."),
    "archive.server_gone": QT_TRANSLATE_NOOP(
        "Messages", "The connection to the archive's database {dsn} was lost ({reason}). The "
                    "package being applied was not written; those applied before stay. Run "
                    "the same command again once the server is back: it goes on from there."),
    "archive.missing": QT_TRANSLATE_NOOP(
        "Messages", "The database {dsn} holds no archive yet: make one first (villagebook "
                    "archive init)"),
    "archive.exists": QT_TRANSLATE_NOOP(
        "Messages", "The database {dsn} holds an archive already; nothing was changed"),
    "archive.not_ours": QT_TRANSLATE_NOOP(
        "Messages", "The database {dsn} belongs to another program (it holds tables such as "
                    "{tables}); it was not touched. Make an empty database for the archive."),
    "archive.newer": QT_TRANSLATE_NOOP(
        "Messages", "The archive in {dsn} was brought up to a newer version of villagebook "
                    "(archive version {version}; this program knows up to {supported}); "
                    "please update the program. Nothing was changed."),
    # sync packages and pairing
    "sync.bad_card": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not a villagebook pairing card"),
    "sync.fingerprint_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The fingerprint does not match ({expected} on this card): do not pair; "
                    "ask the other side for their card again"),
    "sync.same_kind": QT_TRANSLATE_NOOP(
        "Messages", "Two books of one level do not pair: a village pairs with its township, "
                    "a township with its county"),
    "sync.levels_apart": QT_TRANSLATE_NOOP(
        "Messages", "This card is of {name} ({card_code}): a village pairs with its township and "
                    "a township with its county, never across a level"),
    "sync.not_within": QT_TRANSLATE_NOOP(
        "Messages", "{lower} ({lower_code}) is not in {higher} ({higher_code}): a village's "
                    "code begins with its township's 9 digits, a township's with its "
                    "county's 6; check the codes on both books"),
    "sync.unpaired": QT_TRANSLATE_NOOP(
        "Messages", "The package comes from a book this one is not paired with: pair first"),
    "sync.retire_which": QT_TRANSLATE_NOOP(
        "Messages", "More than one computer is paired under {peer}: name the one to retire "
                    "by its installation id (villagebook sync status shows them)"),
    "sync.retired": QT_TRANSLATE_NOOP(
        "Messages", "The package comes from the computer of {name} ({peer_code}) whose pairing "
                    "was retired on {day}: it is not imported. If that computer is in use "
                    "again, pair with it again"),
    "sync.damaged": QT_TRANSLATE_NOOP(
        "Messages", "The package is damaged or was changed after it was made; ask for it "
                    "again. Nothing was changed."),
    "sync.too_large": QT_TRANSLATE_NOOP(
        "Messages", "The package is larger than any package villagebook makes; it was not "
                    "read. Nothing was changed."),
    "sync.bad_names": QT_TRANSLATE_NOOP(
        "Messages", "The package holds files that no villagebook package holds; it was not "
                    "read. Nothing was changed."),
    "sync.bad_signature": QT_TRANSLATE_NOOP(
        "Messages", "The package's signature does not match its sender: it may be forged or "
                    "changed. Nothing was changed."),
    "sync.wrong_receiver": QT_TRANSLATE_NOOP(
        "Messages", "The package was made for another book; it cannot be read here"),
    "sync.newer_format": QT_TRANSLATE_NOOP(
        "Messages", "The package was made by a newer version of villagebook (format "
                    "{version}); please update the program"),
    "sync.newer_schema": QT_TRANSLATE_NOOP(
        "Messages", "The package was made by a newer version of villagebook (book version "
                    "{version}; this program reads up to {supported}); please update the "
                    "program"),
    "sync.forked": QT_TRANSLATE_NOOP(
        "Messages", "The package holds other changes under numbers already received from "
                    "the same book: the book was copied and both copies were used. Nothing "
                    "was changed; ask the village which copy is right."),
    "sync.gap": QT_TRANSLATE_NOOP(
        "Messages", "Packages before this one are missing ({missing}); it is kept and will "
                    "be applied when they arrive"),
    "sync.clock_ahead": QT_TRANSLATE_NOOP(
        "Messages", "The package comes from a computer whose clock is {hours} hours ahead; "
                    "it is kept until the clock is corrected"),
    "sync.cannot_read": QT_TRANSLATE_NOOP("Messages", "The file cannot be read"),
    "sync.range_not_carried": QT_TRANSLATE_NOOP(
        "Messages", "The package says it brings numbers {start}–{end} of a book but does not "
                    "carry them all: it was not imported. Nothing was changed."),
    "sync.unknown_field": QT_TRANSLATE_NOOP(
        "Messages", "The package changes a field this program does not know ({table}.{field}): "
                    "it is damaged or made by another program. Nothing was changed."),
    "sync.out_of_scope": QT_TRANSLATE_NOOP(
        "Messages", "a change of a record the sending computer may not change (another "
                    "village's, or the township's): not applied"),
    "sync.settings_stay": QT_TRANSLATE_NOOP(
        "Messages", "a village's change of a shared setting: it stays in the village's own "
                    "book; shared settings are the township's"),
    "sync.not_theirs": QT_TRANSLATE_NOOP(
        "Messages", "a change of a user or helper another book added: not applied"),
    "sync.village_book_new": QT_TRANSLATE_NOOP(
        "Messages", "This package comes from a new book of {village}, a village this book "
                    "already keeps: nothing of it was taken. The village's new book takes "
                    "this book's record of its village from the next package it imports: "
                    "send that village a package, and it sends again afterwards."),
    "sync.village_twice": QT_TRANSLATE_NOOP(
        "Messages", "the township's record of this book's own village, made by another "
                    "book of the village (this book was made anew and has sent packages "
                    "already): not applied. Restore this village's book from a backup, or "
                    "ask the township"),
    "sync.unknown_record": QT_TRANSLATE_NOOP(
        "Messages", "a change of a record this book does not have: not applied"),
    "sync.no_held": QT_TRANSLATE_NOOP("Messages", "There is no held package {id}"),
    "sync.held_for_gap": QT_TRANSLATE_NOOP(
        "Messages", "Package {id} waits for a missing package, not for a clock: it is "
                    "imported by itself once the missing one arrives"),
    "sync.own_package": QT_TRANSLATE_NOOP(
        "Messages", "This computer made this package, for the other side; it was left as it "
                    "is"),
    "sync.not_addressed": QT_TRANSLATE_NOOP(
        "Messages", "This package is addressed to another computer; it was left as it is"),
    "sync.keys_locked": QT_TRANSLATE_NOOP(
        "Messages", "This computer's sync keys are kept under the password of another "
                    "book. Open that book, or take its password off, to sync."),
    "sync.no_peer": QT_TRANSLATE_NOOP(
        "Messages", "This book is not paired with {peer}; pair first"),
    "sync.no_peers": QT_TRANSLATE_NOOP(
        "Messages", "This book is not paired with any computer yet (or every pairing was "
                    "retired); pair first"),
    "sync.no_conflict": QT_TRANSLATE_NOOP("Messages", "There is no conflict {id}"),
    "sync.conflict_decided": QT_TRANSLATE_NOOP("Messages", "Conflict {id} is already decided"),
    "sync.choose_value": QT_TRANSLATE_NOOP(
        "Messages", "Choose this side's value, the other side's, or type a value"),
    "sync.no_finding": QT_TRANSLATE_NOOP("Messages", "There is no finding {id}"),
    "village.code": QT_TRANSLATE_NOOP(
        "Messages", "The administrative code must have 12 digits (it has “{value}”)"),
    "user.exists": QT_TRANSLATE_NOOP("Messages", "There is already a user called {name}"),
    "user.unknown": QT_TRANSLATE_NOOP(
        "Messages", "{name} is not an active user of this book (its users: {users})"),
    "user.choose": QT_TRANSLATE_NOOP(
        "Messages", "Say who is working with --user NAME (the book's users: {users})"),
    "user.last_active": QT_TRANSLATE_NOOP(
        "Messages", "At least one user must remain: add the new user first"),
    # the book file
    "book.newer": QT_TRANSLATE_NOOP(
        "Messages", "This book was made by a newer version of villagebook (version {version}; "
                    "this program reads up to {supported}). Please update the program. The "
                    "book has not been changed."),
    "book.unknown_migration": QT_TRANSLATE_NOOP(
        "Messages", "This book was changed by a newer version of villagebook ({name}). Please "
                    "update the program. The book has not been changed."),
    "book.locked": QT_TRANSLATE_NOOP(
        "Messages", "The book is in use by another program (perhaps another villagebook "
                    "window). Close it and try again. Nothing was changed."),
    "book.read_only": QT_TRANSLATE_NOOP(
        "Messages", "The book cannot be written (it may be on a CD or a protected USB stick). "
                    "Copy it to the computer and open the copy."),
    "book.corrupt": QT_TRANSLATE_NOOP(
        "Messages", "This file is not a villagebook book, or it is damaged. It has not been "
                    "changed. Restore it from a backup copy."),
    "book.password_finished": QT_TRANSLATE_NOOP(
        "Messages", "The change of the book's password was cut short last time; it has now "
                    "been finished: the book, its backups and the sync keys are alike again."),
    "book.password_undone": QT_TRANSLATE_NOOP(
        "Messages", "A change of the book's password was cut short last time before the book "
                    "itself was changed; it was dropped: everything keeps the password it "
                    "had."),
    "file.plain_from_locked": QT_TRANSLATE_NOOP(
        "Messages", "The book is locked with a password, and this {what} would hold its "
                    "personal data unprotected: nothing was written. Give{protect} --plain "
                    "to say which you want."),
    "book.not_villagebook": QT_TRANSLATE_NOOP(
        "Messages", "This database belongs to another program; villagebook will not change it."),
    "book.disk_full": QT_TRANSLATE_NOOP(
        "Messages", "The disk is full. Free some space and save again; nothing was lost."),
    "book.cannot_open": QT_TRANSLATE_NOOP(
        "Messages", "The book file cannot be opened. Check that the USB stick or folder is "
                    "still there."),
    "file.cannot_write": QT_TRANSLATE_NOOP(
        "Messages", "The file cannot be written ({path}): it may be open in another program "
                    "or the folder may be protected. Close it or choose another place."),
    "book.missing": QT_TRANSLATE_NOOP("Messages", "There is no book at {path}"),
    "book.password_needed": QT_TRANSLATE_NOOP(
        "Messages", "The book {path} is locked with a password (or damaged): enter its "
                    "password to open it"),
    "book.wrong_password": QT_TRANSLATE_NOOP(
        "Messages", "That password does not open this book. Check the keyboard's Caps "
                    "Lock and input method and try again."),
    "book.password_short": QT_TRANSLATE_NOOP(
        "Messages", "A password needs at least {count} characters"),
    "book.password_mismatch": QT_TRANSLATE_NOOP(
        "Messages", "The two passwords are not the same"),
    "pin.digits": QT_TRANSLATE_NOOP("Messages", "A PIN is {low} to {high} digits"),
    "pin.minutes": QT_TRANSLATE_NOOP("Messages", "Lock after 0 to {max} minutes"),
    "pin.wrong": QT_TRANSLATE_NOOP("Messages", "That is not the PIN of {name}"),
    "pin.mismatch": QT_TRANSLATE_NOOP("Messages", "The two PINs are not the same"),
    "pin.needed": QT_TRANSLATE_NOOP(
        "Messages", "Set a PIN first: without one the window cannot lock"),
    "cli.password": QT_TRANSLATE_NOOP("Messages", "Password of the book: "),
    "cli.new_password": QT_TRANSLATE_NOOP(
        "Messages", "A forgotten password cannot be recovered by anyone: write it down. "
                    "New password: "),
    "cli.password_again": QT_TRANSLATE_NOOP("Messages", "Once more: "),
    "cli.file_password": QT_TRANSLATE_NOOP("Messages", "Password of the workbook: "),
    "file.wrong_password": QT_TRANSLATE_NOOP(
        "Messages", "This password does not open {name}"),
    "file.password_needed": QT_TRANSLATE_NOOP(
        "Messages", "{name} is protected by a password: give it in VILLAGEBOOK_FILE_PASSWORD "
                    "or type it at a terminal"),
    "book.password_not_written": QT_TRANSLATE_NOOP(
        "Messages", "Write the password down first, then tick the box that says so"),
    "backup.damaged": QT_TRANSLATE_NOOP(
        "Messages", "The backup {path} is damaged and cannot be used; choose another one"),
    "book.exists": QT_TRANSLATE_NOOP("Messages", "There is already a book at {path}"),
    "book.no_operator": QT_TRANSLATE_NOOP(
        "Messages", "Choose who is working before making changes"),
    "record.not_found": QT_TRANSLATE_NOOP(
        "Messages", "The record no longer exists in this book"),
    # findings of the warning rules (core.rules)
    "rule.income.below_line": QT_TRANSLATE_NOOP(
        "Messages", "{year}: {per_capita} yuan per person, under the line of {line} yuan"),
    "rule.income.fell": QT_TRANSLATE_NOOP(
        "Messages", "Per-capita income fell from {before} yuan ({previous}) to {after} yuan "
        "({year}), {percent}% less"),
    "rule.school.out": QT_TRANSLATE_NOOP(
        "Messages", "Aged {age} on 1 September and not in school"),
    "rule.medical.uninsured": QT_TRANSLATE_NOOP("Messages", "No basic medical insurance"),
    "rule.housing.unsafe": QT_TRANSLATE_NOOP(
        "Messages", "House of grade {grade}: no renovation, relocation or housing measure"),
    "rule.water.unsafe": QT_TRANSLATE_NOOP("Messages", "Drinking water not safe"),
    "rule.checks.stale": QT_TRANSLATE_NOOP(
        "Messages", "Last two-assurances check: {last} (due every {days} days)"),
    "rule.monitoring.no_measure": QT_TRANSLATE_NOOP(
        "Messages", "Taken into monitoring on {date}; no measure within {days} days"),
    "rule.monitoring.removed_soon": QT_TRANSLATE_NOOP(
        "Messages", "Taken in on {taken}, risk removed by assistance on {removed} "
        "({days} days later)"),
    "rule.monitoring.work_without_labour": QT_TRANSLATE_NOOP(
        "Messages", "Monitored for unstable work, but nobody in the household can work"),
    "rule.household.no_labour_uncovered": QT_TRANSLATE_NOOP(
        "Messages", "Nobody can work and nobody receives subsistence or extreme-poverty "
        "support"),
    "rule.monitoring.candidate": QT_TRANSLATE_NOOP(
        "Messages", "{health}, in an ordinary household that is not monitored"),
    "rule.loan.overdue": QT_TRANSLATE_NOOP(
        "Messages", "Loan of {amount} yuan due {due}, {repaid} yuan repaid"),
    "rule.loan.overdue_rate": QT_TRANSLATE_NOOP(
        "Messages", "Overdue loans {overdue} yuan of {balance} yuan outstanding: {rate}‰ "
        "(line {line}‰)"),
    "rule.measure.past_end": QT_TRANSLATE_NOOP(
        "Messages", "{measure} planned to end {end}, still in progress"),
    "rule.visit.overdue": QT_TRANSLATE_NOOP(
        "Messages", "Last visit: {last} (more than {days} days)"),
    "rule.visit.follow_up": QT_TRANSLATE_NOOP(
        "Messages", "Follow-up due {date}: {agreed}"),
    "rule.helper.behind": QT_TRANSLATE_NOOP(
        "Messages", "{helper}: {visits} visits this year, {due} due by now ({required} a "
        "year)"),
    "rule.problem.overdue": QT_TRANSLATE_NOOP("Messages", "{problem}: deadline {deadline}"),
    "rule.id.invalid": QT_TRANSLATE_NOOP("Messages", "ID number {masked}: {detail}"),
    "rule.id.twice": QT_TRANSLATE_NOOP(
        "Messages", "The same ID number as {other} of household {number}"),
    "rule.household.heads": QT_TRANSLATE_NOOP(
        "Messages", "{count} current heads of household"),
    "rule.relation.age": QT_TRANSLATE_NOOP(
        "Messages", "{relation} born {birth}, the head of household born {head_birth}"),
}


@cache
def _chinese() -> dict[str, str]:
    import xml.etree.ElementTree as ET  # reports and the command line only

    tree = ET.parse(resources_dir() / "i18n" / "villagebook_zh_CN.ts")
    out: dict[str, str] = {}
    for context in tree.getroot():
        if context.findtext("name") == CONTEXT:
            for message in context.iter("message"):
                translation = message.find("translation")
                source = message.findtext("source")
                if translation is not None and translation.text and source is not None:
                    out[source] = translation.text
    return out


def translate_plain(text: str) -> str:
    """A source string of the Messages context in Chinese, without Qt."""
    return _chinese().get(text, text)


def describe_plain(issue: Issue, record: str | None = None) -> str:
    """The Chinese sentence for an issue, without Qt (for reports and the CLI)."""
    template = TEMPLATES.get(issue.code)
    if template is None:
        return f"{issue.code} {issue.values}"
    label = issue.field
    for candidate in (record, field_specs.MEMBER, field_specs.HOUSEHOLD):
        if candidate is None:
            continue
        try:
            label = field_specs.label(candidate, issue.field)
            break
        except KeyError:
            continue
    values: dict[str, Any] = {**issue.values, "label": label}
    text = _chinese().get(template, template).format(**values)
    return f"{issue.subject}：{text}" if issue.subject else text
