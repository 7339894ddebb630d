"""generator/forking.py: work shared between this process and forked workers
gives what map gives, in order, whatever happens to a worker."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from generator import forking

PARENT = os.getpid()


@pytest.fixture(autouse=True)
def single_thread(monkeypatch):
    monkeypatch.setattr(forking.threading, "active_count", lambda: 1)  # whatever other tests left running


def square_and_pid(item: int) -> tuple[int, int]:
    time.sleep(0.001)  # long enough for the worker to take chunks too
    return item * item, os.getpid()


def test_results_in_order_from_this_process_and_a_worker():
    results = list(forking.fork_map(square_and_pid, list(range(400)), at_least=1, chunk=7, processes=2))
    assert [value for value, _ in results] == [i * i for i in range(400)]
    pids = {pid for _, pid in results}
    assert PARENT in pids and len(pids) == 2  # this process worked, and one forked worker
    assert not multiprocessing.active_children()


def fails_on_13(item: int) -> int:
    if item == 13:
        raise ValueError(f"acte {item} illisible")
    return item


def test_an_error_in_a_worker_is_raised_here():
    with pytest.raises(ValueError, match="acte 13 illisible"):
        list(forking.fork_map(fails_on_13, list(range(200)), at_least=1, chunk=1, processes=3))
    assert not multiprocessing.active_children()


def dies_in_a_worker(item: int) -> int:
    if os.getpid() != PARENT and item % 50 == 7:
        os._exit(3)  # a worker killed in the middle of a chunk
    time.sleep(0.0005)
    return item + 1


def test_chunks_of_a_dead_worker_are_done_here():
    assert list(forking.fork_map(dies_in_a_worker, list(range(300)), at_least=1, chunk=5, processes=3)) == \
        [i + 1 for i in range(300)]
    assert not multiprocessing.active_children()


def test_stopping_early_stops_the_workers():
    results = forking.fork_map(square_and_pid, list(range(2000)), at_least=1, chunk=3, processes=2)
    assert next(results)[0] == 0
    results.close()
    assert not multiprocessing.active_children()


def test_few_items_or_threads_mean_no_fork(monkeypatch):
    assert {pid for _, pid in forking.fork_map(square_and_pid, [1, 2, 3], at_least=10)} == {PARENT}
    monkeypatch.setattr(forking.threading, "active_count", lambda: 2)
    assert forking.workers_for(1000, at_least=10) == 1
