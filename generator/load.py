"""Reads act files: bytes -> front matter (with line of every field) + body.

Accepts a UTF-8 BOM and CRLF line ends; refuses invalid UTF-8, NUL bytes, files
without front matter and oversized files, each with a French problem naming the
file and line. Never raises on the content of a file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path

from .body import ActBody, parse_body
from .problems import Problem, error
from .yamlsafe import YamlDocument, read_yaml

MAX_ACT_BYTES = 8 * 1024 * 1024  # a very long act is ~1 MB; 8 MB is a mistake, not an act
MAX_FRONT_MATTER_BYTES = 256 * 1024
FENCES = ("---", "...")
# Annexes are copied into the site as they are: a type a browser runs (.html, .svg,
# .xml, .js…) would run on the site's own address. Only document types are published.
ANNEX_TYPES = (".pdf", ".md", ".txt", ".csv", ".png", ".jpg", ".jpeg", ".gif", ".webp",
               ".odt", ".ods", ".odp", ".odg", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx")


@dataclass
class RawAct:
    """An act file as read, before validation."""

    path: str  # as shown in messages: relative to the project root, with "/"
    meta: dict | None
    lines: YamlDocument | None
    body_text: str
    body_line: int  # file line where the body starts
    body: ActBody
    sha256: str  # of the file's bytes, for the publication register
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, *path: object) -> int:
        """The line of a field, or of its closest parent that has one."""
        if self.lines is None:
            return 1
        while path:
            if path in self.lines.lines:
                return self.lines.lines[path]
            path = path[:-1]
        return 2  # first line of the front matter


def display_path(path: Path, root: Path) -> str:
    # The path as written first: a symbolic link is named where it is, not where it points.
    # (Resolving only when needed: it costs several system calls per file.)
    shown, base = os.path.abspath(path), os.path.abspath(root)
    if os.sep == "/" and shown.startswith(base + "/") and base != "/":
        return shown[len(base) + 1:]  # what relative_to gives below, without building paths
    for pair in (lambda: (Path(os.path.abspath(path)), Path(os.path.abspath(root))),
                 lambda: (path.resolve(), root.resolve())):
        shown, base = pair()
        try:
            return shown.relative_to(base).as_posix()
        except ValueError:
            continue
    return path.as_posix()


def decode(data: bytes, shown: str) -> tuple[str | None, list[Problem]]:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [
            error(shown, line, "fichier", f"texte non UTF-8 (octet 0x{data[exc.start]:02x} en position {exc.start}) : "
                  "enregistrer le fichier en UTF-8")
        ]
    # Searched in the bytes (several times faster than in the text): in UTF-8, the
    # bytes 0x00 and 0x0d are only ever the characters NUL and CR.
    if b"\x00" in data:
        line = text[: text.index("\x00")].count("\n") + 1
        return None, [error(shown, line, "fichier", "caractère nul (NUL) dans le fichier : fichier binaire ou corrompu")]
    if b"\r" in data:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, []


EMPTY_FILE = "fichier vide : un acte commence par un en-tête YAML entre deux lignes « --- »"
NO_FRONT_MATTER = "en-tête YAML absent : la première ligne doit être « --- »"
UNCLOSED_FRONT_MATTER = "en-tête YAML non terminé : ajouter une ligne « --- » après le dernier champ"


def split_front_matter(text: str, shown: str) -> tuple[str | None, int, list[Problem]]:
    """Returns (front matter text, index of the closing fence line, problems)."""
    front, closing, _, problems = _front_matter(text, shown)
    return front, closing, problems


def _front_matter(text: str, shown: str) -> tuple[str | None, int, str, list[Problem]]:
    """split_front_matter, and the body (the text after the closing fence line),
    reading the lines of the front matter only."""
    if not text or text.isspace():
        return None, 0, "", [error(shown, 1, "fichier", EMPTY_FILE)]
    first_end = text.find("\n")
    if (text if first_end < 0 else text[:first_end]).strip() != "---":
        return None, 0, "", [error(shown, 1, "en-tête", NO_FRONT_MATTER)]
    if first_end < 0:
        return None, 0, "", [error(shown, 1, "en-tête", UNCLOSED_FRONT_MATTER)]
    searched = first_end  # the "\n" before the first line that may close it
    while True:
        # The next line starting like a fence, found by the string search, not line by line.
        dashes = text.find("\n---", searched)
        dots = text.find("\n...", searched, dashes if dashes >= 0 else len(text))  # "..." ends it too
        newline = dots if dots >= 0 else dashes
        if newline < 0:
            return None, 0, "", [error(shown, 1, "en-tête", UNCLOSED_FRONT_MATTER)]
        end = text.find("\n", newline + 1)
        if (text[newline + 1:] if end < 0 else text[newline + 1:end]).rstrip() in FENCES:
            index = text.count("\n", 0, newline + 1)  # of the closing line, the opening one being 0
            return text[first_end + 1:newline], index, "" if end < 0 else text[end + 1:], []
        searched = newline + 1


def load_text(data: bytes, shown: str) -> RawAct:
    digest = hashlib.sha256(data).hexdigest()
    empty = RawAct(shown, None, None, "", 1, ActBody(), digest)
    if len(data) > MAX_ACT_BYTES:
        empty.problems.append(
            error(shown, 1, "fichier", f"fichier trop volumineux ({len(data) // 1_048_576} Mo, maximum "
                  f"{MAX_ACT_BYTES // 1_048_576} Mo) : placer les pièces volumineuses en annexe")
        )
        return empty
    text, problems = decode(data, shown)
    if text is None:
        empty.problems.extend(problems)
        return empty
    front, closing, body_text, problems = _front_matter(text, shown)
    if front is None:
        empty.problems.extend(problems)
        return empty
    if len(front) > MAX_FRONT_MATTER_BYTES:
        empty.problems.append(error(shown, 2, "en-tête", "en-tête YAML trop volumineux (plus de 256 Ko)"))
        return empty
    doc, issues = read_yaml(front, line_offset=1)
    problems = [error(shown, i.line, i.field, i.message) for i in issues]
    meta = None
    if doc is not None:
        if isinstance(doc.data, dict):
            meta = doc.data
        else:
            problems.append(error(shown, 2, "en-tête", "l'en-tête YAML doit être une liste de champs « clé: valeur »"))
    body_line = closing + 2
    return RawAct(shown, meta, doc, body_text, body_line, parse_body(body_text, body_line), digest, problems)


def load_file(path: Path, root: Path) -> RawAct:
    shown = display_path(path, root)
    try:
        size = path.stat().st_size
        if size > MAX_ACT_BYTES:
            raw = load_text(b"", shown)
            raw.problems = [error(shown, 1, "fichier", f"fichier trop volumineux ({size // 1_048_576} Mo, maximum "
                                  f"{MAX_ACT_BYTES // 1_048_576} Mo) : placer les pièces volumineuses en annexe")]
            return raw
        data = path.read_bytes()
    except OSError as exc:
        raw = load_text(b"", shown)
        raw.problems = [error(shown, 1, "fichier", f"lecture impossible : {exc.strerror or exc}")]
        return raw
    return load_text(data, shown)


def annex_problem(target: Path) -> str | None:
    """Why an annex file (in acts/, existing: see validate.check_annexes) cannot be
    published, in French, or None: it must be of a document type and, for a Markdown
    annex, read like an act file."""
    suffix = target.suffix.lower()
    if suffix not in ANNEX_TYPES:
        return (f"type de fichier « {suffix or 'sans extension'} » non publiable "
                f"(acceptés : {', '.join(t[1:] for t in ANNEX_TYPES)})")
    if suffix == ".md":
        if target.stat().st_size > MAX_ACT_BYTES:
            return f"annexe trop volumineuse (maximum {MAX_ACT_BYTES // 1_048_576} Mo pour une annexe en texte)"
        text, problems = decode(target.read_bytes(), target.name)
        if text is None:
            return f"ligne {problems[0].line} : {problems[0].message}"
    return None


def find_act_files(paths: list[Path], root: Path) -> tuple[list[Path], list[Problem]]:
    """Act files under the given paths: `*.md`, except in `annexes/` folders (annexes
    are pages of their act, not acts). Paths leaving the project are refused."""
    found: list[Path] = []
    problems: list[Problem] = []
    root_resolved = root.resolve()
    for given in paths:
        resolved = given.resolve()
        if resolved != root_resolved and root_resolved not in resolved.parents:
            problems.append(error(given.as_posix(), 1, "chemin", "chemin hors du dépôt : refusé"))
            continue
        if not given.exists():
            problems.append(error(display_path(given, root), 1, "chemin", "fichier ou dossier introuvable"))
            continue
        if given.is_file():
            found.append(given)
            continue
        if not given.is_dir():
            problems.append(error(display_path(given, root), 1, "chemin", "ni fichier ni dossier : refusé"))
            continue
        for dirpath, dirnames, _ in os.walk(given):
            dirnames[:] = sorted(d for d in dirnames if d != "annexes" and not d.startswith("."))
            # A file that is not a link is where its folder is: resolve the folder once.
            base = Path(dirpath)
            folder = base.resolve()
            folder_inside = folder == root_resolved or root_resolved in folder.parents
            with os.scandir(dirpath) as entries:  # what os.walk lists as files, with their link bit
                names = sorted((e.name, e.is_symlink()) for e in entries if e.name.endswith(".md") and not e.is_dir())
            for name, link in names:
                candidate = base / name
                if link:
                    inside = root_resolved in candidate.resolve().parents
                else:
                    inside = folder_inside
                if not inside:
                    problems.append(error(display_path(candidate, root), 1, "chemin",
                                          "lien symbolique vers un fichier hors du dépôt : refusé"))
                    continue
                found.append(candidate)
    return found, problems
