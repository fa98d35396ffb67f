"""Where a project's source files are, relative to its root: one place, for every loader and
check that reads or points at them."""

from __future__ import annotations

SITE_CONFIG = "site_config.yml"
CONTENT_DIR = "content"
MODULES_DIR = "modules"
CHECKLISTS_DIR = "content/checklists"
GLOSSARY_FILE = "content/glossary.yml"
SOURCES_FILE = "content/sources.yml"
