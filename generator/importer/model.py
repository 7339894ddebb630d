"""What the importer found in a document: one `ImportedAct` per act.

Values are plain Python values in the shape of the act file's front matter; None
means "not found". `a_verifier` lists, in French, what a person must check or
complete before publication; `comments` holds the YAML comments written next to
fields ("imprimé « 2026 - 92 »").
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .structure import ArticlePart


@dataclass
class ImportedAct:
    type: str | None                            # decision, arrete, deliberation, proces_verbal
    source: str = ""                            # file it was read from
    document: str | None = None                 # compte_rendu, liste: the kind of record it came from
    numero: str | None = None
    date: dt.date | None = None
    objet: str | None = None
    nomenclature: str | None = None             # "1.1"
    collectivite: str | None = None             # key in mkdocs.yml
    collectivite_nom: str | None = None         # as printed
    autorite: str | None = None
    signataire: dict | None = None              # prenom, nom, qualite, delegation (None where unknown)
    lieu: str | None = None
    transmission: dict | None = None            # date, id
    seance: dict | None = None
    vote: dict | None = None
    rapporteur: str | None = None
    visas: list[str] = field(default_factory=list)
    considerants: list[str] = field(default_factory=list)
    expose: list[str] = field(default_factory=list)
    dispositif: str | None = None
    dispositif_texte: list[str] = field(default_factory=list)
    articles: list[ArticlePart] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # printed order of visas, considérants, exposé
    body_markdown: str | None = None            # a body written as a whole (procès-verbal)
    annexes: list[tuple[str, str]] = field(default_factory=list)  # (titre, Markdown text)
    deliberations: list["ImportedAct"] = field(default_factory=list)
    rang: int | None = None
    a_verifier: list[str] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)

    def check(self, note: str) -> None:
        if note and note not in self.a_verifier:
            self.a_verifier.append(note)
