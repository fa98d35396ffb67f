"""Handbooks to PDF with WeasyPrint, checked before anything is written.

A handbook is rendered, then every part's end marker is looked for in the rendered pages: a
part cut short (WeasyPrint can stop partway without a word) fails with its name instead of
producing a thinner PDF. The file is written beside its target and renamed into place, so a
failed render never leaves a partial PDF at the output path. Output is tagged (PDF/UA-1) and
byte-identical for the same sources (dates come from the content, no random ids).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from learnsite.model.catalogue import Catalogue
from learnsite.model.site import Handbook
from learnsite.render.handbook.document import FONTS, build_document

CSS = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")


class HandbookError(Exception):
    """A handbook that could not be rendered in full; the message names what is missing."""


@dataclass(frozen=True)
class Rendered:
    """One written handbook."""

    path: Path
    pages: int
    size: int


def render_handbook(cat: Catalogue, handbook: Handbook, target: Path, css: str = CSS) -> Rendered:
    """Render one handbook to `target` (the catalogue in any language; the handbook's is used)."""
    from weasyprint import HTML  # heavy import, only when a handbook is built

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    language_cat = cat.translations.get(handbook.language, cat)
    site = language_cat.site
    handbook = next((h for h in site.handbooks if h.id == handbook.id), handbook) if site else handbook
    document = build_document(language_cat, handbook, css)
    rendered = HTML(string=document.html, base_url=f"{FONTS}/").render()
    found = {anchor for page in rendered.pages for anchor in page.anchors}
    missing = [marker.removeprefix("end-") for marker in document.end_markers if marker not in found]
    if missing:
        raise HandbookError(f"handbook `{handbook.id}` lost content while rendering: "
                            f"{', '.join(missing)} did not render in full")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(".pdf.part")
    # Tagged PDF/UA: same page images (checked on the Arabic handbook), about a fifth slower.
    rendered.write_pdf(partial, pdf_variant="pdf/ua-1")
    partial.replace(target)
    return Rendered(target, len(rendered.pages), target.stat().st_size)


def build_all(cat: Catalogue, folder: Path, only: list[str] | None = None
              ) -> tuple[list[Rendered], list[str]]:
    """Every handbook of the site (or those in `only`) into `folder`; one that fails does not
    stop the others. Returns what was written and a message per failure."""
    written, failures = [], []
    for handbook in cat.site.handbooks if cat.site else []:
        if only and handbook.id not in only:
            continue
        try:
            written.append(render_handbook(cat, handbook, folder / f"{handbook.id}.pdf"))
        except HandbookError as exc:
            failures.append(str(exc))
        except Exception as exc:
            failures.append(f"handbook `{handbook.id}` failed to render: {exc}")
    return written, failures


def describe(rendered: Rendered) -> str:
    """"94 pages, 217 KB": what a reader wants to know before downloading."""
    return f"{rendered.pages} pages, {max(1, round(rendered.size / 1024))} KB"


def stamp_handbooks(site_dir: Path, written: list[Rendered]) -> None:
    """Write each handbook's page count and size where the pages link to it."""
    slots = {f"<!--ls-handbook-{r.path.stem}-->": describe(r) for r in written}
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<!--ls-handbook-" in text:
            for slot, facts in slots.items():
                text = text.replace(slot, facts)
            page.write_text(text, encoding="utf-8")
