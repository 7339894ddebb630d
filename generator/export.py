"""Open data of the published acts, as data (not pages): one record per act (JSON,
CSV) and the délibérations in the SCDL Délibérations 2.1.5 format (OpenDataFrance).

Used by `actes export` and by the build (feeds.py writes the files of the site).
Records are built as dictionaries and written with the json and csv modules: no
template could escape JSON strings or CSV cells as safely.

SCDL and the SIRET: COLL_SIRET is required by the schema, and only the collectivité
knows its SIRET (the SIREN is not enough: the NIC names one of its establishments).
A collectivité without `siret:` in mkdocs.yml gets no SCDL rows: `actes export`
reports it as an error naming the config line to fill, and the build leaves its
SCDL file out (and says so), rather than invent a number.

The schema's `custom_checks`, which frictionless does not run, are implemented in
`scdl_problems`: SIRET checksum, vote columns present together and adding up,
dates and counts in order, and the "niveau1/niveau2" matière labels.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .config import Collectivite, SiteConfig
from .identifiers import NomenclatureCode, nomenclature_labels
from .model import Act
from .problems import Problem, error
from .rules import RULES

SCDL_FIELDS = (
    "COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE", "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET",
    "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID", "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR",
    "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL",
)
VOTE_FIELDS = ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")
CSV_FIELDS = (
    "collectivite", "type", "numero", "date", "objet", "nomenclature", "matiere", "auteur", "mise_en_ligne",
    "transmission_date", "transmission_id", "seance_date", "seance_organe", "vote", "url", "pdf_url", "pdf_sha256",
)
LA_POSTE_SIREN = "356000000"  # its SIRETs follow another rule (sum of digits multiple of 5)


# ---------------------------------------------------------------------------
# Where acts live on the site


@dataclass
class Links:
    """URLs of acts and their PDFs: absolute with `site_url` in mkdocs.yml, relative
    to the site's root otherwise (the data files then only work on the site itself)."""

    site_url: str | None
    act_paths: dict[int, str] = field(default_factory=dict)  # id(act) -> docs path "actes/2026/x.md"

    def url(self, path: str) -> str:
        base = (self.site_url or "").rstrip("/")
        return f"{base}/{path}" if base else path

    def page(self, act: Act) -> str | None:
        path = self.act_paths.get(id(act))
        return self.url(path[: -len(".md")] + "/") if path else None

    def pdf(self, act: Act) -> str | None:
        path = self.act_paths.get(id(act))
        return self.url(path[: -len(".md")] + ".pdf") if path else None


def site_links(result, acts: list[Act]) -> Links:
    from .render import SiteMap

    site = SiteMap(result.registry, result.config, acts)
    return Links(result.config.site_url, {id(a): site.act_path(a) for a in acts})


# ---------------------------------------------------------------------------
# One record per act (actes.json, CSV)


@dataclass(frozen=True)
class PdfFacts:
    sha256: str
    octets: int


def vote_phrase(act: Act) -> str | None:
    vote = act.meta.vote
    if vote is None:
        return None
    outcome = "adopté" if vote.adopte else "rejeté"
    if RULES[act.type].feminine:
        outcome += "e"
    if vote.unanimite:
        return f"{outcome} à l'unanimité"
    if vote.pour is not None:
        return f"{outcome} : {vote.pour} pour, {vote.contre or 0} contre, {vote.abstention or 0} abstention(s)"
    return outcome


def act_record(act: Act, config: SiteConfig, links: Links, pdf: PdfFacts | None, source_sha256: str | None) -> dict:
    meta = act.meta
    coll = config.collectivites.get(meta.collectivite or "")
    code = meta.nomenclature
    record = {
        "collectivite": {"cle": meta.collectivite, "nom": coll.nom if coll else None,
                         "siren": coll.siren if coll else None},
        "type": act.type,
        "type_libelle": RULES[act.type].title,
        "numero": str(meta.numero),
        "date": meta.date.isoformat(),
        "objet": meta.objet,
        "nomenclature": ({"code": str(code), "libelle": code.label, "niveau1": code.level1_label}
                         if code else None),
        "auteur": (meta.signataire.model_dump(exclude_none=True) if meta.signataire else None),
        "mise_en_ligne": meta.mise_en_ligne.isoformat() if meta.mise_en_ligne else None,
        "transmission": meta.transmission.model_dump(mode="json", exclude_none=True) if meta.transmission else None,
        "seance": ({k: v for k, v in {"date": meta.seance.date.isoformat() if meta.seance.date else None,
                                      "organe": meta.seance.organe, "rang": meta.seance.rang}.items() if v is not None}
                   if meta.seance else None),
        "vote": ({**meta.vote.model_dump(exclude_none=True, exclude_defaults=True), "adopte": meta.vote.adopte,
                  "texte": vote_phrase(act)} if meta.vote else None),
        "relations": {rel: [str(r) for r in getattr(meta, rel)] for rel in ("modifie", "abroge", "rectifie",
                                                                              "deliberations") if getattr(meta, rel)},
        "url": links.page(act),
        "pdf": ({"url": links.pdf(act), "sha256": pdf.sha256, "octets": pdf.octets} if pdf else None),
        "source_sha256": source_sha256,
    }
    return {key: value for key, value in record.items() if value not in (None, {}, [])}


def acts_json(records: list[dict], generated: dict) -> str:
    return item_per_line_json({**generated, "actes": records}, "actes")


def json_item(value) -> str:
    """One element of an item_per_line_json list, as it is written there."""
    return json.dumps(value, ensure_ascii=False)


def item_per_line_json(data: dict, items_key: str, dumped: list[str] | None = None) -> str:
    """JSON with each element of data[items_key] on a line of its own (last key).
    json.dumps with `indent` runs in pure Python, seconds for 20,000 acts; this
    runs in C, and a change of one act is a change of one line. `dumped`: the
    elements already written by json_item (data then has no items_key)."""
    head = [f" {json_item(key)}: {json_item(value)}" for key, value in data.items() if key != items_key]
    if dumped is None:
        dumped = [json_item(item) for item in data[items_key]]
    items = ",\n".join(f"  {item}" for item in dumped)
    head.append(f" {json_item(items_key)}: " + (f"[\n{items}\n ]" if items else "[]"))
    return "{\n" + ",\n".join(head) + "\n}\n"


def csv_row(record: dict) -> dict:
    auteur = record.get("auteur") or {}
    return {
        "collectivite": record["collectivite"]["nom"] or record["collectivite"]["cle"],
        "type": record["type"],
        "numero": record["numero"],
        "date": record["date"],
        "objet": record["objet"],
        "nomenclature": (record.get("nomenclature") or {}).get("code", ""),
        "matiere": (record.get("nomenclature") or {}).get("libelle", ""),
        "auteur": f"{auteur.get('prenom', '')} {auteur.get('nom', '')}, {auteur.get('qualite', '')}" if auteur else "",
        "mise_en_ligne": record.get("mise_en_ligne", ""),
        "transmission_date": (record.get("transmission") or {}).get("date", ""),
        "transmission_id": (record.get("transmission") or {}).get("id", ""),
        "seance_date": (record.get("seance") or {}).get("date", ""),
        "seance_organe": (record.get("seance") or {}).get("organe", ""),
        "vote": (record.get("vote") or {}).get("texte", ""),
        "url": record.get("url", ""),
        "pdf_url": (record.get("pdf") or {}).get("url", ""),
        "pdf_sha256": (record.get("pdf") or {}).get("sha256", ""),
    }


# A cell a spreadsheet would run as a formula ("CSV injection"): an objet written
# "=HYPERLINK(…)" must open as text. Plain numbers are left as they are.
_FORMULA = re.compile(r"^[=+\-@\t\r]")
_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")


def spreadsheet_text(value: object) -> object:
    """The value, with a leading apostrophe when a spreadsheet would read a formula."""
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.match(value):
        return "'" + value
    return value


def write_csv(rows: Iterable[dict], fields: tuple[str, ...]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else spreadsheet_text(row.get(k)) for k in fields})
    return out.getvalue()


def csv_line(row: dict, fields: tuple[str, ...]) -> str:
    """The line write_csv writes for one row (a header-less write_csv)."""
    return write_csv([row], fields).split("\n", 1)[1]


# ---------------------------------------------------------------------------
# SCDL Délibérations 2.1.5


def scdl_label(label: str) -> str:
    """A nomenclature label as SCDL writes it: lower case with accents, no commas or
    brackets, no "/" (the separator of the two levels)."""
    text = label.lower().replace("/", "-")
    text = re.sub(r"[,()\[\]]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def scdl_matiere_nom(code: NomenclatureCode) -> str:
    return f"{scdl_label(code.level1_label)}/{scdl_label(code.level2_label or '')}"


def scdl_votes(act: Act) -> dict[str, int | None]:
    """The five vote columns, all filled or all empty (SCDL asks them together)."""
    vote = act.meta.vote
    empty = dict.fromkeys(VOTE_FIELDS)
    if vote is None:
        return empty
    pour, contre, abstention = vote.pour, vote.contre, vote.abstention
    if vote.unanimite and pour is None and vote.votants is not None:
        pour, contre, abstention = vote.votants - (abstention or 0), contre or 0, abstention or 0
    if pour is not None:
        contre, abstention = contre or 0, abstention or 0
    votants = vote.votants if vote.votants is not None else (
        pour + contre + abstention if pour is not None else None)
    values = dict(zip(VOTE_FIELDS, (vote.effectif, votants, pour, contre, abstention)))
    return values if all(v is not None for v in values.values()) else empty


def scdl_row(act: Act, coll: Collectivite, links: Links) -> dict:
    meta = act.meta
    transmission = meta.transmission
    return {
        "COLL_NOM": coll.nom,
        "COLL_SIRET": coll.siret,
        "DELIB_ID": str(meta.numero),
        "DELIB_DATE": meta.date.isoformat(),
        "DELIB_MATIERE_CODE": meta.nomenclature.level2_code,
        "DELIB_MATIERE_NOM": scdl_matiere_nom(meta.nomenclature),
        "DELIB_OBJET": meta.objet,
        "BUDGET_ANNEE": None,
        "BUDGET_NOM": None,
        "PREF_ID": f"PREF{transmission.id.departement}" if transmission and transmission.id else None,
        "PREF_DATE": transmission.date.isoformat() if transmission and transmission.date else None,
        **scdl_votes(act),
        "DELIB_URL": links.pdf(act) if links.site_url else None,
    }


@dataclass
class ScdlExport:
    rows: dict[str, list[dict]] = field(default_factory=dict)  # collectivité key -> rows
    problems: list[Problem] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)      # collectivité key -> why

    def csv(self, key: str | None = None) -> str:
        rows = self.rows.get(key, []) if key else [r for k in sorted(self.rows) for r in self.rows[k]]
        return write_csv(rows, SCDL_FIELDS)


def config_line(config_path: Path, key: str) -> int:
    """Line of `key:` under extra.collectivites in mkdocs.yml (1 if not found)."""
    try:
        lines = config_path.read_text("utf-8").splitlines()
    except OSError:
        return 1
    return next((i + 1 for i, line in enumerate(lines) if re.match(rf"^\s+{re.escape(key)}:\s*(#.*)?$", line)), 1)


def scdl_export(acts: list[Act], config: SiteConfig, links: Links, config_path: Path) -> ScdlExport:
    export = ScdlExport()
    for act in acts:
        if act.type != "deliberation":
            continue
        key = act.meta.collectivite or ""
        coll = config.collectivites.get(key)
        if coll is None:
            continue
        if not coll.siret:
            if key not in export.refused:
                export.refused[key] = (f"{coll.nom} : pas de SIRET dans mkdocs.yml (extra.collectivites.{key}.siret, "
                                       "14 chiffres) ; le format SCDL l'exige (COLL_SIRET) : ses délibérations ne sont "
                                       "pas exportées")
                export.problems.append(error(config.path, config_line(config_path, key),
                                             f"extra.collectivites.{key}.siret", export.refused[key]))
            continue
        if act.meta.nomenclature is None or act.meta.nomenclature.level2 is None:
            export.problems.append(error(act.path, act.line_of("nomenclature"), "nomenclature",
                                         "matière de niveau 2 (par exemple « 5.2 ») exigée par le format SCDL "
                                         "(DELIB_MATIERE_CODE) : délibération non exportée"))
            continue
        export.rows.setdefault(key, []).append(scdl_row(act, coll, links))
    for key, rows in export.rows.items():
        for number, column, message in scdl_problems(rows):
            export.problems.append(error(f"SCDL {key}", number, column, message))
    return export


# -- the schema's custom checks ---------------------------------------------------

def siret_ok(value: str) -> bool:
    if not re.fullmatch(r"\d{14}", value or ""):
        return False
    if value.startswith(LA_POSTE_SIREN):
        return sum(int(c) for c in value) % 5 == 0
    total = 0
    for index, char in enumerate(reversed(value)):
        digit = int(char) * (2 if index % 2 else 1)
        total += digit - 9 if digit > 9 else digit
    return total % 10 == 0


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn")


def matiere_nom_problem(value: str, code: str | None) -> str | None:
    labels = nomenclature_labels()
    level1 = {fold(labels[c]): c for c in labels if "." not in c}
    if value.count("/") != 1:
        return f"« {value} » : attendu « niveau1/niveau2 », deux intitulés séparés par une seule barre oblique"
    first, second = value.split("/")
    if first != first.strip() or second != second.strip():
        return f"« {value} » : pas d'espace avant ni après la barre oblique"
    if re.search(r"[,()]", value) or value != value.lower():
        return f"« {value} » : minuscules accentuées, sans virgule ni parenthèse"
    if fold(first) not in level1:
        return f"« {first} » n'est pas un intitulé de niveau 1 de la nomenclature ACTES"
    if code and code in labels and value != f"{scdl_label(labels[code.split('.')[0]])}/{scdl_label(labels[code])}":
        return f"« {value} » ne correspond pas au code de matière {code}"
    return None


def _int(row: dict, column: str) -> int | None:
    value = row.get(column)
    return None if value in (None, "") else int(value)


def scdl_problems(rows: list[dict]) -> list[tuple[int, str, str]]:
    """(row number in the CSV, counting the header as line 1; column; message)."""
    found = []
    for number, row in enumerate(rows, start=2):
        def report(column: str, message: str) -> None:
            found.append((number, column, message))

        if not siret_ok(row.get("COLL_SIRET") or ""):
            report("COLL_SIRET", f"SIRET « {row.get('COLL_SIRET')} » invalide (14 chiffres, clé de contrôle)")
        budget = [row.get("BUDGET_ANNEE"), row.get("BUDGET_NOM")]
        if any(budget) and not all(budget):
            report("BUDGET_ANNEE", "BUDGET_ANNEE et BUDGET_NOM vont ensemble")
        year = row.get("BUDGET_ANNEE") or ""
        if "/" in year and not (year[:4] < year[5:]):
            report("BUDGET_ANNEE", f"intervalle d'années « {year} » dans le désordre")
        votes = [_int(row, c) for c in VOTE_FIELDS]
        if any(v is not None for v in votes) and not all(v is not None for v in votes):
            report("VOTE_EFFECTIF", "les colonnes de vote sont toutes remplies ou toutes vides")
        effectif, reel, pour, contre, abstention = votes
        if all(v is not None for v in votes):
            if effectif < reel:
                report("VOTE_REEL", f"{reel} votants pour un effectif de {effectif}")
            for column, count in (("VOTE_POUR", pour), ("VOTE_CONTRE", contre), ("VOTE_ABSTENTION", abstention)):
                if count > reel:
                    report(column, f"{count} voix pour {reel} votants")
            if pour + contre + abstention != reel:
                report("VOTE_REEL", f"pour + contre + abstention = {pour + contre + abstention}, votants = {reel}")
        if row.get("PREF_DATE") and row["PREF_DATE"] < row["DELIB_DATE"]:
            report("PREF_DATE", "date de réception en préfecture antérieure à la délibération")
        problem = matiere_nom_problem(row.get("DELIB_MATIERE_NOM") or "", row.get("DELIB_MATIERE_CODE"))
        if problem:
            report("DELIB_MATIERE_NOM", problem)
    return found


def public_acts(result, today: dt.date) -> list[Act]:
    """Acts on the public site: published and with their mise en ligne come."""
    from .render import select_acts

    return select_acts(result, today, drafts=False)
