"""Household cards for a village: our cards against a bare reportlab run that makes the
same number of pages with the same embedded font and comparable tables (a title, a
9-column and a 7-column table of wrapped cells a page), measured in the same run.

    python bench/bench_cards.py [--households 1500]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import fresh_path, report, timed  # noqa: E402
from pypdf import PdfReader  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle  # noqa: E402

from villagebook.cli import create_demo  # noqa: E402
from villagebook.reports.cards import print_cards  # noqa: E402
from villagebook.reports.fonts import register  # noqa: E402


def bare(pages: int, out: Path) -> None:
    font = register()
    style = ParagraphStyle("s", fontName=font, fontSize=9, leading=12, wordWrap="CJK")
    title = ParagraphStyle("t", parent=style, fontSize=18, leading=24)
    story = []
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story.append(Paragraph("柳湾村　户卡（明白卡）", title))
        for columns, rows in ((9, 6), (7, 8)):
            data = [[Paragraph(f"单元格内容{r}-{c}", style) for c in range(columns)]
                    for r in range(rows)]
            table = Table(data, colWidths=[180 * mm / columns] * columns, repeatRows=1)
            table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            story.append(table)
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1500)
    args = parser.parse_args()
    book = create_demo(fresh_path("book.db"), args.households)
    ids = [r[0] for r in book.conn.execute("SELECT id FROM households ORDER BY number")]
    ours_path = fresh_path("cards.pdf")
    ours = timed(lambda: print_cards(book, ids, ours_path))
    pages = len(PdfReader(ours_path).pages)
    baseline = timed(lambda: bare(pages, fresh_path("bare.pdf")))
    print(f"{args.households} households, {pages} pages")
    report("household cards vs bare reportlab, same pages", ours, baseline)
    book.close()


if __name__ == "__main__":
    main()
