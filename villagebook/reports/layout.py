"""What every printed document shares: the styles in the bundled CJK font (embedded as a
subset), escaped paragraphs that wrap Chinese text, grid tables that continue across pages
with their header repeated, the page footer, and an atomic write of the finished PDF."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle
from reportlab.platypus.doctemplate import LayoutError

from ..core.errors import Cancelled
from ..storage.files import replace_atomically
from .fonts import register

PAPERS = {"A4": A4, "A3": A3}
HEADER_FILL = colors.HexColor("#E8EEF5")


@dataclass(frozen=True)
class Styles:
    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    cell: ParagraphStyle
    small: ParagraphStyle


def styles(scale: float = 1.0) -> Styles:
    """The document styles; ``scale`` enlarges everything (wall sheets are read from afar)."""
    font = register()
    body = ParagraphStyle("body", fontName=font, fontSize=10 * scale, leading=14 * scale,
                          wordWrap="CJK")
    return Styles(
        title=ParagraphStyle("title", parent=body, fontSize=18 * scale, leading=24 * scale,
                             alignment=TA_CENTER, spaceAfter=4 * scale),
        heading=ParagraphStyle("heading", parent=body, fontSize=12 * scale,
                               leading=16 * scale, spaceBefore=8 * scale,
                               spaceAfter=4 * scale, keepWithNext=1),
        body=body,
        cell=ParagraphStyle("cell", parent=body, fontSize=9 * scale, leading=12 * scale),
        small=ParagraphStyle("small", parent=body, fontSize=8 * scale, leading=10 * scale,
                             textColor=colors.grey),
    )


# A table cell never holds more than this: a row taller than a page cannot be laid out,
# so a longer text is cut, visibly, rather than stopping the whole document.
CELL_CHARS = 300


def para(text: Any, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (never markup: names may contain ``<`` or ``&``)."""
    return Paragraph(escape("" if text is None else str(text)), style)


def cell(text: Any, style: ParagraphStyle) -> Paragraph:
    """A table cell's paragraph: a text over ``CELL_CHARS`` is cut and says so."""
    text = "" if text is None else str(text)
    if len(text) > CELL_CHARS:
        text = f"{text[:CELL_CHARS]}……（以下 {len(text) - CELL_CHARS} 字略）"
    return para(text, style)


def table_style(*commands: tuple) -> TableStyle:
    """A table's style in the embedded font: reportlab's cell default (Helvetica) would be
    declared in the PDF, unembedded, though every cell is a paragraph in our font."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), register()), *commands])


CELL_PADDING = 12  # reportlab's left and right padding of a cell (6 pt each)


def fit_headers(headers: Sequence[Any], widths: Sequence[float], style: ParagraphStyle
                ) -> list[float]:
    """Column widths in which no header wraps (与户主关/系): a column too narrow for its
    header takes the room from columns with room to spare, the total kept. Where the
    headers cannot all fit, the widths are left as given."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    need = [stringWidth(str(h or ""), style.fontName, style.fontSize) + CELL_PADDING + 1
            for h in headers]
    short = sum(max(0.0, n - w) for n, w in zip(need, widths))
    spare = [max(0.0, w - n) for n, w in zip(need, widths)]
    if short == 0 or short > sum(spare):
        return list(widths)
    share = short / sum(spare)
    return [max(w, n) if n > w else w - s * share for n, w, s in zip(need, widths, spare)]


def grid(rows: Sequence[Sequence[Any]], widths: Sequence[float], style: ParagraphStyle,
         *, header: bool = True) -> Table:
    """A ruled table of wrapped cells; the first row repeats on every page it runs onto,
    and its headers never break inside a word (``fit_headers``)."""
    if header and rows:
        widths = fit_headers(rows[0], widths, style)
    table = Table([[cell(c, style) for c in row] for row in rows], colWidths=list(widths),
                  repeatRows=1 if header else 0)
    commands: list[tuple] = [("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                             ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
    table.setStyle(table_style(*commands))
    return table


def chinese_date(day: dt.date) -> str:
    """2026-01-05 → 2026年1月5日, as notices and signature lines write it."""
    return f"{day.year}年{day.month}月{day.day}日"


def batch_story(household_ids: Iterable[str], one: Callable[[str], list[Any]], *,
                progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> tuple[list[Any], int]:
    """The stories of several households, each starting a new page; returns the story
    and how many households it holds. ``cancelled()`` stops it with ``Cancelled``."""
    story: list[Any] = []
    count = 0
    for household_id in household_ids:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if count:
            story.append(PageBreak())
        story += one(household_id)
        count += 1
        if progress is not None:
            progress(count)
    return story, count


@dataclass
class BatchResult:
    """What a batch print laid out: households printed, and those left out (named by
    their part label) because their content could not be laid out at all."""

    count: int
    skipped: list[str]


def build_batch(path: str | Path, household_ids: Iterable[str],
                one: Callable[[str], list[Any]], *, size: tuple[float, float], title: str,
                progress: Callable[[int], None] | None = None,
                cancelled: Callable[[], bool] | None = None) -> BatchResult:
    """Lay several households out into one PDF. One household whose content cannot be
    laid out never stops the batch: it is found, left out and named, and the rest print."""
    ids = list(household_ids)
    story, count = batch_story(ids, one, progress=progress, cancelled=cancelled)
    try:
        build(path, story, size=size, title=title)
        return BatchResult(count, [])
    except LayoutError:
        pass
    failing: dict[str, str] = {}
    for household_id in ids:  # the slow path: try each household on its own
        if cancelled is not None and cancelled():
            raise Cancelled()
        part = one(household_id)
        label = next((p.label for p in part if isinstance(p, PartStart)), household_id)
        try:
            _lay_out(part, size)  # (consumes the list)
        except LayoutError:
            failing[household_id] = label
    story, count = batch_story([i for i in ids if i not in failing], one, cancelled=cancelled)
    if count:
        build(path, story, size=size, title=title)
    return BatchResult(count, list(failing.values()))


def fits_one_page(story: list[Any], size: tuple[float, float]) -> bool:
    """Whether ``story`` fits one page of ``size`` (its flowables' heights and spaces
    against the frame's, with a little room: a sheet never spills onto a second page)."""
    width = frame_width(size)
    room = (size[1] - MARGIN - 18 * mm - 2 * FRAME_PADDING) * 0.97
    used = 0.0
    for flowable in story:
        _w, height = flowable.wrap(width, room)
        used += height + flowable.getSpaceBefore() + flowable.getSpaceAfter()
        if used > room:
            return False
    return True


def _lay_out(story: list[Any], size: tuple[float, float]) -> None:
    """Lay ``story`` out in memory only (to find what cannot be laid out)."""
    document = _Document(io.BytesIO(), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=18 * mm)
    document.build(story)


def page_size(paper: str = "A4", landscape_: bool = False) -> tuple[float, float]:
    size = PAPERS[paper]
    return landscape(size) if landscape_ else size


MARGIN = 15 * mm
FRAME_PADDING = 6  # reportlab's Frame pads each side by 6 points


def frame_width(size: tuple[float, float]) -> float:
    """The width between the margins ``build`` uses."""
    return size[0] - 2 * MARGIN


class PartStart(Flowable):
    """Marks where one household's part of a batch begins: the footers of its pages name
    it and count its pages from 1, so a card that runs onto a second page says so."""

    def __init__(self, label: str) -> None:
        super().__init__()
        self.label = label
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv._villagebook_part = (self.label, self.canv.getPageNumber())


class _Document(SimpleDocTemplate):
    footer_text = ""

    def afterPage(self) -> None:
        """The footer, drawn when the page is complete (so it knows the page's part)."""
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(register(), 8)
        canvas.setFillColor(colors.grey)
        left = self.footer_text
        part = getattr(canvas, "_villagebook_part", None)
        if part is not None:
            label, first = part
            left = f"{label}　本户第 {self.page - first + 1} 页"
        if left:
            canvas.drawString(MARGIN, 10 * mm, left)
        canvas.drawRightString(self.pagesize[0] - MARGIN, 10 * mm, f"第 {self.page} 页")
        canvas.restoreState()


def build(path: str | Path, story: list[Any], *, size: tuple[float, float], title: str,
          footer_text: str = "") -> int:
    """Lay the story out into ``path`` (written to a temporary name, then renamed) with
    page numbers; returns the number of pages."""
    with replace_atomically(path) as tmp:
        # the canvas starts in the embedded CJK font, so the PDF names no font it does not
        # embed (reportlab's default would declare Helvetica, never used for a glyph)
        document = _Document(str(tmp), pagesize=size, leftMargin=MARGIN,
                             rightMargin=MARGIN, topMargin=MARGIN,
                             bottomMargin=18 * mm, title=title, author="villagebook",
                             initialFontName=register())
        document.footer_text = footer_text
        document.build(story)
        return document.page
