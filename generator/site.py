"""The build, stage after stage: check -> PRE_STAGES -> render -> mkdocs build ->
POST_STAGES -> swap. (The publication stage makes PDFs and data files before the
pages, which link them; the sitemap is written after MkDocs.)

    build()  reads top to bottom as the build. It refuses to go past `check` when
    there is any error, renders the Markdown pages into the docs folder, has
    MkDocs build the HTML into a temporary folder next to `site/`, and only when
    everything succeeded replaces `site/` with it. A failed or killed build
    leaves the previous site as it was. Nothing is ever written into `acts/`.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental, search
from .check import CheckResult, run_check, today
from .render import RenderReport, render_site

DOCS_DIR = "build/docs"
PREVIEW_DOCS_DIR = "build/preview"
SITE_DIR = "site"

# Extra stages added by later features (search, PDF, feeds) run on the built
# site folder before it replaces `site/`: fn(result, site_dir, context) -> None.
# The folder starts as hard links to the previous site (generator/incremental.py):
# a stage replaces a file (write a new one, os.replace) and never writes into one.
PostStage = Callable[[CheckResult, Path, "BuildContext"], None]
POST_STAGES: list[tuple[str, PostStage]] = []
# Stages that run before the pages are rendered, to make files the pages link to
# (PDFs, feeds): fn(result, context) -> None, filling context.extra_files (copied
# into the docs folder) and context.template_globals (data for the templates).
PreStage = Callable[[CheckResult, "BuildContext"], None]
PRE_STAGES: list[tuple[str, PreStage]] = []


class BuildError(Exception):
    """A build that must stop; the message is French and shown as is."""


@dataclass
class BuildContext:
    root: Path
    today: dt.date
    drafts: bool
    docs_dir: Path
    render: RenderReport | None = None
    html: incremental.HtmlReport | None = None
    timings: dict[str, float] = field(default_factory=dict)
    extra_files: dict[str, Path] = field(default_factory=dict)  # docs path -> file to copy there
    template_globals: dict = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # printed after the build's summary line


def mkdocs_build(root: Path, docs_dir: Path, site_dir: Path) -> None:
    """Runs MkDocs on the generated pages, in this process."""
    from mkdocs.commands.build import build as run_mkdocs
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    # MkDocs logs every page not in the nav at INFO; acts are deliberately out of it.
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        config = load_config(str(root / "mkdocs.yml"), docs_dir=str(docs_dir), site_dir=str(site_dir))
        run_mkdocs(config)
    except MkDocsException as exc:
        raise BuildError(f"MkDocs a échoué : {exc}") from exc


def html_build(root: Path, docs_dir: Path, staging: Path, site_dir: Path) -> incremental.HtmlReport:
    """MkDocs on the pages that changed since the site in site_dir (all of them
    when that is not sound: see generator/incremental.py)."""
    from mkdocs.exceptions import MkDocsException

    try:
        return incremental.build_html(root, root / "mkdocs.yml", docs_dir, staging, site_dir)
    except MkDocsException as exc:
        raise BuildError(f"MkDocs a échoué : {exc}") from exc


def swap_into_place(new_site: Path, site_dir: Path) -> None:
    """Replaces site_dir by new_site with two renames, so a reader (or a killed
    build) never sees a half-written site."""
    old = site_dir.with_name(f".{site_dir.name}-old")
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(new_site, site_dir)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(root: Path) -> None:
    """Temporary folders of builds that were killed before their swap."""
    for leftover in root.glob(".site-build-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def build(root: Path, drafts: bool = False, site_dir: Path | None = None,
          on: dt.date | None = None, report: Callable[[str], None] = print) -> CheckResult:
    root = root.resolve()
    day = on or today()
    result = run_check(root, on=day, cache=root / incremental.CACHE_DIR)
    if result.errors:
        for problem in result.errors:
            report(str(problem))
        raise BuildError(f"construction refusée : {len(result.errors)} erreur(s) dans les actes (voir ci-dessus)")
    docs_dir = root / (PREVIEW_DOCS_DIR if drafts else DOCS_DIR)
    ctx = BuildContext(root, day, drafts, docs_dir)
    for name, stage in PRE_STAGES:
        stage(result, ctx)
    ctx.render = render_site(result, root, docs_dir, day, drafts=drafts, extra_files=ctx.extra_files,
                             extra_globals=ctx.template_globals, use_cache=True)
    report(f"Pages : {len(ctx.render.written)} écrites, {ctx.render.unchanged} inchangées, "
           f"{len(ctx.render.removed)} supprimées")
    site_dir = (site_dir or root / SITE_DIR).resolve()
    clean_leftovers(site_dir.parent)
    staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
    try:
        html = ctx.html = html_build(root, docs_dir, staging, site_dir)
        report(f"HTML : {len(html.built)} page(s) reconstruite(s)" + (f" (construction complète : {html.reason})"
               if html.mode == "full" else f", {len(html.removed)} retirée(s)"))
        for name, stage in POST_STAGES:
            try:
                stage(result, staging, ctx)
            except search.SearchError as exc:
                raise BuildError(str(exc)) from exc
        swap_into_place(staging, site_dir)
        incremental.record(root, site_dir, html.state)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    report(f"Site construit dans {site_dir.relative_to(root) if root in site_dir.parents else site_dir} : "
           f"{len(result.acts)} actes vérifiés")
    for note in ctx.notes:
        report(note)
    return result


# The legal publication: PDFs, register, feeds and data before the pages; the sitemap after.
from .publication import publication_stage, sitemap_stage  # noqa: E402 (uses BuildError above)

from .admin import add_admin  # noqa: E402

PRE_STAGES.append(("publication", publication_stage))
POST_STAGES.append(("sitemap", sitemap_stage))
POST_STAGES.append(("admin", add_admin))  # the web editor in site/admin/ (generator/admin.py)
POST_STAGES.append(("search", search.index_site))  # last: it indexes the pages the others left
