"""One build of the site, for whatever engine drives it: the MkDocs plugin (a few lines per
event), or `learnsite export-docs` and the Zensical build (learnsite/export/). Which language it
builds, the checked catalogue it renders, the pages, assets, theme settings and per-page values
it adds, and what follows the pages: the handbooks and slide decks, the other languages and the
offline copy, in that order.

With MkDocs, `make site` loads and checks the project once. The first build keeps the checked catalogue in
`.cache/catalogue/`, named by a hash of its bytes, and tells the builds it starts where it is:
they neither read the sources again nor check them, so every diagnostic is printed once.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from learnsite import offline
from learnsite.builds import (
    Build,
    BuildError,
    alternate_links,
    build_offline_bundle,
    build_other_languages,
    run_build,
)
from learnsite.diagnostics import Diagnostics
from learnsite.load.layout import is_translation
from learnsite.load.page_sources import page_sources
from learnsite.load.project import LoadResult, load_project
from learnsite.load.translations import translation_path
from learnsite.model.catalogue import Catalogue
from learnsite.render.arabic_search import expand_search_indexes
from learnsite.render.assets import SITE_PREFIX, site_assets
from learnsite.render.navigation import NavItem, navigation
from learnsite.render.pages import expand_page, generated_pages, mark_untranslated
from learnsite.site_paths import DEFAULT_LANGUAGE_ONLY, checklist_form_path, material_path
from learnsite.strings import human_size, translator
from learnsite.webapp.build import BUDGET_MB, AppTooLargeError, write_app
from learnsite.webapp.icons import ICONS
from learnsite.webapp.manifest import MANIFEST, THEME_COLOUR, AppLanguage
from learnsite.webapp.pages import APP_PAGE, OFFLINE_PAGE, app_page, offline_page
from learnsite.webapp.precache import WORKER

if TYPE_CHECKING:
    from learnsite.render.handbook.pdf import Rendered
    from learnsite.render.handbook.scheduler import Workers

EDIT_URL = "edit_url"
"""The page's front-matter key for "Edit this page" (theme/partials/actions.html)."""
ALTERNATE = "learnsite_alternate"
"""The page's front-matter key for the language switcher (theme/partials/alternate.html)."""
CATALOGUE_ENV = "LEARNSITE_CATALOGUE"
"""Where a build started by another finds the catalogue that build loaded and checked."""
CATALOGUE_CACHE = Path(".cache") / "catalogue"
"""Checked catalogues handed to nested builds, inside the project folder."""


@dataclass(frozen=True)
class Options:
    """What the centre asked this engine to build (mkdocs.yml's plugin options)."""

    handbooks: bool = True
    handbooks_when_serving: bool = False
    offline_bundle: bool = True
    slides: bool = True
    app: bool = True
    app_budget_mb: float = BUDGET_MB


@dataclass(frozen=True)
class ThemeSettings:
    """What the engine's theme needs for this build's language."""

    language: str
    direction: str                      # "ltr" or "rtl"
    site_name: str | None
    nav: list[NavItem]
    extra_css: list[str]
    extra_javascript: list[str]
    polyfills: list[str] | None
    alternate: list[dict[str, str]]     # each language's home, for the page head (a site of one: [])
    app: dict[str, str] | None = None   # what the theme links for the app (None: no app)


@dataclass
class Finished:
    """What the steps after the pages produced: lines for the build log, problems found while
    printing the handbooks, and the handbooks and slide decks that could not be built."""

    log: list[str] = field(default_factory=list)
    warnings: Diagnostics = field(default_factory=Diagnostics)
    failures: list[str] = field(default_factory=list)


class BuildSession:
    """The builds of one engine process: one for a build, one per change while serving. It keeps
    the handbook workers between the builds of `serve`, ready for the next change."""

    def __init__(self, *, serving: bool) -> None:
        self.serving = serving
        self.workers: Workers | None = None

    def start(self, root: Path, options: Options, *, build: Build | None = None,
              loaded: LoadResult | None = None) -> SiteBuild:
        """Load (or take over) the checked project and set up this build."""
        run = SiteBuild(root, options, self.serving, build=build, loaded=loaded)
        if (run.builds_handbooks or run.builds_slides) and self.workers is None:
            from learnsite.render.handbook.pdf import start_workers

            # they start up while the pages are built; `serve` keeps them for the next change
            self.workers = start_workers(keep=self.serving)
        run.workers = self.workers
        return run

    def after_build(self) -> None:
        """A build is over: outside `serve`, the workers are not needed again."""
        if not self.serving:
            self.close()

    def close(self) -> None:
        """Stop the workers, if any are running."""
        if self.workers is not None:
            self.workers.close()
            self.workers = None


class SiteBuild:
    """One build: the default language's, another language's, or an offline copy's."""

    def __init__(self, root: Path, options: Options, serving: bool, *, build: Build | None = None,
                 loaded: LoadResult | None = None) -> None:
        """`build` says which language this is (default: what the environment says, for builds
        one engine run starts for another); `loaded` is the project a caller has loaded and
        reported already."""
        self.root = root
        self.options = options
        self.serving = serving
        self.build = build or Build.from_environment()
        handed = loaded or _handed_over(self.build)
        self.reported_elsewhere = handed is not None
        self.loaded = handed or load_project(root)
        self.default = self.loaded.catalogue
        self.catalogue = self.default.translations.get(self.build.language or "", self.default)
        self.languages = ([(lang.code, lang.name) for lang in self.default.site.languages]
                          if self.default.site else [])
        self.sources = page_sources(self.catalogue)
        self.workers: Workers | None = None
        self.handbooks: list[Rendered] = []

    @property
    def diagnostics(self) -> Diagnostics | None:
        """The content's problems, to report; None where the build that handed the catalogue
        over has reported them already."""
        return None if self.reported_elsewhere else self.loaded.diagnostics

    @property
    def builds_handbooks(self) -> bool:
        """The first build makes the handbooks; `serve` only when asked."""
        return self.options.handbooks and self._builds_pdfs

    @property
    def builds_slides(self) -> bool:
        """The slide decks are made when and where the handbooks would be."""
        return self.options.slides and self._builds_pdfs

    @property
    def _builds_pdfs(self) -> bool:
        return not self.build.nested and (not self.serving or self.options.handbooks_when_serving)

    def theme(self) -> ThemeSettings:
        """The theme's language, the site's name, the navigation, styles and scripts."""
        language = self.catalogue.language
        scripts = [f"{SITE_PREFIX}/site.js", f"{SITE_PREFIX}/checklist.js"]
        if language == "ar":
            scripts.append(f"{SITE_PREFIX}/arabic-search.js")
        nav = navigation(self.catalogue)
        if self.makes_app:
            scripts.append(f"{SITE_PREFIX}/app.js")
            nav.append({translator(language)("app"): APP_PAGE})
        site = self.catalogue.site
        directions = {lang.code: lang.dir for lang in self.default.site.languages} \
            if self.default.site else {}
        return ThemeSettings(
            language=language, direction=directions.get(language, "ltr"),
            site_name=site.title if site is not None else None,
            nav=nav, extra_css=[f"{SITE_PREFIX}/learnsite.css"],
            extra_javascript=scripts,
            alternate=(alternate_links(self.languages, language, "")
                       if len(self.languages) > 1 else []),
            # before Material's offline plugin would add a copy from a CDN
            polyfills=([f"{SITE_PREFIX}/vendor/iframe-worker-shim.js"]
                       if self.build.offline else None),
            app=self._app_links() if self.makes_app else None)

    @property
    def makes_app(self) -> bool:
        """Whether the site is an installable app: not in `serve` (a worker would keep stale
        pages) nor in the offline copy (opened from files, where no worker runs)."""
        return self.options.app and not self.serving and not self.build.offline

    def _app_links(self) -> dict[str, str]:
        """For theme/main.html, from this build's root: the manifest, the worker, the iOS icon,
        and the update banner's words."""
        up = "../" if self.build.language else ""
        t = translator(self.catalogue.language)
        icon = next(i for i in ICONS if i.purpose == "apple-touch")
        return {"manifest": MANIFEST, "worker": up + WORKER, "icon": icon.path,
                "colour": THEME_COLOUR, "update_text": t("app-update"), "reload_text": t("app-reload")}

    @property
    def unlisted(self) -> frozenset[str]:
        """Generated pages the navigation leaves out (the app's offline page)."""
        return frozenset({OFFLINE_PAGE}) if self.makes_app else frozenset()

    def source_file(self, source: Path, site_path: str) -> Path | None:
        """The file an engine should read for the content file `source` at `site_path`: its
        translation in this build's language, the file itself, or None for a translation (never
        a page of its own)."""
        if is_translation(source, {code for code, _ in self.languages}):
            return None
        if self.build.language and site_path.endswith(".md") and self.catalogue.is_translated(site_path):
            return translation_path(source, self.build.language)
        return source

    def pages(self) -> dict[str, str]:
        """The pages generated from data, and the app's own: site path → Markdown."""
        pages = generated_pages(self.catalogue)
        if self.makes_app:
            pages[APP_PAGE] = app_page(self.catalogue.language)
            pages[OFFLINE_PAGE] = offline_page(self.catalogue.language)
        return pages

    def assets(self) -> list[tuple[str, Path]]:
        """The shipped fonts, styles and scripts, and the modules' PDF materials (a Markdown
        material is a generated page): site path → file."""
        pdfs = [(material_path(m.module_id, m.file), self.catalogue.root / module.path.parent / m.file)
                for module in self.catalogue.modules.values() for m in module.materials.values()
                if m.source is None]
        return [*site_assets(), *pdfs]

    def downloads(self) -> list[tuple[str, bytes]]:
        """Files made from the content for readers to download: each checklist's XLSForm, the
        same bilingual workbook in every language's site: site path → bytes."""
        from learnsite.xlsform.workbook import xlsform_bytes

        return [(checklist_form_path(checklist_id), xlsform_bytes(self.default, checklist_id))
                for checklist_id in sorted(self.default.checklists)]

    def page_meta(self, site_path: str, page_url: str) -> dict[str, Any]:
        """What the theme shows on one page besides its content, as front matter both engines
        hand to the templates (`page.meta`): where "Edit this page" leads (the page's source
        file in the repository), and the same page in every language for the switcher."""
        meta: dict[str, Any] = {}
        repository = self.catalogue.site.repository if self.catalogue.site else None
        source = self.sources.get(site_path)
        if repository and source:
            meta[EDIT_URL] = repository.edit_url + source
        if len(self.languages) > 1:
            meta[ALTERNATE] = alternate_links(self.languages, self.catalogue.language, page_url,
                                              same_page=site_path not in DEFAULT_LANGUAGE_ONLY)
        return meta

    def content_markdown(self, markdown: str, site_path: str, page_url: str) -> str:
        """A content page's Markdown with what authors mark filled in: the offline copy's note,
        embedded checklists, case results, contacts and glossary terms."""
        if offline.MARKER in markdown:
            root = "../" * page_url.count("/") + ("../" if self.build.language else "")
            markdown = markdown.replace(offline.MARKER,
                                        offline.marker_html(self.catalogue.language, root,
                                                            offline_copy=self.build.offline))
        markdown = expand_page(markdown, self.catalogue, site_path)
        return mark_untranslated(markdown, self.catalogue, site_path)

    def finish(self, site_dir: Path, config_file: Path) -> Finished:
        """After MkDocs wrote the pages: Arabic search forms; then, for the first build, the
        handbooks, every other language (each a MkDocs run of its own) and the offline copy
        (raises BuildError when one of those builds fails)."""
        done = Finished()
        self.after_pages(site_dir)
        if self.build.nested:
            return done
        self.print_documents(site_dir, done)
        if self.serving:
            return done
        codes = [code for code, _ in self.languages]
        env = {CATALOGUE_ENV: str(_hand_over(self.root, self.default))}
        build_other_languages(config_file, site_dir, codes[1:], env)
        if self.options.offline_bundle:
            size = build_offline_bundle(
                lambda folder, language: run_build(config_file, folder, env, language=language,
                                                   offline_copy=True),
                site_dir, codes[1:], extra=site_dir / "handbooks",
                finish=self.stamp_sizes)
            done.log.append(f"{offline.BUNDLE_NAME} is {human_size(size, 'en')}")
        self.complete(site_dir, done)
        return done

    def after_pages(self, site_dir: Path) -> None:
        """What follows an engine's pages of this language: the Arabic search forms, in the index
        the engine wrote."""
        if self.catalogue.language == "ar":
            expand_search_indexes(site_dir)

    def print_documents(self, site_dir: Path, done: Finished) -> None:
        """The handbooks and slide decks, when this build makes them."""
        if self.builds_handbooks:
            self._handbooks(site_dir / "handbooks", done)
        if self.builds_slides:
            self._slides(site_dir, done)

    def complete(self, site_dir: Path, done: Finished) -> None:
        """Once every language is in `site_dir`: the handbooks' sizes in the pages that link to
        them, and the app's manifests, icons and worker."""
        self.stamp_sizes(site_dir)
        if self.makes_app:
            done.log.append(self._app(site_dir))

    def _app(self, site_dir: Path) -> str:
        """The app's manifests, icons and worker, once every language is in `site_dir`."""
        languages = []
        for i, lang in enumerate(self.default.site.languages if self.default.site else []):
            site = self.default.translations.get(lang.code, self.default).site
            name = (site.title if site else None) or translator(lang.code)("app-short-name")
            languages.append(AppLanguage(lang.code, f"{lang.code}/" if i else "", lang.dir, name))
        try:
            return write_app(site_dir, languages, self.options.app_budget_mb).line()
        except AppTooLargeError as exc:
            raise BuildError(str(exc)) from None

    def _handbooks(self, folder: Path, done: Finished) -> None:
        from learnsite.render.handbook.pdf import CACHE, build_all, log_line
        from learnsite.render.handbook.render_warnings import render_warnings

        self.handbooks, done.failures = build_all(self.default, folder, cache=self.root / CACHE,
                                                  workers=self.workers)
        done.log += [log_line(r, f"handbooks/{r.path.name}") for r in self.handbooks]
        done.warnings = render_warnings(self.loaded, self.handbooks)

    def _slides(self, site_dir: Path, done: Finished) -> None:
        from learnsite.render.slides.files import FOLDER
        from learnsite.render.slides.pdf import CACHE, build_slides, log_line

        slides = build_slides(self.default, site_dir / FOLDER, cache=self.root / CACHE,
                              workers=self.workers)
        done.log += [log_line(written, written.file.path) for written in slides.written] + slides.notes
        done.failures += slides.failures

    def stamp_sizes(self, folder: Path) -> None:
        """Write each handbook's page count and size into the pages under `folder` that link to
        it (the site, or the offline copy)."""
        if self.handbooks:
            from learnsite.render.handbook.pdf import stamp_handbooks

            stamp_handbooks(folder, self.handbooks, [code for code, _ in self.languages])


def _handed_over(build: Build) -> LoadResult | None:
    """The checked catalogue the first build handed over (no file read, nothing to report), or
    None when there is none or its bytes do not match its name."""
    handed = os.environ.get(CATALOGUE_ENV)
    if not (build.nested and handed and Path(handed).is_file()):
        return None
    data = Path(handed).read_bytes()
    if hashlib.sha256(data).hexdigest() != Path(handed).stem:
        return None
    catalogue: Catalogue = pickle.loads(data)  # our own file, checked by its hash
    return LoadResult(catalogue, Diagnostics(), files=0)


def _hand_over(root: Path, catalogue: Catalogue) -> Path:
    """Keep the checked catalogue for the builds this one starts, under a name that is the hash
    of its bytes (so a file can never stand for other sources); older ones are removed."""
    data = pickle.dumps(catalogue, protocol=pickle.HIGHEST_PROTOCOL)
    folder = root / CATALOGUE_CACHE
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{hashlib.sha256(data).hexdigest()}.pickle"
    if not target.is_file():
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)
    for old in folder.glob("*.pickle"):
        if old != target:
            old.unlink()
    return target
