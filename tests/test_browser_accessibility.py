"""axe-core in headless Chromium: no serious or critical accessibility violation on the pages
frontliners and trainers use most, in English and in Arabic."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

PAGES = [
    "",
    "programmes/inspectors-forced-labour/",
    "modules/eleven-indicators/",
    "modules/eleven-indicators/how-indicators-combine/",
    "checklists/forced-labour-indicators/",
    "checklists/trafficking-indicators/",
]
PAGES += [f"ar/{path}" for path in PAGES]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("width", [360, 1280])
def test_no_serious_violations(path: str, width: int, browser: Browser, site_url: str, axe) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    response = page.goto(f"{site_url}/{path}", wait_until="networkidle")
    assert response is not None and response.status == 200, f"{path} did not load"
    results = axe.run(page)
    page.close()
    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
               for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, serious
