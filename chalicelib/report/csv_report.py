"""The scope's line items as CSV (RFC 4180: a header row, CRLF line ends, UTF-8), for the
company's estimating system or a spreadsheet: one row per line item with its catalogue codes.

Every cell from the notes goes through `sanitize.csv_cell`: a description that starts with "="
is text, not a formula. A UTF-8 byte-order mark leads the file so Excel reads "m²" as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from chalicelib.report.line_items import LineItem, quantity_text
from chalicelib.report.sanitize import csv_cell

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
CSV_COLUMNS = (
    "Line",
    "Action",
    "Description",
    "Room",
    "Quantity",
    "Unit",
    "Category",
    "Selector",
    "Source",
)


def write_csv(items: Iterable[LineItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow(
            (
                item.number,
                csv_cell(item.action or ""),
                csv_cell(item.description),
                csv_cell(item.room or ""),
                quantity_text(item),
                csv_cell(item.unit or ""),
                csv_cell(item.category or ""),
                csv_cell(item.selector or ""),
                csv_cell(item.source),
            )
        )
    return "\ufeff" + out.getvalue()
