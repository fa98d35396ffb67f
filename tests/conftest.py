"""Shared fixtures: a small valid project copied per test, and an in-process `learnsite` run."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, sync_playwright

from learnsite.cli import main

REPO = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).parent / "fixtures" / "minimal"


@dataclass
class Run:
    """What one `learnsite` invocation printed and returned."""

    code: int
    out: str
    err: str

    @property
    def problems(self) -> list[dict[str, object]]:
        """The diagnostics of a `check --format json` run."""
        return list(json.loads(self.out))

    def rules(self) -> list[str]:
        return [str(p["rule"]) for p in self.problems]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the minimal valid project that a test may break."""
    root = tmp_path / "project"
    shutil.copytree(FIXTURE, root)
    return root


@pytest.fixture
def learnsite(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run the CLI in-process; bad usage (SystemExit) is returned as its exit code."""

    def run(*argv: str) -> Run:
        try:
            code = main(list(argv))
        except SystemExit as exc:
            code = int(exc.code or 0)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def edit(path: Path, old: str, new: str) -> None:
    """Replace one exact piece of text in a file, failing loudly if it is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def mkdocs_build(root: Path, site_dir: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
    """`mkdocs build --strict` of the project at `root`, as `make site` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GITHUB_ACTIONS": ""}
    mode = ["--strict"] if strict else ["--no-strict"]
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", *mode, "--site-dir", str(site_dir)],
        cwd=root, capture_output=True, text=True, check=False, env=env)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site, built once per test run."""
    site = tmp_path_factory.mktemp("site")
    done = mkdocs_build(REPO, site)
    assert done.returncode == 0, done.stderr
    return site


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served on a loopback port for the browser tests."""
    yield from _serve(built_site)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's headless Chromium driven by Playwright (no downloaded browser build)."""
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


ARABIC = Path(__file__).parent / "fixtures" / "arabic"


def make_bilingual(root: Path) -> Path:
    """The minimal project with Arabic added: a few translated files, stamped as up to date."""
    shutil.copytree(FIXTURE, root)
    shutil.copytree(ARABIC, root, dirs_exist_ok=True)
    edit(root / "site_config.yml", "    name: English\n",
         "    name: English\n  - code: ar\n    name: العربية\n    dir: rtl\n")
    translations = sorted(str(p) for p in root.rglob("*.ar.*"))
    assert main(["--root", str(root), "translations", "--stamp", *translations]) == 0
    return root


@pytest.fixture
def bilingual(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A bilingual copy of the minimal project that a test may change."""
    root = make_bilingual(tmp_path / "bilingual")
    capsys.readouterr()
    return root


@pytest.fixture(scope="session")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bilingual fixture, built once: English at the root, Arabic under ar/."""
    root = make_bilingual(tmp_path_factory.mktemp("bilingual") / "project")
    site = root.parent / "site"
    done = mkdocs_build(root, site)
    assert done.returncode == 0, done.stderr
    return site


@pytest.fixture(scope="session")
def zensical_bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bilingual fixture built by Zensical (`learnsite build --engine zensical`), as
    `ENGINE=zensical make site` builds it."""
    root = make_bilingual(tmp_path_factory.mktemp("zensical") / "project")
    site = root.parent / "site"
    code = main(["--root", str(root), "build", "--engine", "zensical", "--strict",
                 "--site-dir", str(site)])
    assert code == 0
    return site


@pytest.fixture(scope="session")
def zensical_real_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's own site built by Zensical (after the MkDocs build, whose handbooks and
    slides it takes from the shared cache)."""
    site = tmp_path_factory.mktemp("zensical-real") / "site"
    assert main(["--root", str(REPO), "build", "--engine", "zensical", "--strict",
                 "--site-dir", str(site)]) == 0
    return site


@pytest.fixture(scope="session")
def zensical_real_url(zensical_real_site: Path) -> Iterator[str]:
    yield from _serve(zensical_real_site)


@pytest.fixture(scope="session")
def bilingual_url(bilingual_site: Path) -> Iterator[str]:
    """The bilingual fixture site served on a loopback port."""
    yield from _serve(bilingual_site)


#: Fixtures that make a test slow, and the marker saying so: `make test-fast` leaves out what
#: drives Chromium and what builds a whole site (each build renders the PDF handbooks too).
#: Tests that build or render by themselves carry the marker in their module.
SLOW_FIXTURES = {"browser": "browser", "built_site": "pdf", "bilingual_site": "pdf",
                 "zensical_bilingual_site": "pdf", "zensical_real_site": "pdf"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the slow fixtures it uses, directly or through another fixture."""
    for item in items:
        for fixture, marker in SLOW_FIXTURES.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


def site_search(page: Page, query: str) -> Locator:
    """Type a query into the site's search box as a reader does; return the result items once
    the search has answered. Works on a site built by Material for MkDocs or by Zensical."""
    if page.locator("input.md-search__input").count():
        return _material_search(page, query)
    return _zensical_search(page, query)


def search_titles(page: Page, query: str) -> list[str]:
    """The titles of the pages a search finds, best first, each once. Material heads each page's
    results with its title; Zensical lists sections, the page title last in their path."""
    items = site_search(page, query)
    if page.locator("input.md-search__input").count():
        titles = items.locator(":scope > .md-search-result__link h1")
    else:
        titles = items.locator("menu li:last-child")
    return list(dict.fromkeys(titles.nth(i).inner_text().strip() for i in range(titles.count())))


def _material_search(page: Page, query: str) -> Locator:
    box = page.locator("input.md-search__input")
    box.click()
    # Material says "Initializing search" until its index is loaded (which takes longer while the
    # app's service worker is keeping the site), then asks for a query: wait for that.
    placeholder = page.evaluate("JSON.parse(document.getElementById('__config').textContent)"
                                ".translations['search.result.placeholder']")
    meta = "document.querySelector('.md-search-result__meta').textContent.trim()"
    page.wait_for_function(f"(placeholder) => {meta} === placeholder", arg=placeholder)
    box.fill(query)
    page.keyboard.press("End")  # Material searches on key events; fill() sends none
    page.wait_for_function(f"(placeholder) => {meta} && {meta} !== placeholder", arg=placeholder)
    page.wait_for_timeout(300)
    return page.locator(".md-search-result__item")


#: Zensical's search is a dialog in an open shadow root (Playwright's CSS selectors pierce it)
#: whose class names are minified, so its parts are found by their roles.
ZENSICAL_BOX = "dialog[open] input[role=combobox]"
ZENSICAL_STATUS = "dialog[open] [role=status]"
ZENSICAL_RESULTS = "dialog[open] [role=listbox]"
#: Zensical's status line says "No results" both when a query has found nothing and while it is
#: still being answered, so the helper counts the queries the page posts to the search worker
#: ({type: 2}) and the answers that come back ({type: 3}), observing, changing nothing.
COUNT_SEARCHES = """() => {
  if (window.__searches) { return; }
  const counts = window.__searches = {posted: 0, answered: 0};
  const seen = new WeakSet();
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message, ...rest) {
    if (!seen.has(this)) {
      seen.add(this);
      this.addEventListener("message", (event) => { counts.answered += event.data.type === 3; });
    }
    counts.posted += Boolean(message && message.type === 2);
    return post.call(this, message, ...rest);
  };
}"""
#: The worker has answered every query, and the status line agrees with the list under it.
SEARCH_ANSWERED = """([status, list, posted]) => window.__searches.posted > posted
  && window.__searches.answered >= window.__searches.posted
  && /\\d/.test(status.textContent) === (list.children.length > 0)"""


def _zensical_search(page: Page, query: str) -> Locator:
    page.evaluate(COUNT_SEARCHES)
    if not page.locator(ZENSICAL_BOX).count():
        # The header's search field, or on a narrow screen its magnifier icon.
        page.locator(".md-search__button:visible, label[for=__search]:visible").first.click()
    box = page.locator(ZENSICAL_BOX)
    status = page.locator(ZENSICAL_STATUS).element_handle()
    # Empty, the box shows an empty status line once the index is loaded ("Loading search…"
    # before), and the previous query's results are gone.
    box.fill("")
    page.wait_for_function("(status) => !status.textContent.trim()", arg=status)
    posted = page.evaluate("window.__searches.posted")
    box.fill(query)
    page.wait_for_function(SEARCH_ANSWERED, arg=[
        status, page.locator(ZENSICAL_RESULTS).element_handle(), posted])
    return page.locator(f"{ZENSICAL_RESULTS} > li")
