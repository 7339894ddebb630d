"""What each type of act requires, as data.

Adding a type of act means adding one entry here (and its templates), not a
branch in the validator.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TypeRules:
    label: str                      # "décision": used in messages and pages
    title: str                      # "Décision": heading of the page, "Décision n° 2026-102"
    plural: str                     # "Décisions"
    feminine: bool                  # for French agreement: "une décision", "un arrêté"
    required: tuple[str, ...]       # front-matter fields that must be present
    dispositif: tuple[str, ...]     # accepted dispositif words, first is the default
    natures: tuple[str, ...]        # ACTES nature codes consistent with the type
    articles: str                   # "numbered": Article 1..n required; "or_text": articles
                                    # or a dispositif text; "none": free body (minutes)
    seance_required: tuple[str, ...] = ()  # séance fields that must be present
    needs_vote: bool = False
    url_prefix: str = ""            # "decision" -> /actes/2026/decision-2026-102/


COMMON = ("type", "numero", "date", "objet", "collectivite")  # statut defaults to "projet"

RULES: dict[str, TypeRules] = {
    "decision": TypeRules(
        label="décision", title="Décision", plural="Décisions", feminine=True,
        required=(*COMMON, "nomenclature", "autorite", "signataire", "lieu"),
        dispositif=("DÉCIDE",),
        natures=("AI", "AR", "CC", "BF", "AU"),
        articles="numbered",
        url_prefix="decision",
    ),
    "arrete": TypeRules(
        label="arrêté", title="Arrêté", plural="Arrêtés", feminine=False,
        required=(*COMMON, "nomenclature", "autorite", "signataire", "lieu"),
        dispositif=("ARRÊTE",),
        natures=("AR", "AI"),
        articles="numbered",
        url_prefix="arrete",
    ),
    "deliberation": TypeRules(
        label="délibération", title="Délibération", plural="Délibérations", feminine=True,
        required=(*COMMON, "nomenclature", "signataire", "seance", "vote"),
        dispositif=("DÉLIBÈRE", "DÉCIDE", "Après en avoir délibéré"),
        natures=("DE",),
        articles="or_text",
        seance_required=("date",),
        needs_vote=True,
        url_prefix="deliberation",
    ),
    "proces_verbal": TypeRules(
        label="procès-verbal", title="Procès-verbal", plural="Procès-verbaux", feminine=False,
        required=(*COMMON, "signataire", "seance", "deliberations"),
        dispositif=(),
        natures=("DE", "AU"),
        articles="none",
        # CGCT L2121-15: date and hour, président, members present or represented,
        # secrétaire, quorum; the délibérations come through `deliberations`.
        seance_required=("date", "heure", "president", "secretaire", "presents", "quorum"),
        url_prefix="proces-verbal",
    ),
}

FIELD_LABELS = {
    "type": "type d'acte",
    "numero": "numéro",
    "date": "date",
    "objet": "objet",
    "nomenclature": "code de nomenclature (matière)",
    "collectivite": "collectivité",
    "autorite": "autorité (« Le Maire de … »)",
    "signataire": "signataire (prénom, nom, qualité)",
    "lieu": "lieu de signature (« Fait à … »)",
    "statut": "statut",
    "seance": "séance",
    "vote": "vote",
    "deliberations": "liste des délibérations de la séance",
    "seance.date": "date de la séance",
    "seance.heure": "heure de la séance",
    "seance.president": "président de séance",
    "seance.secretaire": "secrétaire de séance",
    "seance.presents": "liste des membres présents",
    "seance.quorum": "quorum",
}

OBJET_MAX = 499  # ACTES limit, without line breaks
