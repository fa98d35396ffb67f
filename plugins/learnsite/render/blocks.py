"""The curriculum's `///` blocks as a Markdown extension (pymdown-extensions Blocks API).

One source, several editions: the same block renders differently for the web, the trainer
handbook, the participant handbook and the projected slides. Answers are removed from the tree,
not hidden, so they never reach the web HTML, the search index or a slide.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it
from collections.abc import Callable
from typing import Any, ClassVar

from markdown import Markdown
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block

from learnsite.model.blocks import CURRICULUM_BLOCKS, GENERATED_BLOCKS
from learnsite.render import citations
from learnsite.render.print_markup import PRIORITY, PrintTreeprocessor
from learnsite.render.slides import markup as slides
from learnsite.strings import translator

EDITIONS = ("web", "trainer", "participant", "slides")
#: The interface string naming each block type (strings.py).
LABELS = {
    "trainer-notes": "for-trainers",
    "activity": "activity",
    "case-study": "case-study",
    "key-messages": "key-messages",
    "handout": "handout",
    "answer": "answer",
    "case-result": "case-result",
    "to-confirm": "to-confirm",
    "slide": "slide",
}


def _options_of(name: str) -> dict[str, tuple[Any, Callable[[Any], Any]]]:
    """pymdownx option specs derived from the block's options model, so the renderer accepts
    exactly what `learnsite check` accepts (the model is the one vocabulary)."""
    model = CURRICULUM_BLOCKS[name]

    def parser(field: str) -> Callable[[Any], Any]:
        return lambda value: getattr(model.model_validate({field: value}), field)

    return {info.alias or field: (info.get_default(call_default_factory=True), parser(field))
            for field, info in model.model_fields.items() if field != "attrs"}


class _CurriculumBlock(Block):
    """A titled box; subclasses set NAME and decide per edition whether the block is shown."""

    ARGUMENT = None
    OPTIONS: ClassVar[dict[str, tuple[Any, Callable[[Any], Any]]]] = {}
    ON_SLIDES: ClassVar[bool] = False
    """Whether the slides edition keeps the block: only what participants may see and a screen
    can show (render/slides/markup.py makes each such block a slide of its own)."""

    def _edition(self) -> str:
        return str(self.config.get("edition", "web"))

    def _shown(self) -> bool:
        return True

    def t(self, key: str, **values: object) -> str:
        """An interface string in the page's language."""
        return translator(str(self.config.get("language", "en")))(key, **values)

    def _title(self) -> str:
        return self.argument or self.t(LABELS[self.NAME])

    def on_create(self, parent: etree.Element) -> etree.Element:
        self._parent = parent
        box = etree.SubElement(parent, "div", {"class": f"admonition ls-block ls-{self.NAME}"})
        title = etree.SubElement(box, "p", {"class": "admonition-title"})
        title.text = self._title()
        if self._edition() == "slides":  # render/slides/markup.py titles the slide from these
            box.attrib |= {"data-label": self.t(LABELS[self.NAME]), "data-title": self.argument or "",
                           "data-minutes": str(self.options.get("minutes") or "")}
        return box

    def _folded(self, parent: etree.Element) -> etree.Element:
        """The block folded under its title, for the web: opened by the reader who wants it."""
        self._parent = parent
        box = etree.SubElement(parent, "details", {"class": f"ls-block ls-{self.NAME}"})
        summary = etree.SubElement(box, "summary")
        summary.text = self._title()
        return box

    def on_end(self, block: etree.Element) -> None:
        if not self._shown() or (self._edition() == "slides" and not self.ON_SLIDES):
            self._parent.remove(block)


class TrainerNotes(_CurriculumBlock):
    """Facilitation notes: collapsed on the web, set off in the trainer handbook."""

    NAME = "trainer-notes"

    def _shown(self) -> bool:
        return self._edition() != "participant"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return self._folded(parent) if self._edition() == "web" else super().on_create(parent)


class ToConfirm(_CurriculumBlock):
    """A statement the centre must still confirm: marked as such on the web and for trainers,
    with why and who can confirm it; left out of the participant edition, which only carries
    what is settled. The centre's review queue lists every one."""

    NAME = "to-confirm"
    OPTIONS = _options_of("to-confirm")

    def _title(self) -> str:
        label = self.t("to-confirm")
        return f"{label}: {self.argument}" if self.argument else label

    def _shown(self) -> bool:
        return self._edition() != "participant"

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = super().on_create(parent)
        reason, owner = (str(self.options.get(key) or "").rstrip(". ") for key in ("reason", "owner"))
        facts = [self.t("to-confirm-reason", reason=reason)] if reason else []
        facts += [self.t("to-confirm-owner", owner=owner)] if owner else []
        if facts:
            note = etree.SubElement(box, "p", {"class": "ls-to-confirm-why"})
            note.text = " ".join(facts)
        return box


class Activity(_CurriculumBlock):
    """An activity with its own minutes and method, shown in the title line."""

    NAME = "activity"
    OPTIONS = _options_of("activity")
    ON_SLIDES = True

    def _title(self) -> str:
        label = self.t("activity")
        parts = [f"{label}: {self.argument}" if self.argument else label]
        if self.options.get("minutes"):
            parts.append(f"{self.options['minutes']} {self.t('min')}")
        if self.options.get("method"):
            parts.append(self.t(str(self.options["method"])))
        return " · ".join(parts)


class CaseStudy(_CurriculumBlock):
    """A scenario to discuss; its checklist options are read by render/pages.py, which adds the
    computed result after it."""

    NAME = "case-study"
    OPTIONS = _options_of("case-study")
    ON_SLIDES = True


class CaseResult(_CurriculumBlock):
    """What the checklist gives for a case (written by learnsite, never by authors): folded on
    the web so a reader can work the case out first, set out for the trainer, and left out of
    the participant edition, where working it out is the exercise."""

    NAME = "case-result"

    def _shown(self) -> bool:
        return self._edition() != "participant"

    def on_create(self, parent: etree.Element) -> etree.Element:
        return self._folded(parent) if self._edition() == "web" else super().on_create(parent)


class KeyMessages(_CurriculumBlock):
    """The points to remember."""

    NAME = "key-messages"
    ON_SLIDES = True


class Slide(_CurriculumBlock):
    """A slide an author writes for the projected decks: there only, in place; the web and the
    handbooks show nothing of it."""

    NAME = "slide"
    ON_SLIDES = True

    def _shown(self) -> bool:
        return self._edition() == "slides"


class Handout(_CurriculumBlock):
    """Material for the participant pack, marked as such so trainers know it is handed out."""

    NAME = "handout"

    def _title(self) -> str:
        label = self.t("handout")
        return f"{label}: {self.argument}" if self.argument else label

    def on_create(self, parent: etree.Element) -> etree.Element:
        box = super().on_create(parent)
        note = etree.SubElement(box, "p", {"class": "ls-pack-note"})
        note.text = self.t("in-pack")
        return box


class AnswerBlock(_CurriculumBlock):
    """A model answer: only in the trainer edition; the participant edition gets an empty space
    to write in, and the web gets nothing at all."""

    NAME = "answer"

    def _shown(self) -> bool:
        return self._edition() != "web"

    def on_create(self, parent: etree.Element) -> etree.Element:
        if self._edition() != "participant":
            return super().on_create(parent)
        self._parent = parent
        box = etree.SubElement(parent, "div", {"class": "ls-block ls-answer-space"})
        label = etree.SubElement(box, "p", {"class": "admonition-title"})
        label.text = self.t("answer-space")
        return etree.Element("div")  # the model answer goes here, and is never attached

    def on_end(self, block: etree.Element) -> None:
        if self._edition() != "participant":
            super().on_end(block)


_BLOCK_CLASSES: tuple[type[_CurriculumBlock], ...] = (
    TrainerNotes, Activity, CaseStudy, CaseResult, KeyMessages, Handout, AnswerBlock, ToConfirm, Slide)
assert {b.NAME for b in _BLOCK_CLASSES} == {*CURRICULUM_BLOCKS, *GENERATED_BLOCKS}


class CurriculumBlocksExtension(BlocksExtension):
    """Registers the curriculum blocks for one edition."""

    def __init__(self, **kwargs: Any) -> None:
        self.config = {"edition": ["web", f"One of {', '.join(EDITIONS)}."],
                       "language": ["en", "Language of the block titles (strings.py)."]}
        super().__init__(**kwargs)

    def extendMarkdownBlocks(self, md: Markdown, block_mgr: Any) -> None:  # noqa: N802 - API name
        """Register every curriculum block with this extension's edition, the numbered notes of
        citations, in print (slides too) the layout of what the web makes interactive, and for
        slides the reading of what each slide shows."""
        for block in _BLOCK_CLASSES:
            block_mgr.register(block, self.getConfigs())
        language = str(self.getConfig("language"))
        citations.register(md, lambda: translator(language)("notes-sources"))
        if self.getConfig("edition") != "web":
            md.treeprocessors.register(PrintTreeprocessor(md), "learnsite-print", PRIORITY)
        if self.getConfig("edition") == "slides":
            md.treeprocessors.register(slides.SlidesTreeprocessor(md), slides.NAME, slides.PRIORITY)


def makeExtension(**kwargs: Any) -> CurriculumBlocksExtension:  # noqa: N802 - Markdown's API name
    """Markdown's extension entry point (`learnsite.render.blocks` in mkdocs.yml)."""
    return CurriculumBlocksExtension(**kwargs)
