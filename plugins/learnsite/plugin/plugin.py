"""MkDocs events → core calls. Every content problem is reported by the core's reporter, and
errors stop the build with a PluginError (MkDocs prints it without a traceback)."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from learnsite import offline
from learnsite.load.project import MODULES_DIR, SITE_CONFIG, load_project
from learnsite.model.catalogue import Catalogue
from learnsite.plugin.config import LearnsiteConfig
from learnsite.render.assets import SITE_PREFIX, site_assets
from learnsite.render.navigation import navigation
from learnsite.render.pages import expand_page, generated_pages, page_sources
from learnsite.report import default_format, render
from learnsite.rules import Severity

log = logging.getLogger("mkdocs.plugins.learnsite")


class LearnsitePlugin(BasePlugin[LearnsiteConfig]):
    """Loads the catalogue once per build and adds the pages and assets generated from it."""

    catalogue: Catalogue | None = None
    serving = False
    sources: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, per build

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(self.config.root or Path(config.config_file_path).parent)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and check all content; stop with the full located report on errors."""
        if not self.config.enabled:
            return config
        result = load_project(self._root(config))
        diagnostics = result.diagnostics.sorted()
        fmt = default_format()
        if result.diagnostics.errors:
            raise PluginError("learnsite found problems in the content:\n"
                              + render(diagnostics, fmt, result.files))
        for diagnostic in diagnostics:
            text = render([diagnostic], fmt).rsplit("\n", 1)[0]
            # Warnings go through MkDocs' warning level, so --strict counts them; notices don't.
            (log.warning if diagnostic.severity is Severity.WARNING else log.info)(text)
        self.catalogue = result.catalogue
        if not config.nav:  # a hand-written nav in mkdocs.yml wins
            config.nav = navigation(result.catalogue)
        config.extra_css.insert(0, f"{SITE_PREFIX}/learnsite.css")
        config.extra_javascript.append(f"{SITE_PREFIX}/site.js")
        config.extra_javascript.append(f"{SITE_PREFIX}/checklist.js")
        if offline.is_offline_build():  # before Material's offline plugin would add a CDN copy
            config.extra["polyfills"] = [f"{SITE_PREFIX}/vendor/iframe-worker-shim.js"]
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Add the pages generated from data and the shipped fonts and styles."""
        if not self.config.enabled or self.catalogue is None:
            return files
        self.sources = page_sources(self.catalogue)
        for path, markdown in generated_pages(self.catalogue).items():
            files.append(File.generated(config, path, content=markdown))
        for path, source in site_assets():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        """Point "Edit this page" at the page's source file, and fill what authors mark in
        content pages (contacts, glossary terms, checklists)."""
        if self.catalogue is None:
            return markdown
        repository = self.catalogue.site.repository if self.catalogue.site else None
        source = self.sources.get(page.file.src_uri)
        page.edit_url = repository.edit_url + source if repository and source else None
        if page.file.generated_by:
            return markdown
        markdown = markdown.replace(offline.MARKER, offline.marker_html())
        return expand_page(markdown, self.catalogue, page.file.src_uri)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, which skips the offline bundle."""
        self.serving = command == "serve"

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Build the offline copy in a second, separate MkDocs run, and pack it into the site."""
        if not self.config.enabled or not self.config.offline_bundle or self.serving:
            return
        if offline.is_offline_build():
            return
        site_dir = Path(config.site_dir)
        with tempfile.TemporaryDirectory(prefix="learnsite-offline-") as folder:
            env = {**os.environ, offline.ENV: "true"}
            done = subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                 str(config.config_file_path), "--site-dir", folder],
                env=env, capture_output=True, text=True, check=False)
            if done.returncode != 0:
                raise PluginError(f"the offline copy did not build:\n{done.stderr}")
            size = offline.zip_folder(Path(folder), site_dir / offline.BUNDLE_NAME)
        for page in site_dir.rglob("*.html"):
            offline.stamp_size(page, size)
        log.info("learnsite: offline bundle %s (%s)", offline.BUNDLE_NAME, offline.human_size(size))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on edits to modules and site_config.yml too, not only to docs_dir."""
        root = self._root(config)
        for path in (root / MODULES_DIR, root / SITE_CONFIG):
            if path.exists():
                server.watch(str(path))
        return server
