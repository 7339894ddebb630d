"""Validation of one act: schema errors in French at the line of their field, the
fields each type requires, and the checks across fields."""

from __future__ import annotations

import re

import pytest

D = "acts/2026/decision-2026-1.md"
A = "acts/2026/arrete-A2026-1.md"
DL = "acts/2026/deliberation-2026-1.md"
PV = "acts/2026/proces-verbal-PV2026-1.md"


def remove_key(text: str, key: str) -> str:
    """The act without the top-level field `key` (and its indented lines)."""
    new, count = re.subn(rf"^{re.escape(key)}:.*\n(?:[ \t]+.*\n)*", "", text, count=1, flags=re.M)
    assert count == 1, f"champ {key} absent"
    return new


def remove_line(text: str, start: str) -> str:
    new, count = re.subn(rf"^[ \t]*{re.escape(start)}.*\n", "", text, count=1, flags=re.M)
    assert count == 1, f"ligne {start} absente"
    return new


# --------------------------------------------------------------------------- YAML traps, types, keys

def test_unknown_key_with_suggestion(problems, samples):
    text = samples.edit(samples.DECISION, "objet:", "objt:")
    assert problems({D: text}) == [
        f"{D}:2: objet — champ obligatoire manquant pour une décision : objet",
        f"{D}:5: objt — champ inconnu « objt » : vouliez-vous dire « objet » ?",
    ]


def test_unknown_nested_key_with_suggestion(problems, samples):
    text = samples.edit(samples.DECISION, "  prenom:", "  prnom:")
    assert problems({D: text}) == [
        f"{D}:9: signataire.prenom — champ obligatoire manquant",
        f"{D}:10: signataire.prnom — champ inconnu « prnom » : vouliez-vous dire « prenom » ?",
    ]


def test_unknown_key_without_close_match_lists_the_fields(problems, samples):
    text = samples.edit(samples.DECISION, "lieu: Lens\n", "lieu: Lens\nsignature_electronique: oui\n")
    assert problems({D: text}) == [
        f"{D}:14: signature_electronique — champ inconnu « signature_electronique » (champs possibles : type, "
        "numero, date, objet, nomenclature, collectivite, autorite, signataire, lieu, statut, mise_en_ligne, "
        "transmission, seance, vote, rapporteur, annexes, modifie, abroge, rectifie, deliberations, a_verifier)",
    ]


def test_unknown_type_with_suggestion(problems, samples):
    text = samples.edit(samples.DECISION, "type: decision", "type: decison")
    assert problems({D: text}) == [
        f"{D}:2: type — valeur « decison » non reconnue, attendu 'decision', 'arrete', 'deliberation' ou "
        "'proces_verbal' : vouliez-vous dire « decision » ?",
    ]


def test_missing_type(problems, samples):
    assert problems({D: remove_key(samples.DECISION, "type")}) == [
        f"{D}:2: type — champ obligatoire manquant : decision, arrete, deliberation ou proces_verbal"]


def test_unknown_statut(problems, samples):
    text = samples.edit(samples.DECISION, "statut: publie", "statut: publié")
    assert problems({D: text}) == [
        f"{D}:14: statut — valeur « publié » non reconnue, attendu 'projet' ou 'publie' : vouliez-vous dire « publie » ?"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("objet: Décision relative à la signature de l'avenant n°1 au contrat de maintenance",
         "objet: [avenant, maintenance]", "5: objet — texte attendu, trouvé une liste"),
        ("objet: Décision relative à la signature de l'avenant n°1 au contrat de maintenance",
         "objet: 12", "5: objet — texte attendu, trouvé « 12 » (écrire la valeur entre guillemets)"),
        ("objet: Décision relative à la signature de l'avenant n°1 au contrat de maintenance",
         "objet: ''", "5: objet — ne doit pas être vide"),
        ("lieu: Lens", "lieu: {ville: Lens}", "13: lieu — texte attendu, trouvé un groupe de champs"),
        ("lieu: Lens", "lieu: true", "13: lieu — texte attendu, trouvé « true » (écrire la valeur entre guillemets)"),
        ("  nom: MAZURE", "  nom:", "11: signataire.nom — texte attendu, trouvé une valeur vide"),
        ("numero: 2026-1", "numero: [2026-1]", "3: numero — numéro attendu sous forme de texte, par exemple « 2026-102 »"),
        ("numero: 2026-1", "numero: 2026 1",
         "3: numero — numéro « 2026 1 » invalide : lettres, chiffres et « _ . / - » seulement, par exemple « 2026-102 »"),
        ("date: 2026-05-22", "date: 22/05/2026",
         "4: date — date attendue au format AAAA-MM-JJ (par exemple 2026-05-22), trouvé « 22/05/2026 »"),
        ("date: 2026-05-22", "date: 2026-5-22",
         "4: date — date attendue au format AAAA-MM-JJ (par exemple 2026-05-22), trouvé « 2026-5-22 »"),
        ("date: 2026-05-22", "date: 20260522",
         "4: date — date attendue au format AAAA-MM-JJ (par exemple 2026-05-22), trouvé « 20260522 »"),
        ("statut: publie", "statut: yes",
         "14: statut — valeur « yes » non reconnue, attendu 'projet' ou 'publie'"),
    ],
)
def test_wrong_types(problems, samples, old, new, expected):
    assert problems({D: samples.edit(samples.DECISION, old, new)}) == [f"{D}:{expected}"]


def test_group_expected(problems, samples):
    text = samples.edit(samples.DECISION, "signataire:\n  prenom: Pierre\n  nom: MAZURE\n  qualite: L'adjoint au Maire\n",
                        "signataire: Pierre MAZURE\n")
    assert problems({D: text}) == [
        f"{D}:9: signataire — groupe de champs attendu (« clé: valeur » en retrait), trouvé « Pierre MAZURE »"]


@pytest.mark.parametrize(
    ("written", "found"),
    [("2026-02-30", "date impossible : 2026-02-30 (février 2026 n'a que 28 jours)"),
     ("2024-02-30", "date impossible : 2024-02-30 (février 2024 n'a que 29 jours)"),
     ("2026-04-31", "date impossible : 2026-04-31 (avril 2026 n'a que 30 jours)"),
     ("2026-12-32", "date impossible : 2026-12-32 (décembre 2026 n'a que 31 jours)"),
     ("2026-13-01", "date impossible : 2026-13-01 (il n'y a pas de mois 13)"),
     ("2026-00-10", "date impossible : 2026-00-10 (il n'y a pas de mois 0)"),
     ("'2026-02-30'", "date impossible : 2026-02-30 (février 2026 n'a que 28 jours)"),
     ("!!timestamp 2026-02-30", "date impossible : 2026-02-30 (février 2026 n'a que 28 jours)")],
)
def test_impossible_date_with_its_line(problems, samples, written, found):
    text = samples.edit(samples.DECISION, "date: 2026-05-22", f"date: {written}")
    assert problems({D: text}) == [f"{D}:4: date — {found}"]


def test_impossible_nested_date_with_its_line(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  date: 2026-03-22", "  date: 2026-02-30")
    assert problems({DL: text}) == [f"{DL}:13: seance.date — date impossible : 2026-02-30 (février 2026 n'a que 28 jours)"]


def test_yes_for_a_boolean(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  abstention: 2\n", "  abstention: 2\n  unanimite: yes\n")
    assert problems({DL: text}) == [
        f"{DL}:21: vote.unanimite — true ou false attendu, trouvé « yes » (« oui », « yes », « on » ne sont pas acceptés)"]


@pytest.mark.parametrize("written", ["no", "non", "off", "n", "0", "'true'"])
def test_no_for_a_boolean(problems, samples, written):
    text = samples.edit(samples.PROCES_VERBAL, "    atteint: true", f"    atteint: {written}")
    shown = written.strip("'")
    assert problems({PV: text, DL: samples.DELIBERATION}) == [
        f"{PV}:19: seance.quorum.atteint — true ou false attendu, trouvé « {shown} » "
        "(« oui », « yes », « on » ne sont pas acceptés)"]


@pytest.mark.parametrize("written", ["0123", "'35'", "35.0"])
def test_integer_written_as_text(problems, samples, written):
    text = samples.edit(samples.DELIBERATION, "  votants: 35", f"  votants: {written}")
    shown = written.strip("'")
    assert problems({DL: text}) == [
        f"{DL}:17: vote.votants — nombre entier attendu, trouvé « {shown} » (sans guillemets ni zéro initial)"]


def test_negative_count(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  contre: 3", "  contre: -3")
    assert problems({DL: text}) == [f"{DL}:19: vote.contre — nombre positif ou nul attendu, trouvé « -3 »"]


def test_unquoted_time_and_nomenclature_are_read_as_written(check, samples):
    text = samples.edit(samples.DECISION, 'nomenclature: "1.1"', "nomenclature: 7.10")
    result = check({D: text, DL: samples.DELIBERATION, PV: samples.PROCES_VERBAL})
    assert [str(p) for p in result.problems] == []
    by_type = {a.type: a for a in result.acts}
    assert str(by_type["decision"].meta.nomenclature) == "7.10"
    assert by_type["proces_verbal"].meta.seance.heure == "18:00"


@pytest.mark.parametrize(("written", "read"), [("18h30", "18:30"), ("9h", "09:00"), ("'18 heures'", "18:00")])
def test_time_forms(check, samples, written, read):
    text = samples.edit(samples.PROCES_VERBAL, "  heure: 18:00", f"  heure: {written}")
    result = check({PV: text, DL: samples.DELIBERATION})
    assert [str(p) for p in result.problems] == []
    assert [a.meta.seance.heure for a in result.acts if a.type == "proces_verbal"] == [read]


def test_impossible_time(problems, samples):
    text = samples.edit(samples.PROCES_VERBAL, "  heure: 18:00", "  heure: 25:00")
    assert problems({PV: text, DL: samples.DELIBERATION}) == [
        f"{PV}:13: seance.heure — heure attendue au format HH:MM (par exemple 14:30), trouvé « 25:00 »"]


def test_duplicate_key_in_an_act(problems, samples):
    text = samples.edit(samples.DECISION, "lieu: Lens\n", "lieu: Lens\nnumero: 2026-2\n")
    assert problems({D: text}) == [f"{D}:14: numero — clé en double (déjà définie ligne 3)"]


def test_yaml_syntax_error_in_an_act(problems, samples):
    text = samples.edit(samples.DECISION, "lieu: Lens", "lieu: Lens: Hôtel de Ville")
    assert problems({D: text}) == [
        f"{D}:13: en-tête — erreur de syntaxe YAML : « : » inattendu (une valeur contenant « : » doit être entre guillemets)"]


def test_every_problem_is_reported_at_once(problems, samples):
    text = samples.edit(samples.DECISION, "date: 2026-05-22", "date: 2026-02-30")
    text = samples.edit(text, 'nomenclature: "1.1"', 'nomenclature: "1.9"')
    text = samples.edit(text, "collectivite: lens", "collectivite: lense")
    text = samples.edit(text, "**Article 2**", "**Article 3**")
    assert problems({D: text}) == [
        f"{D}:4: date — date impossible : 2026-02-30 (février 2026 n'a que 28 jours)",
        f"{D}:6: nomenclature — code « 1.9 » inconnu dans la nomenclature ACTES (matière 1 : Commande publique)",
        f"{D}:7: collectivite — collectivité « lense » absente de mkdocs.yml (extra.collectivites) : "
        "vouliez-vous dire « lens » ?",
        f"{D}:26: articles — articles mal numérotés : « Article 3 » trouvé, « Article 2 » attendu",
    ]


# --------------------------------------------------------------------------- required fields per type

REQUIRED = [
    ("decision", "numero", "numéro"),
    ("decision", "date", "date"),
    ("decision", "objet", "objet"),
    ("decision", "collectivite", "collectivité"),
    ("decision", "nomenclature", "code de nomenclature (matière)"),
    ("decision", "autorite", "autorité (« Le Maire de … »)"),
    ("decision", "signataire", "signataire (prénom, nom, qualité)"),
    ("decision", "lieu", "lieu de signature (« Fait à … »)"),
    ("arrete", "numero", "numéro"),
    ("arrete", "date", "date"),
    ("arrete", "objet", "objet"),
    ("arrete", "collectivite", "collectivité"),
    ("arrete", "nomenclature", "code de nomenclature (matière)"),
    ("arrete", "autorite", "autorité (« Le Maire de … »)"),
    ("arrete", "signataire", "signataire (prénom, nom, qualité)"),
    ("arrete", "lieu", "lieu de signature (« Fait à … »)"),
    ("deliberation", "numero", "numéro"),
    ("deliberation", "date", "date"),
    ("deliberation", "objet", "objet"),
    ("deliberation", "collectivite", "collectivité"),
    ("deliberation", "nomenclature", "code de nomenclature (matière)"),
    ("deliberation", "signataire", "signataire (prénom, nom, qualité)"),
    ("deliberation", "seance", "séance"),
    ("deliberation", "vote", "vote"),
    ("proces_verbal", "numero", "numéro"),
    ("proces_verbal", "date", "date"),
    ("proces_verbal", "objet", "objet"),
    ("proces_verbal", "signataire", "signataire (prénom, nom, qualité)"),
    ("proces_verbal", "seance", "séance"),
    ("proces_verbal", "deliberations", "liste des délibérations de la séance"),
]
WHO = {"decision": "une décision", "arrete": "un arrêté", "deliberation": "une délibération",
       "proces_verbal": "un procès-verbal"}


@pytest.mark.parametrize(("type_", "field", "label"), REQUIRED)
def test_required_fields_per_type(problems, samples, type_, field, label):
    text = {"decision": samples.DECISION, "arrete": samples.ARRETE, "deliberation": samples.DELIBERATION,
            "proces_verbal": samples.PROCES_VERBAL}[type_]
    path = f"acts/2026/{type_}.md"
    files = {path: remove_key(text, field)}
    if type_ == "proces_verbal" and field != "deliberations":
        files[DL] = samples.DELIBERATION  # the délibération it lists
    assert problems(files) == [
        f"{path}:2: {field} — champ obligatoire manquant pour {WHO[type_]} : {label}"]


def test_empty_required_list(problems, samples):
    text = samples.edit(samples.PROCES_VERBAL, "deliberations:\n  - délibération 2026-1\n", "deliberations: []\n")
    assert problems({PV: text}) == [
        f"{PV}:22: deliberations — champ obligatoire manquant pour un procès-verbal : liste des délibérations de la séance"]


def test_projet_needs_less(problems, samples):
    # A draft still has its type's fields; only publication fields may wait.
    text = remove_key(remove_key(samples.DECISION, "mise_en_ligne"), "statut")
    assert problems({D: text}) == []


# --------------------------------------------------------------------------- procès-verbal (L2121-15)

@pytest.mark.parametrize(
    ("field", "label"),
    [("heure", "heure de la séance"),
     ("president", "président de séance"),
     ("secretaire", "secrétaire de séance"),
     ("presents", "liste des membres présents"),
     ("quorum", "quorum")],
)
def test_proces_verbal_contents(problems, samples, field, label):
    text = re.sub(rf"^  {field}:.*\n(?:    .*\n)*", "", samples.PROCES_VERBAL, count=1, flags=re.M)
    assert text != samples.PROCES_VERBAL
    assert problems({PV: text, DL: samples.DELIBERATION}) == [
        f"{PV}:11: seance.{field} — champ obligatoire manquant pour un procès-verbal : {label}"]


def test_proces_verbal_without_seance_date(problems, samples):
    text = remove_line(samples.PROCES_VERBAL, "date: 2026-03-22")  # the first one is the act's date
    text = samples.edit(text, "seance:\n  date: 2026-03-22\n", "seance:\n")
    text = samples.edit(text, "type: proces_verbal\n", "type: proces_verbal\ndate: 2026-03-22\n")
    assert problems({PV: text, DL: samples.DELIBERATION}) == [
        f"{PV}:11: seance.date — champ obligatoire manquant pour un procès-verbal : date de la séance"]


def test_proces_verbal_all_parts_missing_at_once(problems, samples):
    text = samples.edit(samples.PROCES_VERBAL,
                        samples.PROCES_VERBAL[samples.PROCES_VERBAL.index("seance:"):samples.PROCES_VERBAL.index("deliberations:")],
                        "seance:\n  date: 2026-03-22\n  organe: Conseil municipal\n")
    assert problems({PV: text, DL: samples.DELIBERATION}) == [
        f"{PV}:11: seance.heure — champ obligatoire manquant pour un procès-verbal : heure de la séance",
        f"{PV}:11: seance.presents — champ obligatoire manquant pour un procès-verbal : liste des membres présents",
        f"{PV}:11: seance.president — champ obligatoire manquant pour un procès-verbal : président de séance",
        f"{PV}:11: seance.quorum — champ obligatoire manquant pour un procès-verbal : quorum",
        f"{PV}:11: seance.secretaire — champ obligatoire manquant pour un procès-verbal : secrétaire de séance",
    ]


def test_act_date_must_be_the_seance_date(problems, samples):
    text = samples.edit(samples.DELIBERATION, "date: 2026-03-22\nobjet", "date: 2026-03-23\nobjet")
    assert problems({DL: text}) == [
        f"{DL}:13: seance.date — la date de l'acte (23/03/2026) doit être celle de la séance (22/03/2026)"]


def test_convocation_after_the_seance(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  organe: Conseil municipal\n",
                        "  organe: Conseil municipal\n  convocation: 2026-03-23\n")
    assert problems({DL: text}) == [f"{DL}:15: seance.convocation — convocation postérieure à la séance"]


def test_quorum_not_reached(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  organe: Conseil municipal\n",
                        "  organe: Conseil municipal\n  quorum:\n    atteint: false\n")
    assert problems({DL: text}) == [
        f"{DL}:15: seance.quorum — avertissement : quorum non atteint : la délibération n'est valable que sur "
        "seconde convocation (L2121-17)"]


def test_member_listed_twice(problems, samples):
    text = samples.edit(samples.PROCES_VERBAL, "Paul DURAND]", "Paul DURAND]\n  absents: [Paul DURAND]")
    assert problems({PV: text, DL: samples.DELIBERATION}) == [
        f"{PV}:11: seance — avertissement : « Paul DURAND » figure deux fois parmi les présents, excusés et absents"]


# --------------------------------------------------------------------------- dates and publication

def test_future_date_for_a_published_act(problems, samples):
    text = samples.edit(samples.DECISION, "date: 2026-05-22", "date: 2026-06-16")
    text = samples.edit(text, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2026-06-16")
    assert problems({D: text}) == [f"{D}:4: date — date 16/06/2026 dans le futur pour un acte signé et publié"]


def test_today_is_not_the_future(problems, samples):
    text = samples.edit(samples.DECISION, "date: 2026-05-22", "date: 2026-06-15")
    text = samples.edit(text, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2026-06-15")
    assert problems({D: text}) == []


def test_future_date_for_a_draft_is_fine(problems, samples):
    text = samples.edit(samples.DECISION, "date: 2026-05-22", "date: 2026-09-01")
    text = samples.edit(text, "statut: publie\nmise_en_ligne: 2026-05-26\n", "statut: projet\n")
    assert problems({D: text}) == []


def test_mise_en_ligne_before_date(problems, samples):
    text = samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2026-05-21")
    assert problems({D: text}) == [
        f"{D}:15: mise_en_ligne — mise en ligne le 21/05/2026, avant la date de l'acte (22/05/2026)"]


def test_publie_without_mise_en_ligne(problems, samples):
    text = remove_key(samples.DECISION, "mise_en_ligne")
    assert problems({D: text}) == [
        f"{D}:14: mise_en_ligne — acte publié sans date de mise en ligne (obligatoire, CGCT R2131-1)"]


def test_impossible_mise_en_ligne(problems, samples):
    text = samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2026-02-29")
    assert problems({D: text}) == [
        f"{D}:15: mise_en_ligne — date impossible : 2026-02-29 (février 2026 n'a que 28 jours)"]


# --------------------------------------------------------------------------- objet

def with_objet(samples, written: str) -> str:
    new, count = re.subn(r"^objet: .*$", lambda _: f"objet: {written}", samples.DECISION, count=1, flags=re.M)
    assert count == 1
    return new


LONG = ("Avenant n°1 au contrat de maintenance du logiciel « RESSOURCES » " * 10)


def test_objet_of_499_characters_is_accepted(problems, samples):
    assert len(LONG[:499]) == 499
    assert problems({D: with_objet(samples, f'"{LONG[:499]}"')}) == []


def test_objet_over_499_characters(problems, samples):
    assert problems({D: with_objet(samples, f'"{LONG[:500]}"')}) == [
        f"{D}:5: objet — objet trop long : 500 caractères, 499 au plus (limite ACTES)"]
    assert problems({D: with_objet(samples, f'"{LONG}"')}) == [
        f"{D}:5: objet — objet trop long : {len(LONG)} caractères, 499 au plus (limite ACTES)"]


@pytest.mark.parametrize(
    "written",
    ['"Avenant n°1\\nau contrat"', "|\n  Avenant n°1\n  au contrat", '"Avenant n°1\\r au contrat"'],
)
def test_objet_with_a_line_break(problems, samples, written):
    assert problems({D: with_objet(samples, written)}) == [
        f"{D}:5: objet — l'objet tient sur une seule ligne (limite ACTES) : retirer les retours à la ligne"]


def test_objet_folded_on_two_lines_is_one_line(problems, samples):
    assert problems({D: with_objet(samples, "Avenant n°1\n  au contrat de maintenance")}) == []


# --------------------------------------------------------------------------- nomenclature, collectivité

@pytest.mark.parametrize(
    ("written", "message"),
    [('"1.9"', "code « 1.9 » inconnu dans la nomenclature ACTES (matière 1 : Commande publique)"),
     ("1.10", "code « 1.10 » inconnu dans la nomenclature ACTES (matière 1 : Commande publique)"),
     ('"12.1"', "matière « 12 » inconnue : la nomenclature ACTES va de 1 à 9"),
     ('"123"', "code de nomenclature « 123 » illisible : écrire par exemple « 1.1 » ou « 01-01 »"),
     ("10", "matière « 10 » inconnue : la nomenclature ACTES va de 1 à 9"),
     ("marchés", "code de nomenclature « marchés » illisible : écrire par exemple « 1.1 » ou « 01-01 »")],
)
def test_unknown_nomenclature(problems, samples, written, message):
    text = samples.edit(samples.DECISION, 'nomenclature: "1.1"', f"nomenclature: {written}")
    assert problems({D: text}) == [f"{D}:6: nomenclature — {message}"]


@pytest.mark.parametrize("written", ['"01-01"', '"01 - 01"', "1.1", "01.01", '"1.1.4"'])
def test_nomenclature_forms(problems, samples, written):
    text = samples.edit(samples.DECISION, 'nomenclature: "1.1"', f"nomenclature: {written}")
    assert problems({D: text}) == []


def test_unknown_collectivite(problems, samples):
    text = samples.edit(samples.DECISION, "collectivite: lens", "collectivite: arras")
    assert problems({D: text}) == [
        f"{D}:7: collectivite — collectivité « arras » absente de mkdocs.yml (extra.collectivites) "
        "(connues : lens, somme-numerique)"]


# --------------------------------------------------------------------------- ACTES identifier

TRANSMISSION = "mise_en_ligne: 2026-05-26\ntransmission:\n  date: 2026-05-23\n  id: {}\n"


def with_transmission(samples, actes_id: str, text: str | None = None) -> str:
    return samples.edit(text or samples.DECISION, "mise_en_ligne: 2026-05-26\n", TRANSMISSION.format(actes_id))


def test_transmission_accepted(check, samples):
    result = check({D: with_transmission(samples, "062-216204982-20260522-D2026_1-AI")})
    assert [str(p) for p in result.problems] == []
    assert str(result.acts[0].meta.transmission.id) == "062-216204982-20260522-D2026_1-AI"


@pytest.mark.parametrize(
    ("actes_id", "message"),
    [
        ("062-216204982-2026052-D2026_1-AI",
         "identifiant ACTES « 062-216204982-2026052-D2026_1-AI » mal formé : attendu « département-SIREN-AAAAMMJJ-"
         "numéro interne-nature », par exemple « 062-216204982-20241218-DLB03_18122024-DE »"),
        ("062-216204982-20260521-D2026_1-AI",
         "la date de l'identifiant ACTES (20260521) diffère de la date de l'acte (20260522)"),
        ("062-200000000-20260522-D2026_1-AI",
         "le SIREN de l'identifiant ACTES (200000000) n'est pas celui de Ville de Lens (216204982)"),
        ("080-216204982-20260522-D2026_1-AI",
         "le département de l'identifiant ACTES (080) n'est pas celui de Ville de Lens (062)"),
        ("062-216204982-20260522-D2026_1-DE",
         "code de nature « DE » incompatible avec une décision (attendu : AI, AR, CC, BF, AU)"),
        ("062-216204982-20260522-d2026_1-AI",
         "numéro interne « d2026_1 » invalide dans l'identifiant ACTES : 1 à 15 caractères parmi les chiffres, "
         "les majuscules sans accent et « _ »"),
        ("062-216204982-20260522-DECISION_2026_0001-AI",
         "numéro interne « DECISION_2026_0001 » invalide dans l'identifiant ACTES : 1 à 15 caractères parmi les "
         "chiffres, les majuscules sans accent et « _ »"),
        ("062-216204982-20260522-D2026_1-ZZ",
         "code de nature « ZZ » inconnu dans l'identifiant ACTES : attendu DE, AR, AI, CC, BF, AU"),
        ("062-216204982-20260230-D2026_1-AI", "date « 20260230 » impossible dans l'identifiant ACTES"),
    ],
)
def test_actes_identifier(problems, samples, actes_id, message):
    assert problems({D: with_transmission(samples, actes_id)}) == [f"{D}:18: transmission.id — {message}"]


def test_actes_identifier_several_problems(problems, samples):
    assert problems({D: with_transmission(samples, "080-200000000-20260521-D2026_1-DE")}) == [
        f"{D}:18: transmission.id — la date de l'identifiant ACTES (20260521) diffère de la date de l'acte (20260522)",
        f"{D}:18: transmission.id — le SIREN de l'identifiant ACTES (200000000) n'est pas celui de Ville de Lens "
        "(216204982)",
        f"{D}:18: transmission.id — le département de l'identifiant ACTES (080) n'est pas celui de Ville de Lens (062)",
        f"{D}:18: transmission.id — code de nature « DE » incompatible avec une décision (attendu : AI, AR, CC, BF, AU)",
    ]


def test_nature_code_per_type(problems, samples):
    text = samples.edit(samples.DELIBERATION, "mise_en_ligne: 2026-03-25\n",
                        "mise_en_ligne: 2026-03-25\ntransmission:\n  id: 062-216204982-20260322-DEL2026_1-AR\n")
    assert problems({DL: text}) == [
        f"{DL}:24: transmission.id — code de nature « AR » incompatible avec une délibération (attendu : DE)"]
    text = samples.edit(samples.ARRETE, "mise_en_ligne: 2026-04-03\n",
                        "mise_en_ligne: 2026-04-03\ntransmission:\n  id: 062-216204982-20260402-A2026_1-CC\n")
    assert problems({A: text}) == [
        f"{A}:17: transmission.id — code de nature « CC » incompatible avec un arrêté (attendu : AR, AI)"]


def test_siren_not_checked_when_the_collectivite_has_none(problems, samples):
    text = samples.edit(samples.DECISION, "collectivite: lens", "collectivite: somme-numerique")
    text = with_transmission(samples, "080-200000000-20260522-D2026_1-AI", text)
    assert problems({D: text}) == []


def test_reception_before_the_act(problems, samples):
    text = with_transmission(samples, "062-216204982-20260522-D2026_1-AI")
    text = samples.edit(text, "  date: 2026-05-23", "  date: 2026-05-21")
    assert problems({D: text}) == [f"{D}:17: transmission.date — réception par la préfecture avant la date de l'acte"]


# --------------------------------------------------------------------------- votes

def test_votes_sum_differs_from_votants(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  abstention: 2", "  abstention: 1")
    assert problems({DL: text}) == [
        f"{DL}:17: vote — pour + contre + abstention = 34, différent du nombre de votants (35)"]


def test_votants_over_effectif(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  votants: 35\n  pour: 30", "  votants: 40\n  pour: 35")
    assert problems({DL: text}) == [f"{DL}:17: vote.votants — 40 votants pour un effectif de 39"]


def test_vote_without_counts(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  pour: 30\n  contre: 3\n  abstention: 2\n", "")
    assert problems({DL: text}) == [
        f"{DL}:15: vote — vote incomplet : indiquer pour, contre et abstention, ou « unanimite: true »"]


def test_unanimity(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  pour: 30\n  contre: 3\n  abstention: 2\n", "  unanimite: true\n")
    assert problems({DL: text}) == []


def test_unanimity_with_votes_against(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  pour: 30\n  contre: 3\n  abstention: 2\n",
                        "  unanimite: true\n  pour: 33\n  contre: 2\n")
    assert problems({DL: text}) == [
        f"{DL}:19: vote.pour — unanimité : 33 voix pour sur 35 votants",
        f"{DL}:20: vote.contre — vote à l'unanimité avec 2 voix contre",
    ]


def test_vote_result_must_be_known(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  abstention: 2\n", "  abstention: 2\n  resultat: adopté\n")
    assert problems({DL: text}) == [
        f"{DL}:21: vote.resultat — valeur « adopté » non reconnue, attendu 'adopte' ou 'rejete' : "
        "vouliez-vous dire « adopte » ?"]


# --------------------------------------------------------------------------- articles and body

def test_no_article(problems, samples):
    text = samples.DECISION[: samples.DECISION.index("**Article 1**")]
    assert problems({D: text}) == [f"{D}:22: articles — aucun article : le dispositif commence par « Article 1 : … »"]


def test_articles_not_numbered_from_one(problems, samples):
    text = samples.edit(samples.DECISION, "**Article 1**", "**Article 2**")
    assert problems({D: text}) == [
        f"{D}:24: articles — articles mal numérotés : « Article 2 » trouvé, « Article 1 » attendu"]


def test_articles_with_a_hole(problems, samples):
    text = samples.edit(samples.DECISION, "**Article 2**", "**Article 3**")
    assert problems({D: text}) == [
        f"{D}:26: articles — articles mal numérotés : « Article 3 » trouvé, « Article 2 » attendu"]


def test_article_repeated(problems, samples):
    text = samples.edit(samples.ARRETE, "## Article 2 - Exécution", "## Article 1 - Exécution")
    assert problems({A: text}) == [
        f"{A}:26: articles — articles mal numérotés : « Article 1 » trouvé, « Article 2 » attendu"]


@pytest.mark.parametrize("first", ["**Article 1er** :", "**ARTICLE PREMIER** -", "Article 1 :", "## Article 1er"])
def test_article_one_forms(problems, samples, first):
    text = samples.edit(samples.DECISION, "**Article 1** :", first)
    assert problems({D: text}) == []


def test_article_without_text(problems, samples):
    text = samples.edit(samples.DECISION, "**Article 2** : Les crédits nécessaires sont inscrits au budget de l'exercice 2026.",
                        "**Article 2** :")
    assert problems({D: text}) == [f"{D}:26: articles — « Article 2 » sans texte"]


def test_missing_dispositif(problems, samples):
    text = samples.edit(samples.DECISION, "## DÉCIDE\n\n", "")
    assert problems({D: text}) == [  # at the first article, where the formula is missing
        f"{D}:22: dispositif — formule du dispositif absente : ajouter une ligne « DÉCIDE » avant les articles"]


def test_missing_dispositif_line_after_a_long_front_matter(problems, samples):
    # The front matter ends with comment lines: the line is found in the body, not
    # guessed from the last field of the front matter.
    text = samples.edit(samples.DECISION, "## DÉCIDE\n\n", "")
    text = samples.edit(text, "mise_en_ligne: 2026-05-26\n", "mise_en_ligne: 2026-05-26\n# relu par le service\n# juridique\n")
    assert problems({D: text}) == [
        f"{D}:24: dispositif — formule du dispositif absente : ajouter une ligne « DÉCIDE » avant les articles"]


def test_unusual_dispositif(problems, samples):
    text = samples.edit(samples.ARRETE, "## ARRÊTE", "## DÉCIDE")
    assert problems({A: text}) == [
        f"{A}:20: dispositif — avertissement : formule « DÉCIDE » inhabituelle pour un arrêté (attendu : ARRÊTE)"]


def test_deliberation_with_a_decision_text_and_no_articles(problems, samples):
    text = samples.DELIBERATION[: samples.DELIBERATION.index("**Article 1**")]
    text = samples.edit(text, "DÉCIDE :", "DÉCIDE de donner délégation au maire.")
    assert problems({DL: text}) == []


def test_no_article_and_no_dispositif(problems, samples):
    text = samples.DECISION[: samples.DECISION.index("## DÉCIDE")]
    assert problems({D: text}) == [
        f"{D}:17: articles — aucun article : le dispositif commence par « Article 1 : … »",
        f"{D}:17: dispositif — formule du dispositif absente : ajouter une ligne « DÉCIDE » avant les articles",
    ]


def test_deliberation_with_an_empty_dispositif(problems, samples):
    text = samples.DELIBERATION[: samples.DELIBERATION.index("Après en avoir")] + "## DÉLIBÈRE\n"
    assert problems({DL: text}) == [f"{DL}:27: articles — dispositif vide : ni article ni texte après la formule"]


def test_signature_typed_in_the_body(problems, samples):
    text = samples.DECISION + "\nFait à Lens, le 22 mai 2026\n\nPour le Maire,\n"
    assert problems({D: text}) == [
        f"{D}:28: corps — avertissement : « Fait à … » et la signature sont produits à partir de lieu, date et "
        "signataire : les retirer du corps du texte"]


def test_proces_verbal_has_a_free_body(problems, samples):
    text = samples.PROCES_VERBAL + "\n## Article 3\n\nRien.\n"
    assert problems({PV: text, DL: samples.DELIBERATION}) == []


# --------------------------------------------------------------------------- annexes

def with_annexes(samples, listing: str) -> str:
    return samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26\n", f"mise_en_ligne: 2026-05-26\nannexes:\n{listing}")


def test_annexes_found(problems, samples):
    text = with_annexes(samples, "  - annexes/avenant.pdf\n  - fichier: annexes/plan.pdf\n    titre: Plan\n")
    assert problems({D: text, "acts/2026/annexes/avenant.pdf": b"%PDF", "acts/2026/annexes/plan.pdf": b"%PDF"}) == []


def test_annexe_missing(problems, samples):
    assert problems({D: with_annexes(samples, "  - annexes/avenant.pdf\n")}) == [
        f"{D}:17: annexes[0] — annexe « annexes/avenant.pdf » introuvable"]


@pytest.mark.parametrize("name", ["../../../etc/passwd", "../../../../../../../etc/hostname", "annexes/../../../../x.pdf"])
def test_annexe_leaving_the_repository(problems, samples, name):
    assert problems({D: with_annexes(samples, f"  - {name}\n")}) == [
        f"{D}:17: annexes[0] — chemin « {name} » hors du dépôt : refusé"]


@pytest.mark.parametrize("name", ["/etc/passwd", "~/secret.pdf", "annexes\\\\plan.pdf"])
def test_annexe_absolute_path(problems, samples, name):
    shown = name.replace("\\\\", "\\")
    assert problems({D: with_annexes(samples, f"  - \"{name}\"\n")}) == [
        f"{D}:17: annexes[0] — chemin « {shown} » refusé : indiquer un chemin relatif au fichier de l'acte"]


def test_annexe_symlink_leaving_the_repository(project, samples, tmp_path):
    from generator.check import run_check

    root = project({D: with_annexes(samples, "  - annexes/plan.pdf\n")})
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF")
    (root / "acts/2026/annexes").mkdir()
    (root / "acts/2026/annexes/plan.pdf").symlink_to(secret)
    result = run_check(root, on=samples.TODAY)
    assert [str(p) for p in result.problems] == [
        f"{D}:17: annexes[0] — chemin « annexes/plan.pdf » hors du dépôt : refusé"]


def test_annexe_line_of_each_item(problems, samples):
    text = with_annexes(samples, "  - annexes/a.pdf\n  - annexes/b.pdf\n")
    assert problems({D: text, "acts/2026/annexes/a.pdf": b"%PDF"}) == [
        f"{D}:18: annexes[1] — annexe « annexes/b.pdf » introuvable"]


# --------------------------------------------------------------------------- à vérifier

def test_a_verifier_is_a_warning_for_a_draft(problems, samples):
    text = samples.edit(samples.DECISION, "statut: publie\nmise_en_ligne: 2026-05-26\n",
                        "statut: projet\na_verifier:\n  - nom du signataire\n")
    assert problems({D: text}) == [f"{D}:16: a_verifier — avertissement : à vérifier : nom du signataire"]


def test_a_verifier_is_an_error_once_published(problems, samples):
    text = samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26\n",
                        "mise_en_ligne: 2026-05-26\na_verifier:\n  - nom du signataire\n")
    assert problems({D: text}) == [f"{D}:17: a_verifier — à vérifier : nom du signataire"]


# --------------------------------------------------------------------------- number and date

def test_number_year_differs_from_date(problems, samples):
    text = samples.edit(samples.DECISION, "numero: 2026-1", "numero: 2025-1")
    assert problems({D: text}) == [f"{D}:3: numero — le numéro 2025-1 porte l'année 2025, l'acte est daté de 2026"]


def test_free_number_year_not_checked(problems, samples):
    text = samples.edit(samples.DECISION, "numero: 2026-1", "numero: DLB03_18122025")
    assert problems({D: text}) == []


@pytest.mark.parametrize("key", ["[", "[annexe]", "a[0]", "function-plain"])
def test_odd_unknown_keys(problems, samples, key):
    text = samples.edit(samples.DECISION, "lieu: Lens\n", f"lieu: Lens\n'{key}': x\n")
    [found] = problems({D: text})
    assert found.startswith(f"{D}:14: {key} — champ inconnu « {key} »")


def test_annexe_with_a_control_character(problems, samples):
    assert problems({D: with_annexes(samples, '  - "annexes/plan\\0.pdf"\n')}) == [
        f"{D}:17: annexes[0] — chemin « 'annexes/plan\\x00.pdf' » refusé : caractère de contrôle dans le nom du fichier"]


def test_annexe_name_too_long(problems, samples):
    name = "a" * 300 + ".pdf"
    assert problems({D: with_annexes(samples, f"  - {name}\n")}) == [
        f"{D}:17: annexes[0] — chemin « {name} » illisible : nom trop long"]


def test_annexe_symlink_loop(project, samples):
    from generator.check import run_check

    root = project({D: with_annexes(samples, "  - annexes/boucle.pdf\n")})
    (root / "acts/2026/annexes").mkdir()
    (root / "acts/2026/annexes/boucle.pdf").symlink_to(root / "acts/2026/annexes/boucle.pdf")
    assert [str(p) for p in run_check(root, on=samples.TODAY).problems] == [
        f"{D}:17: annexes[0] — chemin « annexes/boucle.pdf » illisible : lien symbolique en boucle ou chemin invalide"]


@pytest.mark.parametrize("name", ["../../mkdocs.yml", "../.hidden/x.pdf"])
def test_annexe_outside_acts_or_hidden_is_not_published(project, samples, name):
    from generator.check import run_check
    from tests.conftest import TODAY

    root = project({D: with_annexes(samples, f"  - {name}\n"), "acts/.hidden/x.pdf": b"%PDF-1.4"})
    messages = [str(p) for p in run_check(root, on=TODAY).errors]
    assert messages == [f"{D}:17: annexes[0] — chemin « {name} » refusé : une annexe est un fichier du dossier "
                        "acts/, hors dossier caché"]


def test_vote_counts_beyond_effectif_without_votants(problems, samples):
    text = samples.edit(samples.DELIBERATION, "  votants: 35\n  pour: 30", "  pour: 40")
    assert problems({DL: text}) == [f"{DL}:15: vote — pour + contre + abstention = 45, plus que l'effectif (39)"]
