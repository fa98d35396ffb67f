"""Where each page generated from data sits in the site. The loader's link checks, the
renderers, the navigation, the handbooks and the MkDocs adapter all address pages this way."""

from __future__ import annotations

#: The home page; links in the texts of site_config.yml resolve from it.
HOME = "index.md"
GLOSSARY = "glossary.md"
#: For translators: what each language still lacks (only on the default language's site).
TRANSLATIONS = "translations.md"
#: Every source the content relies on, with the pages that cite it.
SOURCES = "sources.md"
#: For the centre: every statement still to be confirmed (only on the default language's site).
REVIEW_QUEUE = "review-queue.md"
#: Pages the other languages' sites do not have.
DEFAULT_LANGUAGE_ONLY = frozenset({TRANSLATIONS, REVIEW_QUEUE})


def programme_path(programme_id: str) -> str:
    """A programme's page (a section index, so breadcrumbs lead back to it)."""
    return f"programmes/{programme_id}/index.md"


def audience_path(audience_id: str) -> str:
    """An audience's page."""
    return f"audiences/{audience_id}.md"


def module_folder(module_id: str) -> str:
    """The folder holding a module's page and its sessions' pages."""
    return f"modules/{module_id}/"


def module_path(module_id: str) -> str:
    """A module's page."""
    return f"{module_folder(module_id)}index.md"


def session_path(module_id: str, session_id: str) -> str:
    """A session's page."""
    return f"{module_folder(module_id)}{session_id}.md"


def material_path(module_id: str, file: str) -> str:
    """A module's material: a page beside its sessions' (a PDF keeps its name), so a session
    links to it by the very path it names under `materials:`."""
    return f"{module_folder(module_id)}{file}"


def guide_path(programme_id: str) -> str:
    """A programme's facilitator guide, beside its page."""
    return f"programmes/{programme_id}/guide.md"


def checklist_path(checklist_id: str) -> str:
    """A checklist's page."""
    return f"checklists/{checklist_id}.md"


def checklist_form_path(checklist_id: str) -> str:
    """A checklist's XLSForm for KoboToolbox and ODK Collect, beside the checklist's page."""
    return f"checklists/{checklist_id}.xlsx"


def decision_path(checklist_id: str) -> str:
    """A checklist's "how the result is decided" page, beside the checklist's own page."""
    return f"checklists/{checklist_id}-decision.md"
