"""Where a project's source files are, relative to its root: one place, for every loader and
check that reads or points at them."""

from __future__ import annotations

from pathlib import Path

SITE_CONFIG = "site_config.yml"
CONTENT_DIR = "content"
MODULES_DIR = "modules"
CHECKLISTS_DIR = "content/checklists"
GLOSSARY_FILE = "content/glossary.yml"
SOURCES_FILE = "content/sources.yml"
MATERIALS_DIR = "materials"
"""The folder of a module that holds its material files."""


def is_translation(path: Path, languages: set[str]) -> bool:
    """Whether a file is a translation (its name ends in `.<lang>.md` or `.<lang>.yml`)."""
    return Path(path.stem).suffix.lstrip(".") in languages
