"""Hostile input, in time and memory: what the security tests check for behaviour,
measured here (run on demand, never in the test suite).

    .venv/bin/python bench/bench_hostile.py

Prints, for each case, the seconds and the peak of Python allocations, and for the
Markdown cases the ratio raw / sanitised measured in this run.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import markdown as python_markdown

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import sanitize  # noqa: E402
from generator.audit import audit_site  # noqa: E402
from generator.check import run_check  # noqa: E402
from generator.render import render_site  # noqa: E402
from generator.site import build  # noqa: E402
from tests.conftest import CONFIG, DECISION  # noqa: E402
from tests.sitebuild import EXAMPLE_DAY, copy_project  # noqa: E402

EXTENSIONS = ["attr_list", "md_in_html", "def_list", "tables", "toc"]
DAY = dt.date(2026, 6, 15)


def measure(function, *args, memory: bool = True, **kwargs):
    """(result, seconds, peak bytes); timed without tracemalloc, which slows Python
    down, then run again under it for the memory when asked."""
    started = time.perf_counter()
    result = function(*args, **kwargs)
    seconds = time.perf_counter() - started
    peak = 0
    if memory:
        tracemalloc.start()
        try:
            function(*args, **kwargs)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    return result, seconds, peak


def show(name: str, seconds: float, peak: int, extra: str = "") -> None:
    print(f"{name:<58} {seconds:8.3f} s {peak / 1e6:9.1f} Mo {extra}")


def markdown_cases() -> None:
    print("Python-Markdown (extensions of mkdocs.yml), raw text vs sanitize.markdown():")
    cases = {
        "5,000 unmatched '['": "[" * 5_000,
        "5,000 unmatched '!['": "![" * 5_000,
        "2,000 '[a](' without ')'": "[a](" * 2_000,
        "10,000 nested '[' then ']'": "[" * 10_000 + "x" + "]" * 10_000,
        "ordinary act text, 1 MB": ("Vu le code général des collectivités territoriales, [article L2122-22]"
                                    "(https://www.legifrance.gouv.fr/x) ; considérant *que* … \n\n") * 8_000,
    }
    for name, text in cases.items():
        _, raw, _ = measure(python_markdown.markdown, text, extensions=EXTENSIONS, memory=False)
        safe_text, sanitise, peak = measure(sanitize.markdown, text)
        _, rendered, _ = measure(python_markdown.markdown, safe_text, extensions=EXTENSIONS, memory=False)
        show(f"  {name}: raw", raw, 0)
        show(f"  {name}: sanitised + rendered", sanitise + rendered, peak,
             f"(ratio {raw / (sanitise + rendered):.1f}x)")


def project(files: dict[str, str | bytes]) -> Path:
    root = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    (root / "mkdocs.yml").write_text(CONFIG, "utf-8")
    for name, content in files.items():
        target = root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content if isinstance(content, bytes) else content.encode())
    return root


def file_cases() -> None:
    print("Files through `actes check` (load, validate, registry):")
    path = "acts/2026/decision-2026-1.md"
    big = project({})
    (big / path).parent.mkdir(parents=True)
    with open(big / path, "wb") as handle:
        handle.write(DECISION.encode())
        handle.truncate(50 * 1024 * 1024)
    result, seconds, peak = measure(run_check, big, None, DAY)
    show("  50 MB act (refused)", seconds, peak, f"{len(result.problems)} problème(s)")

    head = DECISION.split("## DÉCIDE")[0] + "## DÉCIDE\n\n"
    articles = project({path: head + "\n\n".join(f"**Article {n}** : Disposition {n}." for n in range(1, 10_001))})
    result, seconds, peak = measure(run_check, articles, None, DAY)
    show("  10,000 articles: check", seconds, peak, f"{len(result.acts[0].body.articles)} articles")
    docs = articles / "docs"
    _, seconds, peak = measure(render_site, result, articles, docs, DAY)
    show("  10,000 articles: render to Markdown", seconds, peak)

    lines = ['lol0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 12)]
    bomb = project({path: DECISION.replace("type: decision\n", "type: decision\n" + "\n".join(lines) + "\n")})
    _, seconds, peak = measure(run_check, bomb, None, DAY)
    show("  billion laughs (10**12 strings once expanded)", seconds, peak)

    deep = project({path: DECISION.replace("lieu: Lens", "lieu: " + "[" * 100_000)})
    _, seconds, peak = measure(run_check, deep, None, DAY)
    show("  100,000 nested '[' in the front matter", seconds, peak)
    for root in (big, articles, bomb, deep):
        shutil.rmtree(root)


def site_cases() -> None:
    print("Whole builds:")
    root = Path(tempfile.mkdtemp(prefix="bench-hostile-site-")) / "projet"
    copy_project(root)
    _, seconds, peak = measure(build, root, False, None, EXAMPLE_DAY, lambda m: None, memory=False)
    pages = len(list((root / "site").rglob("*.html")))
    show(f"  example site ({pages} pages): build", seconds, peak)
    _, audit_seconds, peak = measure(audit_site, root / "site")
    show("  example site: output audit alone", audit_seconds, peak,
         f"({audit_seconds / pages * 1000:.2f} ms a page, {audit_seconds / seconds:.1%} of the build)")
    # A new act (published acts are frozen by the publication register).
    text = (root / "acts/2026/decision-2026-102.md").read_text("utf-8").replace("numero: 2026-102", "numero: 2026-103")
    body = "\n\n".join(f"**Article {n}** : Disposition {n}." for n in range(1, 10_001))
    (root / "acts/2026/decision-2026-103.md").write_text(text.split("## DÉCIDE")[0] + "## DÉCIDE\n\n" + body + "\n",
                                                         "utf-8")
    _, seconds, peak = measure(build, root, False, None, EXAMPLE_DAY, lambda m: None, memory=False)
    show("  example site with a 10,000-article act: build", seconds, peak)
    shutil.rmtree(root.parent)


if __name__ == "__main__":
    markdown_cases()
    file_cases()
    site_cases()
