"""The site's configuration: the collectivités and the publication, under `extra:`
in mkdocs.yml, validated with the same messages as act files.

    extra:
      collectivites:
        lens:                       # the key acts use in `collectivite:`
          nom: Ville de Lens
          nature: commune
          siren: "216204982"
          departement: "062"
          tribunal_administratif: {nom: Tribunal administratif de Lille, ...}
      publication: {directeur: ..., hebergeur: {...}}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .model import Signataire, Text
from .problems import Problem, error
from .schema_errors import problems_from_validation
from .yamlsafe import read_yaml


def contrast_with_white(colour: str) -> float:
    """WCAG contrast ratio of white text on `colour` ("#rrggbb")."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def luhn_ok(digits: str) -> bool:
    """SIREN and SIRET carry a Luhn check digit (La Poste's SIRET 356000000xxxxx excepted)."""
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char) * (2 if index % 2 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Tribunal(Strict):
    nom: Text                          # "Tribunal administratif de Lille"
    adresse: Text | None = None
    site_web: Text | None = None       # for the Télérecours citoyens mention


class Hebergeur(Strict):
    nom: Text
    adresse: Text | None = None
    contact: Text | None = None


class Collectivite(Strict):
    nom: Text                          # official name: "Ville de Lens"
    nature: Literal["commune", "epci", "departement", "region", "syndicat_mixte", "autre"]
    siren: Annotated[str, Field(pattern=r"^\d{9}$")] | None = None
    siret: Annotated[str, Field(pattern=r"^\d{14}$")] | None = None
    departement: Annotated[str, Field(pattern=r"^(\d{3}|02[AB])$")] | None = None
    adresse: Text | None = None
    site_web: Text | None = None
    tribunal_administratif: Tribunal | None = None
    autorite: Text | None = None       # default autorité for new acts
    lieu: Text | None = None           # default "Fait à …"
    signataire: Signataire | None = None  # default signatory for new acts
    couleur: Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")] | None = None

    @field_validator("siren")
    @classmethod
    def _siren_checksum(cls, value: str | None) -> str | None:
        if value and not luhn_ok(value):
            raise ValueError(f"SIREN « {value} » invalide : la clé de contrôle (Luhn) ne correspond pas")
        return value

    @field_validator("couleur")
    @classmethod
    def _readable_colour(cls, value: str | None) -> str | None:
        # The header writes white text on this colour: WCAG AA asks 4.5:1.
        if value and contrast_with_white(value) < 4.5:
            raise ValueError(f"couleur « {value} » trop claire : le texte blanc de l'en-tête n'y est pas lisible "
                             f"(contraste {contrast_with_white(value):.1f}:1, 4.5:1 au moins)")
        return value

    @field_validator("siret")
    @classmethod
    def _siret_checksum(cls, value: str | None) -> str | None:
        if value and not luhn_ok(value):
            raise ValueError(f"SIRET « {value} » invalide : la clé de contrôle (Luhn) ne correspond pas")
        return value


class Publication(Strict):
    directeur: Text                    # directeur de la publication
    hebergeur: Hebergeur
    contact: Text | None = None
    accessibilite: Literal["non conforme", "partiellement conforme", "totalement conforme"] = "partiellement conforme"
    date_audit: Text | None = None


class Extra(BaseModel):
    # Other keys of `extra:` belong to the theme: they are left alone.
    model_config = ConfigDict(extra="allow", strict=True, frozen=True)
    collectivites: Annotated[dict[Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")], Collectivite],
                             Field(min_length=1)]
    publication: Publication | None = None


@dataclass
class SiteConfig:
    collectivites: dict[str, Collectivite] = field(default_factory=dict)
    publication: Publication | None = None
    site_name: str = "Actes administratifs"
    site_url: str | None = None
    path: str = "mkdocs.yml"

    @property
    def default_collectivite(self) -> str | None:
        return next(iter(self.collectivites), None)


def load_config(path: Path, shown: str = "mkdocs.yml") -> tuple[SiteConfig, list[Problem]]:
    config = SiteConfig(path=shown)
    try:
        text = path.read_text("utf-8-sig")
    except FileNotFoundError:
        return config, [error(shown, 1, "configuration",
                              f"fichier {shown} introuvable : il décrit la ou les collectivités (extra)")]
    except UnicodeDecodeError:
        return config, [error(shown, 1, "configuration", f"texte non UTF-8 : enregistrer {shown} en UTF-8")]
    except OSError as exc:
        return config, [error(shown, 1, "configuration", f"lecture impossible : {exc.strerror or exc}")]
    doc, issues = read_yaml(text)
    # mkdocs.yml may hold tags of MkDocs' own (!ENV, !!python/name): only `extra` is ours.
    # A problem with the whole file is about the configuration, not an act's front matter.
    problems = [error(shown, i.line, "configuration" if i.field == "en-tête" else i.field, i.message)
                for i in issues if i.field.startswith("extra") or doc is None]
    if doc is None or not isinstance(doc.data, dict):
        return config, problems or [error(shown, 1, "configuration", "mkdocs.yml illisible")]
    config.site_name = str(doc.data.get("site_name") or config.site_name)
    config.site_url = doc.data.get("site_url")
    extra = doc.data.get("extra")
    if not isinstance(extra, dict):
        return config, [*problems, error(shown, 1, "extra", "section « extra: » absente : elle décrit la ou les collectivités")]
    try:
        parsed = Extra.model_validate(extra)
    except ValidationError as exc:
        lines = {path[1:]: line for path, line in doc.lines.items() if path[:1] == ("extra",)}
        keys = {path[1:]: line for path, line in doc.key_lines.items() if path[:1] == ("extra",)}
        problems += problems_from_validation(exc, Extra, shown, lines, prefix=("extra",), key_lines=keys)
        return config, problems
    config.collectivites = dict(parsed.collectivites)
    config.publication = parsed.publication
    return config, problems
