"""The importer's recognisers, one printed form per line (tables of examples)."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.importer.clean import clean, normalize_chars
from generator.importer.fields import (Transmission, find_nomenclature, find_number, find_signataire,
                                       find_transmission, recognize_kind, seance_date, signature_date)
from generator.importer.french import date_after_an, find_dates, find_time, words_to_int
from generator.importer.people import person, split_names
from generator.importer.seance import find_attendance, find_quorum, find_seance, find_vote

TODAY = dt.date(2026, 6, 15)


@pytest.mark.parametrize("words, number", [
    ("deux mille vingt-quatre", 2024), ("deux mil vingt-trois", 2023), ("DEUX MILLE VINGT DEUX", 2022),
    ("trente-neuf", 39), ("seize", 16), ("soixante et onze", 71), ("quatre-vingt-dix-sept", 97),
    ("mille neuf cent quatre-vingt-deux", 1982), ("bonjour", None),
])
def test_number_words(words, number):
    assert words_to_int(words) == number


@pytest.mark.parametrize("text, iso", [
    ("Fait à Lens, le 11 mai 2026.", "2026-05-11"),
    ("le 1er juin 2026", "2026-06-01"),
    ("le 1 er juillet 2021", "2021-07-01"),
    ("Fait en l'Hôtel de Ville, le 22/05/26", "2026-05-22"),
    ("SEANCE DU 06 FEVRIER 2023", "2023-02-06"),
    ("SEANCE du mardi 07 février 2023", "2023-02-07"),
    ("PRISE LE 2 9 MARS 2023", "2023-03-29"),            # OCR split the day
    ("réunis le seize février deux mille vingt-trois", "2023-02-16"),
    ("Reçu le 08.02.2023", "2023-02-08"),
])
def test_dates(text, iso):
    assert find_dates(text, TODAY)[0].date.isoformat() == iso


def test_impossible_year_read_by_ocr_is_corrected_and_said():
    hit = find_dates("Villeneuve, le 0 1 MARS 2073", TODAY)[0]
    assert hit.date == dt.date(2023, 3, 1) and hit.corrected


@pytest.mark.parametrize("text", ["le 31 février 2024", "29/03/202", "le 3 {) MARS 2023", "article 12 mars"])
def test_no_date(text):
    assert find_dates(text, TODAY) == []


@pytest.mark.parametrize("text, iso", [
    ("L'an deux mille vingt-quatre, le 18 décembre, à 14 heures", "2024-12-18"),
    ("L’an DEUX MILLE VINGT DEUX le 9 décembre à 18 H 00", "2022-12-09"),
    ("L'an deux mille vingt-trois et le 16 février à 18 heures 30", "2023-02-16"),
    ("L’an deux mil vingt-trois, le jeudi 30 novembre 2023 à 19h30", "2023-11-30"),
    ("L'an deux mille vingt-cinq, le vingt-neuf septembre", "2025-09-29"),
])
def test_year_in_words(text, iso):
    assert date_after_an(text, TODAY).date.isoformat() == iso


@pytest.mark.parametrize("text, time", [
    ("à 14 heures", "14:00"), ("à 17h30", "17:30"), ("à 18 H 00", "18:00"),
    ("à vingt heures trente minutes", "20:30"), ("à 10 heures 30", "10:30"), ("à 25 heures", None),
])
def test_times(text, time):
    assert find_time(text) == time


@pytest.mark.parametrize("head, kind, number", [
    ("Décision n° 2026- 102\n\nNOMENCLATURE : 01 - 01", "decision", "2026-102"),
    ("Décision n° 2026 - 92", "decision", "2026-92"),
    ("ARRÊTÉ N°2023-544 portant réglementation", "arrete", "2023-544"),
    ("Direction des espaces publics No A 2023-15 ARRETE DU MAIRE", "arrete", "A2023-15"),
    ("Extrait du registre des délibérations n° 2014 / 137", "deliberation", "2014-137"),
    ("DELIBERATION n° 2023/021 L'an deux mille", "deliberation", "2023-021"),
    ("N° 2022 7 4 L’an DEUX MILLE VINGT DEUX", "deliberation", "2022-7-4"),
    ("Délibération n°2022-12-21/16 Objet : convention", "deliberation", "2022-12-21/16"),
    ("Secrétaire : X N°36/2023 La loi n° 2023-175 du 10 mars 2023", "deliberation", "36/2023"),
    ("Mme Y (à compter de la délibération n° 2022-12-21/01 incluse) Délibération n° 2022-12-21/16",
     "deliberation", "2022-12-21/16"),
    ("Séance du 16 février 2023 PACU/17-2023 Etude de faisabilité", "deliberation", "PACU/17-2023"),
    # Printed after the type word that opens a line, without "n°".
    ("Commune de Pradelles\n\nArrêté 2023-112\n\nrelatif à l'ouverture", "arrete", "2023-112"),
    ("DELIBERATION 2021-38\n\nObjet : adhésion", "deliberation", "2021-38"),
    ("MAIRIE\nARRÊTÉ MUNICIPAL 2024/AR/15 portant délégation", "arrete", "2024/AR/15"),
    ("DECISION DP-2022-17 OBJET : marché", "decision", "DP-2022-17"),
])
def test_printed_numbers(head, kind, number):
    hit = find_number(head, kind, Transmission(), 2023)
    assert hit is not None and str(hit.number) == number and hit.how == "imprimé"


def test_number_printed_alone_is_found_through_the_actes_identifier():
    transmission = find_transmission(["Accusé de réception en préfecture 031-213100225-20221214-DEC542022-AU"], TODAY)
    hit = find_number("DEC 54.2022 Le Maire d’Aucamville,", "decision", transmission, 2022)
    assert str(hit.number) == "DEC54.2022" and hit.how == "imprimé"


def test_number_taken_from_the_actes_identifier_when_none_is_printed():
    transmission = find_transmission(["062-216204982-20241218-DLB03\\_18122024-DE".replace("\\", "")], TODAY)
    hit = find_number("VILLE DE LENS CONSEIL MUNICIPAL SEANCE DU 18 DECEMBRE 2024", "deliberation", transmission, 2024)
    assert str(hit.number) == "DLB03_18122024" and hit.how == "identifiant ACTES"


@pytest.mark.parametrize("head", [
    "Vu la loi n° 2023-175 du 10 mars 2023", "l'avenant n°1 au marché", "lot n° 3", "Contrat N°MN23036",
    "SEANCE DU 18 DECEMBRE 2024",
    # After the type word but not a number: a date, a year alone, a reference in a sentence.
    "DÉCISION 12 mars 2024", "Arrêté 2024 relatif aux horaires", "Vu la décision 2020-45 du 3 mai 2020",
])
def test_references_are_not_the_act_number(head):
    assert find_number(head, "decision", Transmission(), 2024) is None


def test_number_at_the_start_of_the_document():
    hit = find_number("", "deliberation", Transmission(), 2019, "2019-03-18 INDEMNITE DE GARDIENNAGE DES EGLISES")
    assert str(hit.number) == "2019-03-18" and hit.how == "début du document"


@pytest.mark.parametrize("text, code, printed", [
    ("NOMENCLATURE : 01 - 01", "1.1", "01 - 01"),
    ("NOMENCLATURE : 09 – 01", "9.1", "09 – 01"),
    ("Nomenclature : 1.4", "1.4", "1.4"),
    ("Matières de l’acte : 8.8-Environnement", "8.8", "8.8"),
    ("Code matière : 7.10 Divers", "7.10", "7.10"),
    ("rien", None, None),
])
def test_nomenclature(text, code, printed):
    found, as_printed, note = find_nomenclature(text)
    assert (str(found) if found else None, as_printed, note) == (code, printed, None)


def test_unknown_nomenclature_is_reported_not_guessed():
    found, printed, note = find_nomenclature("Nomenclature : 12.3")
    assert found is None and printed == "12.3" and note.startswith("nomenclature imprimée « 12.3 » non reconnue")


@pytest.mark.parametrize("text, actes_id, date", [
    ("Accusé de réception - Ministère de l'Intérieur 062-216204982-20241218-DLB03_18122024-DE "
     "Réception par le préfet : 19/12/2024", "062-216204982-20241218-DLB03_18122024-DE", "2024-12-19"),
    ("Envoyé en préfecture le 06/01/2024 Reçu en préfecture le 06/01/2024 ID : 095-219501426-20240105-032024-DE",
     "095-219501426-20240105-032024-DE", "2024-01-06"),
    ("Date de réception préfecture : 23/02/2023 065-200070787-20230216-2023-021-DE", "065-200070787-20230216-2023_021-DE",
     "2023-02-23"),
])
def test_transmission(text, actes_id, date):
    found = find_transmission([text], TODAY)
    assert str(found.id) == actes_id and found.date.isoformat() == date


def test_damaged_actes_identifier_is_reported():
    found = find_transmission(["Los 219505989.20230329-ST2023DEC070-CC | 2023-n°"], TODAY)
    assert found.id is None and found.internal == "ST2023DEC070"
    assert found.notes == ["identifiant ACTES illisible ou incomplet : « 219505989.20230329-ST2023DEC070-CC »"]


@pytest.mark.parametrize("text, kind", [
    ("Décision n° 2026-102\nNOMENCLATURE : 01 - 01", "decision"),
    ("DECISION DU MAIRE PRISE LE 29 MARS 2023 … RESULTANT DES DELIBERATIONS DU 25 MAI 2020", "decision"),
    ("Le Maire d’Aucamville,\nVu l’article L. 2122-22 …\nVu la délibération n° 2022.35\nDECIDE\nArticle 1 : …", "decision"),
    ("Direction des espaces publics No A 2023-15 ARRETE DU MAIRE", "arrete"),
    ("EXTRAIT D’ARRETE DE DELIVRANCE DE PERMIS DE CONSTRUIRE", "arrete"),
    ("EXTRAIT DU REGISTRE DES DÉLIBÉRATIONS DU CONSEIL MUNICIPAL", "deliberation"),
    ("NOMENCLATURE : 1.4\nVILLE DE LENS CONSEIL MUNICIPAL SEANCE DU 18 DECEMBRE 2024", "deliberation"),
    ("Procès-verbal du Conseil municipal\nSéance du lundi 5 Juin 2023", "proces_verbal"),
    ("CR du conseil municipal 24 février 2023", "compte_rendu"),
    ("CONSEIL MUNICIPAL DU 27 FEVRIER 2023 COMPTE-RENDU DES VOTES", "compte_rendu"),
    ("Commune de X Séance du 17 mars 2023 Le Conseil s’est réuni … La séance est levée à 21 h 45.", "compte_rendu"),
    ("Délibération n° 2022-12-09/01 examinée le 9 décembre 2022 — DM — approuvée "
     "Délibération n° 2022-12-09/02 examinée le 9 décembre 2022 — Travaux — approuvée "
     "Délibération n° 2022-12-09/03 examinée le 9 décembre 2022 — RGPD — approuvée", "liste"),
])
def test_kind(text, kind):
    assert recognize_kind(text) == kind


@pytest.mark.parametrize("text, vote", [
    ("Après en avoir délibéré, le Conseil Municipal, 19 voix pour, 17 voix contre et 2 abstentions ;",
     (19, 17, 2, False)),
    ("ONT VOTE POUR : 14 ONT VOTE CONTRE : / SE SONT ABSTENUS : /", (14, 0, 0, False)),
    ("Adopté à l'unanimité : a Adopté à la majorité : Voix contre : 0 Abstentions : 4", (None, 0, 4, False)),
    ("2 votes contre 1 abstention 9 votes pour", (9, 2, 1, False)),
    ("Après en avoir délibéré, le Conseil municipal, à l’unanimité des Membres présents :", (None, None, None, True)),
    ("➔ Adoptée à l'unanimité après que le Conseil Municipal en eut délibéré.", (None, None, None, True)),
    # A tally without "voix".
    ("Vote : 10 pour, 1 contre, 0 abstention", (10, 1, 0, False)),
    ("adoptée à la majorité (14 pour et 3 contre, 2 abstentions)", (14, 3, 2, False)),
    ("adopté par 15 voix pour, 3 contre", (15, 3, None, False)),
])
def test_votes(text, vote):
    found = find_vote(text)
    assert (found["pour"], found["contre"], found["abstention"], found["unanimite"]) == vote


@pytest.mark.parametrize("text", [
    "Monsieur Hervé LEFEBVRE a été désigné à l'unanimité des Conseillers présents",
    "Le compte rendu de la séance du 3 avril 2023 est adopté à l'unanimité.",
    "VU les avis favorables, à l’unanimité, rendus par les commissions",
])
def test_unanimity_that_is_not_the_vote_of_the_act(text):
    found = find_vote(text)
    assert found is None or not found["unanimite"]


def test_le_conseil_adopte_is_a_result_without_counts():
    assert find_vote("Le Conseil Adopte.") == {"pour": None, "contre": None, "abstention": None,
                                               "unanimite": False, "resultat": "adopte"}


@pytest.mark.parametrize("text, name", [
    ("Monsieur Pierre MAZURE", "Pierre MAZURE"), ("M. VARLET Philippe- Président", "Philippe VARLET"),
    ("Mme DELETRE Margaux, Vice-présidente", "Margaux DELETRE"), ("Mme BOURDON", "Mme BOURDON"),
    ("M. Pascal Thévenot", "Pascal Thévenot"), ("MAILLE-BARBARE Françoise", "Françoise MAILLE-BARBARE"),
    ("LE MEAUX Vincent", "Vincent LE MEAUX"), ("23 réunis le", None),
])
def test_person(text, name):
    assert person(text) == name


def test_civilities_of_a_list_apply_to_the_names_that_follow():
    assert split_names("MM. ROBERT, HANON, Mme AIT CHIKHEBBIH, Mmes LAGNIEZ, MEPHU NGUIFO, M. DESOUTTER.") == [
        "M. ROBERT", "M. HANON", "Mme AIT CHIKHEBBIH", "Mme LAGNIEZ", "Mme MEPHU NGUIFO", "M. DESOUTTER"]
    assert split_names("Marie TAUZIN (arrivée à 19h07), 23/11/2023 Jean-Marc DUMONT, Ludivine CHATELAIN- NOUIOUA") == [
        "Marie TAUZIN", "Jean-Marc DUMONT", "Ludivine CHATELAIN-NOUIOUA"]


def test_attendance_with_proxies_and_excused_members():
    text = ("Etaient présents : MM. ROBERT, HANON, Mme CORRE.\n\n"
            "Etaient excusés : Mme BOURDON ayant donné pouvoir à Mme CORRE, M. PACH n'ayant pas donné pouvoir.\n\n"
            "Etaient absents : M. DESMARETZ, Mme DAVID.")
    assert find_attendance(text) == {
        "presents": ["M. ROBERT", "M. HANON", "Mme CORRE"],
        "representes": [("Mme BOURDON", "Mme CORRE")],
        "excuses": ["M. PACH"],
        "absents": ["M. DESMARETZ", "Mme DAVID"],
    }


def test_proxies_given_in_sentences_name_the_members_of_the_list():
    text = ("Membres du BUREAU présents et excusés :\n\n- M. VARLET Philippe- Président\n- Mme DELETRE Margaux\n"
            "- Mme LHOMME Brigitte\n\nMadame DELETRE donne pouvoir à Madame LHOMME")
    found = find_attendance(text)
    assert found["presents"] == ["Philippe VARLET", "Brigitte LHOMME"]
    assert found["representes"] == [("Margaux DELETRE", "Brigitte LHOMME")]


def test_seance_facts():
    text = ("L'an deux mille vingt-quatre, le 18 décembre, à 14 heures, le Conseil Municipal de la Ville de LENS "
            "s'est assemblé à l'hôtel de ville, sous la présidence de Monsieur Sylvain ROBERT, Maire, et sur "
            "convocation en date du 11 décembre 2024.\n\nLes conseillers présents formant la majorité des membres "
            "en exercice, lesquels sont au nombre de trente-neuf, il a été procédé à la nomination d'un secrétaire."
            "\n\nMonsieur Hervé LEFEBVRE, conformément aux dispositions de l'article L. 2121-15 du CGCT, a été "
            "désigné à l'unanimité des Conseillers présents.")
    seance = find_seance(text, TODAY)
    assert seance["president"] == "Sylvain ROBERT" and seance["secretaire"] == "Hervé LEFEBVRE"
    assert seance["organe"] == "Conseil municipal" and seance["lieu"] == "hôtel de ville"
    assert seance["convocation"] == dt.date(2024, 12, 11)
    assert seance["quorum"]["en_exercice"] == 39 and seance["quorum"]["atteint"] is True
    assert seance_date(text, TODAY).date == dt.date(2024, 12, 18)


def test_quorum_not_reached():
    assert find_quorum("Le quorum n'étant pas atteint, la séance est reportée.")["atteint"] is False


@pytest.mark.parametrize("closing, expected", [
    ("Fait à LENS, le 11 mai 2026.\n\nPour le Maire, L'Adjoint Délégué, Pierre MAZURE",
     {"prenom": "Pierre", "nom": "MAZURE", "qualite": "L'Adjoint Délégué", "delegation": "Pour le Maire,"}),
    ("Fait en l'Hôtel de Ville, le 22/05/26\n\nPour le Maire,\n\nL'adjoint au Maire,",
     {"prenom": None, "nom": None, "qualite": "L'adjoint au Maire", "delegation": "Pour le Maire,"}),
    ("Le Maire,\n\nSylvain ROBERT\n\nLe Secrétaire de Séance,\n\nHervé LEFEBVRE",
     {"prenom": "Sylvain", "nom": "ROBERT", "qualite": "Maire", "delegation": None}),
    ("Le Secrétaire, Le Maire, Philippe MALLARD Sébastien LEROUX",  # two signatures side by side
     {"prenom": "Sébastien", "nom": "LEROUX", "qualite": "Maire", "delegation": None}),
    # A stray OCR token before "Prénom NOM" is not a surname ("NOM Prénom" would misread it).
    ("Le Président, XQ Anne-Marie VALLET", {"prenom": "Anne-Marie", "nom": "VALLET", "qualite": "Président"}),
    ("Le Maire, VALLET Anne-Marie", {"prenom": "Anne-Marie", "nom": "VALLET", "qualite": "Maire"}),
    # Not readable: no name rather than a wrong one.
    ("Le Maire, GRIBOUILLIS Anne-Marie VALLET", {"prenom": None, "nom": None, "qualite": "Maire"}),
])
def test_signatory(closing, expected):
    found = find_signataire(closing)
    assert {k: found[k] for k in expected} == expected


def test_signature_date_and_place():
    hit = signature_date("Aucamville, le 14 décembre 2022 Le Maire,", "", TODAY)
    assert hit.date == dt.date(2022, 12, 14)


def test_characters_are_normalised():
    assert normalize_chars("n\u00ba 12\u00a0:\u00adﬁn\r\n") == "n° 12 :fin\n"


def test_markdown_emphasis_across_lines_and_escapes():
    document = clean("**DECISION RELATIVE A  \nLA SIGNATURE**\n\nDLB03\\_18122024 <sup>er</sup>\n", "markdown")
    assert [p.text for p in document.paragraphs] == ["DECISION RELATIVE A LA SIGNATURE", "DLB03_18122024 er"]
