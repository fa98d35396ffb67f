"""MkDocs events → core calls (learnsite/site_build.py holds what a build does). Every content
problem is reported by the core's reporter, and errors stop the build with a PluginError
(MkDocs prints it without a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from learnsite.builds import BuildError
from learnsite.diagnostics import Diagnostics
from learnsite.load.layout import MODULES_DIR, SITE_CONFIG
from learnsite.plugin.config import LearnsiteConfig
from learnsite.render.assets import THEME
from learnsite.render.content_policy import content_security_policy, is_theme_script
from learnsite.render.markdown import BLOCKS
from learnsite.report import default_format, render
from learnsite.rules import Severity
from learnsite.site_build import BuildSession, Options, SiteBuild

log = logging.getLogger("mkdocs.plugins.learnsite")


class LearnsitePlugin(BasePlugin[LearnsiteConfig]):
    """Hands each MkDocs event to the build the core is running."""

    session = BuildSession(serving=False)
    run: SiteBuild | None = None

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(self.config.root or Path(config.config_file_path).parent)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """`mkdocs serve` builds only one language, and keeps its handbook workers."""
        self.session = BuildSession(serving=command == "serve")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and check all content (stopping with the located report on errors), then set
        up this build's language."""
        if not self.config.enabled:
            return config
        self.run = self.session.start(self._root(config), Options(
            self.config.handbooks, self.config.handbooks_when_serving, self.config.offline_bundle,
            self.config.slides, self.config.app, float(self.config.app_budget_mb)))
        if self.run.diagnostics is not None:
            _report(self.run.diagnostics, "learnsite found problems in the content",
                    self.run.loaded.files)
        theme = self.run.theme()
        config.theme["language"] = theme.language
        config.theme["direction"] = theme.direction
        config.theme.dirs.insert(0, str(THEME))
        config.mdx_configs.setdefault(BLOCKS, {})["language"] = theme.language
        config.site_name = theme.site_name or config.site_name
        if not config.nav:  # a hand-written nav in mkdocs.yml wins
            config.nav = theme.nav
        config.extra_css[:0] = theme.extra_css
        config.extra_javascript.extend(theme.extra_javascript)
        if theme.polyfills is not None:
            config.extra["polyfills"] = theme.polyfills
        if theme.app is not None:
            config.extra["learnsite_app"] = theme.app
        if theme.alternate:
            config.extra["alternate"] = theme.alternate
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Swap in this language's translations, and add the pages generated from data, the
        shipped fonts, styles and scripts, and the downloads made from the content."""
        if self.run is None:
            return files
        for file in list(files):
            source = self.run.source_file(Path(file.abs_src_path or ""), file.src_uri)
            if source is None:
                files.remove(file)
            else:
                file.abs_src_path = str(source)
        for path, markdown in self.run.pages().items():
            files.append(File.generated(config, path, content=markdown, inclusion=(
                InclusionLevel.NOT_IN_NAV if path in self.run.unlisted else InclusionLevel.UNDEFINED)))
        for path, asset in self.run.assets():
            files.append(File.generated(config, path, abs_src_path=str(asset)))
        for path, data in self.run.downloads():
            files.append(File.generated(config, path, content=data))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Give theme/main.html what it needs to write each page's Content-Security-Policy; not
        in `serve`, whose live-reload script is inline and new with every request."""
        if self.run is not None and not self.session.serving:
            env.globals["learnsite_theme_scripts"] = env.list_templates(filter_func=is_theme_script)
            env.filters["content_security_policy"] = content_security_policy
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str | None:
        """Give the page what `learnsite export-docs` writes into its front matter (the edit
        link, the language switcher), and fill what authors mark in content pages (contacts,
        glossary terms, checklists, case results)."""
        if self.run is None:
            return markdown
        page.meta.update(self.run.page_meta(page.file.src_uri, page.url))
        if page.file.generated_by:
            return markdown
        return self.run.content_markdown(markdown, page.file.src_uri, page.url)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """The steps after the pages: handbooks, other languages, the offline copy."""
        if self.run is None:
            return
        try:
            done = self.run.finish(Path(config.site_dir), Path(str(config.config_file_path)))
        except BuildError as exc:
            raise PluginError(str(exc)) from None
        finally:
            self.session.after_build()
        for line in done.log:
            log.info("learnsite: %s", line)
        _report(done.warnings, "learnsite could not print every handbook in full")
        if done.failures:
            raise PluginError("learnsite could not build every handbook and slide deck:\n"
                              + "\n".join(done.failures))

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build does not leave worker processes behind."""
        self.session.close()

    def on_shutdown(self) -> None:
        """`serve` ends: so do the workers it kept."""
        self.session.close()

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on edits to modules and site_config.yml too, not only to docs_dir."""
        root = self._root(config)
        for path in (root / MODULES_DIR, root / SITE_CONFIG):
            if path.exists():
                server.watch(str(path))
        return server


def _report(found: Diagnostics, failure: str, files: int | None = None) -> None:
    """Print the diagnostics through MkDocs' log; errors stop the build, saying `failure`."""
    diagnostics = found.sorted()
    fmt = default_format()
    if found.errors:
        raise PluginError(f"{failure}:\n" + render(diagnostics, fmt, files))
    for diagnostic in diagnostics:
        text = render([diagnostic], fmt).rsplit("\n", 1)[0]
        # Warnings go through MkDocs' warning level, so --strict counts them; notices don't.
        (log.warning if diagnostic.severity is Severity.WARNING else log.info)(text)
