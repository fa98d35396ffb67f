"""The same site from both engines: MkDocs with learnsite's plugin, and Zensical building what
`learnsite export-docs` writes (`learnsite build --engine zensical`, as `ENGINE=zensical make
site` runs it). The fixture project and the real content are each built by both, and compared
as a reader meets them: the same pages, the same main content (whitespace normalised, icons and
the engines' own markup left out), the same navigation, edit links and language switcher, the
same checklist outcomes in Chromium, and every page under the same security policy.

Differences that remain are listed in KNOWN_DIFFERENCES with their reason; the comparison masks
exactly those, so anything else that differs fails.
"""

from __future__ import annotations

import posixpath
import random
import re
from pathlib import Path

import lxml.html
import pytest
from playwright.sync_api import Browser, Page

from conftest import REPO, site_search
from learnsite.diagnostics import Diagnostics
from learnsite.load.project import load_checklist
from test_browser_checklists import CHECKLISTS, PHONE, _fill, _items

_SIZE = r"<bdi>[\d.]+ (?:MB|KB|ميغابايت|كيلوبايت)</bdi>"
#: Where the engines' outputs differ, and why (page → pattern masked on both sides).
KNOWN_DIFFERENCES = {
    # The app page states what the app keeps on a device, measured after the build; the home
    # page states the size of offline.zip. Both hold the engine's own theme files, which differ:
    # Material ships source maps and a larger search bundle, Zensical neither (offline.zip of
    # the real site: 11.2 MB from MkDocs, 10.2 MB from Zensical).
    "app/index.html": _SIZE,
    "ar/app/index.html": _SIZE,
    "index.html": _SIZE,
    "ar/index.html": _SIZE,
}
ANSWER_SETS = 50
#: Arabic queries as readers type them, each found on two to four pages of the real content (so
#: both engines list every page it finds on their first screen of results): a bare word written
#: with prefixes in the text, a prefix on the query, no hamza (written إشراف, أمراض), ta marbuta
#: typed as ha, diacritics typed.
ARABIC_QUERIES = ["كفيل", "بالكفيل", "مكالمة", "اشراف", "امراض", "استشاره", "هاتفيه", "تَعْوِيض"]


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def _resolve(href: str | None, page: str) -> str | None:
    """A link as the site path it leads to, so that `./`, `.` and `` on one page compare equal."""
    if href is None or re.match(r"^(?:[a-z]+:|#)", href):
        return href
    path, _, fragment = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    target = target.removesuffix("index.html").removesuffix("/").removesuffix(".")
    return target + (f"#{fragment}" if fragment else "")


def _tree(site: Path, page: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((site / page).read_bytes())


def _main(site: Path, page: str) -> str:
    """The page's article with links resolved, whitespace normalised, and the engines' own
    markup out: icons, heading permalinks, page action buttons and the skip-link anchor."""
    article = _tree(site, page).xpath("//article")[0]
    for element in article.xpath('.//svg | .//a[contains(@class, "headerlink")]'
                                 ' | .//*[contains(@class, "md-content__button")] | .//a[@id="__skip"]'):
        element.drop_tree()
    for element in article.xpath(".//*[@href]"):
        element.set("href", _resolve(element.get("href"), page) or "")
    text = re.sub(r"\s+", " ", lxml.html.tostring(article, encoding="unicode"))
    if page in KNOWN_DIFFERENCES:
        text = re.sub(KNOWN_DIFFERENCES[page], "(masked)", text)
    return text


def _navigation(site: Path, page: str) -> list[tuple[str, str | None]]:
    """The main menu as a reader sees it: each entry's text and where it leads."""
    return [(" ".join(link.text_content().split()), _resolve(link.get("href"), page))
            for link in _tree(site, page).xpath('//nav[contains(@class, "md-nav--primary")]//a')]


def _page_links(site: Path, page: str) -> dict[str, object]:
    """The per-page values the front matter carries: "Edit this page" and the switcher."""
    tree = _tree(site, page)
    return {"edit": tree.xpath('//a[@rel="edit"]/@href'),
            "languages": [(a.get("hreflang"), _resolve(a.get("href"), page))
                          for a in tree.xpath('//a[contains(@class, "md-select__link")]')]}


def _compare(mkdocs: Path, zensical: Path) -> None:
    pages = _pages(mkdocs)
    assert pages == _pages(zensical)
    main_differs = [p for p in sorted(pages) if _main(mkdocs, p) != _main(zensical, p)]
    assert not main_differs, main_differs
    nav_differs = [p for p in sorted(pages) if _navigation(mkdocs, p) != _navigation(zensical, p)]
    assert not nav_differs, nav_differs
    links_differ = [p for p in sorted(pages) if _page_links(mkdocs, p) != _page_links(zensical, p)]
    assert not links_differ, links_differ


def test_the_fixture_is_the_same_site_from_both_engines(bilingual_site: Path,
                                                        zensical_bilingual_site: Path) -> None:
    _compare(bilingual_site, zensical_bilingual_site)
    switcher = _page_links(zensical_bilingual_site, "ar/modules/indicators/signs/index.html")
    assert switcher["languages"] == [("en", "modules/indicators/signs"),
                                     ("ar", "ar/modules/indicators/signs")]


def test_the_real_content_is_the_same_site_from_both_engines(built_site: Path,
                                                             zensical_real_site: Path) -> None:
    _compare(built_site, zensical_real_site)
    assert len(_pages(zensical_real_site)) > 300
    edit = _page_links(zensical_real_site, "programmes/inspectors-forced-labour/index.html")["edit"]
    assert edit == ["https://github.com/example-centre/learnsite/edit/main/site_config.yml"]
    downloads = {p.relative_to(built_site).as_posix() for p in built_site.rglob("*")
                 if p.is_file() and p.suffix in {".pdf", ".xlsx", ".zip", ".webmanifest", ".png"}}
    assert len(downloads) > 40
    assert downloads <= {p.relative_to(zensical_real_site).as_posix()
                         for p in zensical_real_site.rglob("*") if p.is_file()}


def test_every_zensical_page_carries_the_security_policy_and_loads_nothing_from_elsewhere(
        zensical_real_site: Path) -> None:
    for page in sorted(_pages(zensical_real_site)):
        tree = _tree(zensical_real_site, page)
        policy = tree.xpath('//head/meta[@http-equiv="Content-Security-Policy"]/@content')
        assert policy and "script-src 'self'" in policy[0], page
        loaded = tree.xpath("//script/@src | //link[not(@rel='alternate')]/@href | //img/@src"
                            " | //iframe/@src")
        assert not [url for url in loaded if re.match(r"^(?:https?:)?//", url)], page


@pytest.mark.parametrize("checklist_id", CHECKLISTS)
@pytest.mark.parametrize("language", ["", "ar/"])
def test_checklists_give_the_same_outcomes_on_both_engines(
        checklist_id: str, language: str, browser: Browser, site_url: str,
        zensical_real_url: str) -> None:
    checklist = load_checklist(REPO, checklist_id, Diagnostics())
    assert checklist is not None
    rng = random.Random(f"engines-{checklist_id}")
    sets = [{item: rng.choice(["yes", "no", "unknown"]) for item in _items(checklist)
             if rng.random() < 0.8} for _ in range(ANSWER_SETS)]
    results = []
    for url in (site_url, zensical_real_url):
        context = browser.new_context(viewport=PHONE)
        page = context.new_page()
        page.goto(f"{url}/{language}checklists/{checklist_id}/", wait_until="networkidle")
        results.append([_fill(page, answers) for answers in sets])
        assert context.storage_state() == {"cookies": [], "origins": []}
        context.close()
    assert results[0] == results[1]
    assert len({r["outcome"] for r in results[1]}) >= 2, "the sets reach more than one outcome"


def _found_pages(page: Page, query: str) -> set[str]:
    """The pages a search finds, as paths: the engines title results differently (Material by
    the page's heading, Zensical by its name in the navigation), so their links are compared."""
    links = site_search(page, query).locator("a").evaluate_all("links => links.map(a => a.href)")
    return {link.split("#")[0].split("?")[0].split("/ar/", 1)[1] for link in links}


def test_arabic_search_finds_the_same_pages_on_both_engines(
        browser: Browser, site_url: str, zensical_real_url: str) -> None:
    """Every page MkDocs' search finds, Zensical's finds too. Zensical may find more: its search
    also matches loosely (one letter off), which Material's does not; that is the difference
    left, and the reason the comparison is one of inclusion."""
    found: list[dict[str, set[str]]] = [{}, {}]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    for query in ARABIC_QUERIES:
        for engine, url in enumerate((site_url, zensical_real_url)):
            page.goto(f"{url}/ar/", wait_until="networkidle")  # a fresh search box per query
            found[engine][query] = _found_pages(page, query)
    page.close()
    mkdocs, zensical = found
    assert all(mkdocs.values()), {q: t for q, t in mkdocs.items() if not t}
    assert {q: mkdocs[q] - zensical[q] for q in ARABIC_QUERIES} == {query: set() for query in ARABIC_QUERIES}
