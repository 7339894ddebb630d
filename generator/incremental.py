"""Incremental HTML builds: MkDocs' own machinery, on the changed pages only.

A full MkDocs build re-renders every page (20,000 acts: minutes) when one act
changed. Here the previous site is the starting point: the staging folder
begins as a hard-linked copy of site/, and only the pages whose Markdown
changed are rendered again, with MkDocs' own functions, in this process. A
file is always unlinked before it is written, so the published site/ (which
shares the unchanged files) is never touched before the swap.

It falls back to a full build — never a stale page — whenever a page's HTML
may depend on something other than its own Markdown:

- mkdocs.yml, any file of the theme (custom_dir), or the version of MkDocs,
  Material, Python-Markdown or Jinja2 changed (the "fingerprint");
- the navigation changed (its titles and addresses are in every page);
- there is no record of the previous build, or site/ is not the folder that
  build produced.

Pages in MkDocs' navigation are read on every incremental build (there are ten
or so) to compare the navigation. The sitemap and the 404 page are rebuilt
every time: they list all pages and carry the build date.

tests/test_incremental.py proves that the result is byte for byte the site a
cold `mkdocs build` produces.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

STATE_VERSION = 1
CACHE_DIR = "build/cache"
TOOLS = ("mkdocs", "mkdocs-material", "markdown", "jinja2", "pymdown-extensions")


@dataclass
class HtmlReport:
    mode: str  # "full" or "incremental"
    reason: str  # why a full build, in French: shown by `actes build`
    built: list[str] = field(default_factory=list)  # pages rendered (src paths)
    removed: list[str] = field(default_factory=list)
    state: dict | None = None  # to record once the site is in place


# ---------------------------------------------------------------------------
# What the previous build was made from


def tool_versions(names: tuple[str, ...] = TOOLS) -> str:
    found = []
    for name in names:
        try:
            found.append(f"{name}={version(name)}")
        except PackageNotFoundError:
            found.append(f"{name}=absent")
    return ",".join(found)


def fingerprint(config_file: Path, theme_dir: Path | None) -> str:
    """Everything besides a page's own Markdown that goes into every page, and
    the audit's rules."""
    digest = hashlib.sha256(f"v{STATE_VERSION} {tool_versions()}\n".encode())
    digest.update(config_file.read_bytes())
    # The audit's rules: an incremental build audits only new files (generator/audit.py).
    digest.update(Path(__file__).with_name("audit.py").read_bytes())
    if theme_dir and theme_dir.is_dir():
        for path in sorted(p for p in theme_dir.rglob("*") if p.is_file()):
            digest.update(b"\0" + path.relative_to(theme_dir).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


def docs_digests(docs_dir: Path, before: dict | None = None) -> tuple[dict[str, str], dict[str, list]]:
    """The digest of every file of the docs folder, and its stats. A file whose
    stats (inode, size, modification and change times) are those the previous
    build recorded is that same file, unchanged: its digest is taken from that
    build's record, not computed again (the docs folder holds every PDF)."""
    known_digests, known = (before or {}).get("files", {}), (before or {}).get("stats", {})
    digests, stats = {}, {}
    for folder, _, files in os.walk(docs_dir):
        for name in files:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, docs_dir).replace(os.sep, "/")
            stat = os.stat(path)
            signature = [stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns]
            if known.get(rel) == signature and rel in known_digests:
                digests[rel] = known_digests[rel]
            else:
                with open(path, "rb") as handle:
                    digests[rel] = hashlib.file_digest(handle, "sha256").hexdigest()
            stats[rel] = signature
    return digests, stats


def state_file(root: Path, site_dir: Path) -> Path:
    key = hashlib.sha256(str(site_dir.resolve()).encode()).hexdigest()[:12]
    return root / CACHE_DIR / f"html-{key}.json"


def site_marker(site_dir: Path) -> list[int] | None:
    """Identifies the site folder a build produced: the inode and time of its
    sitemap, which every build writes anew."""
    try:
        stat = (site_dir / "sitemap.xml").stat()
    except OSError:
        return None
    return [stat.st_ino, stat.st_mtime_ns]


def record(root: Path, site_dir: Path, state: dict) -> None:
    """Called once the new site is in place under site_dir."""
    state = {**state, "marker": site_marker(site_dir)}
    path = state_file(root, site_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(state), "utf-8")
    os.replace(tmp, path)


def forget(root: Path, site_dir: Path) -> None:
    state_file(root, site_dir).unlink(missing_ok=True)


def previous_state(root: Path, site_dir: Path) -> dict | None:
    try:
        state = json.loads(state_file(root, site_dir).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if state.get("version") != STATE_VERSION or state.get("marker") != site_marker(site_dir):
        return None
    return state


# ---------------------------------------------------------------------------
# MkDocs, in this process


def _load_config(config_file: Path, docs_dir: Path, site_dir: Path):
    from mkdocs.config import load_config

    return load_config(str(config_file), docs_dir=str(docs_dir), site_dir=str(site_dir))


def _theme_dir(config_file: Path) -> Path | None:
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold MkDocs' !ENV / !relative tags: read them as plain values.
    _Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    data = yaml.load(config_file.read_text("utf-8"), Loader=_Loader) or {}
    custom = (data.get("theme") or {}).get("custom_dir") if isinstance(data.get("theme"), dict) else None
    return (config_file.parent / custom) if custom else None


def nav_signature(nav) -> list:
    """Titles and addresses of the navigation, as every page shows them."""
    def walk(items):
        return [[item.title, getattr(item, "url", None), walk(item.children or [])] for item in items]

    return walk(nav.items)


def _structure(config):
    from mkdocs.structure.files import get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    for file in files.documentation_pages():
        if file.page is None:
            Page(None, file, config)
    return files, env, nav


def _read_nav_pages(nav, config, files) -> None:
    from mkdocs.commands.build import _populate_page

    for page in nav.pages:
        _populate_page(page, config, files)


def _unlink(path: str | Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


class SiteClone:
    """staging := hard links to every file of the previous site, made by `cp -al`
    in the background once the acts are checked: the copy (a second for 60,000
    files) runs while the publication files and the pages are made, and an
    incremental MkDocs build waits for it (wait) before writing on it. A build
    that does not use it (full build, failure) calls discard."""

    def __init__(self, previous: Path, staging: Path):
        self.previous, self.staging = previous, staging
        self.process: subprocess.Popen | None = None
        if previous.is_dir():
            try:
                self.process = subprocess.Popen(["cp", "-al", f"{previous}/.", f"{staging}/"],
                                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            except OSError:
                self.process = None

    def wait(self) -> None:
        """Returns once staging holds the whole previous site."""
        if self.process is not None and self.process.wait() == 0:
            return
        self._empty()
        shutil.copytree(self.previous, self.staging, dirs_exist_ok=True, copy_function=os.link)

    def discard(self) -> None:
        """Stops the copy and leaves staging empty."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None
        self._empty()

    def _empty(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)
        self.staging.mkdir()


def _prune_empty_dirs(site_dir: Path, removed_files: list[Path]) -> None:
    for path in removed_files:
        folder = path.parent
        while folder != site_dir and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent


def full_build(config_file: Path, docs_dir: Path, staging: Path) -> list:
    """Every page, as MkDocs' own build makes it, with bounded memory; returns
    the navigation signature.

    `mkdocs build` reads and renders every page before it writes the first one,
    so it holds the Markdown and the HTML of the whole site at once (1.4 GB at
    20,000 acts, 3.5 GB expected at 50,000). Here the pages of the navigation
    are read first (every page shows their titles), then each other page is
    read, written and let go: memory is that of the File and Page objects only.
    The steps and their order are MkDocs' own (commands/build.py `build`), and
    tests/test_incremental.py checks the result is byte for byte `mkdocs build`'s.
    """
    from mkdocs.commands.build import _build_extra_template, _build_page, _build_theme_template, _populate_page
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page
    from mkdocs import utils

    config = _load_config(config_file, docs_dir, staging)
    config = config.plugins.on_config(config)
    config.plugins.on_pre_build(config=config)
    utils.clean_directory(config.site_dir)
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    inclusion = InclusionLevel.is_included
    doc_files = files.documentation_pages(inclusion=inclusion)
    for file in doc_files:
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
    in_nav = {id(page) for page in nav.pages}
    for page in nav.pages:
        _populate_page(page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    files.copy_static_files(inclusion=inclusion)
    for template in config.theme.static_templates:
        _build_theme_template(template, env, files, config, nav)
    for template in config.extra_templates:
        _build_extra_template(template, files, config, nav)
    for file in doc_files:
        page = file.page
        streamed = id(page) not in in_nav
        if streamed:
            _populate_page(page, config, files)
        _build_page(page, config, doc_files, nav, env, excluded=file.inclusion.is_excluded())
        if streamed:
            page.markdown = page.content = None  # written: let it go
    log_level = config.validation.links.anchors
    for file in doc_files:
        file.page.validate_anchor_links(files=files, log_level=log_level)
    config.plugins.on_post_build(config=config)
    return nav_signature(nav)


def mkdocs_own_build(config_file: Path, docs_dir: Path, staging: Path) -> None:
    """`mkdocs build`, untouched: the reference full_build is compared with."""
    from mkdocs.commands.build import build as run_mkdocs

    run_mkdocs(_load_config(config_file, docs_dir, staging))


def _child_call(name: str, args: tuple):
    """In the child process: run one function of this module, MkDocs' errors as data."""
    from mkdocs.exceptions import MkDocsException

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    try:
        return "ok", globals()[name](*args)
    except MkDocsException as exc:
        return "mkdocs", str(exc)


def _die_with_parent(parent: int) -> None:
    """A build killed with SIGKILL cannot stop its child: the kernel does it
    (PR_SET_PDEATHSIG), so an orphan never writes into a folder being cleaned."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the child ends with its work
        return
    if os.getppid() != parent:  # the parent died before prctl
        os._exit(1)


def in_child(function, *args):
    """Runs function(*args) in a fresh process. A full MkDocs build holds every
    page in memory (2 GB at 50,000 pages); in a child, that memory does not add
    to the acts this process holds, and goes back to the system before Pagefind
    runs."""
    from mkdocs.exceptions import MkDocsException

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        status, value = pool.submit(_child_call, function.__name__, args).result()
    if status == "mkdocs":
        raise MkDocsException(value)
    return value


def incremental_build(config_file: Path, docs_dir: Path, staging: Path, previous: Path,
                      changed: list[str], removed: list[str], nav_before: list,
                      clone: SiteClone | None = None) -> bool:
    """Rebuilds the changed pages on a copy of the previous site (clone, or one made
    now). Returns False when the navigation changed and a full build is needed."""
    from mkdocs.commands.build import _build_page, _build_theme_template, _populate_page

    (clone or SiteClone(previous, staging)).wait()
    config = _load_config(config_file, docs_dir, staging)
    config.plugins.on_config(config)
    files, env, nav = _structure(config)
    from .render import bytecode_cache

    env.bytecode_cache = bytecode_cache(config_file.parent)  # the theme's templates, compiled once
    _read_nav_pages(nav, config, files)
    if nav_signature(nav) != nav_before:
        return False
    changed_set = set(changed)
    doc_files = files.documentation_pages()
    # Files that left the docs folder leave the site.
    gone = []
    for src in removed:
        dest = staging / _dest_path(src, config)
        if dest.exists():
            _unlink(dest)
            gone.append(dest)
    _prune_empty_dirs(staging, gone)
    for file in files:
        if file.src_uri in changed_set and not file.is_documentation_page():
            _unlink(file.abs_dest_path)
            file.copy_file()
    nav_pages = {id(p) for p in nav.pages}
    for file in doc_files:
        if file.src_uri in changed_set and id(file.page) not in nav_pages:
            _populate_page(file.page, config, files)
    for template in config.theme.static_templates:
        _unlink(staging / template)
        if template == "sitemap.xml":
            _unlink(staging / "sitemap.xml.gz")
        _build_theme_template(template, env, files, config, nav)
    for file in doc_files:
        if file.src_uri in changed_set:
            _unlink(file.abs_dest_path)
            _build_page(file.page, config, doc_files, nav, env)
    return True


def _dest_path(src: str, config) -> str:
    from mkdocs.structure.files import File

    return File(src, config.docs_dir, config.site_dir, config.use_directory_urls).dest_uri


def build_html(root: Path, config_file: Path, docs_dir: Path, staging: Path, site_dir: Path,
               clone: SiteClone | None = None) -> HtmlReport:
    """Builds the HTML of docs_dir into staging, from the previous site_dir when
    that is sound (`clone`: its copy into staging, started earlier). The caller
    records report.state once the site is in place."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    theme = _theme_dir(config_file)
    before = previous_state(root, site_dir)
    files, stats = docs_digests(docs_dir, before)
    current = {"version": STATE_VERSION, "site_dir": str(site_dir.resolve()),
               "fingerprint": fingerprint(config_file, theme), "files": files, "stats": stats}
    reason = _why_full(before, current, site_dir)
    if reason is None:
        changed = sorted(p for p, d in current["files"].items() if before["files"].get(p) != d)
        removed = sorted(p for p in before["files"] if p not in current["files"])
        if incremental_build(config_file, docs_dir, staging, site_dir, changed, removed, before["nav"], clone):
            current["nav"] = before["nav"]
            return HtmlReport("incremental", "", built=[p for p in changed if p.endswith(".md")], removed=removed,
                              state=current)
        reason = "la navigation a changé"
        shutil.rmtree(staging)
        staging.mkdir()
    elif clone is not None:
        clone.discard()
    current["nav"] = in_child(full_build, config_file, docs_dir, staging)
    return HtmlReport("full", reason, built=sorted(p for p in current["files"] if p.endswith(".md")), state=current)


def _why_full(before: dict | None, current: dict, site_dir: Path) -> str | None:
    if not site_dir.is_dir():
        return "premier site"
    if before is None:
        return "pas de trace d'une construction précédente de ce site"
    if before.get("site_dir") != current["site_dir"]:
        return "autre dossier de site"
    if before.get("fingerprint") != current["fingerprint"]:
        return "mkdocs.yml, le thème ou les outils ont changé"
    return None
