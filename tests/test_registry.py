"""Checks across acts: numbering (duplicates, year, gaps), references resolved both
ways in the registry, and the procès-verbal's délibérations (CGCT L2121-15)."""

from __future__ import annotations

import re

import pytest

from generator.identifiers import ActRef

D1 = "acts/2026/decision-2026-1.md"
D2 = "acts/2026/decision-2026-2.md"
DL = "acts/2026/deliberation-2026-1.md"
DL2 = "acts/2026/deliberation-2026-2.md"
PV = "acts/2026/proces-verbal-PV2026-1.md"


def decision(samples, numero: str, extra: str = "", visa: str = "") -> str:
    text = samples.edit(samples.DECISION, "numero: 2026-1", f"numero: {numero}")
    if extra:
        text = samples.edit(text, "mise_en_ligne: 2026-05-26\n", f"mise_en_ligne: 2026-05-26\n{extra}")
    if visa:
        text = samples.edit(text, "Vu le code de la commande publique,\n", f"Vu le code de la commande publique,\n\n{visa}\n")
    return text


# --------------------------------------------------------------------------- numbering

def test_duplicate_number(problems, samples):
    assert problems({D1: samples.DECISION, D2: samples.DECISION}) == [
        f"{D1}:3: numero — numéro 2026-1 déjà utilisé pour une autre décision de « lens » ({D2})",
        f"{D2}:3: numero — numéro 2026-1 déjà utilisé pour une autre décision de « lens » ({D1})",
    ]


def test_duplicate_number_masculine_type(problems, samples):
    a1, a2 = "acts/2026/a.md", "acts/2026/b.md"
    assert problems({a1: samples.ARRETE, a2: samples.ARRETE}) == [
        f"{a1}:3: numero — numéro A2026-1 déjà utilisé pour un autre arrêté de « lens » ({a2})",
        f"{a2}:3: numero — numéro A2026-1 déjà utilisé pour un autre arrêté de « lens » ({a1})",
    ]


def test_duplicate_number_three_times(problems, samples):
    d3 = "acts/2026/decision-2026-1-bis.md"
    found = problems({D1: samples.DECISION, D2: samples.DECISION, d3: samples.DECISION})
    assert found == [  # "-bis.md" sorts before ".md"
        f"{d3}:3: numero — numéro 2026-1 déjà utilisé pour une autre décision de « lens » ({D1}, {D2})",
        f"{D1}:3: numero — numéro 2026-1 déjà utilisé pour une autre décision de « lens » ({d3}, {D2})",
        f"{D2}:3: numero — numéro 2026-1 déjà utilisé pour une autre décision de « lens » ({d3}, {D1})",
    ]


def test_same_rank_written_with_leading_zeros_is_a_duplicate(problems, samples):
    assert problems({D1: samples.DECISION, D2: decision(samples, "2026-001")}) == [
        f"{D1}:3: numero — numéro 2026-1 déjà utilisé pour une autre décision de « lens » ({D2})",
        f"{D2}:3: numero — numéro 2026-001 déjà utilisé pour une autre décision de « lens » ({D1})",
    ]


def test_same_number_for_another_type_or_collectivite(problems, samples):
    other = samples.edit(samples.DECISION, "collectivite: lens", "collectivite: somme-numerique")
    files = {D1: samples.DECISION, D2: other, DL: samples.DELIBERATION, PV: samples.PROCES_VERBAL}
    assert problems(files) == []


def test_same_number_another_year_is_not_a_duplicate(problems, samples):
    old = samples.edit(decision(samples, "2025-1"), "date: 2026-05-22", "date: 2025-05-22")
    old = samples.edit(old, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2025-05-26")
    assert problems({D1: samples.DECISION, "acts/2025/decision-2025-1.md": old}) == []


def test_free_numbers_duplicate(problems, samples):
    free = decision(samples, "DLB03_18122024")
    assert problems({D1: free, D2: free}) == [
        f"{D1}:3: numero — numéro DLB03_18122024 déjà utilisé pour une autre décision de « lens » ({D2})",
        f"{D2}:3: numero — numéro DLB03_18122024 déjà utilisé pour une autre décision de « lens » ({D1})",
    ]


def test_number_year_differs_from_the_date(problems, samples):
    assert problems({D1: decision(samples, "2025-1")}) == [
        f"{D1}:3: numero — le numéro 2025-1 porte l'année 2025, l'acte est daté de 2026"]


def test_gap_is_a_warning_on_the_last_act(problems, samples):
    d4 = "acts/2026/decision-2026-4.md"
    assert problems({D1: samples.DECISION, d4: decision(samples, "2026-4")}) == [
        f"{d4}:3: numero — avertissement : numérotation des décisions 2026 de « lens » : numéros absents 2 à 3 "
        "(actes individuels non publiés ?)"]


def test_gap_at_the_start_of_the_year(problems, samples):
    d3 = "acts/2026/decision-2026-3.md"
    assert problems({d3: decision(samples, "2026-3"), D2: decision(samples, "2026-2")}) == [
        f"{d3}:3: numero — avertissement : numérotation des décisions 2026 de « lens » : numéros absents 1 "
        "(actes individuels non publiés ?)"]


def test_gaps_per_series(problems, samples):
    a3 = samples.edit(samples.ARRETE, "numero: A2026-1", "numero: A2026-3")
    files = {D1: samples.DECISION, "acts/2026/d5.md": decision(samples, "2026-5"),
             "acts/2026/a1.md": samples.ARRETE, "acts/2026/a3.md": a3,
             "acts/2026/d-b.md": decision(samples, "B2026-1")}
    assert problems(files) == [
        "acts/2026/a3.md:3: numero — avertissement : numérotation des arrêtés A2026 de « lens » : numéros absents 2 "
        "(actes individuels non publiés ?)",
        "acts/2026/d5.md:3: numero — avertissement : numérotation des décisions 2026 de « lens » : numéros absents "
        "2 à 4 (actes individuels non publiés ?)",
    ]


def test_no_gap_warning_without_a_sequence(problems, samples):
    assert problems({D1: decision(samples, "DLB03_18122024")}) == []


def test_gaps_fail_only_with_strict(check, samples):
    result = check({D1: samples.DECISION, D2: decision(samples, "2026-3")})
    assert [p.message for p in result.warnings] == [
        "numérotation des décisions 2026 de « lens » : numéros absents 2 (actes individuels non publiés ?)"]
    assert result.errors == []
    assert result.ok() is True
    assert result.ok(strict=True) is False


# --------------------------------------------------------------------------- references

def test_modifie_resolved_both_ways(check, samples):
    result = check({D1: samples.DECISION, D2: decision(samples, "2026-2", "modifie: décision 2026-1\n")})
    assert [str(p) for p in result.problems] == []
    by_number = {str(a.numero): a for a in result.acts}
    first, second = by_number["2026-1"], by_number["2026-2"]
    [link] = result.registry.links_from(second, "modifie")
    assert (link.target, link.line) == (first, 16)
    [back] = result.registry.links_to(first)
    assert (back.relation, back.target, back.line) == ("modifie_par", second, 16)


def test_abroge_list_resolved(check, samples):
    result = check({D1: samples.DECISION,
                    D2: decision(samples, "2026-2", "abroge:\n  - arrêté A2026-1\n  - décision n° 2026-1\n"),
                    "acts/2026/a.md": samples.ARRETE})
    assert [str(p) for p in result.problems] == []
    second = next(a for a in result.acts if str(a.numero) == "2026-2")
    assert [(l.relation, l.target.type, l.line) for l in result.registry.links_from(second)] == [
        ("abroge", "arrete", 17), ("abroge", "decision", 18)]
    arrete = next(a for a in result.acts if a.type == "arrete")
    assert [(l.relation, l.target) for l in result.registry.links_to(arrete)] == [("abroge_par", second)]


def test_reference_not_in_the_registry_is_a_warning(problems, samples):
    text = decision(samples, "2026-1", "modifie: décision 2025-7\nabroge:\n  - arrêté 2024-12\nrectifie: 2026-9\n")
    assert problems({D1: text}) == [
        f"{D1}:16: modifie — avertissement : acte modifié « décision n° 2025-7 » absent du registre (référence non vérifiée)",
        f"{D1}:18: abroge — avertissement : acte abrogé « arrêté n° 2024-12 » absent du registre (référence non vérifiée)",
        f"{D1}:19: rectifie — avertissement : acte rectifié « n° 2026-9 » absent du registre (référence non vérifiée)",
    ]


def test_reference_of_the_wrong_type_is_not_resolved(problems, samples):
    text = decision(samples, "2026-2", "modifie: arrêté 2026-1\n")
    assert problems({D1: samples.DECISION, D2: text}) == [
        f"{D2}:16: modifie — avertissement : acte modifié « arrêté n° 2026-1 » absent du registre (référence non vérifiée)"]


def test_ambiguous_reference_is_not_said_absent(problems, samples):
    # A décision and a délibération share the number: the reference must name the type.
    text = decision(samples, "2026-2", "modifie: 2026-1\n")
    assert problems({D1: samples.DECISION, D2: text, DL: samples.DELIBERATION, PV: samples.PROCES_VERBAL}) == [
        f"{D2}:16: modifie — avertissement : référence « n° 2026-1 » ambiguë : plusieurs actes portent ce numéro "
        f"({DL}, {D1}) ; préciser le type, par exemple « délibération 2026-1 »"]


def test_unreadable_reference(problems, samples):
    text = decision(samples, "2026-2", "modifie: lettre 2026-1\n")
    assert problems({D1: samples.DECISION, D2: text}) == [
        f"{D2}:16: modifie[0] — type d'acte « lettre » inconnu dans la référence « lettre 2026-1 » : "
        "décision, arrêté, délibération ou procès-verbal"]


def test_reference_to_another_collectivite(check, samples):
    syndicat = samples.edit(samples.DELIBERATION, "collectivite: lens", "collectivite: somme-numerique")
    syndicat = samples.edit(syndicat, "numero: 2026-1", "numero: B2026-1")
    result = check({D1: decision(samples, "2026-1", "modifie: somme-numerique:délibération B2026-1\n"),
                    DL: syndicat})
    assert [str(p) for p in result.problems] == []
    first = next(a for a in result.acts if a.type == "decision")
    assert [l.target.meta.collectivite for l in result.registry.links_from(first)] == ["somme-numerique"]


def test_visa_citation_resolved(check, samples):
    old = samples.edit(decision(samples, "2023-284"), "date: 2026-05-22", "date: 2023-08-18")
    old = samples.edit(old, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2023-08-21")
    old_path = "acts/2023/decision-2023-284.md"
    visa = "Vu la décision n°2023-284, en date du 18 août 2023, portant sur l'attribution du contrat,"
    result = check({D1: decision(samples, "2026-1", visa=visa), old_path: old})
    assert [str(p) for p in result.problems] == [
        f"{old_path}:3: numero — avertissement : numérotation des décisions 2023 de « lens » : numéros absents "
        "1 à 283 (actes individuels non publiés ?)"]
    citing = next(a for a in result.acts if str(a.numero) == "2026-1")
    cited = next(a for a in result.acts if str(a.numero) == "2023-284")
    assert [(l.relation, l.target, l.line) for l in result.registry.links_from(citing)] == [("cite", cited, 20)]
    assert [(l.relation, l.target, l.line) for l in result.registry.links_to(cited)] == [("cite_par", citing, 20)]


def test_visa_citation_absent_is_a_warning_at_the_visa_line(problems, samples):
    visa = "Vu la décision n°2023-284, en date du 18 août 2023, portant sur l'attribution du contrat,"
    assert problems({D1: decision(samples, "2026-1", visa=visa)}) == [
        f"{D1}:20: visas — avertissement : acte cité dans les visas « décision n° 2023-284 » absent du registre "
        "(référence non vérifiée)"]


@pytest.mark.parametrize(
    ("visa", "cited"),
    [
        ("Vu l'arrêté n° 2026 - 631 du 31 mars 2026 portant délégations,", "arrêté n° 2026-631"),
        ("Vu la délibération n°2024-12 du conseil municipal,", "délibération n° 2024-12"),
        ("Vu la décision du Maire n° 2025-33,", "décision n° 2025-33"),
        ("Vu l'arrêté no A2025-15,", "arrêté n° A2025-15"),
        ("Vu les délibérations n° DLB03_18122024,", "délibération n° DLB03_18122024"),
    ],
)
def test_visa_citation_forms(problems, samples, visa, cited):
    assert problems({D1: decision(samples, "2026-1", visa=visa)}) == [
        f"{D1}:20: visas — avertissement : acte cité dans les visas « {cited} » absent du registre "
        "(référence non vérifiée)"]


def test_visa_citation_on_a_continued_line(problems, samples):
    visa = "Vu la décision\nn° 2023-284 portant attribution,"
    assert problems({D1: decision(samples, "2026-1", visa=visa)}) == [
        f"{D1}:20: visas — avertissement : acte cité dans les visas « décision n° 2023-284 » absent du registre "
        "(référence non vérifiée)"]


def test_visa_without_a_number_is_not_a_citation(problems, samples):
    visa = "Vu la délibération en date du 22 mars 2026 relative aux délégations,"
    assert problems({D1: decision(samples, "2026-1", visa=visa)}) == []


def test_act_citing_itself_is_not_a_link(check, samples):
    result = check({D1: decision(samples, "2026-1", visa="Vu la décision n° 2026-1 (rectifiée),")})
    assert [str(p) for p in result.problems] == []
    assert result.registry.links_from(result.acts[0]) == []


# --------------------------------------------------------------------------- procès-verbal and its délibérations

def test_proces_verbal_links_its_deliberations(check, samples):
    result = check({PV: samples.PROCES_VERBAL, DL: samples.DELIBERATION})
    assert [str(p) for p in result.problems] == []
    pv = next(a for a in result.acts if a.type == "proces_verbal")
    dl = next(a for a in result.acts if a.type == "deliberation")
    assert [(l.relation, l.target, l.line) for l in result.registry.links_from(pv)] == [("deliberations", dl, 23)]
    assert [(l.relation, l.target) for l in result.registry.links_to(dl)] == [("proces_verbal", pv)]
    assert result.registry.seance_of(pv) == result.registry.seance_of(dl)
    assert sorted(a.type for a in result.registry.seance_of(pv)) == ["deliberation", "proces_verbal"]


def test_proces_verbal_deliberation_not_found(problems, samples):
    assert problems({PV: samples.PROCES_VERBAL}) == [
        f"{PV}:23: deliberations — délibération 2026-1 introuvable : le procès-verbal doit reprendre chaque "
        "délibération de la séance avec son vote (L2121-15)"]


def test_proces_verbal_lists_an_act_that_is_not_a_deliberation(problems, samples):
    text = samples.edit(samples.PROCES_VERBAL, "  - délibération 2026-1\n", "  - délibération 2026-1\n  - décision 2026-1\n")
    assert problems({PV: text, DL: samples.DELIBERATION, D1: samples.DECISION}) == [
        f"{PV}:24: deliberations — {D1} n'est pas une délibération"]


def test_proces_verbal_deliberation_without_vote(problems, samples):
    dl = re.sub(r"^vote:\n(?:  .*\n)*", "", samples.DELIBERATION, flags=re.M)
    assert problems({PV: samples.PROCES_VERBAL, DL: dl}) == [
        f"{DL}:2: vote — champ obligatoire manquant pour une délibération : vote",
        f"{PV}:23: deliberations — la délibération 2026-1 n'indique pas son vote (L2121-15)",
    ]


def test_proces_verbal_deliberation_of_another_seance(problems, samples):
    dl = samples.DELIBERATION.replace("2026-03-22", "2026-03-21")
    assert problems({PV: samples.PROCES_VERBAL, DL: dl}) == [
        f"{PV}:23: deliberations — la délibération 2026-1 n'est pas de la même séance "
        "(date et organe de « seance » différents)"]


def test_proces_verbal_organe_compared_without_case(problems, samples):
    dl = samples.edit(samples.DELIBERATION, "organe: Conseil municipal", "organe: CONSEIL MUNICIPAL ")
    assert problems({PV: samples.PROCES_VERBAL, DL: dl}) == []


def test_proces_verbal_misses_a_deliberation_of_its_seance(problems, samples):
    dl2 = samples.edit(samples.DELIBERATION, "numero: 2026-1", "numero: 2026-2")
    assert problems({PV: samples.PROCES_VERBAL, DL: samples.DELIBERATION, DL2: dl2}) == [
        f"{PV}:22: deliberations — la délibération 2026-2 de la même séance manque à la liste"]


# --------------------------------------------------------------------------- registry indexes

def test_registry_indexes(check, samples):
    result = check(samples.FILES)
    registry = result.registry
    assert [a.type for a in registry.acts] == ["deliberation", "proces_verbal", "arrete", "decision"]  # by date
    assert sorted(registry.by_year) == [2026]
    assert {t: len(v) for t, v in registry.by_type.items()} == {
        "decision": 1, "arrete": 1, "deliberation": 1, "proces_verbal": 1}
    assert {m: [a.type for a in v] for m, v in registry.by_matiere.items()} == {
        "5": ["deliberation"], "5.4": ["deliberation"], "6": ["arrete"], "6.1": ["arrete"],
        "1": ["decision"], "1.1": ["decision"]}
    assert list(registry.by_collectivite) == ["lens"]
    assert list(registry.by_seance) == [("lens", "conseil municipal", "2026-03-22")]
    decision_act = next(a for a in registry.acts if a.type == "decision")
    assert registry.resolve(ActRef.parse("décision 2026-1"), "lens") is decision_act
    assert registry.resolve(ActRef.parse("décision 2026-1"), "somme-numerique") is None
    assert registry.resolve(ActRef.parse("2026-1"), "lens") is None  # a décision and a délibération


def test_unreadable_reference_in_a_list(problems, samples):
    text = decision(samples, "2026-2", "modifie:\n  - décision 2026-1\n  - décision du 3 mars\n")
    assert problems({D1: samples.DECISION, D2: text}) == [
        f"{D2}:18: modifie[1] — référence « décision du 3 mars » illisible : écrire par exemple « décision 2026-92 »"]


def test_ambiguous_deliberation_in_a_proces_verbal(problems, samples):
    pv = samples.edit(samples.PROCES_VERBAL, "  - délibération 2026-1", "  - 2026-1")
    decision_same_number = samples.DECISION
    assert problems({PV: pv, DL: samples.DELIBERATION, D1: decision_same_number}) == [
        f"{PV}:23: deliberations — référence « n° 2026-1 » ambiguë : plusieurs actes portent ce numéro "
        f"({DL}, {D1}) ; préciser le type, par exemple « délibération 2026-1 »",
        f"{PV}:22: deliberations — la délibération 2026-1 de la même séance manque à la liste",
    ][::-1]


def test_reference_with_leading_zeros_resolves(check, samples):
    result = check({D1: samples.DECISION, D2: decision(samples, "2026-2", "modifie: décision 2026-001\n")})
    assert [str(p) for p in result.problems] == []
    second = next(a for a in result.acts if str(a.numero) == "2026-2")
    [link] = result.registry.links_from(second, "modifie")
    assert str(link.target.numero) == "2026-1"
