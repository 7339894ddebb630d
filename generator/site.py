"""The build, stage after stage: check -> PRE_STAGES -> render -> mkdocs build ->
POST_STAGES -> audit -> swap. (The publication stage makes PDFs and data files
before the pages, which link them; the sitemap is written after MkDocs.)

    build()  reads top to bottom as the build. It refuses to go past `check` when
    there is any error, renders the Markdown pages into the docs folder, has
    MkDocs build the HTML into a temporary folder next to `site/`, audits it
    (audit.py: no active content, nothing from another host), and only when
    everything succeeded replaces `site/` with it in one step. A failed or
    killed build leaves the previous site as it was; the next build removes
    what a killed one left. Nothing is ever written into `acts/`, and an output
    folder that is not a previous site is never replaced.

    Reproducible: MkDocs dates the site (sitemap, its .gz header) from
    SOURCE_DATE_EPOCH; when it is not set, the build sets it from the acts (the
    newest mise en ligne), never from the clock. Two builds of the same acts on
    the same day give byte-identical sites.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import errno
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import incremental, search, uptodate
from .audit import MAX_REPORTED, audit_site
from .check import ACTS_DIR, CheckResult, run_check, today
from .render import RenderReport, render_site, select_acts

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


def html_build(root: Path, docs_dir: Path, staging: Path, site_dir: Path,
               clone: incremental.SiteClone | None = None) -> incremental.HtmlReport:
    """MkDocs on the pages that changed since the site in site_dir (all of them
    when that is not sound: see generator/incremental.py)."""
    from mkdocs.exceptions import MkDocsException

    try:
        return incremental.build_html(root, root / "mkdocs.yml", docs_dir, staging, site_dir, clone)
    except MkDocsException as exc:
        raise BuildError(f"MkDocs a échoué : {exc}") from exc


def _exchange(first: Path, second: Path) -> bool:
    """Swaps two existing folders in one step (Linux renameat2 RENAME_EXCHANGE).
    False where the system or the file system cannot."""
    if sys.platform != "linux":
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(first), at_fdcwd, os.fsencode(second), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(second))


def _old(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}-old")


def swap_into_place(new_site: Path, site_dir: Path) -> None:
    """Replaces site_dir by new_site so that a reader, or a build killed at any
    moment, never finds a half-written or missing site: one atomic exchange
    where the system has it, else two renames that `recover_swap` completes."""
    if site_dir.exists() and _exchange(new_site, site_dir):
        discard(new_site)  # now the previous site
        return
    old = _old(site_dir)
    if old.exists():
        shutil.rmtree(old)
    if site_dir.exists():
        os.replace(site_dir, old)
    os.replace(new_site, site_dir)
    shutil.rmtree(old, ignore_errors=True)


def discard(previous: Path) -> None:
    """Deletes the previous site once the new one is in place, in the background:
    unlinking tens of thousands of files and folders takes longer than the rest
    of a rebuild after one change (a folder per act page). The folder is renamed
    first, so that a build started meanwhile never confuses it with its own;
    `clean_leftovers` finishes what a stopped deletion left."""
    trash = previous.with_name(f".site-trash-{previous.name.rsplit('-', 1)[-1]}")
    try:
        os.replace(previous, trash)
    except OSError:
        shutil.rmtree(previous, ignore_errors=True)
        return
    _delete_later(trash)


def _delete_later(folder: Path) -> None:
    try:
        subprocess.Popen(["rm", "-rf", "--", str(folder)], start_new_session=True, stdin=subprocess.DEVNULL,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except OSError:  # no rm: now, then
        shutil.rmtree(folder, ignore_errors=True)


def recover_swap(site_dir: Path) -> None:
    """A build killed between the two renames of `swap_into_place` left the
    previous site in .site-old and no site/: put it back."""
    old = _old(site_dir)
    if old.exists() and not site_dir.exists():
        os.replace(old, site_dir)
    elif old.exists():
        shutil.rmtree(old, ignore_errors=True)


def clean_leftovers(root: Path) -> None:
    """Temporary folders of builds that were killed before their swap."""
    for leftover in root.glob(".site-build-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    for trash in root.glob(".site-trash-*"):  # a deletion that was stopped (or is still running)
        _delete_later(trash)


def check_output_dir(root: Path, site_dir: Path) -> None:
    """Refuses an output folder whose replacement would lose anything: the
    project, acts/ or a folder holding them, or a folder that is not a site
    built before (a mistyped --site-dir must not empty someone's documents)."""
    acts = (root / ACTS_DIR).resolve()
    if site_dir == root or site_dir in root.parents:
        raise BuildError(f"dossier de sortie « {site_dir} » refusé : il contient le projet et ses actes")
    if site_dir == acts or acts in site_dir.parents:
        raise BuildError(f"dossier de sortie « {site_dir} » refusé : il est dans le dossier des actes")
    if site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / "index.html").is_file():
        raise BuildError(f"dossier de sortie « {site_dir} » refusé : il n'est pas vide et ne contient pas "
                         "un site déjà construit (index.html), il serait effacé")


@contextmanager
def build_lock(root: Path) -> Iterator[None]:
    """One build at a time in a project: a second one would delete the first's
    temporary folder. The lock goes with the process, even a killed one."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on Windows
        yield
        return
    lock_dir = root / "build"
    lock_dir.mkdir(exist_ok=True)
    with open(lock_dir / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BuildError("une autre construction est en cours dans ce projet : attendre qu'elle se termine") from None
        yield


def source_date_epoch(result: CheckResult, day: dt.date, drafts: bool) -> int:
    """The date MkDocs stamps the site with: SOURCE_DATE_EPOCH when set, else the
    newest mise en ligne (or date) among the acts the site shows, at midnight UTC."""
    forced = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if forced.isdigit():
        return int(forced)
    dates = [a.meta.mise_en_ligne or a.meta.date for a in select_acts(result, day, drafts)]
    newest = max((d for d in dates if d is not None), default=dt.date(1970, 1, 1))
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())


@contextmanager
def timed(timings: dict[str, float], name: str, memory: dict[str, int] | None = None) -> Iterator[None]:
    """Adds the stage's seconds to timings[name]; with `memory`, records this
    process's resident memory at the stage's end (benchmarks: ACTES_DUREES)."""
    started = time.monotonic()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.monotonic() - started
        if memory is not None:
            memory[name] = resident_bytes()


def resident_bytes() -> int:
    """Resident memory of this process now (Linux), 0 elsewhere."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


@contextmanager
def environment(name: str, value: str) -> Iterator[None]:
    previous = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = previous


def audit(site_dir: Path, published: Path | None = None) -> None:
    findings = audit_site(site_dir, published)
    if findings:
        shown = "\n".join(f"  {f}" for f in findings[:MAX_REPORTED])
        more = f"\n  … et {len(findings) - MAX_REPORTED} autre(s)" if len(findings) > MAX_REPORTED else ""
        raise BuildError(f"publication refusée : {len(findings)} contenu(s) actif(s) ou ressource(s) externe(s) "
                         f"dans le site construit\n{shown}{more}")


def build(root: Path, drafts: bool = False, site_dir: Path | None = None,
          on: dt.date | None = None, report: Callable[[str], None] = print) -> CheckResult | None:
    """Builds the site; returns the check of the acts, or None when site_dir was
    already the site these acts, settings and tools make (generator/uptodate.py)."""
    root = root.resolve()
    day = on or today()
    site_dir = (site_dir or root / SITE_DIR).resolve()
    check_output_dir(root, site_dir)
    with build_lock(root):
        recover_swap(site_dir)
        timings: dict[str, float] = {}
        memory: dict[str, int] | None = {} if os.environ.get("ACTES_DUREES") else None

        def step(name: str):
            return timed(timings, name, memory)

        with step("empreinte"):
            inputs = uptodate.inputs_print(root, site_dir, day, drafts)
        if uptodate.is_current(root, site_dir, inputs):
            shown = site_dir.relative_to(root) if root in site_dir.parents else site_dir
            report(f"Site à jour : rien n'a changé depuis la dernière construction (actes, annexes, "
                   f"réglages, thème, date) ; {shown} est conservé tel quel")
            return None
        with step("vérification"):
            result = run_check(root, on=day, cache=root / incremental.CACHE_DIR)
        if result.errors:
            for problem in result.errors:
                report(str(problem))
            raise BuildError(f"construction refusée : {len(result.errors)} erreur(s) dans les actes (voir ci-dessus)")
        clean_leftovers(site_dir.parent)
        staging = Path(tempfile.mkdtemp(prefix=".site-build-", dir=site_dir.parent))
        # The copy of the previous site an incremental build starts from, made on the
        # other processor while the publication files and the pages are made
        # (incremental.SiteClone; during the check it would slow the check down).
        clone = incremental.SiteClone(site_dir, staging)
        try:
            docs_dir = root / (PREVIEW_DOCS_DIR if drafts else DOCS_DIR)
            ctx = BuildContext(root, day, drafts, docs_dir, timings=timings)
            for name, stage in PRE_STAGES:
                with step(name):
                    stage(result, ctx)
            with step("rendu"):
                ctx.render = render_site(result, root, docs_dir, day, drafts=drafts, extra_files=ctx.extra_files,
                                         extra_globals=ctx.template_globals, use_cache=True)
            report(f"Pages : {len(ctx.render.written)} écrites, {ctx.render.unchanged} inchangées, "
                   f"{len(ctx.render.removed)} supprimées")
            with environment("SOURCE_DATE_EPOCH", str(source_date_epoch(result, day, drafts))):
                with step("mkdocs"):
                    html = ctx.html = html_build(root, docs_dir, staging, site_dir, clone)
                report(f"HTML : {len(html.built)} page(s) reconstruite(s)" + (
                    f" (construction complète : {html.reason})" if html.mode == "full"
                    else f", {len(html.removed)} retirée(s)"))
                for name, stage in POST_STAGES:
                    try:
                        with step(name):
                            stage(result, staging, ctx)
                    except search.SearchError as exc:
                        raise BuildError(str(exc)) from exc
            with step("audit"):
                audit(staging, site_dir if html.mode == "incremental" else None)
            with step("remplacement"):
                swap_into_place(staging, site_dir)
            incremental.record(root, site_dir, {**html.state, "inputs": inputs})
        except OSError as exc:
            clone.discard()
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildError(f"écriture impossible ({exc.strerror or exc}) : {exc.filename or site_dir}") from exc
        except BaseException:
            clone.discard()
            shutil.rmtree(staging, ignore_errors=True)
            raise
    report(f"Site construit dans {site_dir.relative_to(root) if root in site_dir.parents else site_dir} : "
           f"{len(result.acts)} actes vérifiés")
    for note in ctx.notes:
        report(note)
    if os.environ.get("ACTES_DUREES"):  # benchmarks: where the time went
        report("Durées : " + ", ".join(f"{name} {seconds:.1f} s" for name, seconds in timings.items()))
        report("Mémoire après chaque étape : " + ", ".join(
            f"{name} {size / 2**30:.2f} Gio" for name, size in memory.items()))
    return result


# The legal publication: PDFs, register, feeds and data before the pages; the sitemap after.
from .publication import publication_stage, sitemap_stage  # noqa: E402 (uses BuildError above)

from .admin import add_admin  # noqa: E402

PRE_STAGES.append(("publication", publication_stage))
POST_STAGES.append(("sitemap", sitemap_stage))
POST_STAGES.append(("admin", add_admin))  # the web editor in site/admin/ (generator/admin.py)
POST_STAGES.append(("search", search.index_site))  # last: it indexes the pages the others left
