"""The link checks know each generated page's anchors from the catalogue alone; the rendered
pages must carry exactly those anchors, or links the checks accept would break on the site."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURE, REPO, make_bilingual
from learnsite.load.generated_pages import (
    AudiencePage,
    ChecklistPage,
    GlossaryPage,
    ModulePage,
    ProgrammePage,
    SessionPage,
    TranslationsPage,
    page_anchors,
    pages_from_data,
)
from learnsite.load.mdscan import scan
from learnsite.load.project import load_project
from learnsite.model.catalogue import Catalogue
from learnsite.render.pages import generated_pages


def _catalogues(root: Path) -> list[Catalogue]:
    result = load_project(root)
    assert not result.diagnostics.errors, result.diagnostics.sorted()[:3]
    cat = result.catalogue
    return [cat, *cat.translations.values()]


@pytest.fixture(scope="module", params=["repository", "minimal", "bilingual"])
def catalogues(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> list[Catalogue]:
    roots = {"repository": lambda: REPO, "minimal": lambda: FIXTURE,
             "bilingual": lambda: make_bilingual(tmp_path_factory.mktemp("generated") / "project")}
    return _catalogues(roots[request.param]())


def test_anchors_from_the_model_are_those_of_the_rendered_pages(catalogues: list[Catalogue]) -> None:
    for cat in catalogues:
        known = {page.path: page_anchors(cat, page) for page in pages_from_data(cat)}
        rendered = {path: frozenset(scan(markdown).anchors)
                    for path, markdown in generated_pages(cat).items()}
        assert known.keys() == rendered.keys(), cat.language
        for path, anchors in rendered.items():
            assert known[path] == anchors, (cat.language, path, known[path] ^ anchors)


def test_every_kind_of_generated_page_is_compared(catalogues: list[Catalogue]) -> None:
    kinds = {type(page) for cat in catalogues for page in pages_from_data(cat)}
    assert {ProgrammePage, AudiencePage, ModulePage, SessionPage, ChecklistPage, GlossaryPage} <= kinds


def test_embedded_checklists_and_the_translation_status_page_are_covered() -> None:
    repository = _catalogues(REPO)[0]
    pages = list(pages_from_data(repository))
    assert any(isinstance(page, SessionPage) and "/// checklist" in page.session.source.body
               for page in pages), "some session of the repository embeds a checklist"
    assert any(isinstance(page, TranslationsPage) for page in pages)
