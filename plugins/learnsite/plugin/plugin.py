"""MkDocs events → core calls. Every content problem is reported by the core's reporter, and
errors stop the build with a PluginError (MkDocs prints it without a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from learnsite.load.project import MODULES_DIR, SITE_CONFIG, load_project
from learnsite.model.catalogue import Catalogue
from learnsite.plugin.config import LearnsiteConfig
from learnsite.render.assets import SITE_PREFIX, site_assets
from learnsite.render.navigation import navigation
from learnsite.render.pages import expand_page, generated_pages
from learnsite.report import default_format, render
from learnsite.rules import Severity

log = logging.getLogger("mkdocs.plugins.learnsite")


class LearnsitePlugin(BasePlugin[LearnsiteConfig]):
    """Loads the catalogue once per build and adds the pages and assets generated from it."""

    catalogue: Catalogue | None = None

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
        config.extra_javascript.append(f"{SITE_PREFIX}/checklist.js")
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Add the pages generated from data and the shipped fonts and styles."""
        if not self.config.enabled or self.catalogue is None:
            return files
        for path, markdown in generated_pages(self.catalogue).items():
            files.append(File.generated(config, path, content=markdown))
        for path, source in site_assets():
            files.append(File.generated(config, path, abs_src_path=str(source)))
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        """Fill what authors mark in content pages (contacts, glossary terms, checklists)."""
        if self.catalogue is None or page.file.generated_by:
            return markdown
        return expand_page(markdown, self.catalogue, page.file.src_uri)

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on edits to modules and site_config.yml too, not only to docs_dir."""
        root = self._root(config)
        for path in (root / MODULES_DIR, root / SITE_CONFIG):
            if path.exists():
                server.watch(str(path))
        return server
