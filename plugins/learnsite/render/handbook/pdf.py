"""Handbooks to PDF: units rendered in parallel and cached, merged, and checked.

Each part of a handbook is a document of its own, rendered by WeasyPrint in a worker process and
kept in the cache under a hash of its HTML, so an edit re-renders only the part it touches. The
front matter is rendered once the parts' page counts are known, so its contents list real page
numbers (again if its own length changed). Every unit must show all its end markers (WeasyPrint
can stop partway without a word), and the merged outline must list every part and session: if
not, the handbook fails naming what is missing and nothing is written at its path. One handbook
failing does not stop the others. Output is tagged (PDF/UA-1) and byte-identical for the same
sources.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TypeVar

import pikepdf

from learnsite.load.coverage import Coverage, handbook_coverage
from learnsite.model.catalogue import Catalogue
from learnsite.model.markdown_config import MarkdownConfig
from learnsite.model.site import Handbook
from learnsite.render.assets import PDF_FONT_FACES
from learnsite.render.handbook.cache import RenderCache, code_fingerprint, write_atomically
from learnsite.render.handbook.document import (
    FRONT,
    Converter,
    HandbookDocument,
    Part,
    Unit,
    build_document,
    to_html,
)
from learnsite.render.handbook.merge import NUMBERS_PER_DOCUMENT, RenderedUnit, merge, read_outline, starts
from learnsite.render.handbook.scheduler import Renderer, Workers
from learnsite.render.handbook.worker import Facts, Job
from learnsite.render.pages import handbook_slot
from learnsite.strings import human_size, translator

CSS = PDF_FONT_FACES + (Path(__file__).parent / "print.css").read_text(encoding="utf-8")
CACHE = Path(".cache") / "handbooks"
"""Where rendered units are kept between builds, inside the project folder."""
TAGGED = "pdf/ua-1"
"""Tagged PDF for screen readers: same page images as untagged (checked), a fifth slower."""
T = TypeVar("T")
_CHARS_PER_PAGE = 2500
"""About how much unit HTML fills a page, to render page numbers before the count is known."""
STYLESHEET, FRONT_MATTER, PAGE_NUMBERS = "print stylesheet", "cover and contents", "page numbers"
"""Where a warning arose, when not in a part (which is named by its title)."""


class HandbookError(Exception):
    """A handbook that could not be rendered in full; the message names what is missing."""


@dataclass(frozen=True)
class Rendered:
    """One written handbook, how many of its units were rendered rather than reused, and what
    WeasyPrint warned of while rendering it."""

    handbook: Handbook
    path: Path
    pages: int
    size: int
    rendered: int = 0
    reused: int = 0
    warnings: tuple[str, ...] = ()
    """Each warning once, saying where: "Basics: Ignored `x: y` at 3:1, unknown property."."""
    coverage: Coverage | None = None
    """For a handbook in another language than the content's, what of it is translated."""
    foreign_pages: int = 0
    """Pages printing text still in the content's language."""


class _Book:
    """One handbook on its way to PDF: its parts start rendering as soon as it is written."""

    def __init__(self, cat: Catalogue, handbook: Handbook, target: Path, css: str,
                 store: RenderCache, renderer: Renderer) -> None:
        language_cat = cat.translations.get(handbook.language, cat)
        site = language_cat.site
        self.handbook = next((h for h in site.handbooks if h.id == handbook.id), handbook) \
            if site else handbook
        self.coverage = handbook_coverage(cat, handbook)
        self.target = target
        self.store = store
        self.css = css
        self.units: list[Unit] = []
        self.jobs: dict[str, Job] = {}
        """Each unit's job (the last one for the front matter), so its cache entry is named once."""
        self.futures: dict[str, Future[Facts]] = {}
        self.opened: dict[Path, pikepdf.Pdf] = {}
        self.front: Unit | None = None
        self.front_pages = 0
        self.parts: list[tuple[Unit, Facts]] = []
        self.document = build_document(language_cat, self.handbook, _cached_html(store),
                                       written=partial(self._start, renderer))
        self.front_guess = (self.document.front(dict.fromkeys(self.document.anchors, 999))
                            if self.document.has_front else None)
        jobs = self._number_jobs(sum(len(unit.html) for unit in self.units) // _CHARS_PER_PAGE)
        if self.front_guess is not None:  # rendered with stand-in numbers to learn its length
            jobs[FRONT] = self._job(self.front_guess)
        self.submit(renderer, jobs, urgent=True)  # small, and the book's end waits on them

    def _start(self, renderer: Renderer, document: HandbookDocument, part: Part) -> None:
        """Start rendering a part as soon as it is written."""
        unit = document.part(part)
        self.units.append(unit)
        self.submit(renderer, {unit.id: self._job(unit)})

    def submit(self, renderer: Renderer, jobs: dict[str, Job], urgent: bool = False) -> None:
        """Hand `jobs` to the renderer, unless they were handed over already."""
        renderer.start(list(jobs.values()))
        for key, job in jobs.items():
            if key not in self.futures:
                self.jobs[key] = job
                self.futures[key] = renderer.submit(job, urgent)

    def close(self) -> None:
        """Close what was opened ahead for a merge that did not happen."""
        for pdf in self.opened.values():
            pdf.close()
        self.opened.clear()

    def place(self, renderer: Renderer) -> None:
        """Wait for the parts (opening those already rendered meanwhile, for the merge); start
        the front matter with the pages where they will begin."""
        for unit in self.units:
            if self.futures[unit.id].done() and not self.futures[unit.id].result().missing:
                path = self.jobs[unit.id].entry.pdf
                self.opened[path] = pikepdf.open(path)
        self.parts = [(unit, self._facts(unit.id)) for unit in self.units]
        if self.front_guess is not None:
            self._submit_front(renderer, self._facts(FRONT).pages)

    def finish(self, renderer: Renderer) -> Rendered:
        """Settle the front matter, number the pages, merge, check, and move the file into place."""
        rendered = list(self.parts)
        if self.front is not None:
            rendered.insert(0, (self.front, self._settled_front(renderer)))
        if not rendered:
            raise HandbookError(f"handbook `{self.handbook.id}` has nothing to print: `include` "
                                f"({', '.join(self.handbook.include)}) names no part with content")
        counts = [(facts.pages, unit.id != FRONT) for unit, facts in rendered]
        numbers = self._number_jobs(starts(counts)[-1] + counts[-1][0] - 1)
        self.submit(renderer, numbers, urgent=True)
        heard = [(self._label(unit.id), facts) for unit, facts in rendered]
        heard += [(PAGE_NUMBERS, self._facts(key)) for key in numbers]
        renderer.release_when_idle()  # the last book's merge needs no worker
        units = [RenderedUnit(self.jobs[unit.id].entry.pdf, facts, unit.stand_ins, unit.id != FRONT)
                 for unit, facts in rendered]
        self.target.parent.mkdir(parents=True, exist_ok=True)
        unfinished = self.target.with_name(f".{self.target.name}.part")
        try:
            pages = merge(units, [job.entry.pdf for job in numbers.values()], unfinished, self.store,
                          cover="cover" in self.handbook.include,
                          open_pdf=lambda path: self.opened.pop(path, None) or pikepdf.open(path))
            self._check_outline(unfinished)
        except BaseException:
            unfinished.unlink(missing_ok=True)
            raise
        unfinished.replace(self.target)
        fresh = sum(1 for unit in units if unit.pdf in renderer.fresh)
        return Rendered(self.handbook, self.target, pages, self.target.stat().st_size, fresh,
                        len(units) - fresh, _warnings(heard), self.coverage,
                        foreign_pages(self.document.parts,
                                      {unit.id: facts for unit, facts in self.parts}))

    def _label(self, unit_id: str) -> str:
        """What a maintainer would call a unit: its part's title, or the front matter."""
        return FRONT_MATTER if unit_id == FRONT else self.document.label(unit_id)

    def _submit_front(self, renderer: Renderer, front_pages: int) -> None:
        """The front matter listing where parts and sessions start, if it is `front_pages` long."""
        first = starts([(front_pages, False), *((f.pages, True) for _, f in self.parts)])[1:]
        pages = {anchor: start + index for (unit, f), start in zip(self.parts, first, strict=True)
                 for anchor, index in f.anchors.items() if anchor not in unit.stand_ins}
        self.front_pages = front_pages
        self.front = self.document.front(pages)
        self.jobs[FRONT] = self._job(self.front)
        self.futures[FRONT] = renderer.submit(self.jobs[FRONT], urgent=True)

    def _settled_front(self, renderer: Renderer) -> Facts:
        """The front matter's facts once its length is the one its page numbers assumed."""
        for _ in range(3):
            facts = self._facts(FRONT)
            if facts.pages == self.front_pages:
                return facts
            self._submit_front(renderer, facts.pages)
        raise HandbookError(f"handbook `{self.handbook.id}`: the contents did not settle on a length")

    def _job(self, unit: Unit) -> Job:
        return Job(unit.html, self.css, self.store.entry(unit.html, self.css, TAGGED), TAGGED,
                   tuple(unit.end_markers))

    def _number_jobs(self, pages: int) -> dict[str, Job]:
        jobs = {}
        for chunk in range(max(1, math.ceil(pages / NUMBERS_PER_DOCUMENT))):
            html = self.document.numbers(chunk * NUMBERS_PER_DOCUMENT + 1, NUMBERS_PER_DOCUMENT)
            jobs[f"numbers-{chunk}"] = Job(html, self.css, self.store.entry(html, self.css, "numbers"), None)
        return jobs

    def _facts(self, key: str) -> Facts:
        facts = self.futures[key].result()
        if facts.missing:
            lost = "; ".join(self.document.label(marker.removeprefix("end-")) for marker in facts.missing)
            raise HandbookError(f"handbook `{self.handbook.id}` lost content while rendering: "
                                f"{lost} did not render in full")
        return facts

    def _check_outline(self, pdf_path: Path) -> None:
        """The written outline must list every part and its sessions, in order."""
        expected = [(part.title, [title for _, title in part.sections]) for part in self.document.parts]
        with pikepdf.open(pdf_path) as pdf:
            found = read_outline(pdf)
        if found != expected:
            lost = [title for title, _ in expected if title not in {t for t, _ in found}]
            raise HandbookError(f"handbook `{self.handbook.id}`: its outline does not match its "
                                f"source (missing: {', '.join(lost) or 'sessions of a part'})")


def foreign_pages(parts: Sequence[Part], facts: Mapping[str, Facts]) -> int:
    """How many pages print text still in the content's language. A page belongs to the last
    section (or the part itself) that starts on or before it."""
    count = 0
    for part in parts:
        if part.id not in facts:
            continue
        rendered = facts[part.id]
        anchors = [part.id, *(section for section, _ in part.sections)]
        starts = sorted((rendered.anchors[anchor], order, anchor)
                        for order, anchor in enumerate(anchors) if anchor in rendered.anchors)
        for page in range(rendered.pages):
            owner = next((anchor for start, _, anchor in reversed(starts) if start <= page), part.id)
            count += owner in part.foreign or (owner == part.id and part.untranslated)
    return count


def _warnings(heard: list[tuple[str, Facts]]) -> tuple[str, ...]:
    """Each warning of a handbook's units once, naming where it arose: the print stylesheet
    (every unit hears the same ones) or the part that was being rendered."""
    messages = [f"{STYLESHEET}: {message}" for _, facts in heard for message in facts.stylesheet_warnings]
    messages += [f"{where}: {message}" for where, facts in heard for message in facts.warnings]
    return tuple(dict.fromkeys(messages))


def _cached_html(store: RenderCache) -> Converter:
    """`to_html` through the cache: most of a handbook's text is unchanged between builds. The
    key holds the Markdown configuration too, so an edit to mkdocs.yml's extensions converts
    every text anew."""
    def convert(text: str, config: MarkdownConfig, edition: str, language: str) -> str:
        path = store.file("html", code_fingerprint().encode(), config.fingerprint.encode(),
                          edition.encode(), language.encode(), text.encode())
        if path.is_file():
            return path.read_text(encoding="utf-8")
        html = to_html(text, config, edition, language)
        write_atomically(path, html.encode())
        return html

    return convert


def start_workers(*, keep: bool = False) -> Workers:
    """Worker processes for `build_all`, started early so their start-up overlaps other work;
    `keep` keeps them ready for the next build rather than letting them go before the last
    merge."""
    return Workers(CSS, keep=keep)


def build_all(cat: Catalogue, folder: Path, only: list[str] | None = None,
              cache: Path | None = None, css: str = CSS, workers: Workers | None = None
              ) -> tuple[list[Rendered], list[str]]:
    """Every handbook of the site (or those in `only`) into `folder`, reusing rendered units
    from `cache` (none kept without one), rendering in `workers` when given. One that fails does
    not stop the others. Returns what was written and a message per failure."""
    handbooks = [h for h in (cat.site.handbooks if cat.site else []) if not only or h.id in only]
    results = _build(cat, [(h, folder / f"{h.id}.pdf") for h in handbooks], cache, css, workers)
    written = [r for r in results if isinstance(r, Rendered)]
    return written, [r for r in results if isinstance(r, str)]


def render_handbook(cat: Catalogue, handbook: Handbook, target: Path, css: str = CSS,
                    cache: Path | None = None) -> Rendered:
    """Render one handbook to `target` (the catalogue in any language; the handbook's is used)."""
    [result] = _build(cat, [(handbook, target)], cache, css, None)
    if isinstance(result, str):
        raise HandbookError(result)
    return result


def _build(cat: Catalogue, targets: list[tuple[Handbook, Path]], cache: Path | None,
           css: str, workers: Workers | None) -> list[Rendered | str]:
    """Each target handbook written, or a message saying why not. Every book's parts are queued
    before any book waits, so the workers are never idle while a book is merged."""
    store = RenderCache(cache)
    results: dict[int, Rendered | str] = {}
    try:
        with Renderer(workers, css) as renderer:
            books: dict[int, _Book] = {}
            for index, (handbook, target) in enumerate(targets):
                book = _attempt(partial(_Book, cat, handbook, target, css, store, renderer), handbook)
                if isinstance(book, str):
                    results[index] = book
                else:
                    books[index] = book
            for index, book in books.items():
                placed = _attempt(partial(book.place, renderer), book.handbook)
                if isinstance(placed, str):
                    results[index] = placed
            for index, book in books.items():
                if index not in results:
                    results[index] = _attempt(partial(book.finish, renderer), book.handbook)
                book.close()
        if cache is not None and len(targets) == len(cat.site.handbooks if cat.site else []):
            store.prune()
    finally:
        store.close()
    return [results[index] for index in range(len(targets))]


def _attempt(step: Callable[[], T], handbook: Handbook) -> T | str:
    """Run one handbook's step; a failure becomes a message naming the handbook."""
    try:
        return step()
    except HandbookError as exc:
        return str(exc)
    except Exception as exc:
        return f"handbook `{handbook.id}` failed to render: {exc}"


def describe(rendered: Rendered, language: str = "en", html: bool = False) -> str:
    """"94 pages, 217 KB": what a reader wants to know before downloading, in `language`; for a
    page, the size is isolated so its Latin letters keep their place in Arabic text."""
    size = human_size(rendered.size, language)
    return translator(language)("handbook-facts", pages=rendered.pages,
                                size=f"<bdi>{size}</bdi>" if html else size)


def translated_share(rendered: Rendered, language: str = "en") -> str:
    """"translated: 24 of 26 sessions, 101 of 109 pages", in `language`; empty for a handbook
    in the content's own language."""
    if rendered.coverage is None:
        return ""
    t = translator(language)
    pages = t("translated-pages", pages=rendered.pages - rendered.foreign_pages, total=rendered.pages)
    if not rendered.coverage.sessions:
        return t("translated-share", share=pages)
    sessions = t("translated-sessions", sessions=rendered.coverage.translated_sessions,
                 total=rendered.coverage.sessions)
    return t("translated-share", share=f"{sessions}{t('list-comma')}{pages}")


def log_line(rendered: Rendered, shown: str) -> str:
    """A written handbook as the build log gives it: its file (`shown` as given), facts,
    share translated and what the cache saved."""
    facts = [describe(rendered), translated_share(rendered), reuse(rendered)]
    return f"{shown} ({'; '.join(fact for fact in facts if fact)})"


def reuse(rendered: Rendered) -> str:
    """"1 of 14 parts rendered, the others reused": what the cache saved, for the build log."""
    return (f"{rendered.rendered} of {rendered.rendered + rendered.reused} parts rendered"
            + (", the others reused" if rendered.reused else ""))


def stamp_handbooks(site_dir: Path, written: list[Rendered], languages: list[str]) -> None:
    """Write each handbook's page count and size, in each page's language, where it links to it."""
    slots = {handbook_slot(r.path.stem, language): _facts_html(r, language)
             for r in written for language in languages}
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<!--ls-handbook-" in text:
            for slot, facts in slots.items():
                text = text.replace(slot, facts)
            page.write_text(text, encoding="utf-8")


def _facts_html(rendered: Rendered, language: str) -> str:
    """What a page says of a handbook beside its link: pages and size, and how much of it is
    translated."""
    share = translated_share(rendered, language)
    facts = describe(rendered, language, html=True)
    return f"{facts}{translator(language)('list-semicolon')}{share}" if share else facts
