"""The builds one `make site` runs: the default language at the site root, each other language
under `/<code>/`, and the offline copy of them all. Each extra build is a separate MkDocs run
(its own search index, its own theme language and direction), started by the first build and
told what it is by environment variables, so the core stays free of MkDocs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from learnsite import offline

LANGUAGE_ENV = "LEARNSITE_LANGUAGE"
NESTED_ENV = "LEARNSITE_NESTED"


class BuildError(Exception):
    """An extra build failed; the message carries its output."""


@dataclass(frozen=True)
class Build:
    """What the running MkDocs build is."""

    language: str | None   # None: the default language
    nested: bool           # started by another build (does not start builds of its own)
    offline: bool = False  # the copy packed into offline.zip, read from files

    @classmethod
    def from_environment(cls) -> Build:
        """Read what this build is from the environment its parent build set."""
        return cls(os.environ.get(LANGUAGE_ENV) or None, os.environ.get(NESTED_ENV) == "1",
                   offline.is_offline_build())


def alternate_links(languages: list[tuple[str, str]], current: str, page_url: str,
                    *, same_page: bool = True) -> list[dict[str, str]]:
    """The language switcher's entries for one page: the same page in every language (or each
    language's home page, for a page only one language has), as links relative to that page.
    The default language lives at the site root, another language under `<code>/`."""
    default = languages[0][0]
    up = "../" * page_url.count("/") + ("" if current == default else "../")
    target = page_url if same_page else ""
    return [{"name": name, "lang": code,
             "link": f"{up}{'' if code == default else code + '/'}{target}" or "./"}
            for code, name in languages]


def run_build(config_file: Path, site_dir: Path, handed: dict[str, str], *,
              language: str | None = None, offline_copy: bool = False) -> None:
    """One extra MkDocs build into `site_dir`; `handed` is what the first build tells it (where
    the checked catalogue is)."""
    env = {**os.environ, **handed, NESTED_ENV: "1", "NO_MKDOCS_2_WARNING": "1"}
    env.pop(LANGUAGE_ENV, None)
    if language:
        env[LANGUAGE_ENV] = language
    if offline_copy:
        env[offline.ENV] = "true"
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file",
                           str(config_file), "--site-dir", str(site_dir)],
                          env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        what = f"the {language or 'default'}-language {'offline ' if offline_copy else ''}build"
        raise BuildError(f"{what} failed:\n{done.stderr.strip()}")


def build_other_languages(config_file: Path, site_dir: Path, languages: list[str],
                          handed: dict[str, str]) -> None:
    """Build every language but the default into `<site>/<code>/`."""
    for language in languages:
        run_build(config_file, site_dir / language, handed, language=language)


def build_offline_bundle(build: Callable[[Path, str | None], None], site_dir: Path,
                         languages: list[str], extra: Path | None = None,
                         finish: Callable[[Path], None] | None = None) -> int:
    """Build the offline copy of every language with `build` (into a folder, in a language code
    or None for the default language), with the folder `extra`, e.g. the handbooks, copied in
    beside them, and `finish` applied to the whole copy; pack it as `<site>/offline.zip`."""
    with tempfile.TemporaryDirectory(prefix="learnsite-offline-") as folder:
        build(Path(folder), None)
        for language in languages:
            build(Path(folder) / language, language)
        if extra is not None and extra.is_dir():
            shutil.copytree(extra, Path(folder) / extra.name)
        if finish is not None:
            finish(Path(folder))
        size = offline.zip_folder(Path(folder), site_dir / offline.BUNDLE_NAME)
    for page in site_dir.rglob("*.html"):
        offline.stamp_size(page, size)
    return size
