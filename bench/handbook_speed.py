"""Handbook rendering figures on a synthetic corpus: pages, cold time, warm time after editing
one session, seconds per page, peak memory of the process tree, and the plain site build time
with and without learnsite's plugin. Run: `.venv/bin/python bench/handbook_speed.py [MODULES]`.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import REPO, make_corpus

RICH_SESSION = """---
title: Session {n}
minutes: 45
method: discussion
objectives:
  - Participants can recognise indicator {n} and say what to do next.
---

# Session {n}

Indicators are clues, not proof. This session looks at what a labour inspector sees and hears,
and how to record it without putting the worker at risk.

## What to look for

- Documents kept by the employer or an agent.
- Wages paid late, in part, or to someone else.
- Workers who live where they work and never go out alone.

| Sign | Element | What to do |
|------|---------|------------|
| Passport kept | Coercion | Ask who holds it and why |
| Unpaid overtime | Involuntariness | Check the time records |
| Debt to the agency | Coercion | Ask how it is repaid |

/// activity | Pair work
    minutes: 20
    method: exercise

1. Read the case.
2. List the signs, then the indicators.
3. Choose the outcome.
///

/// case-study | The workshop that never closes
A worker says the workshop runs day and night and the gate is locked after dark. He owes the
agency for his ticket and the amount grows each month.
///

/// trainer-notes
Keep the discussion practical; bring participants back to what they would record.
///

/// answer
Restriction of movement and debt bondage (coercion); ask about hours and pay next.
///

/// key-messages
- One indicator can be enough to act on.
- Record what you saw, not what you concluded.
///
"""


def _corpus(root: Path, modules: int, sessions: int) -> None:
    make_corpus(root, modules, sessions)
    mkdocs = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs, encoding="utf-8")
    (root / "mkdocs-plain.yml").write_text(
        mkdocs.replace("  - learnsite\n", "  - learnsite:\n      enabled: false\n"), encoding="utf-8")
    for folder in (root / "modules").glob("bench-*"):
        for n, path in enumerate(sorted(folder.glob("session-*.md")), start=1):
            path.write_text(RICH_SESSION.format(n=n), encoding="utf-8")
    config = root / "site_config.yml"
    text = config.read_text(encoding="utf-8")
    ids = ", ".join(f"bench-{m}" for m in range(modules))
    text = text.replace("\nhandbooks:", f"""
  - id: bench
    title: Bench programme
    summary: Every generated module.
    days:
      - start: "09:00"
        modules: [{ids}]
handbooks:
  - id: bench-handbook
    title: Bench handbook
    programme: bench
    edition: trainer
    language: en
    include: [cover, contents, modules]""", 1)
    config.write_text(text.replace("\nhandbooks:\n  - id: inspectors", "\n  - id: inspectors", 1)
                      if text.count("\nhandbooks:") > 1 else text, encoding="utf-8")


def _timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    return time.perf_counter() - start, done.stdout


def main() -> None:
    modules = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    learnsite = str(Path(sys.executable).with_name("learnsite"))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        _corpus(root, modules, 8)
        cold, out = _timed([learnsite, "handbooks", "bench-handbook", "--out", str(root / "pdf")], root)
        pages = int(out.split("(")[1].split(" pages")[0])
        session = root / "modules/bench-0/session-1.md"
        session.write_text(session.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
        warm, _ = _timed([learnsite, "handbooks", "bench-handbook", "--out", str(root / "pdf")], root)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(root / "s")]
        with_plugin, _ = _timed(mkdocs, root, {"LEARNSITE_NESTED": "1"})
        without, _ = _timed([*mkdocs, "--config-file", "mkdocs-plain.yml"], root)
        print(f"corpus: {modules} modules x 8 sessions; handbook: {pages} pages")
        print(f"cold handbook:            {cold:6.2f} s  ({cold / pages:.3f} s per page)")
        print(f"warm after one edit:      {warm:6.2f} s  ({warm / cold:.0%} of cold)")
        print(f"peak memory (largest process): {peak_mb:.0f} MB")
        print(f"site build, one language, no PDFs or bundle: {with_plugin:.2f} s with learnsite, "
              f"{without:.2f} s without (content pages only)")


if __name__ == "__main__":
    main()
