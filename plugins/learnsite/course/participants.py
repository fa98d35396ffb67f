"""The participants of a course, read from the CSV file the centre keeps outside the project.

The file is personal data: it is read only from the path given on the command line and nothing
of it is kept but what the paperwork prints. Names are taken as written (surrounding and
repeated spaces, and invisible direction marks, aside): learnsite never transliterates a name or
fills in a missing one, so a participant with only an Arabic name gets only an Arabic name.

`csv.reader` tells only the line a record ends on. A trainer fixing the file in a spreadsheet or
an editor needs the line and the column of the bad field, so the file is split into fields here,
by the same rules (RFC 4180: commas, double quotes around a field, "" for a quote inside one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.source import read_text
from learnsite.load.suggest import did_you_mean

COLUMNS = ("name_en", "name_ar", "organisation")
"""The columns learnsite reads, the two names required (each may be empty in a row)."""
NAME_COLUMNS = ("name_en", "name_ar")
_EXCEL_HINT = ("Save the file as UTF-8: in Excel, File > Save As > \"CSV UTF-8 (Comma delimited)\"; "
               "plain \"CSV\" writes Arabic in another encoding.")
_INVISIBLE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
"""Direction marks that copied Arabic text often carries: they change no letter of a name, but
would make two spellings that look the same differ (and so their verification codes)."""
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


@dataclass(frozen=True)
class Participant:
    """One participant as the file gives them; `line` is where their row starts."""

    line: int
    name_en: str
    name_ar: str
    organisation: str = ""

    @property
    def shown(self) -> str:
        """Both names as one text, for messages: "Amal Example / أمل مثال"."""
        return " / ".join(name for name in (self.name_en, self.name_ar) if name)


@dataclass(frozen=True)
class _Cell:
    """One field of the file, as written, and where it starts."""

    text: str
    line: int
    col: int
    closed: bool = True
    """False for a field whose opening quote is never closed: it runs to the end of the file."""


def read_participants(path: Path, shown: PurePosixPath, diags: Diagnostics) -> list[Participant]:
    """The participants listed in the CSV file at `path` (`shown` in messages), in file order.

    Every problem is reported, located; rows that are wrong are left out, so a caller that finds
    errors in `diags` must not print anything from the result. Rows with nothing in them
    (spreadsheets leave some at the end) are skipped.
    """
    if not path.is_file():
        diags.add("file-missing", Location(shown), "the participants file does not exist",
                  "Give the path of the CSV file, e.g. `--participants ~/courses/march.csv`.")
        return []
    read = Diagnostics()
    text = read_text(path, shown, read)  # a BOM (Excel writes one) is dropped
    for problem in read.items:
        diags.add(problem.rule_id, problem.location, problem.message, _EXCEL_HINT)
    if text is None:
        return []
    records = [record for record in _records(text) if any(cell.text.strip() for cell in record)]
    if not records:
        diags.add("participants-header", Location(shown), "the participants file is empty")
        return []
    header, *rows = records
    columns = _columns(header, shown, diags)
    if columns is None:
        return []
    if not rows:
        diags.add("participants-none", Location(shown, header[0].line),
                  "the file lists no participants under its header")
    participants = [p for row in rows if (p := _participant(row, columns, shown, diags))]
    _check_duplicates(participants, shown, diags)
    return participants


def _columns(header: list[_Cell], shown: PurePosixPath, diags: Diagnostics) -> list[str] | None:
    """The column names of the header row, or None when the first row is not a header."""
    names = [cell.text.strip().lower() for cell in header]
    if len(header) == 1 and ";" in header[0].text:
        diags.add("participants-header", Location(shown, header[0].line, header[0].col),
                  "the header is one column, `" + header[0].text.strip() + "`: the file separates "
                  "its fields with semicolons, not commas",
                  "Save it from Excel as \"CSV UTF-8 (Comma delimited)\", or replace the "
                  "semicolons with commas.")
        return None
    if not set(names) & set(COLUMNS):
        listed = ",".join(COLUMNS)
        diags.add("participants-header", Location(shown, header[0].line, header[0].col),
                  f"the first row is not a header: it names none of the columns `{listed}`")
        return None
    first: dict[str, _Cell] = {}
    for cell, name in zip(header, names, strict=True):
        at = Location(shown, cell.line, cell.col)
        if name not in COLUMNS:
            diags.add("participants-column-unknown", at,
                      f"unknown column `{cell.text.strip()}`{did_you_mean(name, COLUMNS)}"
                      if name else f"column {header.index(cell) + 1} has no name")
        elif name in first:
            diags.add("participants-header", at,
                      f"the column `{name}` is named twice (first at column {first[name].col})")
        first.setdefault(name, cell)
    for name in NAME_COLUMNS:
        if name not in first:
            diags.add("participants-header", Location(shown, header[0].line, header[0].col),
                      f"the header lacks the column `{name}`")
    return names


def _participant(row: list[_Cell], columns: list[str], shown: PurePosixPath,
                 diags: Diagnostics) -> Participant | None:
    """The participant of one row, or None (reported) when the row is wrong."""
    unclosed = next((cell for cell in row if not cell.closed), None)
    if unclosed:
        diags.add("participants-row-fields", Location(shown, unclosed.line, unclosed.col),
                  "the quote that opens this field is never closed, so the rest of the file "
                  "reads as one field")
        return None
    if len(row) != len(columns):
        extra = row[len(columns)] if len(row) > len(columns) else None
        at = Location(shown, extra.line, extra.col) if extra else Location(shown, row[0].line, 1)
        diags.add("participants-row-fields", at,
                  f"this row has {len(row)} fields where the header has {len(columns)}")
        return None
    cells = dict(zip(columns, row, strict=True))  # a column named twice: the last one counts
    values = {name: _clean(cells[name].text) if name in cells else "" for name in COLUMNS}
    if not values["name_en"] and not values["name_ar"]:
        cell = cells.get("name_en", row[0])
        diags.add("participants-name-missing", Location(shown, cell.line, cell.col),
                  "this participant has no name: `name_en` and `name_ar` are both empty")
        return None
    wrong = [name for name in NAME_COLUMNS
             if values[name] and bool(_ARABIC.search(values[name])) != (name == "name_ar")]
    for name in wrong:
        cell = cells[name]
        diags.add("participants-name-script", Location(shown, cell.line, cell.col),
                  f"`{name}` holds “{values[name]}”, which is not written in "
                  f"{'Arabic' if name == 'name_ar' else 'Latin'} letters: are the name columns "
                  "swapped?")
    if wrong:
        return None
    return Participant(row[0].line, values["name_en"], values["name_ar"], values["organisation"])


def _check_duplicates(participants: list[Participant], shown: PurePosixPath, diags: Diagnostics) -> None:
    """Report a participant listed a second time (the same names, whatever their case)."""
    first: dict[tuple[str, str], Participant] = {}
    for participant in participants:
        key = (participant.name_en.casefold(), participant.name_ar)
        if key in first:
            diags.add("participants-duplicate", Location(shown, participant.line),
                      f"“{participant.shown}” is listed already, on line {first[key].line}")
        first.setdefault(key, participant)


def _clean(text: str) -> str:
    """A name or organisation as written, without the spaces and marks that do not show."""
    return unicodedata.normalize("NFC", " ".join(_INVISIBLE.sub("", text).split()))


def _records(text: str) -> Iterator[list[_Cell]]:
    """The file's records, each a list of fields with where each starts (1-based line, column).

    Lenient where spreadsheets are: a quote inside an unquoted field, or text after a closing
    quote, is kept as text. A quote left open runs to the end of the file (and says so).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    record: list[_Cell] = []
    chars: list[str] = []
    start: tuple[int, int] | None = None
    state = "start"  # of a field: "start", "plain", "quoted", or "quote" (one seen inside quotes)
    line, col = 1, 1
    for char in text:
        start = start or (line, col)
        if state == "quoted":
            if char == '"':
                state = "quote"
            else:
                chars.append(char)
        elif char == '"' and state in ("start", "quote"):
            if state == "quote":  # "" inside quotes
                chars.append('"')
            state = "quoted"
        elif char in ",\n":
            record.append(_Cell("".join(chars), *start))
            chars, start, state = [], None, "start"
            if char == "\n":
                yield record
                record = []
        else:
            chars.append(char)
            state = "plain"
        line, col = (line + 1, 1) if char == "\n" else (line, col + 1)
    if state != "start" or record:
        record.append(_Cell("".join(chars), *(start or (line, col)), closed=state != "quoted"))
        yield record
