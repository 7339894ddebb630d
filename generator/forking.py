"""Work spread over processes, one per processor: this one and forked workers.

The workers are forked after the work is prepared: they inherit the function
and its items (acts, templates, documents) and receive only the index of the
next chunk, taken from a shared counter, so nothing is pickled on the way in;
results (bytes, numbers) come back pickled. This process takes chunks from the
same counter between reading the workers' results: one process per processor
in all, so no worker copies, page after page, memory the others already hold
(a forked worker ends up copying most of what it reads: 0.5 GB each at 20,000
acts). Where fork is missing, or the process runs threads (a fork would copy
their locks in whatever state they are), the work runs here, one item after the
other. A chunk a worker did not send (it died, or raised) is done here, so the
result, or the error, is the same as without workers.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterator


def workers_for(count: int, at_least: int, wanted: int | None = None) -> int:
    """How many processes `count` items deserve, this one included (1: do it here):
    `wanted` (default: one per processor this process may use, at most 8), never
    more than the items, and 1 when forking is not safe."""
    if (count < at_least or threading.active_count() > 1 or sys.platform != "linux"
            or "fork" not in multiprocessing.get_all_start_methods()):
        return 1  # (on macOS, system libraries may not survive a fork)
    if wanted is None:
        wanted = min(len(os.sched_getaffinity(0)), 8)
    return max(1, min(wanted, count))


def fork_map(function: Callable, items: list, at_least: int, chunk: int = 1,
             processes: int | None = None) -> Iterator:
    """function(item) for each item, in order, in workers_for(…, processes) processes."""
    processes = workers_for(len(items), at_least, processes)
    if processes < 2:
        yield from map(function, items)
        return
    bounds = [(start, min(start + chunk, len(items))) for start in range(0, len(items), chunk)]

    def run(index: int) -> list:
        start, stop = bounds[index]
        return [function(item) for item in items[start:stop]]

    # What the workers inherit is shared with this process until someone writes to
    # it. The collector writes to every object it examines: frozen, what is alive
    # now is never examined again, here or in a worker.
    gc.freeze()
    with forked_workers(run, len(bounds), processes - 1) as (take, received):
        done: dict[int, list] = {}
        following = 0  # the next chunk to yield
        while following < len(bounds):
            index = take()
            if index is not None:
                done[index] = run(index)
            for sent, part in received(wait=index is None and following not in done):
                done[sent] = part
            if index is None and following not in done and not received.pending():
                done[following] = run(following)  # its worker is gone: done here
            while following in done:
                yield from done.pop(following)
                following += 1


class _Received:
    """The workers' messages, read by one thread per worker as they come (a read
    releases the GIL), so that a worker never waits for this process."""

    def __init__(self, readers: list) -> None:
        self.messages: queue.SimpleQueue = queue.SimpleQueue()
        self.threads = [threading.Thread(target=self._drain, args=(reader,), daemon=True) for reader in readers]
        for thread in self.threads:
            thread.start()

    def _drain(self, reader) -> None:
        try:
            while True:
                self.messages.put(reader.recv_bytes())
        except (EOFError, OSError):
            reader.close()
        self.messages.put(None)  # this worker is done

    def pending(self) -> bool:
        """Whether a worker may still send something."""
        return any(thread.is_alive() for thread in self.threads) or not self.messages.empty()

    def __call__(self, wait: bool) -> Iterator[tuple[int, object]]:
        """What has come, and with `wait`, at least one message if one may come."""
        while True:
            try:
                message = self.messages.get(block=wait and self.pending())
            except queue.Empty:
                return
            wait = False
            if message is not None:
                yield pickle.loads(message)


class forked_workers:
    """`count` forked processes running run(index) for the indexes they take from
    a shared counter, each result sent back pickled as (index, result). Gives
    (take, received): take() is the next index for this process (None when all
    are taken), received(wait) the results that came."""

    def __init__(self, run: Callable[[int], object], total: int, count: int) -> None:
        self.run, self.total, self.count = run, total, count

    def __enter__(self):
        context = multiprocessing.get_context("fork")
        self.counter = context.Value("l", 0)
        self.workers, readers = [], []
        for _ in range(self.count):
            reader, writer = context.Pipe(duplex=False)
            worker = context.Process(target=self._work, args=(writer,), daemon=True)
            worker.start()
            writer.close()
            self.workers.append(worker)
            readers.append(reader)
        # Threads only now: workers are forked from a single thread.
        return self.take, _Received(readers)

    def take(self) -> int | None:
        with self.counter.get_lock():
            index = self.counter.value
            if index >= self.total:
                return None
            self.counter.value = index + 1
        return index

    def _work(self, writer) -> None:
        try:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops
            while (index := self.take()) is not None:
                writer.send_bytes(pickle.dumps((index, self.run(index)), protocol=pickle.HIGHEST_PROTOCOL))
            writer.close()
        except BaseException:  # the parent does the chunk again, and meets the error itself
            os._exit(1)

    def __exit__(self, *exc) -> None:
        with self.counter.get_lock():
            self.counter.value = self.total  # stopped early (an error here): workers take nothing more
        for worker in self.workers:
            worker.join(timeout=5 if exc[0] is None else 0.5)
            if worker.is_alive():
                worker.terminate()
                worker.join()
