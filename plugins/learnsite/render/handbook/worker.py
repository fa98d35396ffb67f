"""Render one unit of a handbook with WeasyPrint: what runs in a worker process.

Kept apart from the orchestration so a worker imports only this, WeasyPrint and the cache. A
unit whose end markers are not all in the rendered pages was cut short by WeasyPrint (it can
stop without a word); it is reported and not cached, so the next build tries again. What
WeasyPrint warns of (an unknown CSS property, an image it cannot load) is heard rather than
muted, and travels back with the unit's facts.
"""

from __future__ import annotations

import json
import logging
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from learnsite.render.assets import FONTS
from learnsite.render.handbook.cache import Entry, write_atomically

if TYPE_CHECKING:
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration


@dataclass(frozen=True)
class Job:
    """One unit to render into its cache entry."""

    html: str
    css: str
    """The print stylesheet, apart from the HTML so a worker parses it (and loads its fonts)
    once for every unit it renders."""
    entry: Entry
    variant: str | None
    """WeasyPrint's pdf_variant: "pdf/ua-1" for tagged units, None for the page numbers."""
    end_markers: tuple[str, ...] = ()


@dataclass(frozen=True)
class Facts:
    """What the merge needs to know about a rendered unit."""

    pages: int
    anchors: dict[str, int]
    """Each anchor's page, counted from 0 in the unit."""
    missing: tuple[str, ...] = ()
    """End markers not found in the rendered pages: the unit lost content."""
    warnings: tuple[str, ...] = ()
    """What WeasyPrint warned of while rendering the unit. Kept in the cache entry, so a reused
    unit reports them as a freshly rendered one does."""
    stylesheet_warnings: tuple[str, ...] = ()
    """What it warned of while parsing the print stylesheet, the same for every unit."""

    @classmethod
    def read(cls, entry: Entry) -> Facts:
        data = entry.read_facts()
        pages, anchors = data["pages"], data["anchors"]
        warnings, stylesheet = data["warnings"], data["stylesheet_warnings"]
        assert isinstance(pages, int) and isinstance(anchors, dict)
        assert isinstance(warnings, list) and isinstance(stylesheet, list)
        return cls(pages, anchors, (), tuple(warnings), tuple(stylesheet))


class _Heard(logging.Handler):
    """Keeps the text of each warning and error logged to it, each once, in order."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: dict[str, None] = {}

    def emit(self, record: logging.LogRecord) -> None:
        self.messages[record.getMessage()] = None


@contextmanager
def _weasyprint_warnings() -> Iterator[dict[str, None]]:
    """WeasyPrint's warnings while the block runs, kept from the console: they are reported as
    diagnostics of the handbook instead."""
    logger = logging.getLogger("weasyprint")
    heard, propagate = _Heard(), logger.propagate
    logger.addHandler(heard)
    logger.propagate = False
    try:
        yield heard.messages
    finally:
        logger.removeHandler(heard)
        logger.propagate = propagate


@cache
def _stylesheet(css: str) -> tuple[CSS, FontConfiguration, tuple[str, ...]]:
    """The parsed stylesheet, its fonts and what WeasyPrint warned of while parsing it. Reusing
    them changes no byte of the output (checked: a unit renders the same first or after others)
    and saves a twentieth of a second a unit."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    with _weasyprint_warnings() as heard:
        stylesheet = CSS(string=css, base_url=f"{FONTS}/", font_config=fonts)
    return stylesheet, fonts, tuple(heard)


def warm_up(css: str) -> None:
    """Import WeasyPrint and parse the stylesheet: what a worker started ahead of its first job
    does while the project is still being loaded. Ctrl-C is left to the main process, which
    stops the workers; otherwise each would print its own traceback."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _stylesheet(css)


def render(job: Job) -> Facts:
    """Render `job` into its cache entry unless it is there already."""
    if job.entry.exists:
        return Facts.read(job.entry)
    from weasyprint import HTML  # heavy import, only when something is rendered

    stylesheet, fonts, stylesheet_warnings = _stylesheet(job.css)
    with _weasyprint_warnings() as heard:
        document = HTML(string=job.html, base_url=f"{FONTS}/").render(stylesheets=[stylesheet],
                                                                     font_config=fonts)
        anchors = {anchor: index for index, page in reversed(list(enumerate(document.pages)))
                   for anchor in page.anchors}
        missing = tuple(marker for marker in job.end_markers if marker not in anchors)
        pdf = None if missing else document.write_pdf(pdf_variant=job.variant)
    facts = Facts(len(document.pages), anchors, missing, tuple(heard), stylesheet_warnings)
    if pdf is None:
        return facts
    write_atomically(job.entry.pdf, pdf)
    write_atomically(job.entry.facts, json.dumps(
        {"pages": facts.pages, "anchors": anchors, "warnings": facts.warnings,
         "stylesheet_warnings": facts.stylesheet_warnings}, sort_keys=True).encode())
    return facts
