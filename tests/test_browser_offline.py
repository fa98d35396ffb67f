"""The offline bundle, unzipped and opened from the file system: pages, links, search and a
checklist work with no server and no network, whichever engine built it."""

from __future__ import annotations

import zipfile
from pathlib import Path

from playwright.sync_api import Browser

from conftest import site_search


def test_unzipped_bundle_works_from_file_urls(built_site: Path, browser: Browser,
                                              tmp_path: Path) -> None:
    _works_from_file_urls(built_site, browser, tmp_path)


def test_zensical_bundle_works_from_file_urls(zensical_real_site: Path, browser: Browser,
                                              tmp_path: Path) -> None:
    _works_from_file_urls(zensical_real_site, browser, tmp_path)


def _works_from_file_urls(site: Path, browser: Browser, tmp_path: Path) -> None:
    with zipfile.ZipFile(site / "offline.zip") as bundle:
        bundle.extractall(tmp_path)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((tmp_path / "index.html").as_uri())
    assert "offline copy" in page.locator("article").inner_text()

    page.locator("article a", has_text="Guidance for labour inspectors").first.click()
    page.wait_for_load_state()
    assert page.url == (tmp_path / "guidance/labour-inspectors.html").as_uri()

    result = site_search(page, "welder").first
    assert "How the indicators combine" in result.inner_text()
    result.locator("a").first.click()  # Material: the page; Zensical: its first matching section
    page.wait_for_load_state()
    assert page.url.split("?")[0].endswith("/modules/eleven-indicators/how-indicators-combine.html")

    page.goto((tmp_path / "ar/index.html").as_uri())
    assert page.locator("body").get_attribute("dir") == "rtl"
    arabic = site_search(page, "جواز")
    assert arabic.count() > 0, "Arabic search works offline too"

    page.goto((tmp_path / "checklists/forced-labour-indicators.html").as_uri())
    page.locator("fieldset[data-indicator=deception] input[value=yes]").first.click()
    assert page.locator(".ls-outcome").get_attribute("data-outcome") == "gather-more-information"
    page.close()
    assert all(url.startswith(("file://", "data:", "blob:")) for url in requests), [
        url for url in requests if not url.startswith("file://")]
