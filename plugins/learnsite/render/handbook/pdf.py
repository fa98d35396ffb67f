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
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import TypeVar

import pikepdf

from learnsite.model.catalogue import Catalogue
from learnsite.model.site import Handbook
from learnsite.render.handbook.cache import RenderCache, code_fingerprint, write_atomically
from learnsite.render.handbook.document import FRONT, Converter, Unit, build_document, to_html
from learnsite.render.handbook.merge import NUMBERS_PER_DOCUMENT, RenderedUnit, merge, starts
from learnsite.render.handbook.worker import Facts, Job, render

CSS = (Path(__file__).parent / "print.css").read_text(encoding="utf-8")
CACHE = Path(".cache") / "handbooks"
"""Where rendered units are kept between builds, inside the project folder."""
TAGGED = "pdf/ua-1"
"""Tagged PDF for screen readers: same page images as untagged (checked), a fifth slower."""
T = TypeVar("T")
_CHARS_PER_PAGE = 2500
"""About how much unit HTML fills a page, to render page numbers before the count is known."""


class HandbookError(Exception):
    """A handbook that could not be rendered in full; the message names what is missing."""


@dataclass(frozen=True)
class Rendered:
    """One written handbook, and how many of its units were rendered rather than reused."""

    path: Path
    pages: int
    size: int
    rendered: int = 0
    reused: int = 0


class _Renderer:
    """Runs render jobs: in worker processes when there are several to do, else right here
    (starting workers costs more than one unit takes)."""

    def __init__(self, store: RenderCache) -> None:
        self.store = store
        self.pool: ProcessPoolExecutor | None = None
        self.fresh: set[Path] = set()
        self.todo = 0

    def __enter__(self) -> _Renderer:
        return self

    def __exit__(self, *_: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)

    def start(self, jobs: list[Job]) -> None:
        """Open workers once more than one job has needed rendering."""
        self.todo += sum(1 for job in jobs if not job.entry.exists)
        if self.todo > 1 and self.pool is None:
            self.pool = ProcessPoolExecutor(os.cpu_count() or 1, mp_context=get_context("spawn"))

    def submit(self, job: Job) -> Future[Facts]:
        if not job.entry.exists:
            self.fresh.add(job.entry.pdf)
        if self.pool is not None and not job.entry.exists:
            return self.pool.submit(render, job)
        done: Future[Facts] = Future()
        done.set_result(render(job))
        return done


class _Book:
    """One handbook on its way to PDF: its parts start rendering as soon as it is written."""

    def __init__(self, cat: Catalogue, handbook: Handbook, target: Path, css: str,
                 store: RenderCache, renderer: _Renderer) -> None:
        language_cat = cat.translations.get(handbook.language, cat)
        site = language_cat.site
        self.handbook = next((h for h in site.handbooks if h.id == handbook.id), handbook) \
            if site else handbook
        self.target = target
        self.store = store
        self.css = css
        self.document = build_document(language_cat, self.handbook, _cached_html(store))
        self.units = [self.document.part(part) for part in self.document.parts]
        self.front_guess = (self.document.front(dict.fromkeys(self.document.anchors, 999))
                            if self.document.has_front else None)
        self.front: Unit | None = None
        self.front_pages = 0
        self.parts: list[tuple[Unit, Facts]] = []
        self.futures: dict[str, Future[Facts]] = {}
        jobs = self.jobs()
        renderer.start(list(jobs.values()))
        self.submit(renderer, dict(sorted(jobs.items(), key=lambda item: -len(item[1].html))))

    def jobs(self) -> dict[str, Job]:
        """What can be rendered before any page count is known: the parts, the front matter with
        stand-in page numbers (for its length), and the page numbers the book will likely need."""
        jobs = {unit.id: self._job(unit) for unit in self.units}
        if self.front_guess is not None:
            jobs[FRONT] = self._job(self.front_guess)
        estimate = sum(len(unit.html) for unit in self.units) // _CHARS_PER_PAGE
        return jobs | self._number_jobs(estimate)

    def submit(self, renderer: _Renderer, jobs: dict[str, Job]) -> None:
        for key, job in jobs.items():
            if key not in self.futures:
                self.futures[key] = renderer.submit(job)

    def place(self, renderer: _Renderer) -> None:
        """Wait for the parts; start the front matter with the pages where they will begin."""
        self.parts = [(unit, self._facts(unit.id)) for unit in self.units]
        if self.front_guess is not None:
            self._submit_front(renderer, self._facts(FRONT).pages)

    def finish(self, renderer: _Renderer) -> Rendered:
        """Settle the front matter, number the pages, merge, check, and move the file into place."""
        rendered = list(self.parts)
        if self.front is not None:
            rendered.insert(0, (self.front, self._settled_front(renderer)))
        if not rendered:
            raise HandbookError(f"handbook `{self.handbook.id}` has nothing to print: `include` "
                                f"({', '.join(self.handbook.include)}) names no part with content")
        counts = [(facts.pages, unit.id != FRONT) for unit, facts in rendered]
        numbers = self._number_jobs(starts(counts)[-1] + counts[-1][0] - 1)
        self.submit(renderer, numbers)
        for key in numbers:
            self._facts(key)
        units = [RenderedUnit(self._job(unit).entry.pdf, facts, unit.stand_ins, unit.id != FRONT)
                 for unit, facts in rendered]
        self.target.parent.mkdir(parents=True, exist_ok=True)
        partial = self.target.with_name(f".{self.target.name}.part")
        try:
            pages = merge(units, [job.entry.pdf for job in numbers.values()], partial, self.store,
                          cover="cover" in self.handbook.include)
            self._check_outline(partial)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
        partial.replace(self.target)
        fresh = sum(1 for unit in units if unit.pdf in renderer.fresh)
        return Rendered(self.target, pages, self.target.stat().st_size, fresh, len(units) - fresh)

    def _submit_front(self, renderer: _Renderer, front_pages: int) -> None:
        """The front matter listing where parts and sessions start, if it is `front_pages` long."""
        first = starts([(front_pages, False), *((f.pages, True) for _, f in self.parts)])[1:]
        pages = {anchor: start + index for (unit, f), start in zip(self.parts, first, strict=True)
                 for anchor, index in f.anchors.items() if anchor not in unit.stand_ins}
        self.front_pages = front_pages
        self.front = self.document.front(pages)
        self.futures[FRONT] = renderer.submit(self._job(self.front))

    def _settled_front(self, renderer: _Renderer) -> Facts:
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
        with pikepdf.open(pdf_path) as pdf, pdf.open_outline() as outline:
            found = [(item.title, [child.title for child in item.children]) for item in outline.root]
        if found != expected:
            lost = [title for title, _ in expected if title not in {t for t, _ in found}]
            raise HandbookError(f"handbook `{self.handbook.id}`: its outline does not match its "
                                f"source (missing: {', '.join(lost) or 'sessions of a part'})")


def _cached_html(store: RenderCache) -> Converter:
    """`to_html` through the cache: most of a handbook's text is unchanged between builds."""
    def convert(text: str, edition: str, language: str) -> str:
        path = store.file("html", code_fingerprint().encode(), edition.encode(), language.encode(),
                          text.encode())
        if path.is_file():
            return path.read_text(encoding="utf-8")
        html = to_html(text, edition, language)
        write_atomically(path, html.encode())
        return html

    return convert


def build_all(cat: Catalogue, folder: Path, only: list[str] | None = None,
              cache: Path | None = None, css: str = CSS) -> tuple[list[Rendered], list[str]]:
    """Every handbook of the site (or those in `only`) into `folder`, reusing rendered units
    from `cache` (none kept without one). One that fails does not stop the others. Returns what
    was written and a message per failure."""
    handbooks = [h for h in (cat.site.handbooks if cat.site else []) if not only or h.id in only]
    results = _build(cat, [(h, folder / f"{h.id}.pdf") for h in handbooks], cache, css)
    written = [r for r in results if isinstance(r, Rendered)]
    return written, [r for r in results if isinstance(r, str)]


def render_handbook(cat: Catalogue, handbook: Handbook, target: Path, css: str = CSS,
                    cache: Path | None = None) -> Rendered:
    """Render one handbook to `target` (the catalogue in any language; the handbook's is used)."""
    [result] = _build(cat, [(handbook, target)], cache, css)
    if isinstance(result, str):
        raise HandbookError(result)
    return result


def _build(cat: Catalogue, targets: list[tuple[Handbook, Path]], cache: Path | None,
           css: str) -> list[Rendered | str]:
    """Each target handbook written, or a message saying why not. Every book's parts are queued
    before any book waits, so the workers are never idle while a book is merged."""
    store = RenderCache(cache)
    results: dict[int, Rendered | str] = {}
    try:
        with _Renderer(store) as renderer:
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


def describe(rendered: Rendered) -> str:
    """"94 pages, 217 KB": what a reader wants to know before downloading."""
    return f"{rendered.pages} pages, {max(1, round(rendered.size / 1024))} KB"


def reuse(rendered: Rendered) -> str:
    """"1 of 14 parts rendered, the others reused": what the cache saved, for the build log."""
    return (f"{rendered.rendered} of {rendered.rendered + rendered.reused} parts rendered"
            + (", the others reused" if rendered.reused else ""))


def stamp_handbooks(site_dir: Path, written: list[Rendered]) -> None:
    """Write each handbook's page count and size where the pages link to it."""
    slots = {f"<!--ls-handbook-{r.path.stem}-->": describe(r) for r in written}
    for page in site_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "<!--ls-handbook-" in text:
            for slot, facts in slots.items():
                text = text.replace(slot, facts)
            page.write_text(text, encoding="utf-8")
