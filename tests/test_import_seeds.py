"""`actes import` on the four seed documents gives the example acts of acts/.

The seeds live outside the repository (../shared/seeds) and are read at run time.
Front matter values are compared once validated (so "01 - 01" equals "1.1"), the
objet without case and accents, texts with their whitespace normalised.

Not compared, field by field, because a person decided them and said so in a YAML
comment of the example act (or because they are publication data, not the act's):
see EXCLUDED.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import pytest

from generator.check import run_check
from generator.cli import main
from generator.config import load_config
from generator.importer import act_markdown, import_text
from generator.load import load_text
from generator.model import ActMeta

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
TODAY = dt.date(2026, 11, 23)

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed documents absent ({SEEDS}): nothing to compare")

PUBLICATION = {"statut", "mise_en_ligne"}  # imports are projets; publishing is a person's act
EXCLUDED = {
    # "Le document source ne porte pas le nom sous la signature" (YAML comment).
    "2026/decision-2026-102.md": PUBLICATION | {"signataire"},
    "2026/decision-2026-92.md": PUBLICATION,
    # Objet "remis en minuscules accentuées, les deux lignes séparées par un tiret";
    # annex file name and title chosen by a person ("convention-mutualisation-dmsi").
    "2024/deliberation-DLB03_18122024.md": PUBLICATION | {"objet", "annexes"},
    # "numéro libre : le document n'en porte pas"; nomenclature "non imprimée";
    # délibérations numbered B2025-01… by a person.
    "2025/proces-verbal-bureau-2025-09-29.md": PUBLICATION | {"numero", "nomenclature", "deliberations"},
    # "numéro attribué dans l'ordre de la séance"; matière chosen by a person.
    **{f"2025/deliberation-B2025-0{rank}.md": PUBLICATION | {"numero", "nomenclature"} for rank in range(1, 7)},
}
PAIRS = {
    "decision-2026-102-lens.md": ["2026/decision-2026-102.md"],
    "decision-2026-92-lens.md": ["2026/decision-2026-92.md"],
    "deliberation-2024-12-18-lens-mutualisation.md": ["2024/deliberation-DLB03_18122024.md"],
    "pv-bureau-2025-09-29-somme-numerique.md": ["2025/proces-verbal-bureau-2025-09-29.md",
                                                *(f"2025/deliberation-B2025-0{rank}.md" for rank in range(1, 7))],
}
BODY_PARTS = ("visas", "considerants", "expose", "dispositif_texte")


def fold(text: str) -> str:
    return " ".join("".join(c for c in unicodedata.normalize("NFKD", text)
                            if not unicodedata.combining(c)).lower().split())


def words(text: str) -> str:
    return " ".join(text.split())


def parsed(text: str):
    raw = load_text(text.encode("utf-8"), "acte.md")
    assert raw.meta is not None, raw.problems
    meta = dict(raw.meta)
    meta.pop("a_verifier", None)
    return ActMeta.model_validate(meta).model_dump(), raw.body


@pytest.fixture(scope="module")
def imported():
    config, problems = load_config(ROOT / "mkdocs.yml")
    assert not problems
    result = {}
    for seed, expected in PAIRS.items():
        acts = import_text((SEEDS / seed).read_text("utf-8"), "markdown", seed, config.collectivites, TODAY)
        assert len(acts) == len(expected), f"{seed}: {len(acts)} actes importés, {len(expected)} attendus"
        result.update(zip(expected, acts))
    return result


@pytest.mark.parametrize("name", list(EXCLUDED))
def test_front_matter_equals_the_example_act(imported, name):
    ours, _ = parsed(act_markdown(imported[name]))
    theirs, _ = parsed((ROOT / "acts" / name).read_text("utf-8"))
    for key in sorted(set(ours) | set(theirs)):
        if key in EXCLUDED[name]:
            continue
        if key == "objet":
            assert fold(ours[key] or "") == fold(theirs[key] or ""), key
        else:
            assert ours[key] == theirs[key], key


@pytest.mark.parametrize("name", list(EXCLUDED))
def test_visas_considerants_and_articles_equal_the_example_act(imported, name):
    _, ours = parsed(act_markdown(imported[name]))
    _, theirs = parsed((ROOT / "acts" / name).read_text("utf-8"))
    for part in BODY_PARTS:
        assert [words(b.text) for b in getattr(ours, part)] == [words(b.text) for b in getattr(theirs, part)], part
    assert [(a.numero, words(a.texte)) for a in ours.articles] == [(a.numero, words(a.texte)) for a in theirs.articles]
    assert ours.dispositif == theirs.dispositif


def test_excluded_fields_are_the_unknown_ones(imported):
    """What is excluded above is either empty in the import or flagged to a person."""
    assert imported["2026/decision-2026-102.md"].signataire["nom"] is None
    assert any("signataire" in item for item in imported["2026/decision-2026-102.md"].a_verifier)
    for rank in range(1, 7):
        act = imported[f"2025/deliberation-B2025-0{rank}.md"]
        assert act.numero is None and act.nomenclature is None
        assert any("numéro" in item for item in act.a_verifier)
        assert any("nomenclature" in item for item in act.a_verifier)
    pv = imported["2025/proces-verbal-bureau-2025-09-29.md"]
    assert pv.numero is None and any("numéro" in item for item in pv.a_verifier)


# Errors that `actes check` may report on an import: required fields the document does
# not print; each must be announced in the file's a_verifier.
UNKNOWN = {"signataire": "signataire", "numero": "numéro", "nomenclature": "nomenclature",
           "deliberations": "délibérations"}


def test_imported_files_pass_check_but_for_what_is_unknown(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["import", *(str(SEEDS / seed) for seed in PAIRS), "--out", "acts"]) == 0
    written = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "acts").rglob("*.md"))
    assert len([p for p in written if "/annexes/" not in p]) == 10
    result = run_check(tmp_path, on=TODAY)
    assert len(result.acts) == 10
    for problem in result.errors:
        field = problem.field.split(".")[0].split("[")[0]
        assert field in UNKNOWN, str(problem)
        text = (tmp_path / problem.path).read_text("utf-8")
        assert UNKNOWN[field] in text.split("a_verifier:")[1], str(problem)
    for act in result.acts:
        assert act.meta.statut == "projet"
    capsys.readouterr()


def test_import_refuses_to_overwrite(tmp_path, monkeypatch, capsys):
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    monkeypatch.chdir(tmp_path)
    seed = str(SEEDS / "decision-2026-92-lens.md")
    assert main(["import", seed]) == 0
    target = tmp_path / "acts" / "2026" / "decision-2026-92.md"
    before = target.read_bytes()
    capsys.readouterr()
    assert main(["import", seed]) == 1
    err = capsys.readouterr().err
    assert "acts/2026/decision-2026-92.md existe déjà : import refusé (aucun fichier remplacé" in err
    assert target.read_bytes() == before
