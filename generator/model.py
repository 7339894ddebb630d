"""The typed model of an act: its front matter (pydantic v2) and its body parts.

The schema declares one line per field with its default; which fields a type of
act requires lives in `rules.py`, as data. Identifiers and dates are parsed into
value objects here, with French messages, so a wrong value is reported once,
at the line of its field.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

from .body import ActBody
from .identifiers import ActesId, ActNumber, ActRef, NomenclatureCode

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre")


_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_date(value: object) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else None
    match = _ISO_DATE.fullmatch(text or "")
    if not match:
        raise ValueError(f"date attendue au format AAAA-MM-JJ (par exemple 2026-05-22), trouvé « {value} »")
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        raise ValueError(f"date impossible : {text} (il n'y a pas de mois {month})")
    try:
        return dt.date(year, month, day)
    except ValueError:
        days = ((dt.date(year + month // 12, month % 12 + 1, 1)) - dt.date(year, month, 1)).days
        raise ValueError(f"date impossible : {text} ({MONTHS[month - 1]} {year} n'a que {days} jours)") from None


def parse_time(value: object) -> str:
    """"14:00", "14h", "17h30", "14 heures" -> "14:00", "17:30"."""
    text = str(value).strip().lower() if isinstance(value, str) else ""
    match = re.fullmatch(r"(\d{1,2})\s*(?::|h|heures?)\s*(\d{2})?", text)
    if not match or int(match[1]) > 23 or int(match[2] or 0) > 59:
        raise ValueError(f"heure attendue au format HH:MM (par exemple 14:30), trouvé « {value} »")
    return f"{int(match[1]):02d}:{match[2] or '00'}"


def _parse_or_keep(parser, cls):
    def parse(value):
        return value if isinstance(value, cls) else parser(value)
    return parse


Date = Annotated[dt.date, PlainValidator(parse_date), PlainSerializer(lambda d: d.isoformat(), return_type=str),
                 WithJsonSchema({"type": "string", "format": "date"})]
Time = Annotated[str, PlainValidator(parse_time), WithJsonSchema({"type": "string", "pattern": r"^\d{2}:\d{2}$"})]
Number = Annotated[ActNumber, PlainValidator(_parse_or_keep(ActNumber.parse, ActNumber)),
                   PlainSerializer(str, return_type=str), WithJsonSchema({"type": "string", "examples": ["2026-102"]})]
Nomenclature = Annotated[NomenclatureCode, PlainValidator(_parse_or_keep(NomenclatureCode.parse, NomenclatureCode)),
                         PlainSerializer(str, return_type=str), WithJsonSchema({"type": "string", "examples": ["1.1"]})]
ActesIdentifier = Annotated[ActesId, PlainValidator(_parse_or_keep(ActesId.parse, ActesId)),
                            PlainSerializer(str, return_type=str),
                            WithJsonSchema({"type": "string", "examples": ["062-216204982-20241218-DLB03_18122024-DE"]})]
Reference = Annotated[ActRef, PlainValidator(_parse_or_keep(ActRef.parse, ActRef)),
                      PlainSerializer(str, return_type=str), WithJsonSchema({"type": "string"})]


def _as_list(value: Any) -> Any:
    """`modifie: décision 2026-92` is accepted for `modifie: [décision 2026-92]`."""
    return [value] if isinstance(value, (str, dict)) else value


References = Annotated[list[Reference], BeforeValidator(_as_list)]
Text = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0, le=100_000)]

ACT_TYPE_KEYS = ("decision", "arrete", "deliberation", "proces_verbal")
ActType = Literal["decision", "arrete", "deliberation", "proces_verbal"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Signataire(Strict):
    prenom: Text
    nom: Text
    qualite: Text                      # "Maire", "Adjoint au Maire", "Président"
    delegation: Text | None = None     # "Pour le Maire, l'adjoint délégué"


class Transmission(Strict):
    date: Date | None = None           # reception by the préfecture
    id: ActesIdentifier | None = None  # ACTES identifier of the acknowledgement


class Procuration(Strict):
    mandant: Text                      # who gave the proxy
    mandataire: Text                   # who holds it


class Quorum(Strict):
    atteint: bool = True
    en_exercice: Count | None = None   # members in office
    presents: Count | None = None      # members present (or present and represented, as stated)
    mention: Text | None = None        # the sentence of the minutes, as written


class Seance(Strict):
    date: Date | None = None
    heure: Time | None = None
    lieu: Text | None = None
    organe: Text | None = None         # "Conseil municipal", "Bureau", "Comité syndical"
    convocation: Date | None = None
    president: Text | None = None
    secretaire: Text | None = None
    presents: list[Text] = Field(default_factory=list)
    representes: list[Procuration] = Field(default_factory=list)
    excuses: list[Text] = Field(default_factory=list)
    absents: list[Text] = Field(default_factory=list)
    quorum: Quorum | None = None
    rang: Count | None = None          # order number of the délibération in its séance (R2121-9)


class Vote(Strict):
    effectif: Count | None = None      # members in office
    votants: Count | None = None
    pour: Count | None = None
    contre: Count | None = None
    abstention: Count | None = None
    unanimite: bool = False
    resultat: Literal["adopte", "rejete"] | None = None  # derived from the counts when absent

    @property
    def adopte(self) -> bool:
        if self.resultat:
            return self.resultat == "adopte"
        if self.unanimite:
            return True
        return (self.pour or 0) > (self.contre or 0)


class Annexe(Strict):
    fichier: Text                      # path relative to the act file
    titre: Text | None = None


def _annexe(value: Any) -> Any:
    return {"fichier": value} if isinstance(value, str) else value


class ActMeta(Strict):
    """The front matter of an act. Every field is optional here; `rules.RULES`
    says which ones each type requires, so a missing field is reported with the
    type's own wording."""

    type: ActType | None = None
    numero: Number | None = None
    date: Date | None = None           # signature, or séance for délibérations
    objet: Text | None = None
    nomenclature: Nomenclature | None = None
    collectivite: Text | None = None   # key of the collectivité in mkdocs.yml
    autorite: Text | None = None       # "Le Maire de la Ville de Lens,"
    signataire: Signataire | None = None
    lieu: Text | None = None           # "Lens" -> "Fait à Lens"
    statut: Literal["projet", "publie"] = "projet"
    mise_en_ligne: Date | None = None
    transmission: Transmission | None = None
    seance: Seance | None = None
    vote: Vote | None = None
    rapporteur: Text | None = None
    annexes: list[Annotated[Annexe, BeforeValidator(_annexe)]] = Field(default_factory=list)
    modifie: References = Field(default_factory=list)
    abroge: References = Field(default_factory=list)
    rectifie: References = Field(default_factory=list)
    deliberations: References = Field(default_factory=list)  # procès-verbal: the délibérations of the séance
    a_verifier: list[Text] = Field(default_factory=list)  # left by `actes import`: what a person must check


@dataclass
class Act:
    """A validated act: typed front matter, body parts, and where it came from."""

    meta: ActMeta
    body: ActBody
    path: str
    sha256: str
    lines: dict = field(default_factory=dict, repr=False)  # front-matter path -> line
    # Acts cited in the visas, once found (registry.citations_of): a memo, not part of the act.
    citations: list | None = field(default=None, compare=False, repr=False)
    # (default collectivité, docs path of its page), once computed (render.SiteMap.act_path): a memo.
    page: tuple[str | None, str] | None = field(default=None, compare=False, repr=False)

    @property
    def type(self) -> str:
        return self.meta.type or ""

    @property
    def numero(self) -> ActNumber:
        return self.meta.numero  # type: ignore[return-value]

    @property
    def year(self) -> int | None:
        return self.meta.date.year if self.meta.date else None

    @property
    def key(self) -> tuple[str, str, str]:
        """Unique within a site: collectivité, type, number."""
        return (self.meta.collectivite or "", self.type, str(self.meta.numero))

    def line_of(self, *path: object) -> int:
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 2
