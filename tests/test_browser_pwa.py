"""The site as an installable app (learnsite/webapp/), in headless Chromium: the first visit keeps
the whole site; offline, pages in both languages, both searches and a checklist work; a new
build is fetched file by file and offered in the reader's language; Chromium finds the manifest
installable. No request ever leaves the site, and nothing carrying answers is stored."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from conftest import CHROMIUM, CHROMIUM_FLAGS, edit, make_bilingual, mkdocs_build, site_search

pytestmark = pytest.mark.browser

#: The page the second build changes, and what it adds.
CHANGED = "ar/modules/indicators/signs/"
ADDED = "جملة لا تحملها إلا النسخة الثانية."


@dataclass
class Server:
    """One origin serving whichever built site `served` links to, and what it was asked for."""

    url: str
    served: Path
    asked: list[str] = field(default_factory=list)

    def serve(self, site: Path) -> None:
        """Publish another build at the same origin."""
        self.served.unlink()
        self.served.symlink_to(site, target_is_directory=True)


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The bilingual fixture built twice: the second time with one Arabic page changed."""
    root = make_bilingual(tmp_path_factory.mktemp("app") / "project")
    first, second = root.parent / "first", root.parent / "second"
    done = mkdocs_build(root, first)
    assert done.returncode == 0, done.stderr
    edit(root / "modules/indicators/signs.ar.md", "يُعدّ جَوازُ السفر المحتجز علامةً مهمة.",
         f"يُعدّ جَوازُ السفر المحتجز علامةً مهمة. {ADDED}")
    done = mkdocs_build(root, second)
    assert done.returncode == 0, done.stderr
    return first, second


@pytest.fixture(scope="module")
def server(builds: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    served = tmp_path_factory.mktemp("served") / "site"
    served.symlink_to(builds[0], target_is_directory=True)
    asked: list[str] = []

    class Recording(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output clean."""

    handler = functools.partial(Recording, directory=str(served))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield Server(f"http://127.0.0.1:{httpd.server_address[1]}", served, asked)
    httpd.shutdown()
    httpd.server_close()


def precache(site: Path) -> dict[str, str]:
    """The precache list sw.js carries: URL → hash."""
    listing = re.search(r"const PRECACHE = (\{.*?\n\});", (site / "sw.js").read_text(encoding="utf-8"), re.S)
    assert listing is not None
    return dict(json.loads(listing.group(1)))


def wait_for_worker(page: Page) -> None:
    """Until the worker controls the page: it activates only once every file is kept."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=30_000)


def stored_urls(page: Page) -> list[str]:
    """Every URL in every cache of the site."""
    return list(page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) { urls.push(request.url); }
        }
        return urls;
    }"""))


def test_the_app_works_offline_and_updates_file_by_file(builds: tuple[Path, Path], server: Server,
                                                        browser: Browser) -> None:
    first, second = builds
    context: BrowserContext = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()

    # first visit, online: the worker keeps every file of both languages before it takes over
    page.goto(f"{server.url}/")
    wait_for_worker(page)
    listing = precache(first)
    kept = stored_urls(page)
    assert {f"{server.url}/{url.removeprefix('./')}" for url in listing} <= set(kept)
    assert not any(url.endswith((".pdf", ".map", "offline.zip")) for url in kept)

    # offline: ten pages in each language, answered by the worker
    context.set_offline(True)
    for language, prefix in (("en", ""), ("ar", "ar/")):
        pages = [url for url in listing if url.endswith("/") and url not in {"./", "ar/"}
                 and url.startswith("ar/") == bool(prefix) and "app/offline" not in url][:10]
        assert len(pages) == 10, pages
        for url in pages:
            response = page.goto(f"{server.url}/{url}")
            assert response is not None and response.ok and response.from_service_worker, url
            assert page.locator("html").get_attribute("lang") == language, url
            assert page.locator("article h1").count() == 1, url

    # offline: both searches, and a checklist answered to its outcome
    page.goto(f"{server.url}/")
    assert "Definitions" in site_search(page, "definition").first.inner_text()
    page.goto(f"{server.url}/ar/")
    assert site_search(page, "جواز").count() > 0
    page.goto(f"{server.url}/ar/checklists/mini/")
    page.locator("fieldset[data-indicator=deception] input[value=yes]").first.click()
    page.locator("fieldset[data-indicator=debt-bondage] input[value=yes]").first.click()
    assert page.locator(".ls-outcome").get_attribute("data-outcome") == "refer"
    # a request carrying answers (as a submitted form would send them) is answered, never kept
    page.goto(f"{server.url}/checklists/mini/?deception=yes&debt-bondage=yes")
    assert page.locator(".ls-checklist").count() == 1

    # offline, a page the worker does not keep: our offline page, in the page's language
    page.goto(f"{server.url}/no-such-page/")
    assert page.locator("article h1").inner_text().startswith("You are offline")
    page.goto(f"{server.url}/ar/no-such-page/")
    assert page.locator("article h1").inner_text().startswith("أنت غير متصل")
    assert not any("?" in url for url in stored_urls(page))

    # a new build is published: the next online visit fetches only what changed, and says so
    context.set_offline(False)
    server.serve(second)
    server.asked.clear()
    page.goto(f"{server.url}/ar/")
    banner = page.locator(".ls-app-update")
    banner.get_by_role("button", name="إعادة التحميل").wait_for(timeout=30_000)
    assert banner.get_attribute("role") == "status"
    assert "تحديث لهذا الموقع جاهز" in banner.inner_text()
    new_listing = precache(second)
    changed = {url for url, digest in new_listing.items() if listing.get(url) != digest}
    assert CHANGED in changed and len(changed) <= 4, changed
    assert sorted(set(server.asked)) == sorted({"/sw.js", *(f"/{url}" for url in changed)})

    with page.expect_navigation():  # the reader accepts: the new version takes over, the page reloads
        banner.get_by_role("button").click()
    wait_for_worker(page)
    context.set_offline(True)
    page.goto(f"{server.url}/{CHANGED}")
    assert ADDED in page.locator("article").inner_text()
    page.goto(f"{server.url}/modules/indicators/signs/")
    assert page.locator("article h1").count() == 1
    assert not any(name.endswith(listing_version(first)) for name in cache_names(page))

    context.close()
    assert requests and all(url.startswith(f"{server.url}/") for url in requests), [
        url for url in requests if not url.startswith(server.url)]


def listing_version(site: Path) -> str:
    """The version sw.js names its caches by."""
    found = re.search(r'const VERSION = "([0-9a-f]+)";', (site / "sw.js").read_text(encoding="utf-8"))
    assert found is not None
    return found.group(1)


def cache_names(page: Page) -> list[str]:
    return list(page.evaluate("caches.keys()"))


@pytest.mark.parametrize(("home", "language", "direction"), [("", "en", "ltr"), ("ar/", "ar", "rtl")])
def test_chromium_finds_each_language_installable(builds: tuple[Path, Path], server: Server,
                                                  browser: Browser, tmp_path: Path, home: str,
                                                  language: str, direction: str) -> None:
    server.serve(builds[0])
    # a profile on disk: Chromium installs nothing from a private (incognito) context
    context = browser.browser_type.launch_persistent_context(
        tmp_path / "profile", executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
    page = context.new_page()
    page.goto(f"{server.url}/{home}")
    wait_for_worker(page)
    cdp = context.new_cdp_session(page)
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["url"] == f"{server.url}/{home}manifest.webmanifest"
    assert manifest["errors"] == []
    data = json.loads(manifest["data"])
    assert (data["lang"], data["dir"], data["start_url"]) == (language, direction, "./")
    assert {icon["purpose"] for icon in data["icons"]} == {"any", "maskable"}
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    context.close()
