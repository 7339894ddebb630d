"""Open data: the SCDL Délibérations 2.1.5 CSV (valid against the official schema with
frictionless, plus the schema's custom checks in our code), and `actes export`."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from generator.check import run_check
from generator.cli import main
from generator.export import (
    SCDL_FIELDS,
    Links,
    matiere_nom_problem,
    public_acts,
    scdl_export,
    scdl_label,
    scdl_matiere_nom,
    scdl_problems,
    site_links,
    siret_ok,
)
from generator.identifiers import NomenclatureCode, nomenclature_labels
from tests.conftest import CONFIG, DELIBERATION, edit
from tests.sitebuild import EXAMPLE_DAY, REPO, copy_project

SCHEMA = REPO.parent / "shared/corpus/schema-scdl-deliberations-2.1.5.json"
DAY = dt.date(2026, 6, 15)
# A made-up SIRET on Lens's SIREN that passes the checksum: test data only (the
# example configuration has none, and none is invented for it).
TEST_SIRET = next(f"216204982{n:05d}" for n in range(10, 100_000) if siret_ok(f"216204982{n:05d}"))
CONFIG_WITH_SIRET = edit(CONFIG, '      siren: "216204982"\n', f'      siren: "216204982"\n      siret: "{TEST_SIRET}"\n')
UNANIMOUS = edit(edit(edit(DELIBERATION, "numero: 2026-1", "numero: 2026-2"), "  votants: 35\n  pour: 30\n  contre: 3\n"
                      "  abstention: 2\n", "  votants: 36\n  unanimite: true\n"), 'nomenclature: "5.4"',
                 'nomenclature: "7.9"')
TRANSMITTED = edit(edit(DELIBERATION, "numero: 2026-1", "numero: 2026-3"), "statut: publie",
                   "transmission:\n  date: 2026-03-24\n  id: 062-216204982-20260322-2026_3-DE\nstatut: publie")
FILES = {"acts/2026/deliberation-2026-1.md": DELIBERATION, "acts/2026/deliberation-2026-2.md": UNANIMOUS,
         "acts/2026/deliberation-2026-3.md": TRANSMITTED}


def frictionless_errors(text: str, tmp_path) -> list:
    frictionless = pytest.importorskip("frictionless")
    if not SCHEMA.is_file():
        pytest.skip(f"schéma SCDL officiel absent ({SCHEMA}) : validation frictionless non faite")
    (tmp_path / "deliberations.csv").write_text(text, "utf-8")
    schema = frictionless.Schema.from_descriptor(json.loads(SCHEMA.read_text("utf-8")))
    report = frictionless.Resource(path="deliberations.csv", basepath=str(tmp_path), schema=schema).validate()
    return report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.fixture
def exported(project):
    root = project(FILES, config=CONFIG_WITH_SIRET)
    result = run_check(root, on=DAY)
    assert result.errors == []
    acts = public_acts(result, DAY)
    export = scdl_export(acts, result.config, site_links(result, acts), root / "mkdocs.yml")
    return export


def rows_of(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def test_the_scdl_csv_is_valid_against_the_official_schema(exported, tmp_path):
    assert exported.problems == [] and exported.refused == {}
    text = exported.csv("lens")
    assert frictionless_errors(text, tmp_path) == []
    assert text.splitlines()[0] == ",".join(SCDL_FIELDS)


def test_the_scdl_rows_carry_what_the_acts_say(exported):
    rows = {r["DELIB_ID"]: r for r in rows_of(exported.csv("lens"))}
    assert rows["2026-1"] == {
        "COLL_NOM": "Ville de Lens", "COLL_SIRET": TEST_SIRET, "DELIB_ID": "2026-1", "DELIB_DATE": "2026-03-22",
        "DELIB_MATIERE_CODE": "5.4", "DELIB_MATIERE_NOM": "institutions et vie politique/délégation de fonctions",
        "DELIB_OBJET": "Délégations du conseil municipal au maire (article L2122-22 du CGCT)", "BUDGET_ANNEE": "",
        "BUDGET_NOM": "", "PREF_ID": "", "PREF_DATE": "", "VOTE_EFFECTIF": "39", "VOTE_REEL": "35",
        "VOTE_POUR": "30", "VOTE_CONTRE": "3", "VOTE_ABSTENTION": "2",
        "DELIB_URL": "https://actes.example.org/actes/2026/deliberation-2026-1.pdf"}
    unanimous = rows["2026-2"]
    assert unanimous["DELIB_MATIERE_NOM"] == "finances locales/prise de participation sem etc."
    assert [unanimous[c] for c in ("VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION")] == \
        ["39", "36", "36", "0", "0"]
    assert (rows["2026-3"]["PREF_ID"], rows["2026-3"]["PREF_DATE"]) == ("PREF062", "2026-03-24")


def test_votes_that_cannot_all_be_given_are_all_left_empty(project):
    partial = edit(UNANIMOUS, "  votants: 36\n", "")  # unanimity, no count of voters
    root = project({"acts/2026/deliberation-2026-2.md": partial}, config=CONFIG_WITH_SIRET)
    result = run_check(root, on=DAY)
    export = scdl_export(public_acts(result, DAY), result.config, Links(None), root / "mkdocs.yml")
    [row] = rows_of(export.csv())
    assert [row[c] for c in SCDL_FIELDS if c.startswith("VOTE_")] == [""] * 5
    assert row["DELIB_URL"] == ""  # no site_url: the schema wants an absolute URI or nothing
    assert export.problems == []


def test_a_collectivite_without_siret_is_refused_with_the_line_to_fill():
    result = run_check(REPO, on=EXAMPLE_DAY)
    export = scdl_export(public_acts(result, EXAMPLE_DAY), result.config, Links(None), REPO / "mkdocs.yml")
    assert export.rows == {}
    lines = (REPO / "mkdocs.yml").read_text("utf-8").splitlines()
    line = lines.index("    lens:") + 1
    assert str(export.problems[0]) == (
        f"mkdocs.yml:{line}: extra.collectivites.lens.siret — Ville de Lens : pas de SIRET dans mkdocs.yml "
        "(extra.collectivites.lens.siret, 14 chiffres) ; le format SCDL l'exige (COLL_SIRET) : ses délibérations "
        "ne sont pas exportées")
    assert sorted(export.refused) == ["lens", "somme-numerique"]


def test_a_deliberation_without_level_2_matiere_is_not_exported(project):
    level1 = edit(DELIBERATION, 'nomenclature: "5.4"', 'nomenclature: "5"')
    root = project({"acts/2026/deliberation-2026-1.md": level1}, config=CONFIG_WITH_SIRET)
    result = run_check(root, on=DAY)
    export = scdl_export(public_acts(result, DAY), result.config, Links(None), root / "mkdocs.yml")
    assert export.rows == {}
    assert [str(p) for p in export.problems] == [
        "acts/2026/deliberation-2026-1.md:6: nomenclature — matière de niveau 2 (par exemple « 5.2 ») exigée par le "
        "format SCDL (DELIB_MATIERE_CODE) : délibération non exportée"]


# -- the schema's custom checks ----------------------------------------------------

GOOD = {"COLL_NOM": "Ville de Lens", "COLL_SIRET": TEST_SIRET, "DELIB_ID": "1", "DELIB_DATE": "2026-03-22",
        "DELIB_MATIERE_CODE": "5.4", "DELIB_MATIERE_NOM": "institutions et vie politique/délégation de fonctions",
        "DELIB_OBJET": "Objet", "BUDGET_ANNEE": "", "BUDGET_NOM": "", "PREF_ID": "", "PREF_DATE": "",
        "VOTE_EFFECTIF": "39", "VOTE_REEL": "35", "VOTE_POUR": "30", "VOTE_CONTRE": "3", "VOTE_ABSTENTION": "2",
        "DELIB_URL": ""}


@pytest.mark.parametrize("change, column, message", [
    ({"COLL_SIRET": TEST_SIRET[:-1] + str((int(TEST_SIRET[-1]) + 1) % 10)}, "COLL_SIRET", "invalide"),
    ({"VOTE_ABSTENTION": ""}, "VOTE_EFFECTIF", "toutes remplies ou toutes vides"),
    ({"VOTE_POUR": "31"}, "VOTE_REEL", "pour + contre + abstention = 36, votants = 35"),
    ({"VOTE_EFFECTIF": "30"}, "VOTE_REEL", "35 votants pour un effectif de 30"),
    ({"PREF_DATE": "2026-03-21"}, "PREF_DATE", "antérieure à la délibération"),
    ({"BUDGET_ANNEE": "2026"}, "BUDGET_ANNEE", "vont ensemble"),
    ({"BUDGET_ANNEE": "2027/2026", "BUDGET_NOM": "Budget principal"}, "BUDGET_ANNEE", "dans le désordre"),
    ({"DELIB_MATIERE_NOM": "Institutions et vie politique/délégation de fonctions"}, "DELIB_MATIERE_NOM",
     "minuscules accentuées"),
    ({"DELIB_MATIERE_NOM": "institutions et vie politique / délégation de fonctions"}, "DELIB_MATIERE_NOM",
     "pas d'espace"),
    ({"DELIB_MATIERE_NOM": "institutions et vie politique"}, "DELIB_MATIERE_NOM", "une seule barre oblique"),
    ({"DELIB_MATIERE_NOM": "vie politique/délégation de fonctions"}, "DELIB_MATIERE_NOM", "n'est pas un intitulé"),
    ({"DELIB_MATIERE_NOM": "urbanisme/délégation de fonctions"}, "DELIB_MATIERE_NOM", "ne correspond pas au code"),
])
def test_custom_checks_catch_each_rule(change, column, message):
    assert scdl_problems([GOOD]) == []
    [(line, found_column, found)] = scdl_problems([{**GOOD, **change}])
    assert (line, found_column) == (2, column) and message in found


def test_la_poste_sirets_follow_their_own_rule():
    from generator.config import luhn_ok

    assert siret_ok("35600000000010") and not luhn_ok("35600000000010")  # La Poste: sum of digits multiple of 5
    assert not siret_ok("35600000000011")


@pytest.mark.parametrize("code", [c for c in nomenclature_labels() if "." in c])
def test_every_level_2_matiere_gets_a_valid_scdl_label(code):
    name = scdl_matiere_nom(NomenclatureCode.parse(code))
    assert matiere_nom_problem(name, code) is None, name
    assert scdl_label("Transactions / protocole d'accord transactionnel") == \
        "transactions - protocole d'accord transactionnel"


# -- the command --------------------------------------------------------------------

def test_actes_export_scdl_refuses_without_siret(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(copy_project(tmp_path / "copie"))
    monkeypatch.setenv("ACTES_DATE", EXAMPLE_DAY.isoformat())
    assert main(["export", "--format", "scdl"]) == 1
    err = capsys.readouterr().err
    assert "Ville de Lens : pas de SIRET dans mkdocs.yml" in err
    assert err.rstrip().endswith("ÉCHEC : aucune délibération exportable au format SCDL")


def test_actes_export_scdl_with_a_siret(tmp_path, monkeypatch, capsys):
    root = copy_project(tmp_path / "copie")
    config = root / "mkdocs.yml"
    config.write_text(edit(config.read_text("utf-8"), '      siren: "216204982"\n',
                           f'      siren: "216204982"\n      siret: "{TEST_SIRET}"\n'), "utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("ACTES_DATE", EXAMPLE_DAY.isoformat())
    assert main(["export", "--format", "scdl", "--collectivite", "lens", "--sortie", "lens.csv"]) == 0
    text = (root / "lens.csv").read_text("utf-8")
    [row] = rows_of(text)
    assert (row["DELIB_ID"], row["DELIB_MATIERE_NOM"], row["PREF_ID"]) == \
        ("DLB03_18122024", "commande publique/autres types de contrats", "PREF062")
    assert frictionless_errors(text, tmp_path) == []


def test_actes_export_json_and_csv(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(copy_project(tmp_path / "copie"))
    monkeypatch.setenv("ACTES_DATE", EXAMPLE_DAY.isoformat())
    assert main(["export", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["actes"]) == 10
    decision = next(a for a in data["actes"] if a["numero"] == "2026-102")
    assert decision["url"] == "actes/2026/decision-2026-102/"
    assert decision["pdf"]["url"] == "actes/2026/decision-2026-102.pdf" and len(decision["pdf"]["sha256"]) == 64
    assert decision["auteur"] == {"prenom": "Pierre", "nom": "MAZURE", "qualite": "L'adjoint au Maire",
                                  "delegation": "Pour le Maire,"}
    assert main(["export", "--format", "csv", "--collectivite", "somme-numerique"]) == 0
    rows = rows_of(capsys.readouterr().out)
    assert len(rows) == 7 and {r["collectivite"] for r in rows} == {"Syndicat mixte Somme Numérique"}
    assert main(["export", "--collectivite", "paris"]) == 1
    assert "collectivité « paris » absente de mkdocs.yml" in capsys.readouterr().err


def test_json_lists_hold_one_act_per_line():
    from generator.export import item_per_line_json

    data = {"format": "actes/actes/1", "site": "Ville d'Été", "actes": [{"numero": "2026-1", "objet": "a\nb \"c\""},
                                                                     {"numero": "2026-2", "pdf": None}]}
    text = item_per_line_json(data, "actes")
    assert json.loads(text) == data
    lines = text.splitlines()
    assert lines[4] == '  {"numero": "2026-1", "objet": "a\\nb \\"c\\""},' and lines[5].startswith('  {"numero": "2026-2"')
    assert json.loads(item_per_line_json({"format": "f", "actes": []}, "actes")) == {"format": "f", "actes": []}
