"""Arabic handbooks read back as an Arabic-reading trainer would: page by page in Arabic, nothing
English set right to left, the share translated stated where they are offered, and pictures of
three pages (contents, a session with an activity, a checklist form) kept for a reader to look
at. The PDFs are read with poppler's pdftotext, which gives each line's position on the page."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import REPO

pytestmark = pytest.mark.pdf

ARTIFACTS = REPO / "test-artifacts"
WORKSHOP = ("inspectors-workshop-trainer-ar", "inspectors-workshop-participant-ar")
DECLARED = (*WORKSHOP, "inspectors-harder-cases-trainer-ar", "health-workers-briefing-ar",
            "airport-immigration-briefing-ar", "pocket-checklists-ar")
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN = re.compile(r"[A-Za-z]")
XHTML = "{http://www.w3.org/1999/xhtml}"
INDENT = 30
"""Points a line must start in from the left margin to count as not starting there."""


@dataclass(frozen=True)
class Line:
    page: int
    left: float
    right: float
    text: str


def pdf_lines(pdf: Path) -> list[list[Line]]:
    """Each page's lines with where they start and end."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out))
    pages = []
    for number, page in enumerate(root.iter(f"{XHTML}page"), 1):
        pages.append([Line(number, float(line.get("xMin", 0)), float(line.get("xMax", 0)),
                           " ".join(word.text or "" for word in line.iter(f"{XHTML}word")))
                      for line in page.iter(f"{XHTML}line")])
    return pages


def _mostly_arabic(lines: list[Line]) -> bool:
    text = " ".join(line.text for line in lines)
    return len(ARABIC.findall(text)) > len(LATIN.findall(text))


@pytest.fixture(scope="module")
def handbooks(built_site: Path) -> dict[str, list[list[Line]]]:
    return {name: pdf_lines(built_site / "handbooks" / f"{name}.pdf") for name in DECLARED}


@pytest.mark.parametrize("name", WORKSHOP)
def test_arabic_workshop_handbooks_are_arabic_page_by_page(
        handbooks: dict[str, list[list[Line]]], name: str) -> None:
    pages = handbooks[name]
    printed = [lines for lines in pages if lines]
    arabic = [lines for lines in printed if _mostly_arabic(lines)]
    assert len(arabic) >= 0.95 * len(printed), (
        f"{name}: only {len(arabic)} of {len(printed)} printed pages are mostly Arabic; not: "
        + ", ".join(str(lines[0].page) for lines in printed if lines not in arabic))
    blank = [number for number, lines in enumerate(pages, 1) if not lines]
    assert all(number % 2 == 0 for number in blank), \
        f"{name}: a page left blank is only ever the back of a leaf before a part: {blank}"


@pytest.mark.parametrize("name", DECLARED)
def test_no_latin_line_is_set_right_to_left(handbooks: dict[str, list[list[Line]]], name: str) -> None:
    """A line of Latin letters only that ends at the right margin without starting at the left
    one was set right to left (an English title or list item typeset as Arabic)."""
    lines = [line for page in handbooks[name] for line in page]
    left, right = min(line.left for line in lines), max(line.right for line in lines)
    flipped = [f"p. {line.page}: {line.text}" for line in lines
               if len(LATIN.findall(line.text)) >= 3 and not ARABIC.search(line.text)
               and line.right >= right - 3 and line.left > left + INDENT]
    assert not flipped, f"{name}: Latin text set right to left: {flipped[:5]}"


def test_the_pocket_checklists_and_briefings_are_offered_in_arabic(
        handbooks: dict[str, list[list[Line]]], built_site: Path) -> None:
    for name in DECLARED:
        cover = " ".join(line.text for line in handbooks[name][0])
        assert ARABIC.search(cover), f"{name}: the cover is in Arabic"
    page = (built_site / "ar/programmes/health-workers-briefing/index.html").read_text(encoding="utf-8")
    assert "handbooks/health-workers-briefing-ar.pdf" in page


def test_the_programme_page_says_how_much_of_each_handbook_is_translated(built_site: Path) -> None:
    english = (built_site / "programmes/inspectors-forced-labour/index.html").read_text(encoding="utf-8")
    item = re.search(r'<li><a href="[^"]*inspectors-workshop-trainer-ar\.pdf".*?</li>', english, re.S)
    assert item is not None
    shares = re.search(r"translated: 26 of 26 sessions, (\d+) of (\d+) pages", item.group(0))
    assert shares is not None, item.group(0)
    assert shares.group(1) == shares.group(2), "every page of the Arabic trainer handbook is Arabic"
    arabic = (built_site / "ar/programmes/inspectors-forced-labour/index.html").read_text(encoding="utf-8")
    assert "المترجَم منه: 26 من 26 جلسة" in arabic
    english_only = re.search(r'<li><a href="[^"]*inspectors-workshop-trainer\.pdf".*?</li>', english, re.S)
    assert english_only is not None and "translated" not in english_only.group(0), \
        "a handbook in the content's own language says nothing of translation"


def _page_with(pages: list[list[Line]], *words: str) -> int:
    """The first page showing every one of `words` (pdftotext gives Arabic in visual order)."""
    return next(number for number, lines in enumerate(pages, 1)
                if all(any(word in line.text or word[::-1] in line.text for line in lines)
                       for word in words))


def test_pictures_of_arabic_handbook_pages_are_kept_for_a_reader(
        handbooks: dict[str, list[list[Line]]], built_site: Path) -> None:
    """Contents, a session with an activity and a checklist form, as PNGs in test-artifacts/."""
    pages = handbooks["inspectors-workshop-trainer-ar"]
    contents = _page_with(pages, "المحتويات")
    chosen = {"contents": contents,
              "session-activity": _page_with(pages[contents:], "نشاط") + contents,
              "checklist-form": _page_with(pages, "قوائم التحقق", "☐")}
    ARTIFACTS.mkdir(exist_ok=True)
    for name, number in chosen.items():
        target = ARTIFACTS / f"arabic-handbook-{name}"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", "-f", str(number), "-l",
                        str(number), str(built_site / "handbooks/inspectors-workshop-trainer-ar.pdf"),
                        str(target)], check=True)
        assert target.with_suffix(".png").stat().st_size > 20_000, f"{name}: page {number} has content"
