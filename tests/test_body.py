"""Splitting the body of an act: visas, considérants, dispositif, articles, annexes."""

from __future__ import annotations

import pytest

from generator.body import AFTER_DEBATE, parse_body, split_blocks

BODY = """\
Vu le code général des collectivités territoriales,

- et notamment son article L2122-22,
- et son article L2122-23,

Vu la délibération n° 2026-1,
complétée le 3 mars 2026,

Considérant qu'il y a lieu ;

que la continuité du service l'exige ;

Dans un souci de clarté, le rapporteur expose.

LE CONSEIL MUNICIPAL, après en avoir délibéré, DÉCIDE :

Texte avant les articles.

Art. 1er. - Premier article

suite du premier

ARTICLE 2 : second

## Article 3 - Exécution

Texte 3

Fait à Lens, le 3 mars 2026

## Annexe : plan

contenu de l'annexe
"""


def test_parts_and_lines():
    body = parse_body(BODY, 10)
    assert body.line == 10
    assert [(b.line, b.text.split("\n")[0]) for b in body.visas] == [
        (10, "Vu le code général des collectivités territoriales,"), (15, "Vu la délibération n° 2026-1,")]
    assert body.visas[0].text.endswith("- et son article L2122-23,")  # a list continues its visa
    assert [(b.line, b.text) for b in body.considerants] == [
        (18, "Considérant qu'il y a lieu ;\n\nque la continuité du service l'exige ;")]
    assert [(b.line, b.text) for b in body.expose] == [(22, "Dans un souci de clarté, le rapporteur expose.")]
    assert (body.dispositif, body.dispositif_line) == ("DÉCIDE", 24)
    assert [(b.line, b.text) for b in body.dispositif_texte] == [(26, "Texte avant les articles.")]
    assert [(a.numero, a.label, a.titre, a.texte, a.line) for a in body.articles] == [
        (1, "Art. 1er", "", "Premier article\n\nsuite du premier", 28),
        (2, "ARTICLE 2", "", "second", 32),
        (3, "Article 3", "Exécution", "Texte 3", 34),
    ]
    assert [(b.line, b.text) for b in body.cloture] == [(38, "Fait à Lens, le 3 mars 2026")]
    assert [b.line for b in body.annexes_texte] == [40, 42]


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("## DÉCIDE", "DÉCIDE"),
        ("DECIDE :", "DÉCIDE"),
        ("**ARRÊTE**", "ARRÊTE"),
        ("Arrête :", "ARRÊTE"),
        ("## DÉLIBÈRE", "DÉLIBÈRE"),
        ("LE MAIRE DE LA VILLE DE LENS DÉCIDE :", "DÉCIDE"),
        ("Le Maire de la Ville de Lens, ARRÊTE :", "ARRÊTE"),
        ("LE CONSEIL MUNICIPAL, après en avoir délibéré, DÉCIDE :", "DÉCIDE"),
        ("Après en avoir délibéré,", AFTER_DEBATE),
        ("Après en avoir délibéré, le Bureau décide à l'unanimité d'approuver la convention.", AFTER_DEBATE),
    ],
)
def test_dispositif_forms(line, word):
    body = parse_body(f"Vu le code,\n\n{line}\n\nArticle 1 : texte\n", 1)
    assert (body.dispositif, body.dispositif_line) == (word, 3)
    assert [a.numero for a in body.articles] == [1]


@pytest.mark.parametrize(
    "line",
    ["Le maire décide de la date.", "Considérant que le conseil décide", "Il est décidé ce qui suit."],
)
def test_sentences_ending_with_the_word_are_not_the_dispositif(line):
    body = parse_body(f"{line}\n\nArticle 1 : texte\n", 1)
    assert body.dispositif is None


@pytest.mark.parametrize(
    ("line", "numero", "label", "titre", "texte"),
    [
        ("**Article 1** : Objet du texte", 1, "Article 1", "", "Objet du texte"),
        ("**Article 1er** - Objet", 1, "Article 1er", "", "Objet"),
        ("Article premier : Objet", 1, "Article premier", "", "Objet"),
        ("ARTICLE UNIQUE : Objet", 1, "ARTICLE UNIQUE", "", "Objet"),
        ("Art. 2. – Objet", 2, "Art. 2", "", "Objet"),
        ("## Article 3 : Durée", 3, "Article 3", "Durée", ""),
        ("### ARTICLE 12", 12, "ARTICLE 12", "", ""),
        ("Article 2ème : Objet", 2, "Article 2ème", "", "Objet"),
    ],
)
def test_article_forms(line, numero, label, titre, texte):
    body = parse_body(f"## DÉCIDE\n\n{line}\n", 1)
    [article] = body.articles
    assert (article.numero, article.label, article.titre, article.texte, article.line) == (numero, label, titre, texte, 3)


def test_articles_without_dispositif_are_kept():
    body = parse_body("Vu le code,\n\nArticle 1 : texte\n\nArticle 2 : suite\n", 5)
    assert body.dispositif is None
    assert [(a.numero, a.line) for a in body.articles] == [(1, 7), (2, 9)]


def test_nothing_is_lost():
    body = parse_body("Texte libre.\n\n\n\nAutre paragraphe.\n", 1)
    assert [(b.line, b.text) for b in body.expose] == [(1, "Texte libre."), (5, "Autre paragraphe.")]


def test_split_blocks_lines():
    assert [(b.line, b.text) for b in split_blocks("\n\na\nb\n\n\nc  \n", 20)] == [(22, "a\nb"), (26, "c")]
