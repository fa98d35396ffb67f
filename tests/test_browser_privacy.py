"""In headless Chromium: reading and searching the site requests nothing from any other host."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import Browser, Page, Request

from conftest import site_search


def _record(page: Page) -> list[str]:
    requests: list[str] = []

    def on_request(request: Request) -> None:
        requests.append(request.url)

    page.on("request", on_request)
    return requests


def test_reading_and_searching_stays_on_the_site(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    requests = _record(page)
    page.goto(f"{site_url}/", wait_until="networkidle")
    page.goto(f"{site_url}/modules/eleven-indicators/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    assert site_search(page, "debt").count() > 0
    page.wait_for_load_state("networkidle")
    context.close()

    host = urlsplit(site_url).netloc
    foreign = [url for url in requests
               if urlsplit(url).scheme in ("http", "https", "ws", "wss")
               and urlsplit(url).netloc != host]
    assert not foreign, f"requests to other hosts: {foreign}"
    assert any(url.endswith("/search/search_index.json") for url in requests)
    assert any(url.endswith(".woff2") for url in requests), "the shipped fonts are used"


def test_text_is_set_in_the_shipped_font(browser: Browser, site_url: str) -> None:
    page = browser.new_page()
    page.goto(f"{site_url}/", wait_until="networkidle")
    family = page.evaluate("getComputedStyle(document.querySelector('.md-typeset')).fontFamily")
    loaded = page.evaluate("document.fonts.check('16px \"Noto Sans\"')")
    page.close()
    assert family.startswith('"Noto Sans"')
    assert loaded
