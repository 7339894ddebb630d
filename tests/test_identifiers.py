"""Identifiers: each value object parses, prints back its canonical form, and that
form parses to the same value; bad input raises ValueError with a French message."""

from __future__ import annotations

import datetime as dt
import doctest

import pytest

from generator import identifiers
from generator.identifiers import ActesId, ActNumber, ActRef, NomenclatureCode, fold, type_from_word, nomenclature_labels


def test_module_doctests():
    result = doctest.testmod(identifiers)
    assert result.attempted >= 3 and result.failed == 0


# --------------------------------------------------------------------------- ActNumber

@pytest.mark.parametrize(
    ("written", "canonical", "prefix", "year", "seq"),
    [
        ("2026-102", "2026-102", "", 2026, 102),
        ("2026 - 92", "2026-92", "", 2026, 92),
        ("2026\u201392", "2026-92", "", 2026, 92),  # en dash from a word processor
        ("2026\u2212" "92", "2026-92", "", 2026, 92),  # minus sign
        ("2026/102", "2026-102", "", 2026, 102),
        ("2023-009", "2023-009", "", 2023, 9),  # leading zeros kept as written
        ("A2023-15", "A2023-15", "A", 2023, 15),
        ("DEC-2026-5", "DEC-2026-5", "DEC-", 2026, 5),
        (" 2026-1 ", "2026-1", "", 2026, 1),
        ("DLB03_18122024", "DLB03_18122024", "", None, None),  # free form: no lone year in it
        ("2024_DLB12", "2024_DLB12", "", 2024, None),  # free form with a lone year
        (12, "12", "", None, None),  # YAML `numero: 12`
    ],
)
def test_act_number_round_trip(written, canonical, prefix, year, seq):
    number = ActNumber.parse(written)
    assert (str(number), number.prefix, number.year, number.seq) == (canonical, prefix, year, seq)
    assert number.is_sequential == (seq is not None)
    assert ActNumber.parse(str(number)) == number


def test_act_number_series_and_slug():
    assert ActNumber.parse("A2023-15").series == "A"
    assert ActNumber.parse("DEC-2026-5").series == "DEC"
    assert ActNumber.parse("2026-5").series == ""
    assert ActNumber.parse("DLB03_18122024").slug() == "dlb03_18122024"
    # A slug never carries a path: free numbers may hold "/" and ".".
    assert ActNumber.parse("a/../../b").slug() == "a-b"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2026 102", "numéro « 2026 102 » invalide : lettres, chiffres et « _ . / - » seulement, par exemple « 2026-102 »"),
        ("", "numéro «  » invalide : lettres, chiffres et « _ . / - » seulement, par exemple « 2026-102 »"),
        ("n°2026-1", "numéro « n°2026-1 » invalide : lettres, chiffres et « _ . / - » seulement, par exemple « 2026-102 »"),
        ("-2026-1", "numéro « -2026-1 » invalide : lettres, chiffres et « _ . / - » seulement, par exemple « 2026-102 »"),
        ("X" * 41, f"numéro « {'X' * 41} » invalide : lettres, chiffres et « _ . / - » seulement, par exemple « 2026-102 »"),
        (True, "numéro attendu sous forme de texte, par exemple « 2026-102 »"),
        (None, "numéro attendu sous forme de texte, par exemple « 2026-102 »"),
        (3.5, "numéro attendu sous forme de texte, par exemple « 2026-102 »"),
        (["2026-1"], "numéro attendu sous forme de texte, par exemple « 2026-102 »"),
    ],
)
def test_act_number_refused(value, message):
    with pytest.raises(ValueError) as caught:
        ActNumber.parse(value)
    assert str(caught.value) == message


# --------------------------------------------------------------------------- Nomenclature

@pytest.mark.parametrize(
    ("written", "canonical", "label"),
    [
        ("1.1", "1.1", "Marchés publics"),
        ("01-01", "1.1", "Marchés publics"),
        ("01 - 01", "1.1", "Marchés publics"),
        ("09 \u2013 01", "9.1", "Autres domaines de compétences des communes"),
        ("7.10", "7.10", "Divers"),
        ("7.1", "7.1", "Décisions budgétaires"),
        ("5", "5", "Institutions et vie politique"),
        (" 8.9 ", "8.9", "Culture"),
        ("1.7.3", "1.7.3", "Actes spéciaux et divers"),  # levels 3-5 are local: kept, unchecked
        ("05-04-02-01", "5.4.2.1", "Délégation de fonctions"),
        (3, "3", "Domaine et patrimoine"),
    ],
)
def test_nomenclature_round_trip(written, canonical, label):
    code = NomenclatureCode.parse(written)
    assert str(code) == canonical
    assert code.label == label
    assert NomenclatureCode.parse(str(code)) == code


def test_nomenclature_levels():
    code = NomenclatureCode.parse("7.10")
    assert (code.level1, code.level2, code.deeper) == (7, 10, ())
    assert (code.level1_code, code.level2_code) == ("7", "7.10")
    assert (code.level1_label, code.level2_label) == ("Finances locales", "Divers")
    top = NomenclatureCode.parse("7")
    assert (top.level2_code, top.level2_label, top.label) == (None, None, "Finances locales")


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1.10", "code « 1.10 » inconnu dans la nomenclature ACTES (matière 1 : Commande publique)"),
        ("9.5", "code « 9.5 » inconnu dans la nomenclature ACTES (matière 9 : Autres domaines de compétences)"),
        ("1.0", "code « 1.0 » inconnu dans la nomenclature ACTES (matière 1 : Commande publique)"),
        ("10", "matière « 10 » inconnue : la nomenclature ACTES va de 1 à 9"),
        ("0.1", "matière « 0 » inconnue : la nomenclature ACTES va de 1 à 9"),
        ("abc", "code de nomenclature « abc » illisible : écrire par exemple « 1.1 » ou « 01-01 »"),
        ("1..1", "code de nomenclature « 1..1 » illisible : écrire par exemple « 1.1 » ou « 01-01 »"),
        ("1.1.", "code de nomenclature « 1.1. » illisible : écrire par exemple « 1.1 » ou « 01-01 »"),
        ("", "code de nomenclature «  » illisible : écrire par exemple « 1.1 » ou « 01-01 »"),
        (True, "code de nomenclature attendu, par exemple « 1.1 »"),
        (None, "code de nomenclature attendu, par exemple « 1.1 »"),
        (["1.1"], "code de nomenclature attendu, par exemple « 1.1 »"),
    ],
)
def test_nomenclature_refused(value, message):
    with pytest.raises(ValueError) as caught:
        NomenclatureCode.parse(value)
    assert str(caught.value) == message


# The national levels 1 and 2 of the ACTES nomenclature, as the préfectures publish them.
NOMENCLATURE = {
    "1": "Commande publique",
    "1.1": "Marchés publics",
    "1.2": "Délégation de service public",
    "1.3": "Conventions de mandat",
    "1.4": "Autres types de contrats",
    "1.5": "Transactions / protocole d'accord transactionnel",
    "1.6": "Actes relatifs à la maîtrise d'œuvre",
    "1.7": "Actes spéciaux et divers",
    "2": "Urbanisme",
    "2.1": "Documents d'urbanisme",
    "2.2": "Actes relatifs au droit d'occupation ou d'utilisation des sols",
    "2.3": "Droit de préemption urbain",
    "3": "Domaine et patrimoine",
    "3.1": "Acquisitions",
    "3.2": "Aliénations",
    "3.3": "Locations",
    "3.4": "Limites territoriales",
    "3.5": "Autres actes de gestion du domaine public",
    "3.6": "Autres actes de gestion du domaine privé",
    "4": "Fonction publique",
    "4.1": "Personnels titulaires et stagiaires de la F.P.T.",
    "4.2": "Personnels contractuels",
    "4.3": "Fonction publique hospitalière",
    "4.4": "Autres catégories de personnels",
    "4.5": "Régime indemnitaire",
    "5": "Institutions et vie politique",
    "5.1": "Election exécutif",
    "5.2": "Fonctionnement des assemblées",
    "5.3": "Désignation de représentants",
    "5.4": "Délégation de fonctions",
    "5.5": "Délégation de signature",
    "5.6": "Exercice des mandats locaux",
    "5.7": "Intercommunalité",
    "5.8": "Décision d'ester en justice",
    "6": "Libertés publiques et pouvoirs de police",
    "6.1": "Police municipale",
    "6.2": "Pouvoir du président du conseil général",
    "6.3": "Pouvoir du président du conseil régional",
    "6.4": "Autres actes réglementaires",
    "6.5": "Actes pris au nom de l'Etat et soumis au contrôle hiérarchique",
    "7": "Finances locales",
    "7.1": "Décisions budgétaires",
    "7.2": "Fiscalité",
    "7.3": "Emprunts",
    "7.4": "Interventions économiques",
    "7.5": "Subventions",
    "7.6": "Contributions budgétaires",
    "7.7": "Avances",
    "7.8": "Fonds de concours",
    "7.9": "Prise de participation (SEM, etc.)",
    "7.10": "Divers",
    "8": "Domaines de compétences par thèmes",
    "8.1": "Enseignement",
    "8.2": "Aide sociale",
    "8.3": "Voirie",
    "8.4": "Aménagement du territoire",
    "8.5": "Politique de la ville-habitat-logement",
    "8.6": "Emploi-formation professionnelle",
    "8.7": "Transports",
    "8.8": "Environnement",
    "8.9": "Culture",
    "9": "Autres domaines de compétences",
    "9.1": "Autres domaines de compétences des communes",
    "9.2": "Autres domaines de compétences des départements",
    "9.3": "Autres domaines de compétences des régions",
    "9.4": "Voeux et motions",
}


def test_nomenclature_table_is_complete():
    assert nomenclature_labels() == NOMENCLATURE


@pytest.mark.parametrize(("code", "label"), sorted(NOMENCLATURE.items()))
def test_every_nomenclature_code_parses_with_its_label(code, label):
    parsed = NomenclatureCode.parse(code)
    assert str(parsed) == code
    assert parsed.label == label
    if "." in code:
        # The two-digit forms of the ACTES files give the same code.
        level1, level2 = code.split(".")
        assert NomenclatureCode.parse(f"{int(level1):02d}-{int(level2):02d}") == parsed
        assert NomenclatureCode.parse(f"{int(level1):02d} - {int(level2):02d}") == parsed
        assert parsed.level1_label == NOMENCLATURE[level1]


# --------------------------------------------------------------------------- ACTES identifier

@pytest.mark.parametrize(
    ("written", "departement", "siren", "date", "internal", "nature"),
    [
        ("062-216204982-20241218-DLB03_18122024-DE", "062", "216204982", dt.date(2024, 12, 18), "DLB03_18122024", "DE"),
        ("02A-212000046-20240105-ARR_12-AI", "02A", "212000046", dt.date(2024, 1, 5), "ARR_12", "AI"),
        ("02B-212000046-20240229-1-AR", "02B", "212000046", dt.date(2024, 2, 29), "1", "AR"),
        ("974-219740115-20260101-D2026_102-CC", "974", "219740115", dt.date(2026, 1, 1), "D2026_102", "CC"),
        ("080-200000000-20250630-ABCDEFGHIJKLMNO-BF", "080", "200000000", dt.date(2025, 6, 30), "ABCDEFGHIJKLMNO", "BF"),
        ("062-216204982-20241218-X-AU", "062", "216204982", dt.date(2024, 12, 18), "X", "AU"),
    ],
)
def test_actes_id_round_trip(written, departement, siren, date, internal, nature):
    parsed = ActesId.parse(written)
    assert (parsed.departement, parsed.siren, parsed.date, parsed.internal, parsed.nature) == (
        departement, siren, date, internal, nature)
    assert str(parsed) == written
    assert ActesId.parse(str(parsed)) == parsed


def test_actes_id_with_dashes_from_a_word_processor():
    parsed = ActesId.parse("062\u2013216204982\u201320241218\u2013DLB03_18122024\u2013DE")
    assert str(parsed) == "062-216204982-20241218-DLB03_18122024-DE"


MALFORMED = ("identifiant ACTES « {} » mal formé : attendu « département-SIREN-AAAAMMJJ-numéro interne-nature », "
             "par exemple « 062-216204982-20241218-DLB03_18122024-DE »")
INTERNAL = ("numéro interne « {} » invalide dans l'identifiant ACTES : 1 à 15 caractères parmi les chiffres, "
            "les majuscules sans accent et « _ »")
NATURE = "code de nature « {} » inconnu dans l'identifiant ACTES : attendu DE, AR, AI, CC, BF, AU"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("62-216204982-20241218-DLB03-DE", MALFORMED.format("62-216204982-20241218-DLB03-DE")),
        ("062-21620498-20241218-DLB03-DE", MALFORMED.format("062-21620498-20241218-DLB03-DE")),
        ("062-216204982-2024121-DLB03-DE", MALFORMED.format("062-216204982-2024121-DLB03-DE")),
        ("062-216204982-20241218-DLB03", MALFORMED.format("062-216204982-20241218-DLB03")),
        ("062-216204982-20241218-DLB-03-DE", MALFORMED.format("062-216204982-20241218-DLB-03-DE")),
        ("062-216204982-20241218--DE", MALFORMED.format("062-216204982-20241218--DE")),
        ("062-216204982-20241218-DLB03-de", MALFORMED.format("062-216204982-20241218-DLB03-de")),
        ("02C-216204982-20241218-DLB03-DE", MALFORMED.format("02C-216204982-20241218-DLB03-DE")),
        ("", MALFORMED.format("")),
        (None, MALFORMED.format("None")),
        # internal number: [0-9A-Z_]{1,15}
        ("062-216204982-20241218-dlb03-DE", INTERNAL.format("dlb03")),
        ("062-216204982-20241218-ABCDEFGHIJKLMNOP-DE", INTERNAL.format("ABCDEFGHIJKLMNOP")),
        ("062-216204982-20241218-DÉL03-DE", INTERNAL.format("DÉL03")),
        ("062-216204982-20241218-D.03-DE", INTERNAL.format("D.03")),
        ("062-216204982-20241218-D 03-DE", INTERNAL.format("D 03")),
        # nature code
        ("062-216204982-20241218-DLB03-XX", NATURE.format("XX")),
        ("062-216204982-20241218-DLB03-DL", NATURE.format("DL")),
        # impossible date
        ("062-216204982-20240230-DLB03-DE", "date « 20240230 » impossible dans l'identifiant ACTES"),
        ("062-216204982-20231301-DLB03-DE", "date « 20231301 » impossible dans l'identifiant ACTES"),
        ("062-216204982-20250229-DLB03-DE", "date « 20250229 » impossible dans l'identifiant ACTES"),
    ],
)
def test_actes_id_refused(value, message):
    with pytest.raises(ValueError) as caught:
        ActesId.parse(value)
    assert str(caught.value) == message


# --------------------------------------------------------------------------- references

@pytest.mark.parametrize(
    ("written", "numero", "type_", "collectivite", "printed"),
    [
        ("décision 2026-92", "2026-92", "decision", None, "décision n° 2026-92"),
        ("decision 2026-92", "2026-92", "decision", None, "décision n° 2026-92"),
        ("arrêté n° 2026-631", "2026-631", "arrete", None, "arrêté n° 2026-631"),
        ("Arrêté n°2026-631", "2026-631", "arrete", None, "arrêté n° 2026-631"),
        ("délibération no 2026-1", "2026-1", "deliberation", None, "délibération n° 2026-1"),
        ("procès-verbal 2026-1", "2026-1", "proces_verbal", None, "procès-verbal n° 2026-1"),
        ("PV 2026-1", "2026-1", "proces_verbal", None, "procès-verbal n° 2026-1"),
        ("2026-92", "2026-92", None, None, "n° 2026-92"),
        ("n° 2026 - 92", "2026-92", None, None, "n° 2026-92"),
        ("somme-numerique:deliberation B2025-03", "B2025-03", "deliberation", "somme-numerique",
         "somme-numerique:délibération n° B2025-03"),
        ({"type": "arrêté", "numero": "2026-1"}, "2026-1", "arrete", None, "arrêté n° 2026-1"),
        ({"numero": "2026-1", "collectivite": "lens"}, "2026-1", None, "lens", "lens:n° 2026-1"),
    ],
)
def test_act_ref_round_trip(written, numero, type_, collectivite, printed):
    ref = ActRef.parse(written)
    assert (str(ref.numero), ref.type, ref.collectivite) == (numero, type_, collectivite)
    assert str(ref) == printed
    assert ActRef.parse(str(ref)) == ref


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("lettre 2026-1", "type d'acte « lettre » inconnu dans la référence « lettre 2026-1 » : "
                          "décision, arrêté, délibération ou procès-verbal"),
        ("décision", "référence « décision » illisible : écrire par exemple « décision 2026-92 »"),
        ("décision du 3 mars", "référence « décision du 3 mars » illisible : écrire par exemple « décision 2026-92 »"),
        ("procès-verbal du conseil", "numéro « du conseil » invalide : lettres, chiffres et « _ . / - » seulement, "
                                     "par exemple « 2026-102 »"),
        ("", "référence «  » illisible : écrire par exemple « décision 2026-92 »"),
        ({"type": "décision"}, "référence attendue sous la forme « type numéro », par exemple « décision 2026-92 »"),
        ({"numero": "2026-1", "date": "x"},
         "référence attendue sous la forme « type numéro », par exemple « décision 2026-92 »"),
        ({"type": "lettre", "numero": "2026-1"}, "type d'acte « lettre » inconnu dans la référence"),
        (True, "référence attendue sous la forme « type numéro », par exemple « décision 2026-92 »"),
        ([1], "référence attendue sous la forme « type numéro », par exemple « décision 2026-92 »"),
    ],
)
def test_act_ref_refused(value, message):
    with pytest.raises(ValueError) as caught:
        ActRef.parse(value)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("word", "type_"),
    [("Décision", "decision"), ("ARRÊTÉ", "arrete"), ("délibération", "deliberation"),
     ("Procès-verbal", "proces_verbal"), ("proces_verbal", "proces_verbal"), ("lettre", None)],
)
def test_type_from_word(word, type_):
    assert type_from_word(word) == type_


def test_fold():
    assert fold("Arrêté DÉCIDE Procès") == "arrete decide proces"
