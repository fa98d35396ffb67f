"""How long each engine takes to build the repository's own site, measured in one run.

Two figures per engine, each the median of several builds, the engines taking turns so that a
busy machine slows both alike:

- the whole site, as `make site` and `ENGINE=zensical make site` build it (both languages,
  handbooks and slide decks from the warm cache, the offline copy, the app);
- the English pages alone, from the same exported docs folder (`learnsite export-docs`): plain
  `mkdocs build` against `zensical build`, Zensical's own cache cleared first, so each engine
  renders every page. The export's own time is given too.

Run with `.venv/bin/python bench/engine_speed.py` (about 6 minutes); ratios are what to quote.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RUNS = 3
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def _timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    return elapsed


def _learnsite(*args: str) -> list[str]:
    return [sys.executable, "-m", "learnsite.cli", "--root", str(REPO), *args]


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="learnsite-engines-") as tmp:
        folder = Path(tmp)
        site: dict[str, list[float]] = {"mkdocs": [], "zensical": []}
        # a first build of each fills the handbook and slide caches; it is not counted
        for engine in site:
            _timed(_learnsite("build", "--engine", engine, "--site-dir", str(folder / engine)), REPO)
        for _ in range(RUNS):
            for engine, times in site.items():
                times.append(_timed(_learnsite("build", "--engine", engine, "--site-dir",
                                               str(folder / engine)), REPO))
        export = folder / "export"
        pages: dict[str, list[float]] = {"export-docs": [], "mkdocs": [], "zensical": []}
        for _ in range(RUNS):
            pages["export-docs"].append(_timed(_learnsite("export-docs", "--out", str(export)), REPO))
            pages["mkdocs"].append(_timed([sys.executable, "-m", "mkdocs", "build", "--quiet",
                                           "--site-dir", str(folder / "pages-mkdocs")], export))
            shutil.rmtree(export / ".cache", ignore_errors=True)  # Zensical's cache: a cold build
            pages["zensical"].append(_timed([sys.executable, "-m", "zensical", "build"], export))
    _report("whole site (both languages, handbooks cached, offline copy, app)", site)
    _report("English pages only, from one exported docs folder", pages)


def _report(title: str, runs: dict[str, list[float]]) -> None:
    medians = {name: statistics.median(times) for name, times in runs.items()}
    print(f"\n{title}, median of {RUNS}:")
    for name, median in medians.items():
        shown = ", ".join(f"{t:.1f}" for t in runs[name])
        print(f"  {name:12} {median:6.1f} s   (runs: {shown})")
    print(f"  zensical / mkdocs: {medians['zensical'] / medians['mkdocs']:.2f}")


if __name__ == "__main__":
    main()
