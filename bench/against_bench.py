"""Benchmark of `actes check --against REV` and `actes new` on a synthetic archive.

    .venv/bin/python bench/against_bench.py [N ...] [--seed S]

For each N (default 1000 5000):
1. generates N acts (bench/synth.py) in a temporary git repository, committed on
   `main`; a branch `projet` adds one draft with `actes new` (in process);
2. times, on that branch, `run_check` alone, then the extra cost of `--against main`
   (reading every act of main from git with one `git cat-file --batch`,
   validating them, and the three-way comparison), and `actes new` (plan only);
3. prints the times and the ratio against / check (target: below 1, i.e. the
   comparison costs less than the check itself).

Medians of 3 runs each; CPU time next to wall time, and the load average, since
the machine may be shared.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synth import generate  # noqa: E402
from generator.against import check_against  # noqa: E402
from generator.check import run_check  # noqa: E402
from generator.scaffold import DraftRequest, plan_draft, write_draft  # noqa: E402

DAY = dt.date(2025, 12, 31)
GIT = {"GIT_AUTHOR_NAME": "bench", "GIT_AUTHOR_EMAIL": "bench@example.org",
       "GIT_COMMITTER_NAME": "bench", "GIT_COMMITTER_EMAIL": "bench@example.org"}


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env={**os.environ, **GIT})


def timed(fn, runs: int = 3) -> tuple[float, float, object]:
    walls, cpus, value = [], [], None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        value = fn()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), value


def bench(n: int, seed: int) -> None:
    with tempfile.TemporaryDirectory(prefix="actes-against-") as tmp:
        repo = Path(tmp)
        generate(repo, n, seed=seed)
        git(repo, "init", "-q", "-b", "main")
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "archive")
        git(repo, "switch", "-q", "-c", "projet")
        result = run_check(repo, on=DAY)
        write_draft(repo, plan_draft(result, repo, DraftRequest("decision", DAY, "lens", "Projet de test", "1.1")))

        check_wall, check_cpu, result = timed(lambda: run_check(repo, on=DAY))
        against_wall, against_cpu, problems = timed(lambda: check_against(result, repo, "main", DAY))
        new_wall, _, draft = timed(lambda: plan_draft(result, repo, DraftRequest("decision", DAY, "lens")))
        assert not [p for p in problems if p.is_error], problems
        print(f"{n:>6} actes : check {check_wall:6.2f} s (CPU {check_cpu:6.2f} s) ; "
              f"--against main en plus {against_wall:6.2f} s (CPU {against_cpu:6.2f} s) ; "
              f"ratio against/check {against_wall / check_wall:4.2f} ; "
              f"new (numéro {draft.numero}) {new_wall * 1000:5.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 5000])
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    print(f"charge avant : {os.getloadavg()[0]:.2f}")
    for n in args.sizes:
        bench(n, args.seed)
    print(f"charge après : {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
