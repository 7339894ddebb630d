"""All the acts of a site, indexed, with cross-references resolved both ways.

Pure: built from validated acts, no I/O. Indexes by number, year, type,
matière (levels 1 and 2), collectivité and séance; each act knows the acts it
cites, modifies, abrogates or rectifies and the acts that do so to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from .identifiers import ActNumber, ActRef, type_from_word
from .model import Act

RELATIONS = ("modifie", "abroge", "rectifie", "cite", "deliberations")
INVERSE = {
    "modifie": "modifie_par",
    "abroge": "abroge_par",
    "rectifie": "rectifie_par",
    "cite": "cite_par",
    "deliberations": "proces_verbal",
}

# "Vu la décision n°2023-284", "Vu l'arrêté n° 2026 - 631 du 31 mars 2026",
# "Vu la délibération n° 2024-12-03": a type word, "n°", a number.
_CITATION = re.compile(
    r"(?P<type>d[ée]cision|arr[êe]t[ée]|d[ée]lib[ée]ration)s?\s+"
    r"(?:du\s+\w+\s+)?n\s*[°o]\.?\s*"
    r"(?P<numero>[A-Z]{0,5}\s?\d{4}\s*[-/\u2013]\s*\d{1,6}|[A-Z0-9_]{3,}\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Citation:
    ref: ActRef
    line: int  # line of the visa in the act file
    relation: str  # "modifie", "abroge", "rectifie", "cite", "deliberations"


@dataclass
class Link:
    relation: str
    target: Act
    line: int


SeanceKey = tuple[str, str, str]  # (collectivité, organe, ISO date)


def seance_key(act: Act) -> SeanceKey | None:
    seance = act.meta.seance
    if seance is None or seance.date is None:
        return None
    organe = (seance.organe or "").strip().lower()
    return (act.meta.collectivite or "", organe, seance.date.isoformat())


def citations_in_visas(act: Act) -> list[Citation]:
    found = []
    for visa in act.body.visas:
        for match in _CITATION.finditer(visa.text.replace("\n", " ")):
            try:
                numero = ActNumber.parse(re.sub(r"\s+", " ", match["numero"]).replace(" - ", "-"))
            except ValueError:
                continue
            ref = ActRef(numero, type_from_word(match["type"]))
            found.append(Citation(ref, visa.line, "cite"))
    return found


def citations_of(act: Act) -> list[Citation]:
    """citations_in_visas, found once per act (worker processes of `check` find them
    while this process is busy with the rest)."""
    if act.citations is None:
        act.citations = citations_in_visas(act)
    return act.citations


def declared_references(act: Act) -> list[Citation]:
    meta = act.meta
    if not (meta.modifie or meta.abroge or meta.rectifie or meta.deliberations):
        return []  # most acts
    out = []
    for relation in ("modifie", "abroge", "rectifie", "deliberations"):
        for index, ref in enumerate(getattr(act.meta, relation)):
            out.append(Citation(ref, act.line_of(relation, index), relation))
    return out


@dataclass
class Registry:
    acts: list[Act]
    # Keys use ActNumber.identity: (collectivité, type, identity) and (collectivité, identity).
    by_key: dict[tuple[str, str, tuple], list[Act]] = field(default_factory=lambda: defaultdict(list))
    by_number: dict[tuple[str, tuple], list[Act]] = field(default_factory=lambda: defaultdict(list))
    by_year: dict[int, list[Act]] = field(default_factory=lambda: defaultdict(list))
    by_type: dict[str, list[Act]] = field(default_factory=lambda: defaultdict(list))
    by_matiere: dict[str, list[Act]] = field(default_factory=lambda: defaultdict(list))
    by_collectivite: dict[str, list[Act]] = field(default_factory=lambda: defaultdict(list))
    by_seance: dict[SeanceKey, list[Act]] = field(default_factory=lambda: defaultdict(list))
    outgoing: dict[int, list[Link]] = field(default_factory=lambda: defaultdict(list))
    incoming: dict[int, list[Link]] = field(default_factory=lambda: defaultdict(list))
    unresolved: list[tuple[Act, Citation]] = field(default_factory=list)

    @classmethod
    def build(cls, acts: list[Act]) -> "Registry":
        registry = cls(sorted(acts, key=_chronological))
        for act in registry.acts:
            registry._index(act)
        for act in registry.acts:
            registry._link(act)
        return registry

    def _index(self, act: Act) -> None:
        coll = act.meta.collectivite or ""
        if act.meta.numero is not None:
            identity = act.meta.numero.identity
            self.by_key[(coll, act.type, identity)].append(act)
            self.by_number[(coll, identity)].append(act)
        if act.year:
            self.by_year[act.year].append(act)
        self.by_type[act.type].append(act)
        code = act.meta.nomenclature
        if code is not None:
            self.by_matiere[code.level1_code].append(act)
            if code.level2_code:
                self.by_matiere[code.level2_code].append(act)
        self.by_collectivite[coll].append(act)
        key = seance_key(act)
        if key:
            self.by_seance[key].append(act)

    def _link(self, act: Act) -> None:
        for citation in [*declared_references(act), *citations_of(act)]:
            target = self.resolve(citation.ref, act.meta.collectivite or "")
            if target is None or target is act:
                if target is None:
                    self.unresolved.append((act, citation))
                continue
            self.outgoing[id(act)].append(Link(citation.relation, target, citation.line))
            self.incoming[id(target)].append(Link(INVERSE[citation.relation], act, citation.line))

    def candidates(self, ref: ActRef, collectivite: str) -> list[Act]:
        """The acts a reference may name: one when it resolves, several when it is ambiguous."""
        coll = ref.collectivite or collectivite
        if ref.type:
            return self.by_key.get((coll, ref.type, ref.numero.identity), [])
        return self.by_number.get((coll, ref.numero.identity), [])

    def resolve(self, ref: ActRef, collectivite: str) -> Act | None:
        found = self.candidates(ref, collectivite)
        return found[0] if len(found) == 1 else None

    def links_from(self, act: Act, relation: str | None = None) -> list[Link]:
        return [l for l in self.outgoing.get(id(act), []) if relation in (None, l.relation)]

    def links_to(self, act: Act, relation: str | None = None) -> list[Link]:
        return [l for l in self.incoming.get(id(act), []) if relation in (None, l.relation)]

    def seance_of(self, act: Act) -> list[Act]:
        """The acts of the same séance (the procès-verbal and its délibérations)."""
        key = seance_key(act)
        return self.by_seance.get(key, []) if key else []


_UNDATED = dt.date.min  # sorted first, as before any dated act


def _chronological(act: Act) -> tuple:
    numero = act.meta.numero
    return (
        act.meta.date or _UNDATED,
        act.meta.collectivite or "",
        act.type,
        numero.seq if numero is not None and numero.seq is not None else -1,
        numero.text if numero is not None else "",
        act.path,
    )
