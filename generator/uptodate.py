"""Is the site already the one a build would make? Then a build has nothing to do.

A build reads every act, renders every page and runs MkDocs, Pagefind and the
audit; even with their caches, a build of 20,000 acts where nothing changed
spends half a minute to produce the site that is already in place. Before all
that, the build takes a print of everything the site is made from and compares
it with the print the last successful build recorded:

- every file under acts/ (acts, annexes, the publication register), by name,
  size, modification and change times and inode: an edit, a `git checkout`, a
  copy or a rename changes at least one of them (the change time cannot be set
  back by any tool);
- mkdocs.yml, the theme folder and the generator itself (its code and
  site_templates/), by their bytes;
- the versions of the tools (MkDocs, Material, Pagefind, WeasyPrint…);
- the day of the build (acts go online on their date), the drafts switch, the
  output folder and SOURCE_DATE_EPOCH.

The print is recorded with the HTML state (generator/incremental.py) only once
the new site is in place, and read back only when site/ is still the folder that
build produced (its sitemap's inode and time). Anything else — a missing or
foreign site, a failed or killed build — means a real build.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from . import incremental
from .check import ACTS_DIR

VERSION = 1
PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE.parent / "site_templates"
TOOLS = (*incremental.TOOLS, "pagefind", "weasyprint", "pydantic", "actes")
SKIPPED_DIRS = {"__pycache__", ".git"}


def _tree(digest, folder: Path, contents: bool = False) -> None:
    """Names and stats (or, with contents, bytes) of every file under folder, in
    a stable order."""
    digest.update(f"\0tree {folder}\0".encode())
    if not folder.is_dir():
        return
    stack = [folder]
    entries: list[tuple[str, os.stat_result]] = []
    while stack:
        current = stack.pop()
        with os.scandir(current) as found:
            for entry in found:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name not in SKIPPED_DIRS:
                        stack.append(Path(entry.path))
                else:
                    entries.append((entry.path, entry.stat(follow_symlinks=False)))
    for path, stat in sorted(entries):
        if contents:
            digest.update(f"{path}\0{stat.st_size}\0".encode("utf-8", "surrogateescape"))
            digest.update(Path(path).read_bytes())
        else:
            digest.update(f"{path}\0{stat.st_size} {stat.st_mtime_ns} {stat.st_ctime_ns} {stat.st_ino}\n"
                          .encode("utf-8", "surrogateescape"))


def inputs_print(root: Path, site_dir: Path, day, drafts: bool) -> str:
    digest = hashlib.sha256(f"v{VERSION} {incremental.tool_versions(TOOLS)} day={day} drafts={drafts} site={site_dir} "
                            f"epoch={os.environ.get('SOURCE_DATE_EPOCH', '')}\n".encode())
    config = root / "mkdocs.yml"
    digest.update(config.read_bytes() if config.is_file() else b"\0no config")
    try:
        theme = incremental._theme_dir(config) if config.is_file() else None
    except Exception:  # an unreadable mkdocs.yml: its bytes are in the print, the build will say what is wrong
        theme = None
    _tree(digest, (root / ACTS_DIR).resolve())  # thousands of files: their stats
    for folder in (theme, PACKAGE, TEMPLATES):  # a few hundred small files: their bytes (a copy is no change)
        if folder is not None:
            _tree(digest, folder.resolve(), contents=True)
    return digest.hexdigest()


def is_current(root: Path, site_dir: Path, print_: str) -> bool:
    """True when site_dir is the site the last build made from these very inputs."""
    state = incremental.previous_state(root, site_dir)
    return state is not None and state.get("inputs") == print_ and (site_dir / "index.html").is_file()
