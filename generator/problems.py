"""Problems found in act files, and the three ways of printing them.

Every stage reports problems instead of raising, so that `actes check` can list
everything that is wrong at once. One shape everywhere:

    acts/2026/decision-2026-102.md:4: numero — …what was expected, what was found
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from enum import Enum


class Severity(str, Enum):
    ERROR = "erreur"
    WARNING = "avertissement"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def __str__(self) -> str:
        label = "" if self.is_error else "avertissement : "
        return f"{self.path}:{self.line}: {self.field} — {label}{self.message}"


def error(path: str, line: int, field: str, message: str) -> Problem:
    return Problem(str(path), line, field, message, Severity.ERROR)


def warning(path: str, line: int, field: str, message: str) -> Problem:
    return Problem(str(path), line, field, message, Severity.WARNING)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """File order, then line order, errors before warnings on the same line."""
    return sorted(problems, key=lambda p: (p.path, p.line, p.severity != Severity.ERROR, p.field))


def format_text(problem: Problem) -> str:
    return str(problem)


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command: an annotation on the changed line."""
    kind = "error" if problem.is_error else "warning"
    message = f"{problem.field} — {problem.message}"
    # Workflow commands end at a newline; '%' ',' ':' must be escaped in properties.
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    path = problem.path.replace("%", "%25").replace(",", "%2C").replace(":", "%3A")
    return f"::{kind} file={path},line={problem.line},title=actes check::{message}"


def as_dict(problem: Problem) -> dict:
    data = asdict(problem)
    data["severity"] = problem.severity.value
    return data


def format_json(problems: list[Problem], acts: list[dict]) -> str:
    errors = sum(p.is_error for p in problems)
    report = {
        "actes": acts,
        "problemes": [as_dict(p) for p in problems],
        "erreurs": errors,
        "avertissements": len(problems) - errors,
    }
    return json.dumps(report, ensure_ascii=False, indent=2)
