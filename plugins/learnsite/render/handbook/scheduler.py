"""Where render jobs run: worker processes, fed urgent jobs first.

A process pool runs jobs in the order they were given. Parts are handed over as soon as each is
written, so the contents (needed to know where the parts start) and the page numbers would wait
behind every part; here they go first. Workers can be started before the project is loaded
(`Workers`), so starting Python and WeasyPrint overlaps loading and checking.
"""

from __future__ import annotations

import heapq
import os
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from itertools import count
from multiprocessing import get_context
from pathlib import Path

from learnsite.render.handbook.worker import Facts, Job, render, warm_up


def _pool(css: str) -> ProcessPoolExecutor:
    """One worker process per core (spawned: safe beside the threads of `mkdocs serve`), each
    parsing the stylesheet as it starts."""
    return ProcessPoolExecutor(os.cpu_count() or 1, mp_context=get_context("spawn"),
                               initializer=warm_up, initargs=(css,))


class Workers:
    """Worker processes started before the project is loaded, so that starting Python and
    WeasyPrint and parsing the stylesheet (about half a second) overlaps loading and checking;
    then even a single changed chapter is rendered by a worker that is ready for it. `keep`
    keeps them through the last merge, for the next build (`mkdocs serve`)."""

    def __init__(self, css: str, *, keep: bool = False) -> None:
        self.css = css
        self.keep = keep
        self._pool: ProcessPoolExecutor | None = _pool(css)
        # Processes start on demand: ask for one now. One more would compete with the loading
        # it is meant to overlap (2 cores); the others start when there is work for them.
        self._pool.submit(int)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @property
    def pool(self) -> ProcessPoolExecutor:
        """The worker processes, started again if they were let go before."""
        if self._pool is None:
            self._pool = _pool(self.css)
        return self._pool

    def release(self) -> bool:
        """Let the processes go once no more work will come, unless they are kept; True when
        they went."""
        if not self.keep:
            self.close()
        return not self.keep

    def close(self) -> None:
        """Stop the processes (a later build starts them again)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


@dataclass(order=True)
class _Waiting:
    """A job waiting for a worker; the smallest goes first: urgent ones, then the oldest."""

    later: bool
    order: int
    job: Job = field(compare=False)
    future: Future[Facts] = field(compare=False)


class Renderer:
    """Runs render jobs: in the given workers; else in worker processes of its own when there
    are several to do, and right here otherwise (starting workers costs more than one unit).
    A cached job is answered at once."""

    def __init__(self, workers: Workers | None, css: str) -> None:
        self.css = css
        self.workers = workers
        self.pool = workers.pool if workers is not None else None
        self.fresh: set[Path] = set()
        self.todo = 0
        self._waiting: list[_Waiting] = []
        self._running = 0
        self._order = count()
        self._lock = threading.Lock()

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, *_: object) -> None:
        if self.pool is not None and self.workers is None:
            self.pool.shutdown(cancel_futures=True)

    def start(self, jobs: list[Job]) -> None:
        """Open workers once more than one job has needed rendering."""
        self.todo += sum(1 for job in jobs if not job.entry.exists)
        if self.todo > 1 and self.pool is None and self.workers is None:
            self.pool = _pool(self.css)

    def release_when_idle(self) -> None:
        """With no job waiting or running, let the worker processes go (unless they are kept
        for the next build), so that merging the last book does not hold their memory too; a
        job that came after all would be rendered here."""
        with self._lock:
            if self.pool is None or self._running or self._waiting:
                return
        if self.workers is None:
            self.pool.shutdown()
        elif not self.workers.release():
            return
        self.pool = None

    def submit(self, job: Job, urgent: bool = False) -> Future[Facts]:
        """The job's facts, to come; urgent jobs overtake those still waiting for a worker."""
        cached = job.entry.exists
        if not cached:
            self.fresh.add(job.entry.pdf)
        done: Future[Facts] = Future()
        if self.pool is None or cached:
            done.set_result(render(job))
            return done
        with self._lock:
            heapq.heappush(self._waiting, _Waiting(not urgent, next(self._order), job, done))
        self._feed()
        return done

    def _feed(self) -> None:
        """Keep every worker busy and one job queued behind them, taking the most urgent."""
        assert self.pool is not None
        capacity = (os.cpu_count() or 1) + 1
        while True:
            with self._lock:
                if self._running >= capacity or not self._waiting:
                    return
                waiting = heapq.heappop(self._waiting)
                self._running += 1
            running = self.pool.submit(render, waiting.job)
            running.add_done_callback(partial(self._finished, waiting.future))

    def _finished(self, future: Future[Facts], ran: Future[Facts]) -> None:
        """Hand the worker's answer on, and give the worker the next job."""
        with self._lock:
            self._running -= 1
        error = None if ran.cancelled() else ran.exception()
        if ran.cancelled():
            future.cancel()
        elif error is not None:
            future.set_exception(error)
        else:
            future.set_result(ran.result())
        self._feed()
