"""The `check` stage: load -> validate -> registry -> cross-act checks.

`run_check` is what `actes check` prints and what `actes build` runs first.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .actcache import ActCache
from .config import SiteConfig, load_config
from .load import display_path, find_act_files, load_file
from .model import Act
from .numbering import check_duplicates, check_gaps
from .problems import Problem, sort_problems
from .references import check_proces_verbaux, check_references
from .register import check_publication_register
from .seances import check_seance_documents
from .registry import Registry
from .validate import Context, validate_act

ACTS_DIR = "acts"
CONFIG_FILE = "mkdocs.yml"


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
              cache: Path | None = None) -> CheckResult:
    """Checks every act of acts/. With `paths`, the acts there are checked against
    all the others (numbers, references) but only their own problems are reported.
    With `cache` (a folder), acts whose file did not change are not read again
    (generator/actcache.py): what `actes build` does."""
    root = root.resolve()
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
    for path in files:
        result = stored.get(path) if stored else None
        if result is None:
            result = validate_act(load_file(path, root), ctx)
            if stored:
                stored.put(path, result)
        act, act_problems = result
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
