"""`actes publish`: put acts online and record them in the publication register.

For each act given:
- a draft (or a published act not yet registered) gets `statut: publie` and a
  `mise_en_ligne` (the date given, else the one already in the file, else today),
  written into its front matter without touching anything else (comments stay);
  its source, annex and PDF hashes are recorded as its "publication";
- a registered act whose text is unchanged is left alone ("déjà publié"), unless
  `rendu` is asked: then a new PDF that differs from the registered one is recorded
  as a "rendu" version (same text, new rendering after a template or library update);
- a registered act whose text changed is refused, unless a rectification motif is
  given: the new hashes are recorded as a dated "rectification" version that keeps
  the previous ones.

Nothing is written unless every act given passes `actes check` once published:
files are put back as they were when the check or a PDF fails.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .check import run_check
from .load import display_path, find_act_files
from .model import Act
from .pdf import PdfError, PdfRenderer
from .register import (
    Register,
    Version,
    act_key,
    annex_digests,
    file_digest,
    load_register,
    new_entry,
    save_register,
    short,
)
from .rules import RULES


class PublishError(Exception):
    """A publication refused; the message is French and shown as is."""


@dataclass
class Outcome:
    path: str
    message: str
    recorded: bool = False


@dataclass
class PublishReport:
    outcomes: list[Outcome] = field(default_factory=list)
    register: Path | None = None


# -- front matter edits -------------------------------------------------------

def set_front_matter(text: str, values: dict[str, str]) -> str:
    """Sets top-level `key: value` lines of the front matter, keeping comments and
    line ends; a missing key is added after `statut` (or before the closing fence)."""
    newline = "\r\n" if "\r\n" in text else "\n"
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    lines = text.removeprefix(bom).replace("\r\n", "\n").split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "..."))
    for key, value in values.items():
        pattern = re.compile(rf"^({re.escape(key)}\s*:\s*)([^#]*?)(\s*#.*)?$")
        for index in range(1, closing):
            match = pattern.match(lines[index])
            if match:
                lines[index] = f"{match[1]}{value}{match[3] or ''}"
                break
        else:
            after = next((i for i in range(1, closing) if re.match(r"^statut\s*:", lines[i])), closing - 1)
            lines.insert(after + 1, f"{key}: {value}")
            closing += 1
    return bom + newline.join(lines)


# -- the workflow ---------------------------------------------------------------

def act_label(act: Act) -> str:
    return f"{RULES[act.type].title} n° {act.meta.numero}"


def agreed(act: Act, word: str) -> str:
    """"publié" -> "publiée" for a décision or a délibération."""
    return f"{word}e" if RULES[act.type].feminine else word


def select(result, paths: list[Path], root: Path) -> tuple[list[Act], list[Outcome]]:
    """The acts named by the paths. A draft is published only when its file is
    named: a folder registers its published acts and leaves its drafts alone."""
    files, problems = find_act_files(paths, root)
    if problems:
        raise PublishError("\n".join(str(p) for p in problems))
    by_path = {act.path: act for act in result.acts}
    named = {display_path(p, root) for p in paths if p.is_file()}
    acts, skipped = [], []
    for file in files:
        shown = display_path(file, root)
        act = by_path.get(shown)
        if act is None or act.type not in RULES or act.meta.numero is None:
            found = "\n".join(str(p) for p in result.errors if p.path == shown)
            raise PublishError(f"{found}\n{shown} : acte illisible ou incomplet, publication refusée : le corriger "
                               "d'abord" if found else f"{shown} : acte illisible ou incomplet : le corriger d'abord")
        if act.meta.statut != "publie" and shown not in named:
            skipped.append(Outcome(shown, f"{shown} : projet laissé de côté (donner le fichier lui-même pour le publier)"))
            continue
        acts.append(act)
    return acts, skipped


def publish(root: Path, paths: list[Path], today: dt.date, date: dt.date | None = None,
            motif: str | None = None, rendu: bool = False) -> PublishReport:
    root = root.resolve()
    result = run_check(root, on=today)
    register = load_register(root) or Register()
    acts, outcomes = select(result, paths, root)
    if not acts:
        raise PublishError("aucun acte à publier dans les chemins donnés")
    plan = [(act, register.get(act)) for act in acts]
    for act, entry in plan:
        if entry is None and motif:
            raise PublishError(f"{act.path} : {act_label(act)} n'est pas encore {agreed(act, 'publié')} : une rectification ne "
                               "s'enregistre que pour un acte publié (retirer --rectification)")
    originals = write_publication_fields(root, [act for act, entry in plan if entry is None], date, today)
    try:
        checked = run_check(root, on=today)
        refuse_on_errors(checked, {act.path for act, _ in plan}, {act.path for act, e in plan if e} if motif else set())
        fresh = {act.path: act for act in checked.acts}
        renderer = PdfRenderer(root, checked.config)
        for act, entry in plan:
            outcomes.append(record(register, fresh[act.path], entry, renderer, root, date or today, motif, rendu))
    except PdfError as exc:
        restore(originals)
        raise PublishError(f"{exc} ; aucun fichier n'a été modifié") from exc
    except BaseException:
        restore(originals)
        raise
    report = PublishReport(outcomes)
    if any(o.recorded for o in outcomes):
        report.register = save_register(root, register)
    return report


def restore(originals: dict[Path, bytes]) -> None:
    for path, data in originals.items():
        path.write_bytes(data)


def write_publication_fields(root: Path, acts: list[Act], date: dt.date | None, today: dt.date) -> dict[Path, bytes]:
    originals = {}
    for act in acts:
        path = root / act.path
        data = path.read_bytes()
        day = date or act.meta.mise_en_ligne or today
        text = data.decode("utf-8")
        edited = set_front_matter(text, {"statut": "publie", "mise_en_ligne": day.isoformat()})
        if edited != text:
            originals[path] = data
            path.write_bytes(edited.encode("utf-8"))
    return originals


def refuse_on_errors(result, paths: set[str], rectified: set[str]) -> None:
    """Errors in the acts being published stop everything. When rectifying, the
    integrity error that the rectification answers is expected."""
    errors = [p for p in result.errors if p.path in paths and not (p.field == "integrite" and p.path in rectified)]
    if errors:
        listing = "\n".join(str(p) for p in errors)
        raise PublishError(f"{listing}\npublication refusée : {len(errors)} erreur(s) ; aucun fichier n'a été modifié")


def record(register: Register, act: Act, entry, renderer: PdfRenderer, root: Path, day: dt.date,
           motif: str | None, rendu: bool) -> Outcome:
    source = file_digest(root / act.path)
    annexes = annex_digests(act, root)
    label = act_label(act)
    if entry is None:
        pdf = renderer.act(act)
        register.entries[act_key(act)] = new_entry(act, Version("publication", day, source, pdf.sha256, pdf.octets,
                                                                annexes))
        return Outcome(act.path, f"{act.path} : {label} {agreed(act, 'publié')}, {agreed(act, 'mis')} en ligne le {act.meta.mise_en_ligne:%d/%m/%Y} ; "
                                 f"SHA-256 du texte {short(source)}, du PDF {short(pdf.sha256)} ({pdf.taille})", True)
    current = entry.current
    if source != current.source_sha256 or annexes != current.annexes:
        if not motif:
            raise PublishError(f"{act.path} : {label} a changé depuis sa publication ; un acte publié ne se modifie "
                               "pas. Pour une erreur matérielle, enregistrer une rectification datée : "
                               f"actes publish --rectification \"motif\" {act.path}")
        pdf = renderer.act(act)
        entry.versions.append(Version("rectification", day, source, pdf.sha256, pdf.octets, annexes, motif))
        entry.fichier, entry.objet = act.path, act.meta.objet or entry.objet
        return Outcome(act.path, f"{act.path} : rectification du {day:%d/%m/%Y} enregistrée ({motif}) ; empreinte "
                                 f"précédente conservée ({short(current.source_sha256)}), nouvelle {short(source)}", True)
    if motif:
        return Outcome(act.path, f"{act.path} : texte inchangé depuis sa publication, aucune rectification à enregistrer")
    if not rendu:
        return Outcome(act.path, f"{act.path} : déjà {agreed(act, 'publié')} le {entry.mise_en_ligne:%d/%m/%Y}, inchangé")
    pdf = renderer.act(act)
    if pdf.sha256 == current.pdf_sha256:
        return Outcome(act.path, f"{act.path} : PDF inchangé")
    entry.versions.append(Version("rendu", day, source, pdf.sha256, pdf.octets, annexes,
                                  "texte inchangé, nouveau rendu du PDF (modèle, feuille de style ou logiciel)"))
    entry.fichier = act.path
    return Outcome(act.path, f"{act.path} : nouveau PDF enregistré ({short(current.pdf_sha256)} → "
                             f"{short(pdf.sha256)}), texte inchangé", True)

