"""A new draft act: the next free number of its series, today's date, the
collectivité's defaults, and a body skeleton (Vu / Considérant / DÉCIDE /
Article 1). Used by `actes new` and, for the body skeleton and the next
numbers, by the web editor's configuration (admin.py).

    >>> series_style([ActNumber.parse("B2025-01"), ActNumber.parse("B2025-06")])
    ('B', 2)
    >>> yaml_scalar("1.1"), yaml_scalar("2026-103"), yaml_scalar("Fait: oui")
    ('"1.1"', '2026-103', '"Fait: oui"')

Numbering reuses `numbering.next_number`: one more than the highest rank taken
in the series (collectivité, type, year, prefix) by any act, draft or
published, never a hole.
"""

from __future__ import annotations

import datetime as dt
import json
import typing
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import yaml

from .check import ACTS_DIR, CheckResult
from .config import SiteConfig
from .identifiers import ActNumber, NomenclatureCode, type_from_word
from .model import Act, Seance
from .numbering import next_number
from .rules import RULES
from .yamlsafe import read_yaml

TEMPLATES = Path(__file__).resolve().parent / "templates"


class ScaffoldError(Exception):
    """A draft that cannot be written; the message is French and shown as is."""


@dataclass(frozen=True)
class Draft:
    """A draft act ready to be written at `path` (relative to the project root)."""

    path: str
    type: str
    numero: ActNumber
    date: dt.date
    collectivite: str
    text: str
    guessed: tuple[str, ...] = ()  # what the person must check ("a_verifier" lines)


@dataclass
class DraftRequest:
    type: str
    date: dt.date
    collectivite: str | None = None
    objet: str | None = None
    nomenclature: str | None = None
    also_taken: list[Act] = field(default_factory=list)  # acts of another revision (--against)


def act_type(word: str) -> str:
    """"decision", "décision", "arrêté", "proces-verbal" -> the type key."""
    key = type_from_word(word.replace("_", "-")) or type_from_word(word)
    if key not in RULES:
        raise ScaffoldError(f"type d'acte « {word} » inconnu : decision, arrete, deliberation ou proces_verbal")
    return key


# ---------------------------------------------------------------------------
# Numbering


def series_style(numbers: Iterable[ActNumber]) -> tuple[str, int]:
    """The prefix and zero-padding of the most recent numbers of a series:
    "A2023-15" -> ("A", 0), "B2025-01" -> ("B", 2), "2026-102" -> ("", 0)."""
    sequential = [n for n in numbers if n.is_sequential]
    if not sequential:
        return "", 0
    latest = max(sequential, key=lambda n: (n.year, n.seq))
    digits = latest.text.rsplit("-", 1)[-1]
    return latest.prefix, len(digits) if digits.startswith("0") else 0


def same_series(acts: Iterable[Act], type_: str, collectivite: str) -> list[Act]:
    return [a for a in acts if a.type == type_ and (a.meta.collectivite or "") == collectivite
            and a.meta.numero is not None]


def free_number(acts: Iterable[Act], type_: str, collectivite: str, year: int) -> ActNumber:
    """The next number of the year for this collectivité and type, in the style
    (prefix, padding) of its latest numbers."""
    numbers = [a.meta.numero for a in same_series(acts, type_, collectivite)]
    prefix, width = series_style(numbers)
    return next_number(numbers, year, prefix, width)


def bump(numero: ActNumber) -> ActNumber:
    width = len(numero.text.rsplit("-", 1)[-1]) if numero.text.rsplit("-", 1)[-1].startswith("0") else 0
    return ActNumber.parse(f"{numero.prefix}{numero.year}-{numero.seq + 1:0{width}d}")


def draft_path(type_: str, numero: ActNumber, year: int) -> str:
    return f"{ACTS_DIR}/{year}/{RULES[type_].url_prefix}-{numero.text}.md"


# ---------------------------------------------------------------------------
# Defaults


def usual_nomenclature(acts: Iterable[Act], type_: str, collectivite: str) -> NomenclatureCode | None:
    """The matière most used by this collectivité for this type (the latest one on a tie)."""
    codes = [a.meta.nomenclature for a in acts
             if a.type == type_ and (a.meta.collectivite or "") == collectivite and a.meta.nomenclature]
    if not codes:
        return None
    counts = Counter(str(c) for c in codes)
    best = max(counts.values())
    return next(c for c in reversed(codes) if counts[str(c)] == best)


def choose_collectivite(config: SiteConfig, key: str | None) -> str:
    known = config.collectivites
    if key is None:
        if not known:
            raise ScaffoldError("aucune collectivité dans mkdocs.yml (extra.collectivites)")
        return next(iter(known))
    if key not in known:
        raise ScaffoldError(f"collectivité « {key} » absente de mkdocs.yml (connues : {', '.join(known) or 'aucune'})")
    return key


# ---------------------------------------------------------------------------
# Writing


def yaml_scalar(value: object) -> str:
    """A YAML scalar that reads back as the same string, with our strict loader
    and with an ordinary YAML 1.1 loader too (the web editor's, other tools'):
    plain when it can be, JSON-quoted (valid YAML) otherwise. So "7.10" is never
    left plain for another tool to read as the number 7.1."""
    text = str(value)
    if text and "\n" not in text and text == text.strip():
        doc, issues = read_yaml(f"k: {text}\n")
        try:
            ordinary = yaml.safe_load(f"k: {text}\n")
        except yaml.YAMLError:
            ordinary = None
        if not issues and doc is not None and doc.data == {"k": text} and ordinary == {"k": text}:
            return text
    return json.dumps(text, ensure_ascii=False)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), keep_trailing_newline=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined,
                             autoescape=False)  # YAML and Markdown, not HTML: values go through `y`
    env.filters["y"] = yaml_scalar
    env.filters["v"] = lambda value: f" {value if value == '[]' else yaml_scalar(value)}" if value else ""
    return env


def body_skeleton(type_: str) -> str:
    """The body a new act starts with: visas, considérants, dispositif, Article 1."""
    return environment().get_template("corps-nouvel-acte.md.j2").render(type=type_, rules=RULES[type_])


def plan_draft(result: CheckResult, root: Path, request: DraftRequest) -> Draft:
    """Everything about the new draft, nothing written yet."""
    type_ = request.type
    config = result.config
    coll_key = choose_collectivite(config, request.collectivite)
    coll = config.collectivites[coll_key]
    acts = [*result.acts, *request.also_taken]
    numero = free_number(acts, type_, coll_key, request.date.year)
    taken = {str(a.meta.numero) for a in same_series(acts, type_, coll_key)}
    while str(numero) in taken or (root / draft_path(type_, numero, request.date.year)).exists():
        numero = bump(numero)  # a file of that name exists (perhaps not an act yet): never overwrite

    guessed = []
    if not request.objet:
        guessed.append("objet : remplacer « Objet à compléter » par l'objet de l'acte (une ligne)")
    nomenclature = None
    if request.nomenclature:
        try:
            nomenclature = NomenclatureCode.parse(request.nomenclature)
        except ValueError as exc:
            raise ScaffoldError(f"--nomenclature : {exc}") from None
    elif "nomenclature" in RULES[type_].required:
        nomenclature = usual_nomenclature(result.acts, type_, coll_key)
        if nomenclature is None:
            raise ScaffoldError(f"indiquer la matière ACTES de l'acte, par exemple --nomenclature 1.1 "
                                f"(aucun acte de ce type de {coll.nom} pour la proposer)")
        guessed.append(f"nomenclature : {nomenclature} ({nomenclature.label}) proposée car la plus "
                       f"utilisée ; la changer si besoin")
    guessed.append("texte : rédiger le compte rendu de la séance" if RULES[type_].articles == "none"
                   else "texte : rédiger les visas, les considérants et les articles")

    text = environment().get_template("nouvel-acte.md.j2").render(
        type=type_, rules=RULES[type_], numero=numero.text, date=request.date.isoformat(),
        objet=request.objet or "Objet à compléter", nomenclature=str(nomenclature) if nomenclature else None,
        collectivite=coll_key, coll=coll, guessed=guessed, body=body_skeleton(type_).strip(),
        seance_fields=[(name, "[]" if _is_list(Seance, name) else "") for name in RULES[type_].seance_required
                       if name != "date"],
    )
    return Draft(draft_path(type_, numero, request.date.year), type_, numero, request.date, coll_key, text,
                 tuple(guessed))


def _is_list(model: type, name: str) -> bool:
    return typing.get_origin(model.model_fields[name].annotation) is list


def write_draft(root: Path, draft: Draft) -> Path:
    target = root / draft.path
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as out:  # "x": never overwrite
            out.write(draft.text)
    except FileExistsError:
        raise ScaffoldError(f"{draft.path} existe déjà : rien n'a été écrit") from None
    return target
