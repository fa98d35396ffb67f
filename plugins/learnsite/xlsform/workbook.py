"""An XLSForm written as an .xlsx workbook with openpyxl, byte for byte the same from the same
checklist: fixed document dates and fixed dates on the zip entries."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

from learnsite.model.catalogue import Catalogue
from learnsite.xlsform.sheets import Row, Sheets, build_sheets

_FIXED = datetime(2000, 1, 1)  # a workbook stores naive dates
"""The date every workbook says it was made: a form's `version` says what changed, not a date."""
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
_STAMP = _FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode()


def workbook_bytes(sheets: Sheets) -> bytes:
    """The three sheets as an .xlsx file."""
    book = Workbook()
    book.remove(book.worksheets[0])
    for title, rows in (("survey", sheets.survey), ("choices", sheets.choices),
                        ("settings", sheets.settings)):
        _sheet(book, title, sheets.columns(rows), rows)
    book.properties.creator = "learnsite"
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    written = io.BytesIO()
    book.save(written)
    return _fixed_dates(written.getvalue())


def _sheet(book: Workbook, title: str, columns: list[str], rows: list[Row]) -> None:
    sheet = book.create_sheet(title)
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([row.get(column, "") for column in columns])
    sheet.freeze_panes = "A2"


def _fixed_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01, and the workbook's modification date
    fixed (openpyxl sets both to the time of saving)."""
    result = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            fixed = zipfile.ZipInfo(entry.filename, _ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = entry.external_attr
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + _STAMP + rb"\g<2>", content)
            target.writestr(fixed, content)
    return result.getvalue()


def xlsform_bytes(cat: Catalogue, checklist_id: str) -> bytes:
    """The XLSForm of one checklist as an .xlsx file."""
    return workbook_bytes(build_sheets(cat, checklist_id))


def write_xlsform(cat: Catalogue, checklist_id: str, path: Path) -> None:
    """Write the XLSForm of one checklist to `path`."""
    path.write_bytes(xlsform_bytes(cat, checklist_id))
