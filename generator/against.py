"""Number conflicts between branches: `actes check --against REV`.

Two drafts written on two branches can take the same number; each branch is
right on its own. This module reads the acts of another git revision (say
origin/main) straight from the object store — `git ls-tree` and
`git cat-file --batch`, never a checkout over the work tree — and reports
every act of the work tree whose number that revision already uses for
another act.

"Another act" is decided on a three-way view of the merge, by blob ids of the
act files at the merge base of HEAD and REV, in REV and in the work tree:

- REV brings a file when it added or changed it since the merge base and this
  branch left it alone (an edit or a renaming here wins, as in the merge);
- both sides created the same path with different contents: two acts;
- a conflict is an act here with the same collectivité, type and number as an
  act REV brings at another path, or at the same path created on both sides.
  The same commit reaching both branches (same bytes) is no conflict.

Only the files REV brings are read and parsed, so the cost follows the size of
the change, not of the archive (bench/against_bench.py). Without a merge base
(shallow clone, unrelated histories), an act at a path present here is taken as
the same act, and a warning says the check is weaker.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .check import ACTS_DIR, CheckResult
from .config import SiteConfig
from .load import display_path, find_act_files, load_text
from .model import Act
from .problems import Problem, error, warning
from .rules import RULES
from .validate import Context, validate_act

GIT_TIMEOUT = 120  # seconds; reading 50k blobs takes a few


class AgainstError(Exception):
    """The revision cannot be read; the message is French and shown as is."""


def git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise AgainstError("git introuvable : installer git pour comparer avec une autre révision") from None
    except subprocess.TimeoutExpired:
        raise AgainstError(f"git {args[0]} n'a pas répondu en {GIT_TIMEOUT} s") from None
    if done.returncode != 0:
        raise AgainstError(done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} a échoué")
    return done.stdout


def resolve(root: Path, rev: str) -> str:
    """The commit REV names, or a French error saying how to get it."""
    if rev.startswith("-"):
        raise AgainstError(f"révision « {rev} » invalide")
    try:
        git(root, "rev-parse", "--is-inside-work-tree")
    except AgainstError:
        raise AgainstError(f"{root} n'est pas un dépôt git : --against compare avec une révision git") from None
    try:
        return git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").decode().strip()
    except AgainstError:
        remote = rev.split("/", 1)
        hint = f" (git fetch {remote[0]} {remote[1]} ?)" if len(remote) == 2 else ""
        raise AgainstError(f"révision « {rev} » introuvable dans le dépôt{hint}") from None


def act_paths(root: Path, commit: str) -> dict[str, str]:
    """path -> blob id of the act files of a commit, with the rules of
    `load.find_act_files`: `*.md` under acts/, not in annexes/ or hidden folders."""
    listing = git(root, "ls-tree", "-r", "-z", commit, "--", f"{ACTS_DIR}/")
    paths = {}
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        info, _, name = entry.partition(b"\t")
        mode, kind, blob = info.split()
        path = name.decode("utf-8", "replace")
        folders = path.split("/")[:-1]
        if kind != b"blob" or mode == b"120000" or not path.endswith(".md"):
            continue
        if any(f == "annexes" or f.startswith(".") for f in folders):
            continue
        paths[path] = blob.decode()
    return paths


def read_blobs(root: Path, blobs: list[str]) -> list[bytes]:
    """The contents of many blobs with one `git cat-file --batch`."""
    if not blobs:
        return []
    out = git(root, "cat-file", "--batch", stdin=("\n".join(blobs) + "\n").encode())
    contents, pos = [], 0
    for _ in blobs:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        contents.append(out[header_end + 1: header_end + 1 + size])
        pos = header_end + 1 + size + 1  # content, then a newline
    return contents


@dataclass
class Revision:
    """What a merge of REV would bring into this branch's acts."""

    name: str                          # as the person wrote it: "origin/main"
    commit: str
    acts: list[Act]                    # the acts REV brings: added or changed there, left alone here
    clashing: set[str]                 # paths both sides created with different contents
    base_known: bool                   # False: no merge base (shallow clone, unrelated histories)


def acts_at_revision(root: Path, rev: str, config: SiteConfig, day: dt.date) -> list[Act]:
    """The acts REV would bring (for `actes new --against`: their numbers are taken)."""
    return read_revision(root, rev, config, day).acts


def read_revision(root: Path, rev: str, config: SiteConfig, day: dt.date) -> Revision:
    """Only the act files that differ are read and parsed: the cost follows the
    size of the change, not of the archive."""
    root = root.resolve()
    commit = resolve(root, rev)
    theirs = act_paths(root, commit)
    base = merge_base_blobs(root, commit)
    local = work_tree_blobs(root)
    clashing = both_added(local, theirs, base)
    paths = sorted(incoming(local, theirs, base) | clashing)
    ctx = Context(config, day, root)
    acts = []
    for path, data in zip(paths, read_blobs(root, [theirs[p] for p in paths])):
        act, _ = validate_act(load_text(data, path), ctx)  # its problems are REV's business
        if act is not None and act.meta.type and act.meta.numero is not None:
            acts.append(act)
    return Revision(rev, commit, acts, clashing, base is not None)


def merge_base_blobs(root: Path, commit: str) -> dict[str, str] | None:
    try:
        base = git(root, "merge-base", "HEAD", commit).decode().strip()
    except AgainstError:
        return None
    return act_paths(root, base)


def work_tree_blobs(root: Path) -> dict[str, str]:
    """path -> blob id of every act file of the work tree (committed or not),
    as git would store it (`hash-object` applies the path's filters)."""
    files, _ = find_act_files([root / ACTS_DIR], root)
    paths = [display_path(f, root) for f in files]
    if not paths:
        return {}
    ids = git(root, "hash-object", "--stdin-paths", stdin=("\n".join(paths) + "\n").encode()).decode().split()
    return dict(zip(paths, ids))


def incoming(local: dict[str, str], theirs: dict[str, str], base: dict[str, str] | None) -> set[str]:
    """The act paths whose version a merge of REV would take from REV: what REV
    added or changed since the merge base and this branch left alone. Without a
    merge base, the paths only REV has."""
    if base is None:
        return set(theirs) - set(local)
    return {path for path, blob in theirs.items() if blob != base.get(path) and local.get(path) == base.get(path)}


def both_added(local: dict[str, str], theirs: dict[str, str], base: dict[str, str] | None) -> set[str]:
    """Paths both sides created since the merge base with different contents:
    two new acts under one file name (git reports an add/add conflict)."""
    if base is None:
        return set()
    return {path for path, blob in theirs.items() if path not in base and path in local and local[path] != blob}


def conflicts(result: CheckResult, revision: Revision) -> list[Problem]:
    """A problem on each checked act whose number REV gives to another act: after
    a merge, two files would carry the same collectivité, type and number."""
    theirs: dict[tuple, list[Act]] = {}
    for act in revision.acts:
        theirs.setdefault(act.key, []).append(act)
    problems = []
    if not revision.base_known:
        problems.append(warning(ACTS_DIR, 1, "against",
                                f"pas d'ancêtre commun avec {revision.name} (clone superficiel ? "
                                "git fetch --unshallow) : un acte de même chemin est considéré comme le même acte"))
    for act in result.checked:
        if act.meta.numero is None:
            continue
        others = [o for o in theirs.get(act.key, []) if o.path != act.path or o.path in revision.clashing]
        if others:
            problems.append(_conflict(act, others[0], result, revision))
    return problems


def _conflict(act: Act, other: Act, result: CheckResult, revision: Revision) -> Problem:
    rules = RULES[act.type]
    numero = act.meta.numero
    coll = act.meta.collectivite or ""
    what = f"{'une autre' if rules.feminine else 'un autre'} {rules.label}"
    objet = f" (« {_short(other.meta.objet)} »)" if other.meta.objet else ""
    where = "au même chemin" if other.path == act.path else f"par {other.path}"
    advice = "choisir un autre numéro"
    if numero.is_sequential:
        from .scaffold import free_number  # here: scaffold imports Jinja2, which `check` does not need

        taken = [*result.acts, *revision.acts]
        suggestion = free_number(taken, act.type, coll, numero.year)
        advice = f"renuméroter ce projet, par exemple en {suggestion} (prochain numéro libre des deux côtés)"
    return error(act.path, act.line_of("numero"), "numero",
                 f"numéro {numero} déjà pris sur {revision.name} pour {what} {where}{objet} : {advice}")


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def check_against(result: CheckResult, root: Path, rev: str, day: dt.date) -> list[Problem]:
    return conflicts(result, read_revision(root, rev, result.config, day))

