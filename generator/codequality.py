"""Problems as a GitLab Code Quality report (a subset of the Code Climate JSON
format), for `actes check --format gitlab`: GitLab shows them in the merge
request, on the file and line of each problem.

    >>> import json
    >>> from .problems import error
    >>> report = json.loads(format_gitlab([error("acts/2026/a.md", 3, "numero", "déjà pris")]))
    >>> report[0]["location"], report[0]["severity"]
    ({'path': 'acts/2026/a.md', 'lines': {'begin': 3}}, 'critical')
"""

from __future__ import annotations

import hashlib
import json

from .problems import Problem

SEVERITY = {True: "critical", False: "minor"}  # error, warning


def fingerprint(problem: Problem) -> str:
    """Stable across runs, so GitLab can tell new problems from old ones."""
    key = "\0".join((problem.path, problem.field, problem.message, problem.severity.value))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def format_gitlab(problems: list[Problem]) -> str:
    issues = [{
        "type": "issue",
        "check_name": f"actes-{problem.field}",
        "description": f"{problem.field} — {problem.message}",
        "categories": ["Bug Risk"] if problem.is_error else ["Style"],
        "severity": SEVERITY[problem.is_error],
        "fingerprint": fingerprint(problem),
        "location": {"path": problem.path, "lines": {"begin": problem.line}},
    } for problem in problems]
    return json.dumps(issues, ensure_ascii=False, indent=2)
