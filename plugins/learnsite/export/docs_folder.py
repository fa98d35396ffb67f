"""Writing one language of the site as a docs folder with its own mkdocs.yml: the content pages
as the learnsite plugin would hand them to MkDocs (translations swapped in, marks filled), the
pages generated from data, the assets and downloads, and the theme overrides."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from learnsite.export.engine_config import DOCS, HEADER, OVERRIDES, engine_config
from learnsite.export.front_matter import page_url, split_front_matter, with_front_matter
from learnsite.load.layout import CONTENT_DIR
from learnsite.load.mkdocs_config import MKDOCS_FILE, engine_settings
from learnsite.render.assets import THEME
from learnsite.site_build import SiteBuild

EXPORTED = (DOCS, OVERRIDES, MKDOCS_FILE)
"""What an export writes into its folder, replacing an earlier export's."""


class ExportRefusedError(Exception):
    """The folder asked for holds something an export must not replace."""


@dataclass(frozen=True)
class Exported:
    """Where the export is, and how many pages and other files it holds."""

    config: Path
    pages: int
    files: int


def export_docs(run: SiteBuild, out: Path, site_dir: Path) -> Exported:
    """Write `run`'s language into `out` (docs/, overrides/, mkdocs.yml building into
    `site_dir`); an earlier export there is replaced, nothing else in `out` is touched. Raises
    ExportRefusedError for a folder holding the project or a mkdocs.yml not written by an export."""
    check_target(run.root, out)
    out.mkdir(parents=True, exist_ok=True)
    for name in EXPORTED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    docs = out / DOCS
    pages = files = 0
    content = _content_files(run)
    for site_path, markdown in _pages(run, content):
        url = page_url(site_path, offline_copy=run.build.offline)
        _write(docs / site_path, with_front_matter(markdown, run.page_meta(site_path, url)))
        pages += 1
    static = [(site_path, source) for site_path, source in content if not site_path.endswith(".md")]
    for site_path, source in [*static, *run.assets()]:  # images and PDFs of content/, then ours
        (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, docs / site_path)
        files += 1
    for site_path, data in run.downloads():
        (docs / site_path).parent.mkdir(parents=True, exist_ok=True)
        (docs / site_path).write_bytes(data)
        files += 1
    shutil.copytree(THEME, out / OVERRIDES)
    config = out / MKDOCS_FILE
    config.write_text(engine_config(engine_settings(run.root / MKDOCS_FILE), run.theme(),
                                    run.catalogue.markdown, unlisted=run.unlisted,
                                    site_dir=site_dir.resolve(), offline_copy=run.build.offline),
                      encoding="utf-8")
    return Exported(config, pages, files)


def check_target(root: Path, out: Path) -> None:
    """Refuse to export where the project's own files would be replaced."""
    if out.resolve() == root.resolve() or out.resolve() in root.resolve().parents:
        raise ExportRefusedError(f"{out} holds the project itself; export into a folder of its own, "
                                 "e.g. --out .cache/export")
    config = out / MKDOCS_FILE
    if config.is_file() and not config.read_text(encoding="utf-8").startswith(HEADER):
        raise ExportRefusedError(f"{config} was not written by `learnsite export-docs` and would be "
                                 "replaced; choose an empty folder or an earlier export's")


def _content_files(run: SiteBuild) -> list[tuple[str, Path]]:
    """The files of content/ this language publishes (site path, file to read): translations
    in place of their sources, data files (YAML) left out, as the plugin leaves them out."""
    content = run.root / CONTENT_DIR
    found = []
    for path in sorted(content.rglob("*")):
        site_path = path.relative_to(content).as_posix()
        if not path.is_file() or path.suffix == ".yml" or any(
                part.startswith(".") for part in path.relative_to(content).parts):
            continue
        source = run.source_file(path, site_path)
        if source is not None:
            found.append((site_path, source))
    return found


def _pages(run: SiteBuild, content: list[tuple[str, Path]]) -> list[tuple[str, str]]:
    """Every page's Markdown as the engine should read it, front matter first: content/'s pages
    (of `content`, its files) and the generated ones."""
    pages = []
    for site_path, source in content:
        if site_path.endswith(".md"):
            front, body = split_front_matter(source.read_text(encoding="utf-8"))
            url = page_url(site_path, offline_copy=run.build.offline)
            pages.append((site_path, front + run.content_markdown(body, site_path, url)))
    return [*pages, *run.pages().items()]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
