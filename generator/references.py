"""Checks across acts: references that do not resolve, and the procès-verbal's
contents that come from its délibérations (CGCT L2121-15)."""

from __future__ import annotations

from .problems import Problem, error, warning
from .registry import Registry, seance_key
from .rules import RULES

RELATION_LABELS = {
    "modifie": "acte modifié",
    "abroge": "acte abrogé",
    "rectifie": "acte rectifié",
    "cite": "acte cité dans les visas",
}


def check_references(registry: Registry) -> list[Problem]:
    problems = []
    for act, citation in registry.unresolved:
        candidates = registry.candidates(citation.ref, act.meta.collectivite or "")
        if len(candidates) > 1:
            # Several acts bear the number (a décision and a délibération 2026-1): saying
            # "absent" would be wrong, and a duplicate of one type is reported elsewhere.
            first = candidates[0]
            example = f"{RULES[first.type].label} {first.numero}" if first.type in RULES else str(first.numero)
            report = error if citation.relation == "deliberations" else warning
            field = "visas" if citation.relation == "cite" else citation.relation
            problems.append(report(act.path, citation.line, field,
                                   f"référence « {citation.ref} » ambiguë : plusieurs actes portent ce numéro "
                                   f"({', '.join(a.path for a in candidates)}) ; préciser le type, "
                                   f"par exemple « {example} »"))
            continue
        if citation.relation == "deliberations":
            problems.append(error(act.path, citation.line, "deliberations",
                                  f"délibération {citation.ref.numero} introuvable : le procès-verbal doit "
                                  "reprendre chaque délibération de la séance avec son vote (L2121-15)"))
            continue
        field = "visas" if citation.relation == "cite" else citation.relation
        problems.append(warning(act.path, citation.line, field,
                                f"{RELATION_LABELS[citation.relation]} « {citation.ref} » absent du registre "
                                "(référence non vérifiée)"))
    return problems


def check_proces_verbaux(registry: Registry) -> list[Problem]:
    problems = []
    for pv in registry.by_type.get("proces_verbal", []):
        for link in registry.links_from(pv, "deliberations"):
            deliberation = link.target
            if deliberation.type != "deliberation":
                problems.append(error(pv.path, link.line, "deliberations",
                                      f"{deliberation.path} n'est pas une délibération"))
                continue
            if deliberation.meta.vote is None:
                problems.append(error(pv.path, link.line, "deliberations",
                                      f"la délibération {deliberation.numero} n'indique pas son vote (L2121-15)"))
            # Without a readable séance of its own, the procès-verbal's séance problem
            # is already reported: comparing would only add a misleading one.
            if seance_key(pv) is not None and seance_key(deliberation) != seance_key(pv):
                problems.append(error(pv.path, link.line, "deliberations",
                                      f"la délibération {deliberation.numero} n'est pas de la même séance "
                                      "(date et organe de « seance » différents)"))
        listed = {id(l.target) for l in registry.links_from(pv, "deliberations")}
        for act in registry.seance_of(pv):
            if act.type == "deliberation" and id(act) not in listed:
                problems.append(error(pv.path, pv.line_of("deliberations"), "deliberations",
                                      f"la délibération {act.numero or f'sans numéro ({act.path})'} de la même séance manque à la liste"))
    return problems
