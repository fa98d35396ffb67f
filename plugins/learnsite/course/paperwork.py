"""A course's paperwork as files: an attendance sheet per day, the evaluation form in English and
in Arabic, every participant's certificate in one PDF, and certificates.csv with the codes.

Each day's attendance sheet is a file of its own: a list longer than a page runs on to a second
sheet of the same day (its pages count "1 / 2" within the day), and signed sheets are printed
and filed day by day. Every document must be laid out to its end (WeasyPrint can stop partway
without a word) and each certificate must fill exactly one page; otherwise PaperworkError, and
the caller writes nothing. The PDFs are tagged (PDF/UA-1), dated by the course's last day
rather than the clock, and byte-identical for the same course.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from learnsite.course.details import Course
from learnsite.course.wording import date_list, duration, long_date, plural
from learnsite.render.assets import FONTS, PDF_FONT_FACES
from learnsite.strings import translator

if TYPE_CHECKING:
    from weasyprint import CSS, Document
    from weasyprint.text.fonts import FontConfiguration

LANGUAGES = ("en", "ar")
"""The evaluation form's languages: the participants read one or the other."""
CODES = "certificates.csv"
FILE_NAMES = re.compile(r"attendance-day-\d+\.pdf|evaluation-(en|ar)\.pdf|certificates\.(pdf|csv)")
"""Every name the paperwork of a course is written under."""
_STYLESHEET = Path(__file__).with_name("paperwork.css")
_TAGGED = "pdf/ua-1"


class PaperworkError(Exception):
    """A document that could not be laid out as it must be; the message says which and why."""


@dataclass(frozen=True)
class Written:
    """A file of the paperwork and, for a PDF, its number of pages."""

    name: str
    pages: int | None = None


def write_paperwork(course: Course, folder: Path) -> list[Written]:
    """Write every document of `course` into `folder`, in the order a trainer uses them."""
    written = [_pdf(folder / f"attendance-day-{day.index}.pdf", "attendance.html.j2", course, day=day)
               for day in course.days]
    written += [_pdf(folder / f"evaluation-{language}.pdf", "evaluation.html.j2", course, language,
                     t=translator(language)) for language in LANGUAGES]
    written.append(_pdf(folder / "certificates.pdf", "certificates.html.j2", course))
    _write_codes(course, folder / CODES)
    written.append(Written(CODES))
    return written


def _pdf(path: Path, template: str, course: Course, language: str = "en", **context: Any) -> Written:
    """Render one template of the course to a PDF at `path`, checked before it is written."""
    from weasyprint import HTML  # heavy import, only when paperwork is written

    html = _env().get_template(template).render(course=course, language=language,
                                                 issued=course.dates[-1].isoformat(), **context)
    stylesheet, fonts = _stylesheet()
    document = HTML(string=html, base_url=f"{FONTS}/").render(stylesheets=[stylesheet], font_config=fonts)
    _check_laid_out(document, course, path.name)
    document.write_pdf(path, pdf_variant=_TAGGED)
    return Written(path.name, len(document.pages))


def _check_laid_out(document: Document, course: Course, name: str) -> None:
    """Raise PaperworkError unless the document reached its end and every certificate starts and
    ends on a page of its own."""
    pages = {anchor: number for number, page in enumerate(document.pages) for anchor in page.anchors}
    if name != "certificates.pdf":
        if "end" not in pages:
            raise PaperworkError(f"{name} stopped before its end; nothing was written")
        return
    for number, certificate in enumerate(course.certificates, start=1):
        start, end = pages.get(f"certificate-{number}"), pages.get(f"end-certificate-{number}")
        if start is None or start != end or start != number - 1:
            participant = certificate.participant
            raise PaperworkError(f"the certificate of “{participant.shown}” (line {participant.line} "
                                 "of the participants file) does not fit on one page; nothing was "
                                 "written")
    if len(document.pages) != len(course.certificates):
        raise PaperworkError("certificates.pdf has pages that are no certificate; nothing was written")


def _write_codes(course: Course, path: Path) -> None:
    """certificates.csv: each certificate's code beside what it certifies, so the centre can
    verify a certificate later. With a BOM, so that Excel opens the Arabic names as Arabic."""
    dates = " ".join(day.isoformat() for day in course.dates)
    hours = duration(course.minutes, "en")
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["code", "name_en", "name_ar", "organisation", "programme", "programme_title",
                         "dates", "hours"])
        for certificate in course.certificates:
            person = certificate.participant
            writer.writerow([certificate.code, person.name_en, person.name_ar, person.organisation,
                             course.programme_id, course.title.en, dates, hours])


def _rtl(text: str) -> bool:
    """Whether a text the participants file gives (an organisation) reads right to left: its
    first letter with a direction decides, as the browser's `dir="auto"` does."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


@cache
def _env() -> Environment:
    """The paperwork templates: every value is escaped (names are text, never markup)."""
    env = Environment(loader=PackageLoader("learnsite.course", "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined)
    env.globals.update(en=translator("en"), ar=translator("ar"), rtl=_rtl, plural=plural,
                       long_date=long_date, date_list=date_list, duration=duration)
    return env


@cache
def _stylesheet() -> tuple[CSS, FontConfiguration]:
    """The parsed stylesheet and its fonts, loaded once for all the documents of a course."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    return CSS(string=PDF_FONT_FACES + _STYLESHEET.read_text(encoding="utf-8"), base_url=f"{FONTS}/",
               font_config=fonts), fonts
