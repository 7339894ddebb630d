"""Imported acts out: act files (YAML front matter + Markdown body) and JSON.

The front matter follows the README's order; what the importer deduced rather than
read is said in a YAML comment next to the field, and what a person must check is in
`a_verifier`, which `actes check` reports. Fields that are required but unknown are
left out (the check reports them) and what was read of them is given in a comment.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ..body import AFTER_DEBATE
from ..rules import RULES
from ..yamlsafe import read_yaml
from .french import fold1
from .model import ImportedAct

# ---------------------------------------------------------------------------
# YAML


def scalar(value: object) -> str:
    """A YAML scalar that reads back as the same string (plain when possible)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    if re.fullmatch(r"[\d\s.:,+eE_-]+", text) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}|\d{4}-\d+", text):
        return json.dumps(text)  # "1.4", "14:00": a number to other YAML readers
    if text and "\n" not in text and text == text.strip() and not text.startswith(("'", '"', "#", "-", "?", ":",
                                                                                      "{", "[", "!", "&", "*", "|",
                                                                                      ">", "%", "@", "`")):
        doc, issues = read_yaml(f"k: {text}\n")
        if not issues and doc is not None and isinstance(doc.data, dict) and doc.data.get("k") == text:
            return text
    return json.dumps(text, ensure_ascii=False)


def _flow(text: str) -> str:
    """A scalar inside "{…}": commas and brackets would end it."""
    plain = scalar(text)
    return json.dumps(text, ensure_ascii=False) if re.search(r"[,\[\]{}]", plain) else plain


def _comment(text: str | None) -> str:
    return f"  # {' '.join(text.split())}" if text else ""


class _Yaml:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def field(self, key: str, value: object, comment: str | None = None, indent: int = 0) -> None:
        if value is None or value == [] or value == {}:
            return
        pad = " " * indent
        if isinstance(value, dict):
            self.lines.append(f"{pad}{key}:{_comment(comment)}")
            for sub, sub_value in value.items():
                self.field(sub, sub_value, indent=indent + 2)
        elif isinstance(value, list):
            self.lines.append(f"{pad}{key}:{_comment(comment)}")
            for item in value:
                if isinstance(item, dict) and all(isinstance(v, str) and len(v) < 60 for v in item.values()):
                    pairs = ", ".join(f"{k}: {_flow(v)}" for k, v in item.items())
                    self.lines.append(f"{pad}  - {{{pairs}}}")
                elif isinstance(item, dict):
                    first = True
                    for sub, sub_value in item.items():
                        lead = f"{pad}  - " if first else f"{pad}    "
                        self.lines.append(f"{lead}{sub}: {scalar(sub_value)}")
                        first = False
                else:
                    self.lines.append(f"{pad}  - {scalar(item)}")
        else:
            self.lines.append(f"{pad}{key}: {scalar(value)}{_comment(comment)}")

    def comment(self, text: str, indent: int = 0) -> None:
        for line in _wrap(text, 86):
            self.lines.append(f"{' ' * indent}# {line}")


def _wrap(text: str, width: int) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}".strip()
    if current:
        lines.append(current)
    return lines


def front_matter(act: ImportedAct, deliberation_refs: list[str] | None = None,
                 annex_files: list[tuple[str, str]] | None = None) -> str:
    y = _Yaml()
    y.comment(f"Importé par « actes import » depuis {Path(act.source).name or 'un texte'} : à relire avant publication.")
    y.field("type", act.type)
    y.field("numero", act.numero, act.comments.get("numero"))
    y.field("date", act.date, act.comments.get("date"))
    y.field("objet", act.objet, act.comments.get("objet"))
    y.field("nomenclature", act.nomenclature, act.comments.get("nomenclature"))
    y.field("collectivite", act.collectivite)
    if act.collectivite is None and act.collectivite_nom:
        y.comment(f"collectivité imprimée : {act.collectivite_nom}")
    y.field("autorite", act.autorite)
    y.field("rapporteur", act.rapporteur)
    _signataire(y, act.signataire)
    y.field("lieu", act.lieu)
    if act.transmission and (act.transmission.get("date") or act.transmission.get("id")):
        y.field("transmission", {k: v for k, v in act.transmission.items() if v})
    y.field("statut", "projet")
    if act.seance:
        y.field("seance", _seance(act.seance))
    if act.vote:
        vote = {k: act.vote[k] for k in ("effectif", "votants", "pour", "contre", "abstention")
                if act.vote.get(k) is not None}
        if act.vote.get("unanimite"):
            vote["unanimite"] = True
        if act.vote.get("resultat") == "rejete":
            vote["resultat"] = "rejete"
        if not any(k in vote for k in ("pour", "contre", "abstention", "unanimite")) and \
                act.vote.get("resultat") == "adopte":
            vote["resultat"] = "adopte"
        y.field("vote", vote)
    if annex_files:
        y.field("annexes", [{"fichier": path, "titre": title} for path, title in annex_files])
    y.field("deliberations", deliberation_refs)
    y.field("a_verifier", act.a_verifier)
    return "---\n" + "\n".join(y.lines) + "\n---\n"


def _signataire(y: _Yaml, signataire: dict | None) -> None:
    if not signataire:
        return
    fields = {k: signataire.get(k) for k in ("prenom", "nom", "qualite", "delegation")}
    if fields["prenom"] and fields["nom"] and fields["qualite"]:
        y.field("signataire", {k: v for k, v in fields.items() if v})
        return
    known = {k: v for k, v in fields.items() if v}
    if signataire.get("nom_complet") and not fields["nom"]:
        known["nom"] = signataire["nom_complet"]
    if known:
        y.comment("signataire incomplet (voir a_verifier) ; lu dans le document :")
        for key, value in known.items():
            y.comment(f"  {key}: {value}")


def _seance(seance: dict) -> dict:
    out = dict(seance)
    if "representes" in out:
        out["representes"] = [{"mandant": a, "mandataire": b} for a, b in out["representes"]]
    return out


# ---------------------------------------------------------------------------
# Markdown body


def _article(article) -> str:
    first, _, rest = article.texte.partition("\n\n")
    if first.startswith("- "):
        first, rest = "", article.texte
    head = f"**Article {article.numero}** :" + (f" {first}" if first else "")
    return head + (f"\n\n{rest}" if rest else "")


def body(act: ImportedAct) -> str:
    if act.body_markdown is not None:
        return act.body_markdown
    blocks: list[str] = []
    sources = {"visas": iter(act.visas), "considerants": iter(act.considerants), "expose": iter(act.expose)}
    if sorted(act.order) == sorted(["visas"] * len(act.visas) + ["considerants"] * len(act.considerants)
                                   + ["expose"] * len(act.expose)) and act.order:
        blocks += [next(sources[part]) for part in act.order]
    elif act.type in ("decision", "arrete"):
        blocks += act.visas + act.considerants + act.expose
    else:
        blocks += act.expose + act.visas + act.considerants
    if act.dispositif == AFTER_DEBATE:
        texts = act.dispositif_texte
        if not texts or not fold1(texts[0]).startswith("apres en avoir delibere"):
            blocks.append(f"## {AFTER_DEBATE}")
        blocks += texts
    elif act.dispositif:
        blocks.append(f"## {act.dispositif}")
        blocks += act.dispositif_texte
    blocks += [_article(article) for article in act.articles]
    return "\n\n".join(_escape(b) for b in blocks if b.strip()) + "\n"


def _escape(block: str) -> str:
    """Text that Markdown would misread: a line starting with "#" or "1." in prose."""
    lines = []
    for line in block.split("\n"):
        if re.match(r"^#{1,6}\s", line) and not line.startswith(("## ", "### ")):
            line = "\\" + line
        lines.append(line)
    return "\n".join(lines)


def act_markdown(act: ImportedAct, deliberation_refs: list[str] | None = None,
                 annex_files: list[tuple[str, str]] | None = None) -> str:
    return front_matter(act, deliberation_refs, annex_files) + "\n" + body(act)


# ---------------------------------------------------------------------------
# Files


def _slug(text: str, limit: int = 60) -> str:
    slug = re.sub(r"[^0-9a-z]+", "-", fold1(text)).strip("-")
    return slug[:limit].strip("-") or "acte"


def file_name(act: ImportedAct) -> str:
    prefix = RULES[act.type].url_prefix if act.type in RULES else "acte"
    if act.numero:
        return f"{prefix}-{re.sub(r'[^0-9A-Za-z_-]+', '-', act.numero).strip('-')}.md"
    if act.type == "proces_verbal":
        organe = _slug((act.seance or {}).get("organe") or "seance")
        return f"{prefix}-{organe}-{act.date.isoformat() if act.date else 'sans-date'}.md"
    if act.rang:
        return f"{prefix}-{act.date.isoformat() if act.date else 'sans-date'}-{act.rang:02d}.md"
    stem = _slug(Path(act.source).stem) if act.source else "acte"
    return f"{prefix}-{stem}.md"


def planned_files(acts: list[ImportedAct], out: Path) -> list[tuple[Path, str]]:
    """(path, content) for each act and annex, in writing order."""
    files: list[tuple[Path, str]] = []
    paths: dict[int, Path] = {}
    for act in acts:
        folder = out / (str(act.date.year) if act.date else "sans-date")
        path = folder / file_name(act)
        while path in paths.values():
            path = path.with_name(path.stem + "-bis.md")
        paths[id(act)] = path
    for act in acts:
        path = paths[id(act)]
        annexes = []
        for index, (title, text) in enumerate(act.annexes, start=1):
            annex = path.parent / "annexes" / f"{path.stem}-annexe-{index}-{_slug(title, 40)}.md"
            annexes.append((annex.relative_to(path.parent).as_posix(), title))
            files.append((annex, text if text.endswith("\n") else text + "\n"))
        refs = [f"délibération {child.numero}" for child in act.deliberations if child.numero] or None
        if act.deliberations and refs and len(refs) < len(act.deliberations):
            act.check("certaines délibérations de la séance n'ont pas de numéro : compléter « deliberations »")
        elif act.type == "proces_verbal" and act.deliberations and not refs:
            act.check("délibérations de la séance sans numéro : compléter « deliberations » une fois numérotées")
        files.append((path, act_markdown(act, refs, annexes)))
    return files


# ---------------------------------------------------------------------------
# JSON


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def act_json(act: ImportedAct, path: str | None = None) -> dict:
    signataire = None
    if act.signataire:
        signataire = {k: act.signataire.get(k) for k in ("prenom", "nom", "qualite", "delegation")}
        if not signataire["nom"] and act.signataire.get("nom_complet"):
            signataire["nom_complet"] = act.signataire["nom_complet"]
    vote = None
    if act.vote:
        vote = {k: act.vote.get(k) for k in ("pour", "contre", "abstention", "unanimite", "resultat",
                                             "effectif", "votants")}
        vote["unanimite"] = bool(vote["unanimite"])
    seance = None
    if act.seance:
        seance = {k: _iso(v) for k, v in act.seance.items()}
        if "representes" in seance:
            seance["representes"] = [{"mandant": a, "mandataire": b} for a, b in seance["representes"]]
    transmission = act.transmission or {}
    return {
        "fichier": path,
        "source": act.source or None,
        "type": act.type,
        "document": act.document,
        "numero": act.numero,
        "date": _iso(act.date),
        "nomenclature": act.nomenclature,
        "objet": act.objet,
        "collectivite": act.collectivite,
        "collectivite_nom": act.collectivite_nom,
        "autorite": act.autorite,
        "visas": list(act.visas),
        "considerants": list(act.considerants),
        "expose": list(act.expose),
        "dispositif": act.dispositif,
        "dispositif_texte": list(act.dispositif_texte),
        "articles": [{"numero": a.numero, "texte": a.texte} for a in act.articles],
        "lieu": act.lieu,
        "signataire": signataire,
        "rapporteur": act.rapporteur,
        "seance": seance,
        "vote": vote,
        "transmission_id": transmission.get("id"),
        "transmission_date": _iso(transmission.get("date")),
        "annexes": [title for title, _ in act.annexes],
        "deliberations": [child.numero or f"point {child.rang}" for child in act.deliberations],
        "a_verifier": list(act.a_verifier),
    }
