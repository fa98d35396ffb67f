"""Generate a synthetic but valid project of a given size, for timing the pipeline."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SESSION = """---
title: Session {n}
minutes: 45
method: discussion
objectives:
  - Participants can recognise indicator {n}.
---

# Session {n}

## Why it matters

Indicators are clues, not proof. See [the first session](session-1.md#why-it-matters).

/// activity | Pair work
    minutes: 20
    method: exercise

Discuss the case in pairs.
///

/// trainer-notes
Keep the discussion practical.
///

/// answer
The model answer.
///
"""


def make_corpus(target: Path, modules: int, sessions: int) -> int:
    """Write `modules` modules of `sessions` sessions each into `target` (a copy of the repo's
    site_config.yml and content); return the number of source files."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(REPO / "content", target / "content")
    shutil.copy(REPO / "site_config.yml", target / "site_config.yml")
    shutil.copytree(REPO / "modules", target / "modules")
    for m in range(modules):
        folder = target / "modules" / f"bench-{m}"
        folder.mkdir(parents=True)
        ids = [f"session-{n}" for n in range(1, sessions + 1)]
        (folder / "module.yml").write_text(
            f"id: bench-{m}\ntitle: Bench module {m}\nsummary: Generated.\nversion: \"1.0\"\n"
            "status: draft\nlast_reviewed: 2026-01-01\naudiences: [labour-inspectors]\n"
            "objectives: [Recognise the indicators.]\nprerequisites: []\n"
            f"sessions: [{', '.join(ids)}]\n", encoding="utf-8")
        for n in range(1, sessions + 1):
            (folder / f"session-{n}.md").write_text(SESSION.format(n=n), encoding="utf-8")
    return sum(1 for p in target.rglob("*") if p.suffix in {".md", ".yml"})
