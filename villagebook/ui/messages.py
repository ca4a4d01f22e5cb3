"""Issue and error codes from the core, worded for people (translated through Qt).

The English source strings are translated to Chinese in ``resources/i18n``; every code the
core raises has a sentence here (a test checks that).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ..core import field_specs
from ..core.errors import Issue, VillagebookError
from ..core.messages import CONTEXT, QT_TRANSLATE_NOOP, TEMPLATES
from ..storage.book import person_error
from . import i18n

EXTRA_LABELS = {
    "members": QT_TRANSLATE_NOOP("Messages", "members"),
    "user_name": QT_TRANSLATE_NOOP("Messages", "your name"),
    "name": QT_TRANSLATE_NOOP("Messages", "name"),
    "code": QT_TRANSLATE_NOOP("Messages", "administrative code"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def label_for(issue: Issue, record: str | None = None) -> str:
    """The label of the field an issue is about: of ``record`` when given, else member
    fields first for a member's issue, household fields first otherwise."""
    order: tuple[str, ...] = (field_specs.MEMBER, field_specs.HOUSEHOLD) \
        if issue.row is not None else (field_specs.HOUSEHOLD, field_specs.MEMBER)
    if record is not None:
        order = (record, *order)
    for record in order:
        if _known(record, issue.field):
            return i18n.field_label(record, issue.field)
    return tr(EXTRA_LABELS[issue.field]) if issue.field in EXTRA_LABELS else issue.field


def _known(record: str, name: str) -> bool:
    try:
        field_specs.field(record, name)
        return True
    except KeyError:
        return False


def describe(issue: Issue, with_subject: bool = True, record: str | None = None) -> str:
    """One sentence for an issue, naming the member it concerns: “李梅：证件号码校验位错误…”.
    ``record`` names whose field labels to use (an income, a check…)."""
    template = TEMPLATES.get(issue.code)
    values: dict[str, Any] = {**issue.values, "label": label_for(issue, record)}
    text = tr(template).format(**values) if template else f"{issue.code} {issue.values}"
    if with_subject and issue.row is not None:
        who = issue.subject or tr(QT_TRANSLATE_NOOP("Messages", "Row {row}")).format(
            row=issue.row + 1)
        return f"{who}：{text}" if i18n.language() == "zh" else f"{who}: {text}"
    return text


def describe_error(error: VillagebookError) -> str:
    template = TEMPLATES.get(error.code)
    if template is None:
        return f"{error.code} {error.values}"
    return tr(template).format(**error.values)


def describe_failure(error: BaseException) -> str:
    """The sentence for a failed job: what a person can do about it (a full disk, a locked
    book…) in words, anything else as it was raised."""
    mapped = person_error(error)
    return describe_error(mapped) if mapped is not None else str(error)
