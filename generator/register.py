"""The publication and integrity register: acts/registre-publication.json.

CGCT R2131-1 asks that published acts be kept online "dans des conditions propres
à en assurer la conservation, à en garantir l'intégrité", with their date de mise
en ligne, for at least two months. `actes publish` records in this file, committed
with the acts, the SHA-256 of each published act's source (and of each annex) and
of its PDF. From then on:

- `actes check` fails when a published act's file no longer matches the register:
  a published act changes only through a rectification — a new act that says
  `rectifie: décision 2026-102`, or an explicit, dated rectification entry
  (`actes publish --rectification "motif" FILE`) that keeps the previous hashes;
- `actes check` fails when a registered act has left the site less than two months
  after its mise en ligne;
- `actes build` fails when the PDF it makes of a published act differs from the
  registered one (see publication.py), and publishes this register so that anyone
  can check a downloaded PDF.

Hashes of text files are taken on their text with "\\n" line ends and without a
byte-order mark, so a checkout with CRLF line ends is not a modification.

Each act has one entry, keyed by collectivité, type and number (a file may move);
its `versions` list grows, oldest first: "publication", then "rectification" (new
text, with a motif) or "rendu" (same text, new PDF: template or library update).
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .frenchtext import date_fr
from .model import Act
from .problems import Problem, error, warning
from .registry import Registry
from .rules import RULES

REGISTER_FILE = "acts/registre-publication.json"
FORMAT = "actes/registre-publication/1"
TEXT_SUFFIXES = (".md", ".txt", ".csv", ".json", ".yml", ".yaml")
MINIMUM_MONTHS = 2  # R2131-1: "pendant une durée minimale de deux mois"
EVENTS = ("publication", "rectification", "rendu")


# ---------------------------------------------------------------------------
# Digests


def normalised(data: bytes) -> bytes:
    """Text bytes without a UTF-8 byte-order mark and with "\\n" line ends."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def text_digest(data: bytes) -> str:
    return hashlib.sha256(normalised(data)).hexdigest()


def file_digest(path: Path) -> str:
    data = path.read_bytes()
    return text_digest(data) if path.suffix.lower() in TEXT_SUFFIXES else hashlib.sha256(data).hexdigest()


def annex_digests(act: Act, root: Path) -> dict[str, str]:
    """Annex file (as written in the act) -> digest; missing files are left out
    (the validator reports them)."""
    folder = (root / act.path).parent
    out = {}
    for annexe in act.meta.annexes:
        source = folder / annexe.fichier
        if source.is_file():
            out[annexe.fichier] = file_digest(source)
    return out


def act_key(act: Act) -> str:
    """"lens/decision/2026-102": one entry per act, whatever file it lives in."""
    return f"{act.meta.collectivite or ''}/{act.type}/{act.meta.numero}"


def short(digest: str) -> str:
    return f"{digest[:12]}…"


def add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def earliest_removal(mise_en_ligne: dt.date) -> dt.date:
    """The first day an act may leave the site: two full months online first."""
    return add_months(mise_en_ligne, MINIMUM_MONTHS) + dt.timedelta(days=1)


# ---------------------------------------------------------------------------
# The register


@dataclass
class Version:
    evenement: str                   # "publication", "rectification" or "rendu"
    date: dt.date                    # the day it was recorded
    source_sha256: str
    pdf_sha256: str
    pdf_octets: int
    annexes: dict[str, str] = field(default_factory=dict)
    motif: str | None = None         # why a rectification or a new rendering was made

    def as_json(self) -> dict:
        data = {"evenement": self.evenement, "date": self.date.isoformat(), "source_sha256": self.source_sha256,
                "annexes": dict(sorted(self.annexes.items())), "pdf_sha256": self.pdf_sha256,
                "pdf_octets": self.pdf_octets}
        if self.motif:
            data["motif"] = self.motif
        return data


@dataclass
class Entry:
    cle: str
    fichier: str
    type: str
    numero: str
    collectivite: str
    date: dt.date
    objet: str
    mise_en_ligne: dt.date
    versions: list[Version]
    line: int = 1  # of the entry in the register file, for messages

    @property
    def current(self) -> Version:
        return self.versions[-1]

    @property
    def label(self) -> str:
        rules = RULES.get(self.type)
        return f"{rules.label if rules else self.type} n° {self.numero}"

    def as_json(self) -> dict:
        return {"cle": self.cle, "fichier": self.fichier, "type": self.type, "numero": self.numero,
                "collectivite": self.collectivite, "date": self.date.isoformat(), "objet": self.objet,
                "mise_en_ligne": self.mise_en_ligne.isoformat(), "versions": [v.as_json() for v in self.versions]}


@dataclass
class Register:
    entries: dict[str, Entry] = field(default_factory=dict)

    def get(self, act: Act) -> Entry | None:
        return self.entries.get(act_key(act))

    def to_json(self) -> str:
        data = {
            "format": FORMAT,
            "description": "Registre de publication des actes : empreintes SHA-256 du texte source et du PDF "
                           "de chaque acte publié, à sa mise en ligne puis à chaque rectification "
                           "(CGCT, art. R2131-1). Produit par « actes publish » ; ne pas modifier à la main.",
            "actes": [self.entries[key].as_json() for key in sorted(self.entries)],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


class RegisterError(Exception):
    """An unreadable register file; the message is French and names the line."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def register_path(root: Path) -> Path:
    return root / REGISTER_FILE


def load_register(root: Path) -> Register | None:
    """The register, or None when the project has none yet. Raises RegisterError."""
    path = register_path(root)
    if not path.is_file():
        return None
    try:
        text = path.read_text("utf-8")
        data = json.loads(text)
    except UnicodeDecodeError:
        raise RegisterError(1, "fichier illisible : il doit être en UTF-8") from None
    except json.JSONDecodeError as exc:
        raise RegisterError(exc.lineno, f"JSON invalide ({exc.msg}) : restaurer le fichier depuis git") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("actes"), list):
        raise RegisterError(1, f"format inconnu : « format » doit valoir « {FORMAT} » et « actes » être une liste")
    register = Register()
    lines = _key_lines(text)
    for index, item in enumerate(data["actes"]):
        line = lines.get(item.get("cle") if isinstance(item, dict) else None, 1)
        try:
            entry = _entry(item)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise RegisterError(line, f"entrée n° {index + 1} illisible ({exc}) : restaurer le fichier depuis git") from None
        entry.line = line
        register.entries[entry.cle] = entry
    return register


def _key_lines(text: str) -> dict[str, int]:
    """Line of each entry's `"cle": …`, in one pass over the file."""
    found = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.match(r'\s*"cle": (".*"),?\s*$', line)
        if match:
            found[json.loads(match[1])] = number
    return found


def _version(item: dict) -> Version:
    if item["evenement"] not in EVENTS:
        raise ValueError(f"événement « {item['evenement']} » inconnu")
    return Version(item["evenement"], dt.date.fromisoformat(item["date"]), _digest(item["source_sha256"]),
                   _digest(item["pdf_sha256"]), int(item["pdf_octets"]),
                   {str(k): _digest(v) for k, v in item.get("annexes", {}).items()}, item.get("motif"))


def _digest(value: object) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[0-9a-f]{64}", value):
        raise ValueError(f"empreinte SHA-256 invalide : {value!r}")
    return value


def _entry(item: dict) -> Entry:
    versions = [_version(v) for v in item["versions"]]
    if not versions:
        raise ValueError("aucune version")
    return Entry(str(item["cle"]), str(item["fichier"]), str(item["type"]), str(item["numero"]),
                 str(item["collectivite"]), dt.date.fromisoformat(item["date"]), str(item["objet"]),
                 dt.date.fromisoformat(item["mise_en_ligne"]), versions)


def save_register(root: Path, register: Register) -> Path:
    path = register_path(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(register.to_json(), "utf-8", newline="\n")
    os.replace(tmp, path)
    return path


def new_entry(act: Act, version: Version) -> Entry:
    return Entry(act_key(act), act.path, act.type, str(act.meta.numero), act.meta.collectivite or "",
                 act.meta.date, act.meta.objet or "", act.meta.mise_en_ligne, [version])


# ---------------------------------------------------------------------------
# The integrity check run by `actes check`


def source_matches(act: Act, version: Version, root: Path) -> tuple[bool, str]:
    """(matches, digest of the file as it is). The loader's digest of the raw bytes
    is enough for files already in normal form; others are read again."""
    if act.sha256 == version.source_sha256:
        return True, act.sha256
    digest = file_digest(root / act.path)
    return digest == version.source_sha256, digest


def rectification_help(act_path: str, label: str) -> str:
    return (f"Un acte publié ne se modifie pas : rétablir le texte publié (git checkout -- {act_path}), puis "
            f"publier un acte rectificatif qui le mentionne (« rectifie: {label.replace(' n° ', ' ')} ») ; pour "
            "corriger une erreur matérielle, enregistrer une rectification datée, qui conserve l'empreinte de la "
            f"version précédente : actes publish --rectification \"motif\" {act_path}")


def integrity_problems(act: Act, entry: Entry, root: Path) -> list[Problem]:
    current = entry.current
    since = f"publiée le {date_fr(entry.mise_en_ligne)}" if RULES[act.type].feminine else \
        f"publié le {date_fr(entry.mise_en_ligne)}"
    label = f"{RULES[act.type].label} n° {act.meta.numero}"
    matches, digest = source_matches(act, current, root)
    changes = []
    if not matches:
        changes.append(f"son texte ne correspond plus à l'empreinte SHA-256 enregistrée au registre de publication "
                       f"({REGISTER_FILE} : {short(current.source_sha256)} ; fichier actuel : {short(digest)})")
    annexes = annex_digests(act, root)
    for name in sorted(set(annexes) | set(current.annexes)):
        if name not in current.annexes:
            changes.append(f"l'annexe « {name} » a été ajoutée")
        elif name not in annexes:
            changes.append(f"l'annexe « {name} » a été retirée")
        elif annexes[name] != current.annexes[name]:
            changes.append(f"l'annexe « {name} » a été modifiée ({short(current.annexes[name])} enregistrée, "
                           f"{short(annexes[name])} actuelle)")
    if not changes:
        return []
    message = (f"la {label} ({since})" if RULES[act.type].feminine else f"le {label} ({since})") + \
        f" a changé depuis sa publication : {' ; '.join(changes)}. " + rectification_help(act.path, label)
    return [error(act.path, 1, "integrite", message)]


def withdrawal_problem(entry: Entry, root: Path, today: dt.date) -> Problem | None:
    """A registered act no longer on the site, less than two months after its mise en ligne."""
    if entry.mise_en_ligne > today:
        return None  # never went online
    allowed = earliest_removal(entry.mise_en_ligne)
    if today >= allowed:
        return None
    return error(REGISTER_FILE, entry.line, "mise_en_ligne",
                 f"{(('La ' if _feminine(entry) else 'Le ') + entry.label)} ({entry.fichier}), mis{'e' if _feminine(entry) else ''} en ligne le "
                 f"{date_fr(entry.mise_en_ligne)}, a disparu des actes publiés moins de deux mois après sa mise "
                 f"en ligne : un acte publié reste en ligne au moins deux mois (CGCT R2131-1). Rétablir le fichier "
                 f"{entry.fichier} ; le retrait sera possible à partir du {date_fr(allowed)}.")


def _feminine(entry: Entry) -> bool:
    rules = RULES.get(entry.type)
    return bool(rules and rules.feminine)


def check_publication_register(root: Path, today: dt.date) -> Callable[[Registry], list[Problem]]:
    """The cross-act check of `actes check` (see check.py): published acts against
    the register. Without a register file (a new project) there is nothing to check."""

    def check(registry: Registry) -> list[Problem]:
        try:
            register = load_register(root)
        except RegisterError as exc:
            return [error(REGISTER_FILE, exc.line, "registre", str(exc))]
        if register is None:
            return []
        problems: list[Problem] = []
        by_path = {act.path: act for act in registry.acts}
        seen: set[int] = set()
        for entry in register.entries.values():
            found = registry.by_key.get(tuple(entry.cle.split("/", 2)), [])
            act = found[0] if len(found) == 1 else by_path.get(entry.fichier)
            if act is None:
                if not (root / entry.fichier).exists():  # outside the checked paths otherwise
                    problem = withdrawal_problem(entry, root, today)
                    problems += [problem] if problem else []
                continue
            seen.add(id(act))
            problems += integrity_problems(act, entry, root)
        for act in registry.acts:
            if act.meta.statut == "publie" and id(act) not in seen and act.type in RULES:
                problems.append(warning(act.path, act.line_of("statut"), "statut",
                                        f"acte publié absent du registre de publication ({REGISTER_FILE}) : son "
                                        f"intégrité n'est pas garantie ; l'enregistrer avec : actes publish {act.path}"))
        return problems

    return check
