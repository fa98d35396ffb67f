"""Every internal link and anchor of the built site resolves; external links are listed for a
human to review, never fetched."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from conftest import REPO

ARTIFACTS = REPO / "test-artifacts"


class _Page(HTMLParser):
    """The ids and the outgoing references of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        for name in ("id", "name"):
            if values.get(name):
                self.ids.add(str(values[name]))
        wanted = {"a": "href", "link": "href", "script": "src", "img": "src", "iframe": "src"}
        if tag in wanted and values.get(wanted[tag]):
            self.refs.append(str(values[wanted[tag]]))


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def _target(site: Path, page: Path, ref: str) -> tuple[Path, str]:
    """The file and fragment a reference leads to; root-relative refs (404.html) from the site,
    their dot segments resolved as a browser does (`/../ar/` is `/ar/`)."""
    if ref.startswith("/"):
        parts = urlsplit(urljoin("http://site.invalid/", ref))
        path = site / unquote(parts.path).lstrip("/")
    else:
        parts = urlsplit(urljoin(f"file://{page}", ref))
        path = Path(unquote(parts.path))
    if path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(built_site: Path) -> None:
    pages = {path: _parse(path) for path in sorted(built_site.rglob("*.html"))}
    broken, external = [], set()
    for page, parsed in pages.items():
        for ref in parsed.refs:
            scheme = urlsplit(ref).scheme
            if scheme in ("http", "https", "mailto", "tel"):
                external.add(ref)
                continue
            if scheme in ("data", "blob", "javascript") or ref.startswith("//"):
                continue
            target, anchor = _target(built_site, page, ref)
            where = f"{page.relative_to(built_site)} -> {ref}"
            if not target.is_file():
                broken.append(f"{where}: no such file")
            elif anchor and target.suffix == ".html":
                ids = (pages.get(target) or _parse(target)).ids
                if anchor not in ids:
                    broken.append(f"{where}: no element with id {anchor!r}")
    assert not broken, "\n".join(broken[:30])
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "external-links.txt").write_text("".join(f"{url}\n" for url in sorted(external)),
                                                  encoding="utf-8")
    assert len(pages) > 20


def test_handbook_and_offline_links_point_at_files(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="offline.zip"' in home
    assert (built_site / "offline.zip").stat().st_size > 100_000
