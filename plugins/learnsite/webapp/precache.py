"""What the service worker keeps on the reader's device: every file of the built site (both
languages) with the hash of its bytes, less what no page needs offline; and sw.js, which carries
that list, so a new build is a new worker exactly when a kept file changed."""

from __future__ import annotations

import gzip
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from learnsite.offline import BUNDLE_NAME

WORKER = "sw.js"
TEMPLATE = Path(__file__).parent / "service-worker.js"
#: Not kept in advance: PDFs (large; the worker keeps one when it is opened), source maps (for
#: developers' tools), compressed sitemaps (for search engines) and the offline bundle.
SKIPPED_SUFFIXES = frozenset({".pdf", ".map", ".gz"})
#: Material's search loads these stemmers only for the languages of its index (lunr.<code>);
#: the word splitters are for Japanese and Thai.
_LUNR = "assets/javascripts/lunr/"
_LUNR_ALWAYS = frozenset({"min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"})
#: Text files, which the worker keeps gzip-compressed (pages, asked for by their folder, too).
PACKED = (".html", ".js", ".css", ".json", ".xml", ".txt", ".svg", ".webmanifest")


@dataclass(frozen=True)
class Kept:
    """One file the worker keeps."""

    url: str      # from the site root, as pages ask for it ("guidance/" for guidance/index.html)
    hash: str     # of its bytes
    size: int
    stored: int   # what it takes in the worker's cache: compressed, for a text file
    language: str


def search_languages(site_dir: Path) -> set[str]:
    """The languages Material's search indexes in the site are built for (Zensical's search has
    no per-language files to choose among)."""
    codes: set[str] = set()
    for index in site_dir.glob("**/search/search_index.json"):
        codes.update(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])
    return codes


def is_kept(path: PurePosixPath, search: set[str]) -> bool:
    """Whether the file at `path` (from the site root) is precached."""
    if path.suffix in SKIPPED_SUFFIXES or path.as_posix() in {BUNDLE_NAME, WORKER}:
        return False
    text = path.as_posix()
    if _LUNR in text:
        lunr = text.split(_LUNR, 1)[1]
        return lunr in _LUNR_ALWAYS or lunr in {f"min/lunr.{code}.min.js" for code in search}
    return True


def page_url(path: PurePosixPath) -> str:
    """The URL a page is asked for by: its folder for an index.html ("./" for the home page)."""
    if path.name == "index.html":
        return "./" if path.parent == PurePosixPath(".") else f"{path.parent.as_posix()}/"
    return path.as_posix()


def is_packed(url: str) -> bool:
    """Whether the worker keeps the file at `url` compressed (the same test as its `packed`)."""
    return url.endswith(("/", *PACKED))


def kept_files(site_dir: Path, languages: list[str]) -> list[Kept]:
    """Every precached file, sorted by URL; `languages` in order, the first one's at the root."""
    search = search_languages(site_dir)
    kept = []
    for file in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        path = PurePosixPath(file.relative_to(site_dir).as_posix())
        if not is_kept(path, search):
            continue
        data = file.read_bytes()
        language = path.parts[0] if path.parts[0] in languages[1:] else languages[0]
        url = page_url(path)
        stored = len(gzip.compress(data, 6, mtime=0)) if is_packed(url) else len(data)
        kept.append(Kept(url, hashlib.sha256(data).hexdigest()[:16], len(data), stored, language))
    return sorted(kept, key=lambda k: k.url)


def write_worker(site_dir: Path, kept: list[Kept], offline_pages: dict[str, str]) -> str:
    """Write sw.js: its version, the precache list, the offline page of each language folder,
    then the worker's code. Returns the version."""
    listing = {k.url: k.hash for k in kept}
    version = hashlib.sha256(json.dumps(listing, sort_keys=True).encode()).hexdigest()[:16]
    entries = ",\n".join(f"  {json.dumps(url)}: {json.dumps(digest)}" for url, digest in listing.items())
    head = (f"const VERSION = {json.dumps(version)};\n"
            f"const PRECACHE = {{\n{entries}\n}};\n"
            f"const OFFLINE = {json.dumps(offline_pages, sort_keys=True)};\n"
            f"const PACKED = {json.dumps(PACKED)};\n")
    (site_dir / WORKER).write_text(head + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return version
