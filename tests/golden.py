"""Golden files: the rendered Markdown of the example acts.

Regenerate after an intended change of the templates with `make golden`
(`python -m tests.golden`), then read the diff before committing it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.sitebuild import EXAMPLE_DAY, REPO

GOLDEN = Path(__file__).resolve().parent / "golden"


def render_example(out: Path) -> Path:
    from generator.check import run_check
    from generator.render import render_site

    result = run_check(REPO, on=EXAMPLE_DAY)
    assert not result.errors, "\n".join(map(str, result.errors))
    render_site(result, REPO, out, EXAMPLE_DAY)
    return out


def golden_pages(docs: Path) -> dict[str, str]:
    """The pages kept as golden files: every act and annex page, and the séances."""
    pages = {}
    for path in sorted(docs.rglob("*.md")):
        rel = path.relative_to(docs).as_posix()
        if rel.startswith(("actes/", "seances/")):
            pages[rel] = path.read_text("utf-8")
    return pages


def regenerate() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        pages = golden_pages(render_example(Path(tmp) / "docs"))
    for old in GOLDEN.rglob("*.md"):
        old.unlink()
    for rel, text in pages.items():
        target = GOLDEN / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    print(f"{len(pages)} fichiers de référence écrits dans {GOLDEN.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(regenerate())
