"""The site configuration: `extra:` of mkdocs.yml, checked with the same messages
and lines as act files."""

from __future__ import annotations

import pytest

from generator.config import load_config, luhn_ok


def config_problems(project, text: str | None) -> list[str]:
    root = project({}, config=text)
    _, found = load_config(root / "mkdocs.yml")
    return [str(p) for p in found]


def test_valid_config(project, samples):
    root = project({}, config=samples.CONFIG)
    config, found = load_config(root / "mkdocs.yml")
    assert found == []
    assert list(config.collectivites) == ["lens", "somme-numerique"]
    lens = config.collectivites["lens"]
    assert (lens.nom, lens.siren, lens.departement, lens.nature) == ("Ville de Lens", "216204982", "062", "commune")
    assert lens.tribunal_administratif.nom == "Tribunal administratif de Lille"
    assert config.collectivites["somme-numerique"].siren is None
    assert config.publication.hebergeur.nom == "Hébergeur de test"
    assert config.publication.accessibilite == "partiellement conforme"
    assert (config.site_name, config.site_url) == ("Actes de test", "https://actes.example.org/")
    assert config.default_collectivite == "lens"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('siren: "216204982"', 'siren: "216204983"',
         "8: extra.collectivites.lens.siren — SIREN « 216204983 » invalide : la clé de contrôle (Luhn) ne correspond pas"),
        ('siren: "216204982"', 'siren: "21620498"',
         "8: extra.collectivites.lens.siren — format incorrect : « 21620498 » (9 chiffres attendus)"),
        ('siren: "216204982"', "siren: 216204982",
         "8: extra.collectivites.lens.siren — texte attendu, trouvé « 216204982 » (écrire la valeur entre guillemets)"),
        ('siren: "216204982"', 'sirn: "216204982"',
         "8: extra.collectivites.lens.sirn — champ inconnu « sirn » : vouliez-vous dire « siren » ?"),
        ("      lieu: Lens\n", "      lieu: Lens\n      siret: \"21620498200010\"\n",
         "13: extra.collectivites.lens.siret — SIRET « 21620498200010 » invalide : la clé de contrôle (Luhn) ne "
         "correspond pas"),
        ('departement: "062"', 'departement: "62"',
         "9: extra.collectivites.lens.departement — format incorrect : « 62 » (3 caractères, par exemple « 062 », "
         "« 974 » ou « 02A »)"),
        ("nature: commune", "nature: comune",
         "7: extra.collectivites.lens.nature — valeur « comune » non reconnue, attendu 'commune', 'epci', "
         "'departement', 'region', 'syndicat_mixte' ou 'autre' : vouliez-vous dire « commune » ?"),
        ("    lens:", "    Lens:",
         "5: extra.collectivites.Lens — format incorrect : « Lens » (minuscules sans accent, chiffres, « - » et « _ »)"),
        ("        nom: Tribunal administratif de Lille\n", "        nom: Tribunal administratif de Lille\n        ville: Lille\n",
         "12: extra.collectivites.lens.tribunal_administratif.ville — champ inconnu « ville » "
         "(champs possibles : nom, adresse, site_web)"),
        ("    hebergeur:\n      nom: Hébergeur de test\n", "",
         "17: extra.publication.hebergeur — champ obligatoire manquant"),
        ("      lieu: Lens\n", "      lieu: Lens\n      lieu: Arras\n",
         "13: extra.collectivites.lens.lieu — clé en double (déjà définie ligne 12)"),
    ],
)
def test_config_errors_with_their_line(project, samples, old, new, expected):
    assert config_problems(project, samples.edit(samples.CONFIG, old, new)) == [f"mkdocs.yml:{expected}"]


def test_missing_extra(project):
    assert config_problems(project, "site_name: Actes\n") == [
        "mkdocs.yml:1: extra — section « extra: » absente : elle décrit la ou les collectivités"]


def test_no_collectivite(project):
    assert config_problems(project, "site_name: Actes\nextra:\n  collectivites: {}\n") == [
        "mkdocs.yml:3: extra.collectivites — liste vide : au moins un élément attendu"]


def test_missing_config_file(project):
    assert config_problems(project, None) == [
        "mkdocs.yml:1: configuration — fichier mkdocs.yml introuvable : il décrit la ou les collectivités (extra)"]


def test_config_not_utf8(project):
    root = project({"mkdocs.yml": "site_name: Mairie d'Évreux\n".encode("latin-1")}, config=None)
    _, found = load_config(root / "mkdocs.yml")
    assert [str(p) for p in found] == [
        "mkdocs.yml:1: configuration — texte non UTF-8 : enregistrer mkdocs.yml en UTF-8"]


def test_config_syntax_error(project):
    assert config_problems(project, "site_name: Actes\nnav: [a, b\n") == [
        "mkdocs.yml:2: configuration — erreur de syntaxe YAML : crochet « ] » ou virgule manquant"]


def test_mkdocs_own_tags_and_keys_are_left_alone(project, samples):
    text = (
        "theme:\n  name: material\n  name: material\n"  # MkDocs' business, not ours
        "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "copyright: !ENV [COPYRIGHT, 'Ville de Lens']\n"
    ) + samples.CONFIG
    assert config_problems(project, text) == []


def test_theme_keys_in_extra_are_allowed(project, samples):
    text = samples.edit(samples.CONFIG, "extra:\n", "extra:\n  analytics:\n    provider: matomo\n")
    assert config_problems(project, text) == []


def test_config_problems_reported_by_check(check, samples):
    config = samples.edit(samples.CONFIG, 'siren: "216204982"', 'siren: "216204983"')
    result = check({"acts/2026/decision-2026-1.md": samples.DECISION}, config=config)
    assert [str(p) for p in result.problems] == [
        "mkdocs.yml:8: extra.collectivites.lens.siren — SIREN « 216204983 » invalide : la clé de contrôle (Luhn) ne "
        "correspond pas"]


@pytest.mark.parametrize(
    ("digits", "ok"),
    [("216204982", True), ("216204983", False), ("200000000", False), ("000000000", True),
     ("21620498200013", True), ("21620498200010", False), ("732829320", True), ("732829321", False)],
)
def test_luhn(digits, ok):
    assert luhn_ok(digits) is ok
