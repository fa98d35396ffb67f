"""Build figures on a synthetic corpus, each run in a fresh process, medians of REPEAT runs:

- the one-language site build, per page, with learnsite against plain Material building the very
  same pages (learnsite's own pages and navigation written out as plain Markdown files);
- the whole `learnsite handbooks` command, cold and warm after editing one word (then enough to
  add a page), as ratios of the cold command, with the handbook stage timed apart from loading;
- the peak memory of the whole process tree for the cold handbook.

Run: `.venv/bin/python bench/handbook_speed.py [MODULES [REPEAT]]` (30 modules, 3 runs each).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import yaml

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


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes (shared pages counted in
    each process, so this errs high)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += int(status.split("VmRSS:")[1].split()[0]) * 1024 if "VmRSS:" in status else 0
            for task in Path(f"/proc/{current}/task").iterdir():
                todo += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> tuple[float, str, int]:
    """Wall time, output and peak memory of the whole process tree (sampled every 20 ms)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, text=True,
                               env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})})
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss(process.pid))
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    out, _ = process.communicate()
    sampler.join()
    if process.returncode:
        raise SystemExit(f"{' '.join(command)} failed")
    return time.perf_counter() - start, out, peak[0]


def _handbook(root: Path, edits_in_process: int = 0) -> tuple[float, list[dict[str, float]], int]:
    """Build the bench handbook in a fresh process, as `learnsite handbooks` does (then again
    after each of `edits_in_process` edits, as `mkdocs serve` with LEARNSITE_PDF=1 would);
    returns the wall time, each build's stage times and the process tree's peak memory."""
    wall, out, peak = _run([sys.executable, __file__, "--child", str(root), str(edits_in_process)], root)
    return wall, [json.loads(line) for line in out.splitlines() if line.startswith("{")], peak


def _child(root: Path, edits: int) -> None:
    """Load and check the project, then build the handbook, timed apart, as `learnsite
    handbooks` does (workers start first, while the project loads); then edit a word and build
    again in this same process with the same workers, `edits` times, as `mkdocs serve` does on
    each change."""
    from learnsite.load.project import load_project
    from learnsite.render.handbook.pdf import CACHE, build_all, start_workers

    with start_workers(keep=True) as workers:  # as `mkdocs serve` keeps them between builds
        for run in range(edits + 1):
            if run:
                _edit_word(root, 1000 + run)
            start = time.perf_counter()
            cat = load_project(root).catalogue
            loaded = time.perf_counter()
            [written], failures = build_all(cat, root / "pdf", only=["bench-handbook"],
                                            cache=root / CACHE, workers=workers)
            done = time.perf_counter()
            assert not failures, failures
            print(json.dumps({"load": loaded - start, "handbook": done - loaded, "pages": written.pages,
                              "rendered": written.rendered, "reused": written.reused}), flush=True)


def _session(root: Path) -> Path:
    """The session the warm runs edit: in the middle of the book, so pages after it can move."""
    modules = len(list((root / "modules").glob("bench-*")))
    return root / f"modules/bench-{modules // 2}/session-3.md"


def _edit_word(root: Path, n: int) -> None:
    """An author's smallest change: one word, different each time (so no cache has it)."""
    session = _session(root)
    text = session.read_text(encoding="utf-8")
    session.write_text(re.sub(r"Indicators are clues(, version \d+)?,",
                              f"Indicators are clues, version {n},", text), encoding="utf-8")


def _add_page(root: Path, n: int) -> None:
    """A change that moves every later page number: about a page more in one session."""
    session = _session(root)
    notes = "".join(f"Note {n}.{line} for the trainer on this case.\n\n" for line in range(40))
    session.write_text(session.read_text(encoding="utf-8") + "\n" + notes, encoding="utf-8")


def _median_run(root: Path, repeat: int, before: Callable[[int], None]
                ) -> tuple[float, dict[str, float], int]:
    """Median wall time and stage times over `repeat` fresh-process builds, each after
    `before(run)`; and the highest peak memory."""
    runs = []
    for run in range(repeat):
        before(run)
        wall, [stages], peak = _handbook(root)
        runs.append((wall, stages, peak))
    middle = sorted(runs, key=lambda r: r[1]["handbook"])[repeat // 2]
    return statistics.median(r[0] for r in runs), middle[1], max(r[2] for r in runs)


def _plain_copy(root: Path) -> int:
    """Write every page of the learnsite build as a plain Markdown file with learnsite's own
    navigation, for plain Material to build the same pages; return how many pages that is."""
    from learnsite.load.project import load_project
    from learnsite.render.navigation import navigation
    from learnsite.render.pages import generated_pages

    docs = root / "plain-docs"
    cat = load_project(root).catalogue
    pages = {page.site_path: page.source.body for page in cat.pages} | generated_pages(cat)
    for path, text in pages.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_text(text, encoding="utf-8")
    config = (root / "mkdocs-plain.yml").read_text(encoding="utf-8")
    config = config.replace("docs_dir: content", "docs_dir: plain-docs")
    nav = yaml.safe_dump({"nav": navigation(cat)}, allow_unicode=True, sort_keys=False)
    (root / "mkdocs-same-pages.yml").write_text(f"{config}\n{nav}", encoding="utf-8")
    return len(pages)


def _site_builds(root: Path, repeat: int) -> tuple[float, float]:
    """Median wall time of the one-language site build with learnsite (no handbooks, no other
    language or offline copy) and of plain Material on the same pages, runs interleaved."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(root / "s")]
    with_plugin, plain = [], []
    for _ in range(repeat):
        with_plugin.append(_run(mkdocs, root, {"LEARNSITE_NESTED": "1"})[0])
        plain.append(_run([*mkdocs, "--config-file", "mkdocs-same-pages.yml"], root)[0])
    return statistics.median(with_plugin), statistics.median(plain)


def _command(root: Path) -> tuple[float, str, int]:
    """The whole `learnsite handbooks` command for the bench handbook, as an author runs it."""
    learnsite = Path(sys.executable).with_name("learnsite")
    return _run([str(learnsite), "handbooks", "bench-handbook", "--out", str(root / "pdf")], root)


def _commands(root: Path, repeat: int, before: Callable[[int], None]) -> tuple[float, int]:
    """Median wall time and highest peak memory of `repeat` commands, each after `before(run)`."""
    runs = []
    for run in range(repeat):
        before(run)
        wall, _, peak = _command(root)
        runs.append((wall, peak))
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        _child(Path(sys.argv[2]), int(sys.argv[3]))
        return
    modules = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    repeat = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "corpus"
        _corpus(root, modules, 8)
        site_pages = _plain_copy(root)
        with_plugin, plain = _site_builds(root, repeat)
        cache = root / ".cache"
        cold_cmd, cold_peak = _commands(root, repeat, lambda _: shutil.rmtree(cache, True))
        warm_cmd, warm_peak = _commands(root, repeat, lambda run: _edit_word(root, run))
        longer_cmd, _ = _commands(root, repeat, lambda run: _add_page(root, run + 100))
        _, cold, _ = _median_run(root, repeat, lambda _: shutil.rmtree(cache, True))
        _, warm, _ = _median_run(root, repeat, lambda run: _edit_word(root, run + 200))
        _, [_, *serving], _ = _handbook(root, edits_in_process=repeat)
    pages, base = int(cold["pages"]), cold["handbook"]
    print(f"corpus: {modules} modules x 8 sessions; {site_pages} site pages; handbook: {pages} "
          f"pages; medians of {repeat} runs")
    print(f"site build, one language, no PDFs: learnsite {with_plugin:.2f} s, plain Material on "
          f"the same {site_pages} pages {plain:.2f} s; {1000 * with_plugin / site_pages:.0f} against "
          f"{1000 * plain / site_pages:.0f} ms per page, ratio {with_plugin / plain:.2f}")
    print(f"`learnsite handbooks`, cold:      {cold_cmd:6.2f} s  ({base:.2f} s handbook stage, "
          f"{base / pages:.3f} s per page; loading and checking {cold['load']:.2f} s)")
    for label, wall in (("warm, one word edited:", warm_cmd), ("warm, a page added:", longer_cmd)):
        print(f"`learnsite handbooks`, {label:26}{wall:6.2f} s  ({wall / cold_cmd:.1%} of cold)")
    serve = statistics.median(run["handbook"] for run in serving)
    print(f"handbook stage, warm, one word:   {warm['handbook']:6.2f} s  "
          f"({warm['handbook'] / base:.1%} of the cold stage; {warm['rendered']:.0f} of "
          f"{warm['rendered'] + warm['reused']:.0f} units rendered); in a running process, as "
          f"`mkdocs serve` with LEARNSITE_PDF=1: {serve:.2f} s ({serve / base:.1%})")
    print(f"peak memory, whole process tree: {cold_peak / 2**20:.0f} MB cold, "
          f"{warm_peak / 2**20:.0f} MB warm")


if __name__ == "__main__":
    main()
