"""`actes new`: a new draft with the next free number, the collectivité's
defaults and a body skeleton, that `actes check` accepts."""

from __future__ import annotations

import pytest

from generator.check import run_check
from generator.cli import main
from generator.identifiers import ActNumber
from generator.scaffold import free_number, series_style, yaml_scalar
from generator.yamlsafe import read_yaml
from tests.gitrepo import actes, commit_all, example_repo, git
from tests.sitebuild import EXAMPLE_DAY, copy_project


@pytest.fixture
def example(tmp_path, monkeypatch):
    root = copy_project(tmp_path / "exemple")
    monkeypatch.chdir(root)
    monkeypatch.setenv("ACTES_DATE", EXAMPLE_DAY.isoformat())
    return root


def front_matter(path) -> dict:
    text = path.read_text("utf-8")
    doc, issues = read_yaml(text.split("---\n")[1])
    assert issues == []
    return doc.data


def test_new_decision_in_the_example_is_2026_103_and_passes_check(example, capsys):
    assert main(["new", "decision"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[:2] == [
        "Projet écrit : acts/2026/decision-2026-103.md",
        "  Décision n° 2026-103 du 23/11/2026 — Ville de Lens (statut : projet)",
    ]
    meta = front_matter(example / "acts/2026/decision-2026-103.md")
    assert meta["numero"] == "2026-103"
    assert meta["date"] == "2026-11-23"
    assert meta["collectivite"] == "lens"
    assert meta["statut"] == "projet"
    assert meta["autorite"] == "Le Maire de la Ville de Lens, Président de la Communauté d'Agglomération de Lens-Liévin,"
    assert meta["signataire"] == {"prenom": "Sylvain", "nom": "ROBERT", "qualite": "Maire"}
    assert meta["lieu"] == "Lens"
    assert meta["nomenclature"] == "1.1"  # the latest of the two matières used by Lens' décisions (a tie)

    assert main(["check"]) == 0
    result = run_check(example, on=EXAMPLE_DAY)
    act = next(a for a in result.acts if str(a.meta.numero) == "2026-103")
    assert [v.text for v in act.body.visas] == ["Vu le code général des collectivités territoriales,"]
    assert len(act.body.considerants) == 1
    assert act.body.dispositif == "DÉCIDE"
    assert [a.numero for a in act.body.articles] == [1]
    # What is left to do shows as warnings on the draft, errors once it says "publie".
    assert [p.message for p in result.problems if p.path == act.path and p.field == "a_verifier"] == [
        "à vérifier : objet : remplacer « Objet à compléter » par l'objet de l'acte (une ligne)",
        "à vérifier : nomenclature : 1.1 (Marchés publics) proposée car la plus utilisée ; la changer si besoin",
        "à vérifier : texte : rédiger les visas, les considérants et les articles",
    ]


def test_given_objet_and_nomenclature_are_kept_and_not_listed_to_check(example, capsys):
    objet = "Décision relative à la location d'une nacelle : illuminations de Noël # 2026"
    assert main(["new", "décision", "--objet", objet, "--nomenclature", "01-04", "--date", "2026-12-01"]) == 0
    meta = front_matter(example / "acts/2026/decision-2026-103.md")
    assert meta["objet"] == objet
    assert meta["nomenclature"] == "1.4"
    assert meta["date"] == "2026-12-01"
    assert meta["a_verifier"] == ["texte : rédiger les visas, les considérants et les articles"]


def test_drafts_count_a_second_draft_takes_the_next_number(example, capsys):
    assert main(["new", "decision"]) == 0
    assert main(["new", "decision"]) == 0
    assert sorted(p.name for p in (example / "acts/2026").glob("decision-*.md")) == [
        "decision-2026-102.md", "decision-2026-103.md", "decision-2026-104.md", "decision-2026-92.md"]
    assert main(["check"]) == 0


def test_a_file_already_at_the_path_is_never_overwritten(example, capsys):
    squatter = example / "acts/2026/decision-2026-103.md"
    squatter.write_text("brouillon sans en-tête\n", "utf-8")  # not an act: its number is unknown
    assert main(["new", "decision"]) == 0
    assert squatter.read_text("utf-8") == "brouillon sans en-tête\n"
    assert front_matter(example / "acts/2026/decision-2026-104.md")["numero"] == "2026-104"


def test_series_keep_their_prefix_and_padding(example, capsys):
    # Somme Numérique numbers its Bureau's délibérations B2025-01 … B2025-06.
    assert main(["new", "deliberation", "--collectivite", "somme-numerique", "--date", "2025-10-02"]) == 0
    meta = front_matter(example / "acts/2025/deliberation-B2025-07.md")
    assert meta["numero"] == "B2025-07"
    assert meta["seance"] == {"date": "2025-10-02", "organe": None}
    out = capsys.readouterr().out
    # A délibération needs its vote: the command says so instead of inventing one.
    assert "acts/2025/deliberation-B2025-07.md:15: vote — vote incomplet" in out
    assert main(["new", "deliberation", "--collectivite", "somme-numerique", "--date", "2026-01-05"]) == 0
    assert (example / "acts/2026/deliberation-B2026-01.md").is_file()


def test_new_proces_verbal_lists_the_seance_fields_to_fill(example, capsys):
    assert main(["new", "procès-verbal", "--collectivite", "somme-numerique", "--objet", "PV du Bureau"]) == 0
    out = capsys.readouterr().out
    assert "Projet écrit : acts/2026/proces-verbal-2026-1.md" in out
    for missing in ("heure de la séance", "président de séance", "secrétaire de séance",
                    "liste des membres présents", "quorum", "liste des délibérations de la séance"):
        assert f"champ obligatoire manquant pour un procès-verbal : {missing}" in out


@pytest.mark.parametrize("args, message", [
    (["new", "circulaire"], "ÉCHEC : type d'acte « circulaire » inconnu : decision, arrete, deliberation ou proces_verbal"),
    (["new", "decision", "--collectivite", "liévin"],
     "ÉCHEC : collectivité « liévin » absente de mkdocs.yml (connues : lens, somme-numerique)"),
    (["new", "decision", "--nomenclature", "12.1"],
     "ÉCHEC : --nomenclature : matière « 12 » inconnue : la nomenclature ACTES va de 1 à 9"),
    (["new", "arrete"], "ÉCHEC : indiquer la matière ACTES de l'acte, par exemple --nomenclature 1.1 "
                        "(aucun acte de ce type de Ville de Lens pour la proposer)"),
])
def test_refusals_are_french_and_write_nothing(example, capsys, args, message):
    before = sorted(p.relative_to(example) for p in (example / "acts").rglob("*"))
    assert main(args) == 1
    assert capsys.readouterr().err.strip() == message
    assert sorted(p.relative_to(example) for p in (example / "acts").rglob("*")) == before


def test_bad_date_is_refused_by_the_command_line(example, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["new", "decision", "--date", "2026-02-30"])
    assert stop.value.code == 2
    assert "date « 2026-02-30 » invalide : format AAAA-MM-JJ" in capsys.readouterr().err


def test_new_against_a_branch_skips_its_numbers(tmp_path):
    repo = example_repo(tmp_path / "depot")
    git(repo, "switch", "-q", "-c", "autre-projet")
    assert actes(repo, "new", "decision").returncode == 0
    commit_all(repo, "Projet 2026-103")
    git(repo, "switch", "-q", "main")
    done = actes(repo, "new", "decision", "--against", "autre-projet")
    assert done.returncode == 0, done.stderr
    assert "Projet écrit : acts/2026/decision-2026-104.md" in done.stdout


# ---------------------------------------------------------------------------
# Pure parts, with worked examples


@pytest.mark.parametrize("numbers, style", [
    ([], ("", 0)),
    (["2026-92", "2026-102"], ("", 0)),
    (["A2023-15", "A2023-16"], ("A", 0)),
    (["B2025-01", "B2025-06"], ("B", 2)),
    (["2023-009", "2024-12"], ("", 0)),      # the latest number sets the style
    (["DLB03_18122024"], ("", 0)),           # free numbers have no series
])
def test_series_style(numbers, style):
    assert series_style([ActNumber.parse(n) for n in numbers]) == style


def test_free_number_counts_drafts_and_published_of_the_same_series_only(check, samples):
    draft = samples.edit(samples.edit(samples.DECISION, "numero: 2026-1", "numero: 2026-7"),
                         "statut: publie\nmise_en_ligne: 2026-05-26\n", "")
    other = samples.edit(samples.DECISION, "collectivite: lens", "collectivite: somme-numerique")
    result = check({"acts/2026/a.md": samples.DECISION, "acts/2026/b.md": draft, "acts/2026/c.md": other})
    assert str(free_number(result.acts, "decision", "lens", 2026)) == "2026-8"
    assert str(free_number(result.acts, "decision", "somme-numerique", 2026)) == "2026-2"
    assert str(free_number(result.acts, "arrete", "lens", 2026)) == "2026-1"
    assert str(free_number(result.acts, "decision", "lens", 2027)) == "2027-1"


@pytest.mark.parametrize("value, written", [
    ("Lens", "Lens"),
    ("2026-103", "2026-103"),
    ("1.1", '"1.1"'),
    ("0123", '"0123"'),        # an ordinary YAML 1.1 reader would see the octal 83
    ("7.10", '"7.10"'),        # … and 7.1 here
    ("yes", '"yes"'),
    ("true", '"true"'),
    ("null", '"null"'),
    ("Fait: oui", '"Fait: oui"'),
    ("objet # 2", '"objet # 2"'),
    ("« guillemets »", "« guillemets »"),
    ("'apostrophe", "\"'apostrophe\""),
    (" espace", '" espace"'),
])
def test_yaml_scalars_read_back_as_written(value, written):
    assert yaml_scalar(value) == written
    doc, issues = read_yaml(f"k: {written}\n")
    assert issues == [] and doc.data == {"k": value}


def test_today_comes_from_actes_date(example, capsys, monkeypatch):
    monkeypatch.setenv("ACTES_DATE", "2027-01-04")
    assert main(["new", "decision"]) == 0
    assert front_matter(example / "acts/2027/decision-2027-1.md")["date"] == "2027-01-04"
