"""Every oversight table as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Kazakh letters)
and XLSX (openpyxl), from the same header and rows the page shows."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.http import HttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value: Any) -> Any:
    # A cell starting with = + - @ would run as a formula in a spreadsheet (CSV injection): quote it.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_response(filename: str, header: list[str], rows: list[list[Any]]) -> HttpResponse:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([_safe(h) for h in header])
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    return response


def xlsx_response(filename: str, title: str, header: list[str], rows: list[list[Any]]) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]
    sheet.append([_safe(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(c.value or "")) for c in column)
        sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    out = io.BytesIO()
    book.save(out)
    response = HttpResponse(out.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
    return response


def table_response(
    fmt: str, filename: str, title: str, header: list[str], rows: list[list[Any]]
) -> HttpResponse | None:
    if fmt == "csv":
        return csv_response(filename, header, rows)
    if fmt == "xlsx":
        return xlsx_response(filename, title, header, rows)
    return None
