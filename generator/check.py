"""The `check` stage: load -> validate -> registry -> cross-act checks.

`run_check` is what `actes check` prints and what `actes build` runs first.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from .config import SiteConfig, load_config
from .load import find_act_files, load_file
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
    return dt.date.fromisoformat(forced) if forced else dt.date.today()


def run_check(root: Path, paths: list[Path] | None = None, on: dt.date | None = None) -> CheckResult:
    root = root.resolve()
    config, problems = load_config(root / CONFIG_FILE)
    ctx = Context(config, on or today(), root)
    files, found_problems = find_act_files(paths or [root / ACTS_DIR], root)
    problems += found_problems
    acts = []
    for path in files:
        act, act_problems = validate_act(load_file(path, root), ctx)
        problems += act_problems
        if act is not None and act.meta.type:
            acts.append(act)
    registry = Registry.build(acts)
    for check in (check_duplicates, check_gaps, check_references, check_proces_verbaux,
                  check_seance_documents(ctx.today), check_publication_register(root, ctx.today)):
        problems += check(registry)
    return CheckResult(config, registry.acts, registry, sort_problems(problems), len(files))
