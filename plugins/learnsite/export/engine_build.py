"""The whole site built by an engine that runs no learnsite plugin (Zensical): learnsite checks
the content once, exports each language as a docs folder, has the engine build it, and then does
itself what the MkDocs plugin does after the pages (Arabic search forms, the pages' security
policy, handbooks, slide decks, the offline copy, the handbooks' sizes, the app).

With MkDocs the plugin runs those steps from the engine's own events; here no engine hook is
involved, so a change of engine changes nothing the reader gets but the engine's own markup.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from learnsite import offline
from learnsite.builds import Build, BuildError, build_offline_bundle
from learnsite.export.docs_folder import export_docs
from learnsite.load.mkdocs_config import MKDOCS_FILE
from learnsite.load.project import LoadResult
from learnsite.render.content_policy import with_policy
from learnsite.site_build import BuildSession, Finished, Options, SiteBuild
from learnsite.strings import human_size

EXPORT_CACHE = Path(".cache") / "export"
"""Where the docs folder of each language is exported for the engine, inside the project."""


def build_with_zensical(root: Path, loaded: LoadResult, site_dir: Path, options: Options, *,
                        strict: bool) -> Finished:
    """Build every language of the checked project `loaded` into `site_dir` (the default
    language at its root, each other one under `<code>/`), then the steps after the pages,
    the offline copy among them. Raises BuildError, with the engine's output, when a build
    fails."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    session = BuildSession(serving=False)
    try:
        first = session.start(root, options, build=Build(None, nested=False), loaded=loaded)
        others = [code for code, _ in first.languages][1:]
        _build(first, root, site_dir, strict)
        for code in others:
            run = SiteBuild(root, options, serving=False, build=Build(code, nested=True), loaded=loaded)
            _build(run, root, site_dir / code, strict)
        done = Finished()
        first.print_documents(site_dir, done)
        if options.offline_bundle:
            def offline_copy(folder: Path, language: str | None) -> None:
                run = SiteBuild(root, options, serving=False,
                                build=Build(language, nested=True, offline=True), loaded=loaded)
                _build(run, root, folder, strict)

            size = build_offline_bundle(offline_copy, site_dir, others,
                                        extra=site_dir / "handbooks", finish=first.stamp_sizes)
            done.log.append(f"{offline.BUNDLE_NAME} is {human_size(size, 'en')}")
        first.complete(site_dir, done)
        return done
    finally:
        session.close()


def _build(run: SiteBuild, root: Path, target: Path, strict: bool) -> None:
    """One language, exported and built by Zensical into `target`, with the steps that follow
    each language's pages: the Arabic search forms and each page's security policy."""
    what = f"the {run.catalogue.language}{' offline' if run.build.offline else ''} site"
    folder = root / EXPORT_CACHE / f"{run.catalogue.language}{'-offline' if run.build.offline else ''}"
    (folder / MKDOCS_FILE).unlink(missing_ok=True)  # learnsite's own cache: always replaced
    # Zensical builds only inside the folder of its configuration
    exported = export_docs(run, folder, folder / "site")
    run_zensical(exported.config, strict=strict, what=what)
    if target.is_dir():  # the offline copy's folder, made for it
        shutil.copytree(folder / "site", target, dirs_exist_ok=True)
        shutil.rmtree(folder / "site")
    else:
        shutil.move(folder / "site", target)
    run.after_pages(target)
    for page in target.rglob("*.html"):
        page.write_text(with_policy(page.read_text(encoding="utf-8")), encoding="utf-8")


def run_zensical(config: Path, *, strict: bool, what: str) -> None:
    """`zensical build` of one exported docs folder; its own cache lives beside the folder."""
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(config)]
    done = subprocess.run([*command, *(["--strict"] if strict else [])], cwd=config.parent,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError(f"zensical could not build {what}:\n{(done.stdout + done.stderr).strip()}")
