"""MkDocs events → core calls. Every content problem is reported by the core's reporter, and
errors stop the build with a PluginError (MkDocs prints it without a traceback)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from learnsite import offline
from learnsite.builds import Build, BuildError, alternate_links, build_offline_bundle, build_other_languages
from learnsite.diagnostics import Diagnostics
from learnsite.load.project import MODULES_DIR, SITE_CONFIG, LoadResult, load_project
from learnsite.load.translations import is_translation, translation_path
from learnsite.model.catalogue import Catalogue
from learnsite.plugin.config import LearnsiteConfig
from learnsite.render.arabic_search import expand_search_index
from learnsite.render.assets import SITE_PREFIX, THEME, site_assets
from learnsite.render.content_policy import content_security_policy, is_theme_script
from learnsite.render.handbook.pdf import (
    CACHE,
    Rendered,
    build_all,
    describe,
    reuse,
    stamp_handbooks,
    start_workers,
)
from learnsite.render.handbook.render_warnings import render_warnings
from learnsite.render.handbook.scheduler import Workers
from learnsite.render.navigation import navigation
from learnsite.render.pages import expand_page, generated_pages, mark_untranslated, page_sources
from learnsite.report import default_format, render
from learnsite.rules import Severity
from learnsite.site_paths import TRANSLATIONS
from learnsite.strings import human_size

log = logging.getLogger("mkdocs.plugins.learnsite")


class LearnsitePlugin(BasePlugin[LearnsiteConfig]):
    """Loads the catalogue once per build and adds the pages and assets generated from it."""

    catalogue: Catalogue | None = None
    default: Catalogue | None = None
    loaded: LoadResult | None = None
    handbooks: list[Rendered] = []  # noqa: RUF012 - replaced per build
    serving = False
    workers: Workers | None = None
    build = Build(None, nested=False)
    languages: list[tuple[str, str]] = []  # noqa: RUF012 - replaced per build
    sources: dict[str, str] = {}  # noqa: RUF012 - replaced, never mutated, per build

    def _root(self, config: MkDocsConfig) -> Path:
        return Path(self.config.root or Path(config.config_file_path).parent)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Remember whether this is `mkdocs serve`, which builds only one language, no bundle."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Load and check all content (stopping with the located report on errors), then set up
        this build's language."""
        if not self.config.enabled:
            return config
        self.build = Build.from_environment()
        result = load_project(self._root(config))
        if not self.build.nested:
            _report(result.diagnostics, "learnsite found problems in the content", result.files)
        self.loaded = result
        default = result.catalogue
        self.default = default
        if self._builds_handbooks() and self.workers is None:
            self.workers = start_workers()  # they start up while the site is built
        self.catalogue = default.translations.get(self.build.language or "", default)
        self.languages = [(lang.code, lang.name) for lang in default.site.languages] if default.site else []
        language = self.catalogue.language
        config.theme["language"] = language
        config.theme.dirs.insert(0, str(THEME))
        config.mdx_configs.setdefault("learnsite.render.blocks", {})["language"] = language
        if self.catalogue.site is not None and self.catalogue.site.title:
            config.site_name = self.catalogue.site.title
        if not config.nav:  # a hand-written nav in mkdocs.yml wins
            config.nav = navigation(self.catalogue)
        config.extra_css.insert(0, f"{SITE_PREFIX}/learnsite.css")
        config.extra_javascript.append(f"{SITE_PREFIX}/site.js")
        config.extra_javascript.append(f"{SITE_PREFIX}/checklist.js")
        if language == "ar":
            config.extra_javascript.append(f"{SITE_PREFIX}/arabic-search.js")
        if offline.is_offline_build():  # before Material's offline plugin would add a CDN copy
            config.extra["polyfills"] = [f"{SITE_PREFIX}/vendor/iframe-worker-shim.js"]
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        """Swap in this language's translations, and add the pages generated from data and the
        shipped fonts, styles and scripts."""
        if not self.config.enabled or self.catalogue is None:
            return files
        codes = {code for code, _ in self.languages}
        for file in list(files):
            source = Path(file.abs_src_path or "")
            if is_translation(source, codes):
                files.remove(file)
            elif file.src_uri.endswith(".md") and self.catalogue.is_translated(file.src_uri) \
                    and self.build.language:
                file.abs_src_path = str(translation_path(source, self.build.language))
        self.sources = page_sources(self.catalogue)
        for path, markdown in generated_pages(self.catalogue).items():
            files.append(File.generated(config, path, content=markdown))
        for path, asset in site_assets():
            files.append(File.generated(config, path, abs_src_path=str(asset)))
        return files

    def on_env(self, env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment | None:
        """Give theme/main.html what it needs to write each page's Content-Security-Policy; not
        in `serve`, whose live-reload script is inline and new with every request."""
        if not self.serving:
            env.globals["learnsite_theme_scripts"] = env.list_templates(filter_func=is_theme_script)
            env.filters["content_security_policy"] = content_security_policy
        return env

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
        if offline.MARKER in markdown:
            root = "../" * page.url.count("/") + ("../" if self.build.language else "")
            markdown = markdown.replace(offline.MARKER,
                                        offline.marker_html(self.catalogue.language, root))
        markdown = expand_page(markdown, self.catalogue, page.file.src_uri)
        return mark_untranslated(markdown, self.catalogue, page.file.src_uri)

    def on_page_context(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        """Let the language switcher lead to this very page in each language (Material's own
        `alternate` keeps the language roots, which its page head links to)."""
        if len(self.languages) > 1 and self.catalogue is not None:
            current = self.catalogue.language
            config.extra["alternate"] = alternate_links(self.languages, current, "")
            config.extra["learnsite_alternate"] = alternate_links(
                self.languages, current, page.url, same_page=page.file.src_uri != TRANSLATIONS)
        return context

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Make Arabic search match Arabic spelling; then the first build starts the others:
        each other language, and the offline copy."""
        if not self.config.enabled:
            return
        index = Path(config.site_dir) / "search" / "search_index.json"
        if self.catalogue is not None and self.catalogue.language == "ar" and index.is_file():
            expand_search_index(index)
        if self.build.nested:
            return
        site_dir = Path(config.site_dir)
        if self._builds_handbooks():
            self._handbooks(site_dir / "handbooks")
        if self.serving:
            return
        config_file = Path(str(config.config_file_path))
        others = self._codes()[1:]
        try:
            build_other_languages(config_file, site_dir, others)
            if self.config.offline_bundle:
                size = build_offline_bundle(
                    config_file, site_dir, others, extra=site_dir / "handbooks",
                    finish=lambda folder: stamp_handbooks(folder, self.handbooks, self._codes()))
                log.info("learnsite: %s is %s", offline.BUNDLE_NAME, human_size(size, "en"))
        except BuildError as exc:
            raise PluginError(str(exc)) from None
        stamp_handbooks(site_dir, self.handbooks, self._codes())

    def _codes(self) -> list[str]:
        """The site's language codes, the default first."""
        return [code for code, _ in self.languages]

    def _builds_handbooks(self) -> bool:
        """This run builds the handbooks: the first build, and `serve` only when asked."""
        return (self.config.handbooks and self.default is not None and not self.build.nested
                and (not self.serving or self.config.handbooks_when_serving))

    def _handbooks(self, folder: Path) -> None:
        """Build every handbook; report each failure by id, and fail after trying them all."""
        assert self.default is not None
        try:
            self.handbooks, failures = build_all(self.default, folder, cache=self.default.root / CACHE,
                                                 workers=self.workers)
        finally:
            if not self.serving:  # `serve` keeps them, ready, for the next change
                self._stop_workers()
        for rendered in self.handbooks:
            log.info("learnsite: handbooks/%s (%s; %s)", rendered.path.name, describe(rendered),
                     reuse(rendered))
        assert self.loaded is not None
        _report(render_warnings(self.loaded, self.handbooks), "learnsite could not print every "
                "handbook in full")
        if failures:
            raise PluginError("learnsite could not build every handbook:\n" + "\n".join(failures))

    def on_build_error(self, *, error: Exception) -> None:
        """A failed build does not leave worker processes behind."""
        self._stop_workers()

    def on_shutdown(self) -> None:
        """`serve` ends: so do the workers it kept."""
        self._stop_workers()

    def _stop_workers(self) -> None:
        if self.workers is not None:
            self.workers.close()
            self.workers = None

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
