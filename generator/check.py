"""The `check` stage: load -> validate -> registry -> cross-act checks.

`run_check` is what `actes check` prints and what `actes build` runs first.
"""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .actcache import ActCache, Entry
from .config import SiteConfig, load_config
from .forking import fork_map, workers_for
from .load import display_path, find_act_files, load_file
from .model import Act
from .numbering import check_duplicates, check_gaps
from .problems import Problem, sort_problems
from .references import check_proces_verbaux, check_references
from .register import check_publication_register
from .seances import check_seance_documents
from .registry import Registry, citations_of
from .validate import Context, validate_act

ACTS_DIR = "acts"
CONFIG_FILE = "mkdocs.yml"
PARALLEL_MIN = 300  # act files to read; below, starting worker processes costs more than it saves


@dataclass
class CheckResult:
    config: SiteConfig
    acts: list[Act]
    registry: Registry
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    context: set[str] = field(default_factory=set)  # acts read only to check the others against

    @property
    def checked(self) -> list[Act]:
        """The acts asked for (all of them when no path was given)."""
        return [a for a in self.acts if a.path not in self.context]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.is_error]

    def ok(self, strict: bool = False) -> bool:
        return not self.errors and not (strict and self.warnings)


def today() -> dt.date:
    """Today, or the date in ACTES_DATE (YYYY-MM-DD) for tests and reproducible runs."""
    forced = os.environ.get("ACTES_DATE")
    if not forced:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(forced)
    except ValueError:
        # A setting of the run, not a problem of an act: stop with a message, not a traceback.
        raise SystemExit(f"ACTES_DATE « {forced} » invalide : date attendue au format AAAA-MM-JJ") from None


def run_check(root: Path, paths: list[Path] | None = None, on: dt.date | None = None,
              cache: Path | None = None, jobs: int | None = None, texts: bool = True) -> CheckResult:
    """Checks every act of acts/. With `paths`, the acts there are checked against
    all the others (numbers, references) but only their own problems are reported.
    With `cache` (a folder), acts whose file did not change are not read again
    (generator/actcache.py): what `actes build` does. `jobs` is the number of
    processes that read and validate the files (default: one per CPU from
    PARALLEL_MIN files on); the problems found are the same whatever it is.
    With `texts=False` (the command `actes check`, which prints problems, not acts),
    acts read by another process may come back with the outline of their body only
    (ActBody.outline), procès-verbaux excepted: their checks read the text."""
    with _gc_paused():
        return _run_check(root.resolve(), paths, on, cache, jobs, texts)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Reading an archive allocates millions of objects that all stay alive: the
    cyclic garbage collector would walk them again and again for nothing. They stay
    out of its sight afterwards too (frozen): the first collection after re-enabling
    would otherwise walk all of them once more, only to keep them (0.6 s at 20,000
    acts). A later check (`actes serve` rebuilds) hands the previous run's objects
    back to the collector first, so what it no longer uses is still freed."""
    enabled = gc.isenabled()
    gc.disable()
    gc.unfreeze()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _run_check(root: Path, paths: list[Path] | None, on: dt.date | None, cache: Path | None,
               jobs: int | None, texts: bool) -> CheckResult:
    config, problems = load_config(root / CONFIG_FILE)
    ctx = Context(config, on or today(), root)
    files, found_problems = find_act_files(paths or [root / ACTS_DIR], root)
    problems += found_problems
    wanted = {display_path(f, root) for f in files}
    context: set[str] = set()  # other acts, read to check numbers and references
    if paths and (root / ACTS_DIR).is_dir():
        everything, _ = find_act_files([root / ACTS_DIR], root)
        others = [f for f in everything if display_path(f, root) not in wanted]
        context = {display_path(f, root) for f in others}
        files = [*files, *others]
    acts = []
    stored = ActCache(cache, root / CONFIG_FILE, ctx.today) if cache else None
    for act, act_problems in _validated(files, root, ctx, stored, jobs, texts):
        problems += act_problems
        if act is not None and act.meta.type:
            acts.append(act)
    if stored:
        stored.save()
    registry = Registry.build(acts)
    for check in (check_duplicates, check_gaps, check_references, check_proces_verbaux,
                  check_seance_documents(ctx.today), check_publication_register(root, ctx.today)):
        problems += check(registry)
    problems = [p for p in problems if p.path not in context]
    return CheckResult(config, registry.acts, registry, sort_problems(problems), len(wanted), context)


def _validated(files: list[Path], root: Path, ctx: Context, stored: ActCache | None,
               jobs: int | None, texts: bool = True) -> list[Entry]:
    """(act, problems) of each file, in the order of `files`: from the cache when it
    has them, else read and validated (in several processes when there are many)."""
    results: list[Entry | None] = [stored.get(path) if stored else None for path in files]
    missing = [index for index, result in enumerate(results) if result is None]
    fresh = _validate_files([files[index] for index in missing], root, ctx, jobs, texts or stored is not None)
    for index, result in zip(missing, fresh):
        results[index] = result
        if stored:
            stored.put(files[index], result)
    return results  # type: ignore[return-value]


def _validate_files(files: list[Path], root: Path, ctx: Context, jobs: int | None,
                    texts: bool = True) -> list[Entry]:
    """Each file read and validated, in this process and forked workers when there
    are many (generator/forking.py): the problems found never depend on how the
    work was shared. `jobs`: the number of processes (default: one per processor
    from PARALLEL_MIN files on)."""
    here = os.getpid()

    def validated(path: Path) -> Entry:
        act, problems = entry = validate_act(load_file(path, root), ctx)
        if act is not None:
            citations_of(act)  # for the registry: found while every process is busy
            if not texts and os.getpid() != here and act.type != "proces_verbal":
                act.body = act.body.outline()  # sent back without the texts `actes check` never prints
        return entry

    processes = workers_for(len(files), PARALLEL_MIN if jobs is None else 1, jobs)
    size = min(100, max(16, len(files) // (processes * 32)))
    return list(fork_map(validated, files, at_least=1, chunk=size, processes=processes))
