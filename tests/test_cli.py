"""`actes check` through the command line entry point: exit codes and formats."""

from __future__ import annotations

import json

import pytest

from generator.cli import main

D1 = "acts/2026/decision-2026-1.md"
D3 = "acts/2026/decision-2026-3.md"


@pytest.fixture
def actes(project, monkeypatch, capsys):
    """actes(files, *args) -> (exit code, stdout, stderr) of `actes check *args`
    run in a new project, on 15/06/2026."""

    def run(files: dict, *args: str, config: str | None = None):
        root = project(files) if config is None else project(files, config=config)
        monkeypatch.chdir(root)
        monkeypatch.setenv("ACTES_DATE", "2026-06-15")
        code = main(["check", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def with_error(samples) -> str:
    return samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2026-05-20")


def with_gap(samples) -> dict:
    return {D1: samples.DECISION, D3: samples.edit(samples.DECISION, "numero: 2026-1", "numero: 2026-3")}


def test_clean_project_exits_0(actes, samples):
    code, out, err = actes(samples.FILES)
    assert code == 0
    assert out.splitlines() == [
        "4 actes lus :",
        "  acts/2026/deliberation-2026-1.md — Délibération n° 2026-1 du 22/03/2026 (publié)",
        "  acts/2026/proces-verbal-PV2026-1.md — Procès-verbal n° PV2026-1 du 22/03/2026 (publié)",
        "  acts/2026/arrete-A2026-1.md — Arrêté n° A2026-1 du 02/04/2026 (publié)",
        "  acts/2026/decision-2026-1.md — Décision n° 2026-1 du 22/05/2026 (publié)",
        "OK : 4 fichiers, 4 actes, 0 erreur, 0 avertissement",
    ]
    assert err == ""


def test_errors_exit_1(actes, samples):
    code, out, _ = actes({D1: with_error(samples)})
    assert code == 1
    assert out.splitlines()[-2:] == [
        f"{D1}:15: mise_en_ligne — mise en ligne le 20/05/2026, avant la date de l'acte (22/05/2026)",
        "ÉCHEC : 1 fichier, 1 acte, 1 erreur, 0 avertissement",
    ]


def test_warnings_exit_0_unless_strict(actes, samples):
    warning = (f"{D3}:3: numero — avertissement : numérotation des décisions 2026 de « lens » : numéros absents 2 "
               "(actes individuels non publiés ?)")
    code, out, _ = actes(with_gap(samples))
    assert code == 0
    assert out.splitlines()[-2:] == [warning, "OK : 2 fichiers, 2 actes, 0 erreur, 1 avertissement"]
    code, out, _ = actes(with_gap(samples), "--strict")
    assert code == 1
    assert out.splitlines()[-2:] == [warning, "ÉCHEC : 2 fichiers, 2 actes, 0 erreur, 1 avertissement"]


def test_alias_verifier(actes, samples):
    code, out, _ = actes(samples.FILES)
    assert code == 0
    assert main(["verifier"]) == 0


def test_files_and_folders_given(actes, samples):
    other = with_error(samples).replace("numero: 2026-1\n", "numero: 2026-9\n")
    code, out, _ = actes({**samples.FILES, "acts/2025/decision-2025-1.md": other}, "acts/2026")
    assert code == 0
    assert out.splitlines()[-1] == "OK : 4 fichiers, 4 actes, 0 erreur, 0 avertissement"
    code, out, _ = actes({D1: samples.DECISION, "acts/2026/autre.md": other}, D1)
    assert code == 0
    assert out.splitlines()[-1] == "OK : 1 fichier, 1 acte, 0 erreur, 0 avertissement"


def test_acts_given_are_checked_against_all_the_others(actes, samples):
    code, out, _ = actes({D1: samples.DECISION, "acts/2026/autre.md": with_error(samples)}, D1)
    assert code == 1
    assert "numéro 2026-1 déjà utilisé" in out and "autre.md:" not in out.replace("(acts/2026/autre.md)", "")


def test_missing_path_named_as_given(actes, samples):
    code, out, _ = actes({D1: samples.DECISION}, "acts/2026/absent.md")
    assert code == 1
    assert out.splitlines() == [
        "acts/2026/absent.md:1: chemin — fichier ou dossier introuvable",
        "ÉCHEC : 0 fichier, 0 acte, 1 erreur, 0 avertissement",
    ]


def test_path_outside_the_repository_refused(actes, samples, tmp_path):
    outside = tmp_path / "ailleurs.md"
    outside.write_text(samples.DECISION)
    code, out, _ = actes({D1: samples.DECISION}, str(outside))
    assert code == 1
    assert out.splitlines()[0] == f"{outside.as_posix()}:1: chemin — chemin hors du dépôt : refusé"


def test_json_format(actes, samples):
    code, out, err = actes({**with_gap(samples), "acts/2026/x.md": with_error(samples).replace("2026-1", "2026-2", 1)},
                           "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["erreurs"] == 1 and report["avertissements"] == 0
    assert report["problemes"] == [{
        "path": "acts/2026/x.md", "line": 15, "field": "mise_en_ligne",
        "message": "mise en ligne le 20/05/2026, avant la date de l'acte (22/05/2026)", "severity": "erreur",
    }]
    assert report["actes"][0] == {"fichier": D1, "type": "decision", "numero": "2026-1", "date": "2026-05-22",
                                  "collectivite": "lens", "statut": "publie"}
    assert [a["numero"] for a in report["actes"]] == ["2026-1", "2026-2", "2026-3"]
    assert err == ""


def test_json_format_warning_severity(actes, samples):
    code, out, _ = actes(with_gap(samples), "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert [(p["path"], p["line"], p["severity"]) for p in report["problemes"]] == [(D3, 3, "avertissement")]


def test_github_format(actes, samples):
    files = {**with_gap(samples), "acts/2026/x.md": with_error(samples).replace("2026-1", "2026-2", 1)}
    code, out, err = actes(files, "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=acts/2026/x.md,line=15,title=actes check::mise_en_ligne — mise en ligne le 20/05/2026, "
        "avant la date de l'acte (22/05/2026)",
    ]
    assert err.splitlines() == ["ÉCHEC : 3 fichiers, 3 actes, 1 erreur, 0 avertissement"]
    code, out, err = actes(with_gap(samples), "--format", "github")
    assert code == 0
    assert out.splitlines() == [
        f"::warning file={D3},line=3,title=actes check::numero — numérotation des décisions 2026 de « lens » : "
        "numéros absents 2 (actes individuels non publiés ?)"]


def test_github_format_escapes(actes, samples):
    text = samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26\n",
                        "mise_en_ligne: 2026-05-26\na_verifier:\n  - \"100% du montant\\nà relire\"\n")
    code, out, _ = actes({"acts/2026/a,b:c.md": text}, "--format", "github")
    assert code == 1
    assert out.splitlines() == [
        "::error file=acts/2026/a%2Cb%3Ac.md,line=17,title=actes check::a_verifier — à vérifier : 100%25 du montant"
        "%0Aà relire"]


def test_list_limit(actes, samples, monkeypatch):
    from generator.commands import check as command

    monkeypatch.setattr(command, "LIST_LIMIT", 3)
    code, out, _ = actes({**samples.FILES, "acts/2026/d2.md": samples.edit(samples.DECISION, "2026-1", "2026-2", 1)})
    assert code == 0
    assert out.splitlines() == [
        "5 actes lus (1 arrêté, 2 décisions, 1 délibération, 1 procès-verbal) ; --liste pour les lister",
        "OK : 5 fichiers, 5 actes, 0 erreur, 0 avertissement",
    ]
    code, out, _ = actes(samples.FILES, "--liste")
    assert out.splitlines()[0] == "4 actes lus :"


def test_invalid_actes_date(actes, samples, monkeypatch, project):
    root = project(samples.FILES)
    monkeypatch.chdir(root)
    monkeypatch.setenv("ACTES_DATE", "2026-02-30")
    with pytest.raises(SystemExit) as exited:
        main(["check"])
    assert str(exited.value.code) == "ACTES_DATE « 2026-02-30 » invalide : date attendue au format AAAA-MM-JJ"


def test_actes_date_drives_the_future_check(project, samples, monkeypatch, capsys):
    root = project(samples.FILES)
    monkeypatch.chdir(root)
    monkeypatch.setenv("ACTES_DATE", "2026-05-21")
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert f"{D1}:4: date — date 22/05/2026 dans le futur pour un acte signé et publié" in out.splitlines()


def test_unknown_format_is_a_usage_error(actes, samples):
    with pytest.raises(SystemExit) as exited:
        actes(samples.FILES, "--format", "xml")
    assert exited.value.code == 2


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "usage: actes" in capsys.readouterr().out
