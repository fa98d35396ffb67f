"""Options of the `learnsite` MkDocs plugin."""

from __future__ import annotations

import os

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LearnsiteConfig(Config):
    """`plugins: - learnsite:` options in mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off (e.g. to preview plain Markdown) without removing it."""

    root = c.Optional(c.Dir(exists=True))
    """Project folder holding site_config.yml; defaults to the folder of mkdocs.yml."""

    handbooks = c.Type(bool, default=True)
    """Build the PDF handbooks of site_config.yml into site/handbooks/."""

    handbooks_when_serving = c.Type(bool, default=bool(os.environ.get("LEARNSITE_PDF")))
    """Also build handbooks in `mkdocs serve` (slow; default from LEARNSITE_PDF=1)."""

    slides = c.Type(bool, default=True)
    """Build a slide deck per programme day into site/slides/ (in `mkdocs serve` only with the
    handbooks, when `handbooks_when_serving`)."""

    offline_bundle = c.Type(bool, default=True)
    """Also build site/offline.zip, the site for reading without a connection (not when serving)."""

    app = c.Type(bool, default=True)
    """Make the site an installable app that keeps every page for offline reading (a manifest
    and a service worker; not when serving, nor in the offline copy)."""

    app_budget_mb = c.Type((int, float), default=15)
    """The most the app may keep on a reader's device, both languages together, in MB: a bigger
    precache stops the build."""
