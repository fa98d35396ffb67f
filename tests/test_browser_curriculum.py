"""In headless Chromium: a trainer opens a programme, a module and a session, and a reader finds
a session through the search. Screenshots are saved as test artifacts."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser

from conftest import REPO, site_search

ARTIFACTS = REPO / "test-artifacts"
PROGRAMME = "programmes/inspectors-forced-labour/"
MODULE = "modules/eleven-indicators/"
SESSION = "modules/eleven-indicators/how-indicators-combine/"


def _shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_programme_module_and_session_pages(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/{PROGRAMME}", wait_until="networkidle")
    first_day = page.locator("table").filter(has_text="Session").first
    rows = first_day.locator("tbody tr")
    assert rows.first.locator("td").first.inner_text().startswith("08:00–")
    assert "ground rules" in rows.first.inner_text(), "the day opens with its own item"
    assert first_day.get_by_text("Lunch").count() == 1
    assert first_day.get_by_text("Noon prayer", exact=True).count() == 1
    _shot(page, "programme")

    page.goto(f"{site_url}/{MODULE}", wait_until="networkidle")
    assert page.get_by_text("Last reviewed").count() >= 1
    assert page.locator("table a", has_text="How the indicators combine").count() == 1
    _shot(page, "module")

    page.goto(f"{site_url}/{SESSION}", wait_until="networkidle")
    notes = page.locator("details.ls-trainer-notes").first
    assert notes.locator("summary").inner_text() == "For trainers"
    assert notes.get_attribute("open") is None
    body = notes.locator("p, ul").first
    assert not body.is_visible()
    notes.locator("summary").click()
    assert body.is_visible()
    breadcrumbs = page.locator("nav.md-path").inner_text()
    assert "Combating forced labour" in breadcrumbs and "eleven indicators" in breadcrumbs
    _shot(page, "session")
    page.close()


def test_search_finds_a_session_by_a_word_in_its_body(browser: Browser, site_url: str) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{site_url}/", wait_until="networkidle")
    result = site_search(page, "welder").first
    assert "How the indicators combine" in result.inner_text()
    result.locator("a").first.click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"/{SESSION}"
    page.close()
