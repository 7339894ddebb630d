"""The web editor: a Decap CMS admin page (site/admin/) generated from the act schema.

The configuration is derived from the code, never written by hand, so it cannot
drift from what `actes check` accepts:

- one collection per type of act (all in `acts/`, told apart by `type`), so the
  required flags are exactly those of `rules.RULES[type].required` (and
  `seance_required` inside the séance);
- every front-matter field of `model.ActMeta`, in its order, with the widget its
  Python type calls for (select for a Literal, datetime for a date, object for a
  nested model, list for a list, number for a count, boolean, string);
- patterns for the identifiers (numéro, nomenclature, ACTES id, heure), written
  for JavaScript and tested against our own parsers (tests/test_admin.py);
- the body in a Markdown field, starting from the skeleton `actes new` writes.

`publish_mode: editorial_workflow`: every draft is a branch and a pull request.
Decap's bundle is served from our own files (generator/vendor/decap-cms/, see
scripts/vendor-decap.sh); nothing is loaded from a CDN.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import types
import typing
from pathlib import Path
from typing import Literal

import jinja2
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .files import replace_copy, replace_text
from . import model
from .check import ACTS_DIR, CONFIG_FILE, CheckResult
from .identifiers import DASHES, ActesId, ActNumber, ActRef, NomenclatureCode, nomenclature_labels
from .problems import Problem, error
from .rules import RULES, TypeRules
from .scaffold import body_skeleton, free_number
from .schema_errors import problems_from_validation
from .yamlsafe import read_yaml

VENDOR = Path(__file__).resolve().parent / "vendor" / "decap-cms"
TEMPLATES = Path(__file__).resolve().parent / "templates"
ADMIN_DIR = "admin"
LOCAL_PROXY_PORT = 8081  # decap-server's default port
LOCAL_PROXY_URL = f"http://127.0.0.1:{LOCAL_PROXY_PORT}/api/v1"


# ---------------------------------------------------------------------------
# Settings: `extra.editeur` in mkdocs.yml


class EditorSettings(BaseModel):
    """Where the editor saves: the collectivité's git host. Without it, the
    admin page works only with the local back end (`actes editeur`)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)
    backend: Literal["github", "gitlab", "gitea", "git-gateway", "proxy"] = "proxy"
    depot: typing.Annotated[str, Field(pattern=r"^[\w.-]+(/[\w.-]+)+$")] | None = None  # "ville/actes"
    branche: typing.Annotated[str, Field(min_length=1)] = "main"
    base_url: str | None = None        # OAuth server (GitHub) or GitLab instance
    auth_endpoint: str | None = None
    app_id: str | None = None          # GitLab PKCE application id
    proxy_url: str = LOCAL_PROXY_URL   # decap-server, for backend "proxy"


def read_settings(root: Path) -> tuple[EditorSettings, list[Problem]]:
    path = root / CONFIG_FILE
    try:
        doc, _ = read_yaml(path.read_text("utf-8"))
    except OSError:
        return EditorSettings(), []
    extra = doc.data.get("extra") if doc is not None and isinstance(doc.data, dict) else None
    raw = extra.get("editeur") if isinstance(extra, dict) else None
    if raw is None:
        return EditorSettings(), []
    try:
        settings = EditorSettings.model_validate(raw)
    except ValidationError as exc:
        prefix = ("extra", "editeur")
        lines = {p[2:]: l for p, l in doc.lines.items() if p[:2] == prefix}
        keys = {p[2:]: l for p, l in doc.key_lines.items() if p[:2] == prefix}
        return EditorSettings(), problems_from_validation(exc, EditorSettings, CONFIG_FILE, lines,
                                                          prefix=prefix, key_lines=keys)
    if settings.backend in ("github", "gitlab", "gitea") and not settings.depot:
        line = doc.key_lines.get(("extra", "editeur"), 1)
        return settings, [error(CONFIG_FILE, line, "extra.editeur.depot",
                                f"dépôt manquant pour le backend {settings.backend} : « propriétaire/nom »")]
    return settings, []


# ---------------------------------------------------------------------------
# Fields: labels and patterns (French, for the communications team)

# dotted path -> (label, hint or None). Every field of the model needs one:
# a new field without a label stops the generation (and its test).
LABELS: dict[str, tuple[str, str | None]] = {
    "type": ("Type d'acte", None),
    "numero": ("Numéro", "Prochain numéro libre au moment de la construction du site : {next}. "
                         "La vérification de la pull request signale un numéro déjà pris."),
    "date": ("Date de l'acte", "Date de signature, ou de la séance pour une délibération."),
    "objet": ("Objet", "Une seule ligne, 499 caractères au plus (limite ACTES)."),
    "nomenclature": ("Matière (nomenclature ACTES)", "Code de niveau 1 ou 2 : 1.1 (marchés publics), "
                                                     "5.2, 7.10…"),
    "collectivite": ("Collectivité", None),
    "autorite": ("Autorité", "En tête de l'acte : « Le Maire de la Ville de …, »."),
    "signataire": ("Signataire", None),
    "signataire.prenom": ("Prénom", None),
    "signataire.nom": ("Nom", None),
    "signataire.qualite": ("Qualité", "Maire, Adjoint au Maire, Président…"),
    "signataire.delegation": ("Délégation", "Par exemple « Pour le Maire, » : seulement en cas de délégation."),
    "lieu": ("Lieu de signature", "Pour « Fait à … »."),
    "statut": ("Statut", "Un projet n'est pas publié ; « Publié » demande la date de mise en ligne."),
    "mise_en_ligne": ("Date de mise en ligne", "Obligatoire pour un acte publié (CGCT R2131-1)."),
    "transmission": ("Transmission en préfecture", None),
    "transmission.date": ("Date de réception en préfecture", None),
    "transmission.id": ("Identifiant ACTES", "Par exemple 062-216204982-20241218-DLB03_18122024-DE."),
    "seance": ("Séance", None),
    "seance.date": ("Date de la séance", None),
    "seance.heure": ("Heure", "HH:MM, par exemple 18:30."),
    "seance.lieu": ("Lieu de la séance", None),
    "seance.organe": ("Organe", "Conseil municipal, Bureau, Comité syndical…"),
    "seance.convocation": ("Date de convocation", None),
    "seance.president": ("Président de séance", None),
    "seance.secretaire": ("Secrétaire de séance", None),
    "seance.presents": ("Membres présents", None),
    "seance.representes": ("Membres représentés (pouvoirs)", None),
    "seance.representes.mandant": ("Mandant (absent)", None),
    "seance.representes.mandataire": ("Mandataire", None),
    "seance.excuses": ("Membres excusés", None),
    "seance.absents": ("Membres absents", None),
    "seance.quorum": ("Quorum", None),
    "seance.quorum.atteint": ("Quorum atteint", None),
    "seance.quorum.en_exercice": ("Membres en exercice", None),
    "seance.quorum.presents": ("Nombre de présents", None),
    "seance.quorum.mention": ("Mention du procès-verbal", None),
    "seance.rang": ("Rang dans la séance", "Numéro d'ordre de la délibération dans la séance."),
    "vote": ("Vote", "Pour, contre et abstention, ou unanimité."),
    "vote.effectif": ("Membres en exercice", None),
    "vote.votants": ("Votants", None),
    "vote.pour": ("Pour", None),
    "vote.contre": ("Contre", None),
    "vote.abstention": ("Abstentions", None),
    "vote.unanimite": ("Unanimité", None),
    "vote.resultat": ("Résultat", "Déduit des voix s'il n'est pas indiqué."),
    "rapporteur": ("Rapporteur", None),
    "annexes": ("Annexes", None),
    "annexes.fichier": ("Fichier", "Chemin relatif au fichier de l'acte : annexes/convention.md."),
    "annexes.titre": ("Titre", None),
    "modifie": ("Actes modifiés", "Par exemple « décision 2026-92 »."),
    "abroge": ("Actes abrogés", "Par exemple « arrêté A2026-3 »."),
    "rectifie": ("Actes rectifiés", "Par exemple « décision 2026-92 »."),
    "deliberations": ("Délibérations de la séance", "Par exemple « délibération B2025-01 »."),
    "a_verifier": ("Points à vérifier", "Retirer chaque point une fois vérifié : un acte publié n'en a plus."),
}

OPTION_LABELS = {
    ("statut", "projet"): "Projet (non publié)",
    ("statut", "publie"): "Publié",
    ("vote.resultat", "adopte"): "Adopté",
    ("vote.resultat", "rejete"): "Rejeté",
}

_DASH = "".join(DASHES).replace("-", "\\-")


def _nomenclature_pattern() -> str:
    """Levels 1 and 2 as the national table knows them ("1.1", "01-01", "7.10"),
    then any deeper levels, like `NomenclatureCode.parse`."""
    sep = rf"\s*[.{_DASH}]\s*"
    children: dict[str, list[str]] = {}
    for code in nomenclature_labels():
        level1, _, level2 = code.partition(".")
        children.setdefault(level1, [])
        if level2:
            children[level1].append(level2)
    branches = []
    for level1, level2s in sorted(children.items(), key=lambda item: int(item[0])):
        second = "|".join(f"0?{n}" if len(n) == 1 else n for n in sorted(level2s, key=int, reverse=True))
        branches.append(rf"0?{level1}(?:{sep}(?:{second})(?:{sep}\d{{1,2}})*)?")
    return rf"^(?:{'|'.join(branches)})$"


# JavaScript regular expressions (Decap runs `new RegExp(pattern)`), with the
# message shown under the field (Decap adds the final period). Same language as
# identifiers.py's parsers.
PATTERNS: dict[str, tuple[str, str]] = {
    "numero": (
        rf"^(?:(?:[A-Z][A-Z_]{{0,9}}[ _\-]?)?(?:19|20)\d\d\s*[/{_DASH}]\s*\d{{1,6}}"
        rf"|[0-9A-Za-z][0-9A-Za-z_./{_DASH}]{{0,39}})$",
        "Lettres, chiffres et « _ . / - » : par exemple 2026-102, A2026-15 ou DLB03_18122024",
    ),
    "nomenclature": (_nomenclature_pattern(), "Code de la nomenclature ACTES : par exemple 1.1, 01-01 ou 7.10"),
    "transmission.id": (
        rf"^(?:\d{{3}}|02[AB])[{_DASH}]\d{{9}}[{_DASH}]\d{{8}}[{_DASH}][0-9A-Z_]{{1,15}}[{_DASH}]"
        r"(?:DE|AR|AI|CC|BF|AU)$",
        "Département-SIREN-AAAAMMJJ-numéro interne-nature, par exemple 062-216204982-20241218-DLB03_18122024-DE",
    ),
    "seance.heure": (
        r"^(?:[01]?\d|2[0-3])\s*(?::|[hH](?:[eE][uU][rR][eE][sS]?)?)\s*(?:[0-5]\d)?$",
        "Heure au format HH:MM, par exemple 18:30",
    ),
}


# ---------------------------------------------------------------------------
# Widgets from Python types


def _strip_optional(annotation: object) -> object:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _unannotate(annotation: object) -> object:
    """`Annotated[Annexe, BeforeValidator(...)]` -> Annexe, except our named
    aliases (Date, Number…) which are recognised as they are."""
    if typing.get_origin(annotation) is typing.Annotated and annotation not in SCALARS:
        return typing.get_args(annotation)[0]
    return annotation


DATE_WIDGET = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY",
               "time_format": False, "picker_utc": True}
COUNT_WIDGET = {"widget": "number", "value_type": "int", "min": 0, "max": 100_000}

# Our named types -> Decap widget (a pattern is added by path, from PATTERNS).
SCALARS: dict[object, dict] = {
    model.Date: DATE_WIDGET,
    model.Time: {"widget": "string"},
    model.Number: {"widget": "string"},
    model.Nomenclature: {"widget": "string"},
    model.ActesIdentifier: {"widget": "string"},
    model.Reference: {"widget": "string"},
    model.Text: {"widget": "string"},
    model.Count: COUNT_WIDGET,
    # A required field's Annotated type reaches pydantic's FieldInfo unwrapped:
    str: {"widget": "string"},
    int: COUNT_WIDGET,
    dt.date: DATE_WIDGET,
    ActNumber: {"widget": "string"},
    NomenclatureCode: {"widget": "string"},
    ActesId: {"widget": "string"},
    ActRef: {"widget": "string"},
}


def widget_for(annotation: object, path: str) -> dict:
    """The Decap widget (and its sub-fields) for a Python annotation."""
    inner = _unannotate(_strip_optional(annotation))
    if inner in SCALARS:
        return dict(SCALARS[inner])
    if inner is bool:
        return {"widget": "boolean"}
    if typing.get_origin(inner) is Literal:
        return {"widget": "select", "options": [
            {"label": OPTION_LABELS.get((path, value), value), "value": value} for value in typing.get_args(inner)]}
    if isinstance(inner, type) and issubclass(inner, BaseModel):
        return {"widget": "object", "collapsed": True, "fields": model_fields(inner, path)}
    if typing.get_origin(inner) is list:
        item = _unannotate(typing.get_args(inner)[0])
        if isinstance(item, type) and issubclass(item, BaseModel):
            return {"widget": "list", "collapsed": True, "fields": model_fields(item, path)}
        return {"widget": "list", "field": {"label": LABELS[path][0], "name": "element",
                                            **widget_for(item, f"{path}[]")}}
    raise TypeError(f"{path}: type {inner!r} sans widget Decap : compléter admin.widget_for")


def field_for(name: str, annotation: object, path: str, required: bool) -> dict:
    if path not in LABELS:
        raise KeyError(f"{path}: champ sans libellé : compléter admin.LABELS")
    label, hint = LABELS[path]
    field = {"label": label, "name": name, **widget_for(annotation, path), "required": required}
    if hint:
        field["hint"] = hint
    if path in PATTERNS:
        field["pattern"] = list(PATTERNS[path])
    if field["widget"] == "boolean":
        field["required"] = False  # an unticked box is an answer
    return field


def model_fields(cls: type[BaseModel], prefix: str = "", required: typing.Collection[str] = ()) -> list[dict]:
    """The fields of a pydantic model; a field is required when the model says
    so, or when `required` (from rules.py) names it."""
    fields = []
    for name, info in cls.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        fields.append(field_for(name, info.annotation, path, info.is_required() or name in required))
    return fields


# ---------------------------------------------------------------------------
# The Decap configuration


def collection(type_: str, rules: TypeRules, result: CheckResult, folder: str, day: dt.date,
               acts: list | None = None) -> dict:
    """`acts`: the acts of this type (all of result's when not given)."""
    config = result.config
    acts = result.acts if acts is None else acts
    fields = model_fields(model.ActMeta, required=rules.required)
    seance_required = set(rules.seance_required)
    default_key = config.default_collectivite
    default = config.collectivites.get(default_key) if default_key else None
    next_numbers = ", ".join(f"{free_number(acts, type_, key, day.year)} ({coll.nom})"
                             for key, coll in config.collectivites.items()) or "—"
    for field in fields:
        name = field["name"]
        if name == "type":
            field.update({"widget": "hidden", "default": type_})
            field.pop("options", None)
        elif name == "collectivite":
            field.update({"widget": "select", "default": default_key,
                          "options": [{"label": c.nom, "value": k} for k, c in config.collectivites.items()]})
        elif name == "statut":
            field["default"] = "projet"
        elif name == "numero":
            field["hint"] = field["hint"].format(next=next_numbers)
            if default_key:
                field["default"] = str(free_number(acts, type_, default_key, day.year))
        elif name == "seance":
            for sub in field["fields"]:
                sub["required"] = sub["required"] or sub["name"] in seance_required
        elif name in ("autorite", "lieu") and default and getattr(default, name):
            field["default"] = getattr(default, name)
        elif name == "signataire" and default and default.signataire:
            for sub in field["fields"]:
                value = getattr(default.signataire, sub["name"])
                if value:
                    sub["default"] = value
    fields.append({"label": "Texte de l'acte", "name": "body", "widget": "markdown", "required": True,
                   "default": body_skeleton(type_).strip() + "\n",
                   "buttons": ["bold", "italic", "link", "heading-two", "heading-three", "quote",
                               "bulleted-list", "numbered-list"],
                   "editor_components": [],
                   "hint": "Visas (« Vu … »), considérants, formule (## " + (rules.dispositif or ("DÉCIDE",))[0]
                           + "), puis « **Article 1** : … ». « Fait à » et la signature viennent de l'en-tête."})
    return {
        "name": type_,
        "label": rules.plural,
        "label_singular": rules.title,
        "folder": folder,
        # Decap lower-cases `path` and turns its dots into dashes before filling it,
        # so fields are named without "fields." here; {{year}} is the year of creation.
        "path": f"{{{{year}}}}/{rules.url_prefix}-{{{{numero}}}}",
        "slug": f"{rules.url_prefix}-{{{{numero}}}}",
        "filter": {"field": "type", "value": type_},
        "create": True,
        "delete": False,
        "extension": "md",
        "format": "frontmatter",
        "identifier_field": "numero",
        "summary": "n° {{numero}} du {{date | date('DD/MM/YYYY')}} — {{objet}}",
        "sortable_fields": ["date", "numero"],
        "view_filters": [{"label": "Projets", "field": "statut", "pattern": "projet"},
                         {"label": "Publiés", "field": "statut", "pattern": "publie"}],
        "fields": fields,
    }


def backend(settings: EditorSettings) -> dict:
    out: dict = {"name": settings.backend, "branch": settings.branche,
                 "commit_messages": {
                     "create": "Nouvel acte : {{collection}} {{slug}}",
                     "update": "Acte modifié : {{collection}} {{slug}}",
                     "delete": "Acte supprimé : {{collection}} {{slug}}",
                     "uploadMedia": "Fichier ajouté : {{path}}",
                     "deleteMedia": "Fichier supprimé : {{path}}",
                     "openAuthoring": "{{message}}",
                 }}
    if settings.backend == "proxy":
        out["proxy_url"] = settings.proxy_url
    if settings.depot:
        out["repo"] = settings.depot
    for key in ("base_url", "auth_endpoint", "app_id"):
        if getattr(settings, key):
            out[key] = getattr(settings, key)
    if settings.app_id:
        out["auth_type"] = "pkce"
    return out


def decap_config(result: CheckResult, settings: EditorSettings, folder: str = ACTS_DIR,
                 day: dt.date | None = None) -> dict:
    """The whole Decap configuration (config.yml of admin/)."""
    day = day or dt.date.today()
    by_type: dict[str, list] = {}
    for act in result.acts:  # one pass: each collection reads the numbers of its type
        by_type.setdefault(act.type, []).append(act)
    config: dict = {
        "locale": "fr",
        "backend": backend(settings),
        "publish_mode": "editorial_workflow",
        "media_folder": f"{folder}/annexes",
        "public_folder": "annexes",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "editor": {"preview": False},
        "collections": [collection(t, rules, result, folder, day, by_type.get(t, [])) for t, rules in RULES.items()],
    }
    if settings.backend != "proxy":
        # Served from 127.0.0.1 (actes editeur), Decap talks to the local decap-server instead.
        config["local_backend"] = {"url": LOCAL_PROXY_URL, "allowed_hosts": ["127.0.0.1", "localhost"]}
    if result.config.site_url:
        config["site_url"] = result.config.site_url
        config["display_url"] = result.config.site_url
    return config


# ---------------------------------------------------------------------------
# Writing admin/


def git_prefix(root: Path) -> str:
    """Where the project sits inside its git repository ("" at the top): Decap's
    folders are relative to the repository, not to the project."""
    try:
        done = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"], capture_output=True,
                              text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def write_admin(dest: Path, config: dict, site_name: str) -> None:
    """admin/: index.html, config.yml and Decap's bundle, all served from our files."""
    dest.mkdir(parents=True, exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                             undefined=jinja2.StrictUndefined)
    # New files put in place: the staging folder may share files with the published site.
    replace_text(dest / "index.html", env.get_template("admin.html.j2").render(site_name=site_name))
    replace_text(dest / "config.yml",
                 "# Généré par actes à partir du modèle des actes (generator/admin.py) : ne pas modifier.\n"
                 + yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120))
    for source in VENDOR.iterdir():
        if source.is_file() and source.name not in ("SHA256SUMS",):
            replace_copy(source, dest / source.name)


def add_admin(result: CheckResult, site_dir: Path, ctx) -> None:
    """POST_STAGE of the build: the editor in site/admin/."""
    settings, problems = read_settings(ctx.root)
    if problems:
        from .site import BuildError  # the stage runs inside the build; no import cycle at load time

        raise BuildError("configuration de l'éditeur invalide : " + " ; ".join(str(p) for p in problems))
    folder = f"{git_prefix(ctx.root)}{ACTS_DIR}"
    write_admin(site_dir / ADMIN_DIR, decap_config(result, settings, folder, ctx.today), result.config.site_name)
