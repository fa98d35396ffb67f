"""The `///` blocks a session or page may use, and the options each accepts.

Session Markdown uses pymdown-extensions' block syntax so it stays readable in GitHub's preview.
pymdownx leaves an unknown block as literal text without a word, so this vocabulary is checked by
`learnsite check` too (see load/markdown_checks.py) and rendered by render/blocks.py.
"""

from __future__ import annotations

from pydantic import Field

from learnsite.model.base import Id, Method, Minutes, Record, Text


class BlockOptions(Record):
    """Options every block accepts: pymdownx's `attrs` for extra HTML attributes."""

    attrs: dict[str, Text] | None = None


class ActivityOptions(BlockOptions):
    """An activity's own timing and method."""

    minutes: Minutes | None = Field(None, description="How long the activity takes.")
    method: Method | None = Field(None, description="How it is run.")


class CaseStudyOptions(BlockOptions):
    """A case whose facts imply answers to a checklist: its outcome is then computed, never typed,
    so a model answer cannot drift from the checklist."""

    checklist: Id | None = Field(None, description="The checklist the case is screened with.")
    found: list[Id] = Field(default_factory=list, description="The signs (and questions) the "
                            "case's facts answer yes; every other one is answered no. (Not "
                            "`yes:`, which YAML reads as true.)")
    not_sure: list[Id] = Field(default_factory=list, alias="not-sure",
                               description="The signs and questions the case leaves open.")


class ToConfirmOptions(BlockOptions):
    """A statement the centre must confirm before it is taught as fact: why, and who can."""

    reason: Text | None = Field(None, description="Why it is not yet confirmed, e.g. \"reported "
                                "by a news article; the current number is not known\".")
    owner: Text | None = Field(None, description="Who can confirm it, e.g. \"LMRA legal affairs\".")


class AdmonitionOptions(BlockOptions):
    """Options of Material's call-out boxes."""

    type: Text | None = None


class DetailsOptions(AdmonitionOptions):
    """Options of collapsible boxes."""

    open: bool = False


class TabOptions(BlockOptions):
    """Options of tabbed content."""

    new: bool = False
    select: bool = False


#: Blocks with a meaning in the curriculum; rendered per edition by render/blocks.py.
CURRICULUM_BLOCKS: dict[str, type[BlockOptions]] = {
    "trainer-notes": BlockOptions,
    "activity": ActivityOptions,
    "case-study": CaseStudyOptions,
    "key-messages": BlockOptions,
    "handout": BlockOptions,
    "answer": BlockOptions,
    "to-confirm": ToConfirmOptions,
    # An author's own slide for the projected decks (render/slides/): nothing on the web or in print.
    "slide": BlockOptions,
}

#: Blocks that only learnsite writes (render/pages.py), never authors: the computed result of
#: a case study, rendered per edition like the curriculum blocks.
GENERATED_BLOCKS: dict[str, type[BlockOptions]] = {"case-result": BlockOptions}

#: Blocks replaced by generated content before Markdown sees them (render/pages.py);
#: `/// checklist | ID` embeds an interactive checklist in a session or page.
EMBED_BLOCKS: dict[str, type[BlockOptions]] = {"checklist": BlockOptions}

#: General-purpose blocks from pymdown-extensions, enabled in mkdocs.yml.
ADMONITION_TYPES = ("note", "tip", "info", "warning", "danger", "example", "quote")
GENERAL_BLOCKS: dict[str, type[BlockOptions]] = {
    **dict.fromkeys(ADMONITION_TYPES, AdmonitionOptions),
    "admonition": AdmonitionOptions,
    "details": DetailsOptions,
    "tab": TabOptions,
}

BLOCKS: dict[str, type[BlockOptions]] = {**CURRICULUM_BLOCKS, **EMBED_BLOCKS, **GENERAL_BLOCKS}
