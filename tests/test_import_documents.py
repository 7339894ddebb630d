"""Whole documents through the importer: real-world shapes written for these tests
(layout text with columns, page footers and form feeds; text flattened on one line
with stamps and OCR noise; a procès-verbal holding several délibérations), and any
text at all (hypothesis): the importer never raises."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.body import parse_body
from generator.config import Collectivite
from generator.importer import act_json, act_markdown, import_text, planned_files
from generator.load import load_text
from generator.model import ActMeta

TODAY = dt.date(2026, 6, 15)
COLLECTIVITES = {
    "lens": Collectivite(nom="Ville de Lens", nature="commune", siren="216204982", departement="062"),
    "somme-numerique": Collectivite(nom="Syndicat mixte Somme Numérique", nature="syndicat_mixte"),
}

ARRETE_LAYOUT = """\
  RÉPUBLIQUE FRANÇAISE                                        ARRÊTÉ N° A 2024-57
  Ville de Lens                                               Police de la circulation
  Services techniques

                     ARRÊTÉ TEMPORAIRE PORTANT RÉGLEMENTATION DE LA CIRCULATION
                              RUE DES ÉCOLES PENDANT LES TRAVAUX

Le Maire de la Ville de Lens,

Vu le code général des collectivités territoriales, notamment ses articles L. 2212-1 et
L. 2213-1,

Vu le code de la route,

Considérant que des travaux de réfection de la chaussée doivent être réalisés rue des
Écoles du 10 au 21 juin 2024 ;

                                         ARRÊTE

Article 1er : La circulation est interdite rue des Écoles du 10 au 21 juin 2024, sauf
aux riverains et aux véhicules de secours.

Article 2 : Une déviation est mise en place par la rue du Moulin, conformément à
l'article 1.
                                                             Ville de Lens – Arrêté A 2024-57
                                                                                          1/2
\fArticle 3 : Le présent arrêté sera affiché aux extrémités de la rue.

Fait à Lens, le 3 juin 2024

Pour le Maire,
L'Adjoint délégué,
Paul DURAND
                                                             Ville de Lens – Arrêté A 2024-57
                                                                                          2/2
"""

DELIBERATION_FLAT = (
    "Envoyé en préfecture le 20/03/2024 Reçu en préfecture le 20/03/2024 Publié le ID : "
    "045-214500015-20240312-2024_018-DE COMMUNE DE SAINT-MARTIN-SUR-LOIRE EXTRAIT DU REGISTRE DES "
    "DÉLIBÉRATIONS DU CONSEIL MUNICIPAL Séance du mardi 12 mars 2024 L'an deux mille vingt-quatre, le douze "
    "mars à 19 h 00, le Conseil Municipal, légalement convoqué le 5 mars 2024, s'est réuni à la mairie sous la "
    "présidence de Madame Claire LEBLANC, Maire. Nombre de conseillers en exercice : 19 Présents : 15 Votants : 18 "
    "Présents : Claire LEBLANC, Marc DUBOIS, Sophie MOREAU, Luc PETIT. Pouvoirs : Anne ROUX à Marc DUBOIS, "
    "Jean FAURE à Claire LEBLANC Absents : Paul GIRARD Secrétaire de séance : Sophie MOREAU N° 2024/018 "
    "Objet : Tarifs de la cantine scolaire pour l'année 2024-2025 Madame le Maire rappelle au conseil que les "
    "tarifs n'ont pas été revus depuis 2021. Vu le code général des collectivités territoriales, Vu l'avis de "
    "la commission des affaires scolaires du 1er mars 2024, Considérant la hausse du coût des denrées, "
    "Considérant qu'il convient de maintenir un tarif social, Envoyé en préfecture le 20/03/2024 Reçu en "
    "préfecture le 20/03/2024 Publié le ID : 045-214500015-20240312-2024_018-DE Après en avoir délibéré, le "
    "Conseil Municipal, par 15 voix pour, 2 voix contre et 1 abstention, DÉCIDE : Article 1 : Les tarifs de la "
    "cantine sont fixés à 3,20 € par repas. Article 2 : La présente délibération prend effet au 1er septembre "
    "2024. Fait et délibéré les jour, mois et an susdits. Pour extrait conforme, Le Maire, Claire LEBLANC"
)

PROCES_VERBAL = """\
                         PROCÈS-VERBAL DE LA SÉANCE DU BUREAU
                       Syndicat mixte Somme Numérique — Séance du jeudi 14 novembre 2024

Le jeudi quatorze novembre deux mille vingt-quatre, à 18 heures 30, le Bureau s'est réuni à la salle
des fêtes, sous la présidence de Monsieur Jacques BERNARD, Président.

Étaient présents : M. BERNARD, Mme COLIN, M. LAMBERT, Mme GARNIER.
Absents excusés : M. FONTAINE ayant donné pouvoir à M. BERNARD, Mme CHEVALIER.
Secrétaire de séance : Mme COLIN

1. Approbation du procès-verbal de la séance précédente

Le procès-verbal de la séance du 3 octobre 2024 est adopté à l'unanimité.

2. Budget annexe des déchets : décision modificative n° 2

Le Président présente la décision modificative.

Après en avoir délibéré, le Bureau, à l'unanimité, approuve la décision modificative n° 2 du
budget annexe des déchets.

3. Tarifs de la piscine intercommunale

Après en avoir délibéré, le Bureau, par 3 voix pour et 2 voix contre, fixe les tarifs de la
piscine pour l'année 2025.

Questions diverses

Aucune question n'est posée.

La séance est levée à 20 heures.

Le Président,
Jacques BERNARD
"""


def one(text: str, fmt: str = "layout"):
    acts = import_text(text, fmt, "source.txt", COLLECTIVITES, TODAY)
    assert len(acts) == 1
    return acts[0]


def reread(act):
    """The act file as `actes check` reads it."""
    raw = load_text(act_markdown(act).encode("utf-8"), "acte.md")
    assert raw.meta is not None and not raw.problems, raw.problems
    return ActMeta.model_validate(raw.meta), raw.body


def test_layout_text_with_columns_running_footers_and_form_feeds():
    act = one(ARRETE_LAYOUT)
    assert (act.type, act.numero, act.date, act.collectivite) == ("arrete", "A2024-57", dt.date(2024, 6, 3), "lens")
    assert act.objet == "ARRÊTÉ TEMPORAIRE PORTANT RÉGLEMENTATION DE LA CIRCULATION RUE DES ÉCOLES PENDANT LES TRAVAUX"
    assert act.autorite == "Le Maire de la Ville de Lens,"
    assert act.visas == ["Vu le code général des collectivités territoriales, notamment ses articles L. 2212-1 et "
                         "L. 2213-1,", "Vu le code de la route,"]
    assert len(act.considerants) == 1 and act.dispositif == "ARRÊTE"
    # The footer between articles 2 and 3 is gone; "l'article 1" is a reference, not an article.
    assert [(a.numero, a.texte) for a in act.articles] == [
        (1, "La circulation est interdite rue des Écoles du 10 au 21 juin 2024, sauf aux riverains et aux "
            "véhicules de secours."),
        (2, "Une déviation est mise en place par la rue du Moulin, conformément à l'article 1."),
        (3, "Le présent arrêté sera affiché aux extrémités de la rue."),
    ]
    assert act.lieu == "Lens"
    assert act.signataire == {"prenom": "Paul", "nom": "DURAND", "qualite": "L'Adjoint délégué",
                              "delegation": "Pour le Maire,", "nom_complet": "Paul DURAND"}
    meta, body = reread(act)
    assert meta.statut == "projet" and str(meta.numero) == "A2024-57"
    assert [a.numero for a in body.articles] == [1, 2, 3] and len(body.visas) == 2


def test_flattened_text_with_repeated_stamps():
    act = one(DELIBERATION_FLAT, "text")
    assert (act.type, act.numero, act.date) == ("deliberation", "2024-018", dt.date(2024, 3, 12))
    assert act.objet == "Tarifs de la cantine scolaire pour l'année 2024-2025"
    assert act.transmission == {"date": dt.date(2024, 3, 20), "id": "045-214500015-20240312-2024_018-DE"}
    assert len(act.visas) == 2 and len(act.considerants) == 2 and len(act.articles) == 2
    assert all("préfecture" not in text for text in [*act.visas, *act.considerants, *act.expose])
    assert act.vote == {"pour": 15, "contre": 2, "abstention": 1, "unanimite": False, "resultat": None,
                        "effectif": 19}
    seance = act.seance
    assert (seance["date"], seance["heure"], seance["convocation"]) == (dt.date(2024, 3, 12), "19:00",
                                                                        dt.date(2024, 3, 5))
    assert seance["president"] == "Claire LEBLANC" and seance["secretaire"] == "Sophie MOREAU"
    assert seance["representes"] == [("Anne ROUX", "Marc DUBOIS"), ("Jean FAURE", "Claire LEBLANC")]
    assert seance["absents"] == ["Paul GIRARD"]
    assert act.collectivite is None
    assert "collectivité « COMMUNE DE SAINT-MARTIN-SUR-LOIRE » absente de mkdocs.yml (extra.collectivites) : " \
           "à choisir ou à ajouter" in act.a_verifier
    _, body = reread(act)
    assert body.dispositif == "Après en avoir délibéré" and len(body.articles) == 2


# Flattened on one line, the capitalised "Vu le Code" right after a count and the vote in
# "Le Conseil municipal, après en avoir délibéré, à l'unanimité," before "DECIDE".
DELIBERATION_ONE_LINE = (
    "Commune de Rochefort-sur-Vanne Conseil municipal Séance du 3 juillet 2023 Délibération n° 2023-051 "
    "Objet : Recrutement d'agents contractuels pour l'été Nombre de membres en exercice : 29 Présents : 21 "
    "Votants : 26 Vu le Code général de la fonction publique, notamment son article L.332-23 ; Vu le Budget "
    "primitif 2023 ; Considérant les besoins des services techniques pendant la période estivale ; Le Conseil "
    "municipal, après en avoir délibéré, à l'unanimité, DECIDE : Article 1 : de créer quatre emplois non "
    "permanents d'adjoint technique du 10 juillet au 31 août 2023. Article 2 : les crédits sont inscrits au "
    "budget. Fait et délibéré les jour, mois et an susdits. Le Maire, Nathalie BERTRAND ")


def test_flattened_deliberation_with_capitalised_visas_and_the_vote_before_decide():
    act = one(DELIBERATION_ONE_LINE, "text")
    assert act.visas == ["Vu le Code général de la fonction publique, notamment son article L.332-23 ;",
                         "Vu le Budget primitif 2023 ;"]
    assert act.considerants == ["Considérant les besoins des services techniques pendant la période estivale ;"]
    assert act.vote["unanimite"] is True and len(act.articles) == 2


def test_ocr_noise_is_tolerated():
    noisy = DELIBERATION_FLAT.replace("Séance du mardi 12 mars 2024", "Séance du mardi 1 2 MARS 2024") \
        .replace("Considérant", "CONSIDERANT").replace("N° 2024/018", "Nº 2024/018")
    act = one(noisy, "text")
    assert (act.numero, act.date, len(act.considerants)) == ("2024-018", dt.date(2024, 3, 12), 2)


def test_a_proces_verbal_gives_one_deliberation_per_deliberation():
    acts = import_text(PROCES_VERBAL, "layout", "pv.txt", COLLECTIVITES, TODAY)
    pv, *deliberations = acts
    assert pv.type == "proces_verbal" and pv.collectivite == "somme-numerique"
    assert pv.objet == "Procès-verbal de la séance du Bureau du 14 novembre 2024"
    assert pv.seance["heure"] == "18:30" and pv.seance["secretaire"] == "Mme COLIN"
    assert pv.seance["representes"] == [("M. FONTAINE", "M. BERNARD")] and pv.seance["excuses"] == ["Mme CHEVALIER"]
    assert pv.signataire["nom"] == "BERNARD" and pv.signataire["qualite"] == "Président"
    # The approval of the previous minutes is voted but is not a délibération of the séance.
    assert [(d.rang, d.objet) for d in deliberations] == [
        (2, "Budget annexe des déchets : décision modificative n° 2"), (3, "Tarifs de la piscine intercommunale")]
    assert deliberations[0].vote["unanimite"] is True
    assert (deliberations[1].vote["pour"], deliberations[1].vote["contre"]) == (3, 2)
    assert deliberations[0].expose == ["Le Président présente la décision modificative."]
    for deliberation in deliberations:
        assert deliberation.numero is None and deliberation.date == dt.date(2024, 11, 14)
        assert deliberation.seance == {"date": dt.date(2024, 11, 14), "organe": "Bureau", "rang": deliberation.rang}
        meta, body = reread(deliberation)
        assert body.dispositif == "Après en avoir délibéré"
    assert "### 2. Budget annexe des déchets : décision modificative n° 2" in pv.body_markdown
    assert "Étaient présents" not in pv.body_markdown


PV_NUMBERED_ITEMS = """\
PROCÈS-VERBAL DE LA SÉANCE DU CONSEIL MUNICIPAL DU 12 DÉCEMBRE 2022

Commune de Montaigu-le-Blanc

Présents : Hélène VIDAL, Robert MICHEL, Nathalie LAMBERT, Éric BONNET
Secrétaire de séance : Nathalie LAMBERT

1. Approbation du procès-verbal de la séance précédente

Le procès-verbal est approuvé à l'unanimité.

2. Délibération 2022-40 : Décision modificative n° 2 du budget principal

Le Conseil municipal, après en avoir délibéré, approuve la décision modificative.
Votes : Pour : 3 Contre : 0 Abstention : 1

3. Délibération n° 2022-41 - Tarifs de la salle des fêtes pour 2023

Le Conseil municipal fixe les tarifs de location de la salle des fêtes.
Adopté à l'unanimité.

Fait à Montaigu-le-Blanc, le 15 décembre 2022
La Maire,
Hélène VIDAL
"""


def test_proces_verbal_items_that_print_their_deliberation_number():
    pv, *deliberations = import_text(PV_NUMBERED_ITEMS, "layout", "pv.txt", {}, TODAY)
    assert pv.type == "proces_verbal"
    assert [(d.rang, d.numero, d.objet) for d in deliberations] == [
        (2, "2022-40", "Décision modificative n° 2 du budget principal"),
        (3, "2022-41", "Tarifs de la salle des fêtes pour 2023")]
    assert not any("numéro de la délibération" in note for d in deliberations for note in d.a_verifier)


COMPTE_RENDU_TIGHT = """\
COMPTE RENDU DU CONSEIL MUNICIPAL DU 20 JANVIER 2025

Commune de Vergèze-le-Haut

Présents : 11 conseillers. Absents : 2.

1) Création d'un poste d'adjoint administratif
Le conseil municipal décide de créer un poste d'adjoint administratif à temps complet.
Vote : 10 pour, 1 contre, 0 abstention
2) Travaux de voirie chemin des Vignes
Le conseil municipal approuve le devis de l'entreprise Routes du Sud.
Adopté à l'unanimité
3) Questions diverses
Néant.

La séance est levée à 21 h 30.
"""


def test_numbered_items_of_a_compte_rendu_without_blank_lines():
    """pdftotext often prints an item's title, its text and the next title without a blank line."""
    pv, *deliberations = import_text(COMPTE_RENDU_TIGHT, "layout", "cr.txt", {}, TODAY)
    assert pv.document == "compte_rendu"
    assert [d.objet for d in deliberations] == ["Création d'un poste d'adjoint administratif",
                                                "Travaux de voirie chemin des Vignes"]
    first, second = (d.vote for d in deliberations)
    assert (first["pour"], first["contre"], first["abstention"]) == (10, 1, 0)
    assert second["unanimite"] is True


ARRETE_BULLETS = """\
ARRÊTÉ DU MAIRE N° 2025-ST-041

Objet : Interdiction temporaire de baignade au plan d'eau

Le Maire de Beaumont-la-Rivière,

{b} Vu le code général des collectivités territoriales, notamment l'article L.2213-23 ;
{b} Vu le rapport de l'Agence régionale de santé du 2 juillet 2025 ;

{b} Considérant la présence de cyanobactéries dans le plan d'eau ;
{b} Considérant qu'il y a lieu de protéger la santé des baigneurs ;

ARRÊTE

Article 1er : La baignade est interdite au plan d'eau à compter du 4 juillet 2025.

Article 2 : Le présent arrêté sera affiché aux abords du plan d'eau.

Fait à Beaumont-la-Rivière, le 3 juillet 2025

Le Maire,
Bruno GAUTIER
"""


def test_visas_and_considerants_printed_as_bulleted_lists():
    for bullet, fmt in (("-", "markdown"), ("•", "layout"), ("➢", "layout")):
        act = one(ARRETE_BULLETS.format(b=bullet), fmt)
        assert act.visas == ["Vu le code général des collectivités territoriales, notamment l'article L.2213-23 ;",
                             "Vu le rapport de l'Agence régionale de santé du 2 juillet 2025 ;"], fmt
        assert len(act.considerants) == 2 and len(act.articles) == 2 and act.expose == [], fmt
        _, body = reread(act)
        assert len(body.visas) == 2 and len(body.considerants) == 2


def test_unknown_values_stay_empty_and_are_listed():
    act = one("Le Maire,\n\nVu le code,\n\nDÉCIDE\n\nArticle 1 : Rien.\n")
    assert (act.numero, act.date, act.nomenclature, act.objet, act.collectivite) == (None, None, None, None, None)
    assert act.autorite == "Le Maire,"
    assert act.a_verifier == [
        "date de l'acte introuvable",
        "numéro de l'acte introuvable : à compléter",
        "nomenclature (matière ACTES) non imprimée : à choisir",
        "objet introuvable : à rédiger (une ligne, 499 caractères au plus)",
        "signataire : prénom et nom absents du document : à compléter",
        "lieu de signature (« Fait à … ») introuvable : à compléter",
        "collectivité absente de mkdocs.yml (extra.collectivites) : à choisir ou à ajouter",
    ]
    data = act_json(act)
    assert data["numero"] is None and data["date"] is None and data["vote"] is None
    assert data["transmission_id"] is None and data["nomenclature"] is None


def test_json_has_the_documented_keys():
    data = act_json(one(ARRETE_LAYOUT))
    for key in ("type", "numero", "date", "nomenclature", "objet", "collectivite", "visas", "considerants",
                "articles", "signataire", "vote", "transmission_id"):
        assert key in data
    assert data["date"] == "2024-06-03" and data["articles"][0] == {
        "numero": 1, "texte": "La circulation est interdite rue des Écoles du 10 au 21 juin 2024, sauf aux "
                              "riverains et aux véhicules de secours."}


def test_empty_and_binary_like_text():
    for text in ("", "   \n\f\n", "\x00\x01\x02", "----\n****\n"):
        acts = import_text(text, "text", "x.txt", {}, TODAY)
        assert acts and "aucun texte lisible dans le document" in acts[0].a_verifier


# Pieces of acts in any order, with noise: the importer must not raise.
PIECES = st.sampled_from([
    "Vu le code,", "VU la loi", "Considérant que", "CONSIDERANT", "DÉCIDE", "ARRÊTE :", "Article 1 :", "ARTICLE 2 -",
    "Article 1er", "Fait à Lens, le 22 mai 2026", "Pour le Maire,", "L'Adjoint,", "Pierre MAZURE", "n° 2026-102",
    "N°", "Décision", "Délibération n° 2024/1", "Procès-verbal", "Séance du 18 décembre 2024", "L'an deux mille",
    "Présents :", "M. X ayant donné pouvoir à Mme Y", "à l'unanimité", "12 voix pour", "contre : /", "1.", "2/",
    "062-216204982-20241218-DLB03_18122024-DE", "Objet :", "NOMENCLATURE : 99", "# Titre", "- item", "**gras**",
    "\\_", "<b>", "\f", "\n", "\n\n", "   ", "                    ", "€", "«", "»", "(", ")", ":", "2 9 MARS 2073",
])
TEXTS = st.lists(PIECES | st.text(max_size=12), max_size=60).map(" ".join) | st.text(max_size=300)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(TEXTS, st.sampled_from(["text", "layout", "markdown"]))
def test_never_raises_on_any_text(text, fmt):
    acts = import_text(text, fmt, "x.txt", COLLECTIVITES, TODAY)
    assert acts
    for act in acts:
        act_json(act)
        raw = load_text(act_markdown(act).encode("utf-8"), "x.md")
        assert raw.meta is not None and not raw.problems, raw.problems
        parse_body(raw.body_text)
    planned_files(acts, Path("acts"))


def test_front_matter_values_read_back_as_written():
    from generator.importer.model import ImportedAct
    tricky = ["Objet : « x » # pas un commentaire", "- liste ?", "1.10", "14:00", "yes", "null", "L'an, {a} [b]"]
    act = ImportedAct(type="deliberation", objet=tricky[0], rapporteur=tricky[1], seance={
        "date": dt.date(2024, 1, 2), "heure": "14:00", "lieu": tricky[6], "presents": tricky,
        "representes": [(tricky[6], tricky[0]), ("M. A", "Mme B")]})
    raw = load_text(act_markdown(act).encode("utf-8"), "x.md")
    assert not raw.problems
    assert raw.meta["objet"] == tricky[0] and raw.meta["rapporteur"] == tricky[1]
    assert raw.meta["seance"]["presents"] == tricky and raw.meta["seance"]["lieu"] == tricky[6]
    assert raw.meta["seance"]["representes"] == [{"mandant": tricky[6], "mandataire": tricky[0]},
                                                 {"mandant": "M. A", "mandataire": "Mme B"}]
