"""The whole site built by an engine that runs no learnsite plugin (Zensical): learnsite checks
the content once, exports each language as a docs folder, has the engine build it, and then does
itself what the MkDocs plugin does after the pages (Arabic search forms, the pages' security
policy, handbooks, slide decks, the handbooks' sizes, the app).

With MkDocs the plugin runs those steps from the engine's own events; here no engine hook is
involved, so a change of engine changes nothing the reader gets but the engine's own markup.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from learnsite.builds import Build, BuildError
from learnsite.export.docs_folder import export_docs
from learnsite.load.project import LoadResult
from learnsite.render.content_policy import with_policy
from learnsite.site_build import BuildSession, Finished, Options, SiteBuild

EXPORT_CACHE = Path(".cache") / "export"
"""Where the docs folder of each language is exported for the engine, inside the project."""


def build_with_zensical(root: Path, loaded: LoadResult, site_dir: Path, options: Options, *,
                        strict: bool) -> Finished:
    """Build every language of the checked project `loaded` into `site_dir` (the default
    language at its root, each other one under `<code>/`), then the steps after the pages.
    Raises BuildError, with the engine's output, when a build fails."""
    if site_dir.exists():
        shutil.rmtree(site_dir)
    session = BuildSession(serving=False)
    try:
        first = session.start(root, options, build=Build(None, nested=False), loaded=loaded)
        languages = [code for code, _ in first.languages] or [first.catalogue.language]
        for i, code in enumerate(languages):
            run = first if i == 0 else SiteBuild(root, options, serving=False,
                                                 build=Build(code, nested=True), loaded=loaded)
            target = site_dir / code if i else site_dir
            folder = root / EXPORT_CACHE / code
            # Zensical builds only inside the folder of its configuration
            exported = export_docs(run, folder, folder / "site")
            run_zensical(exported.config, strict=strict, what=f"the {code} site")
            shutil.move(folder / "site", target)
            run.after_pages(target)
            for page in target.rglob("*.html"):
                page.write_text(with_policy(page.read_text(encoding="utf-8")), encoding="utf-8")
        done = Finished()
        first.print_documents(site_dir, done)
        first.complete(site_dir, done)
        return done
    finally:
        session.close()


def run_zensical(config: Path, *, strict: bool, what: str) -> None:
    """`zensical build` of one exported docs folder; its own cache lives beside the folder."""
    command = [sys.executable, "-m", "zensical", "build", "--config-file", str(config)]
    done = subprocess.run([*command, *(["--strict"] if strict else [])], cwd=config.parent,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BuildError(f"zensical could not build {what}:\n{(done.stdout + done.stderr).strip()}")
