"""What WeasyPrint warned of while printing the handbooks, as diagnostics at each handbook's entry
in site_config.yml: what the print lost is reported like any content problem, never muted."""

from __future__ import annotations

from pathlib import PurePosixPath

from learnsite.diagnostics import Diagnostics, Location
from learnsite.load.layout import SITE_CONFIG
from learnsite.load.project import LoadResult
from learnsite.render.handbook.pdf import Rendered


def render_warnings(result: LoadResult, written: list[Rendered]) -> Diagnostics:
    """A `handbook-render-warning` per warning of each written handbook (severities as tuned in
    site_config.yml)."""
    diags = Diagnostics(overrides=result.diagnostics.overrides)
    site = result.catalogue.site
    doc = result.docs.get(SITE_CONFIG)
    entries = {h.id: index for index, h in enumerate(site.handbooks)} if site else {}
    for rendered in written:
        index = entries.get(rendered.handbook.id)
        where = doc.at(("handbooks", index)) if doc is not None and index is not None \
            else Location(PurePosixPath(SITE_CONFIG))
        for warning in rendered.warnings:
            diags.add("handbook-render-warning", where,
                      f"handbook `{rendered.handbook.id}`, {warning}")
    return diags
