"""Hostile and broken input files: each gets a clear French error naming file, line and
field, or is handled; memory stays bounded; `actes check` never shows a traceback.
(The YAML reader's own cases are in test_yaml.py, the loader's in test_load.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc

import pytest

from generator.check import run_check
from generator.render import render_site
from tests.conftest import DECISION, TODAY, edit

PATH = "acts/2026/decision-2026-1.md"


def with_body(articles: str) -> str:
    return DECISION.split("## DÉCIDE")[0] + "## DÉCIDE\n\n" + articles


def with_annexes(*names: str) -> str:
    listed = "".join(f"  - {name}\n" for name in names)
    return edit(DECISION, "statut: publie", f"annexes:\n{listed}statut: publie")


def peak_memory(function, *args):
    tracemalloc.start()
    try:
        result = function(*args)
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


# -- size ------------------------------------------------------------------------

def test_a_50_mb_act_is_refused_without_being_read(project):
    root = project({})
    big = root / PATH
    big.parent.mkdir(parents=True)
    with open(big, "wb") as handle:
        handle.write(DECISION.encode())
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NUL after the act
    result, peak = peak_memory(run_check, root, None, TODAY)
    assert [str(p) for p in result.problems] == [
        f"{PATH}:1: fichier — fichier trop volumineux (50 Mo, maximum 8 Mo) : placer les pièces volumineuses en annexe"]
    assert peak < 8 * 1024 * 1024, f"{peak / 1e6:.1f} Mo alloués : le fichier a été lu"


def test_10000_articles_are_read_checked_and_rendered(project, tmp_path):
    articles = "\n\n".join(f"**Article {n}** : Disposition numéro {n}." for n in range(1, 10_001))
    root = project({PATH: with_body(articles)})
    result = run_check(root, on=TODAY)
    assert result.problems == []
    act, = result.acts
    assert len(act.body.articles) == 10_000 and act.body.articles[-1].texte == "Disposition numéro 10000."
    render_site(result, root, tmp_path / "docs", TODAY)
    page = (tmp_path / "docs/actes/2026/decision-2026-1.md").read_text("utf-8")
    assert page.count('<section class="acte-article"') == 10_000


def test_a_wrong_number_among_10000_articles_is_named_with_its_line(problems):
    numbers = list(range(1, 10_001))
    numbers[7_000] = 7_000  # "Article 7000" twice, where 7001 was expected
    articles = "\n\n".join(f"**Article {n}** : Disposition." for n in numbers)
    line = DECISION.split("## DÉCIDE")[0].count("\n") + 3 + 2 * 7_000
    assert problems({PATH: with_body(articles)}) == [
        f"{PATH}:{line}: articles — articles mal numérotés : « Article 7000 » trouvé, « Article 7001 » attendu"]


# -- encodings and bytes --------------------------------------------------------------

@pytest.mark.parametrize(("data", "message"), [
    (DECISION.encode("cp1252"), "texte non UTF-8 (octet 0xe9 en position 59) : enregistrer le fichier en UTF-8"),
    (DECISION.encode("utf-16"), "texte non UTF-8 (octet 0xff en position 0) : enregistrer le fichier en UTF-8"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "texte non UTF-8 (octet 0x89 en position 0) : enregistrer le fichier en UTF-8"),
    (DECISION.encode() + b"\x00", "caractère nul (NUL) dans le fichier : fichier binaire ou corrompu"),
])
def test_binary_and_misencoded_files_are_refused_in_french(problems, data, message):
    found, = problems({PATH: data})
    assert found.startswith(f"{PATH}:") and found.endswith(f"fichier — {message}")


def test_control_characters_in_the_body_never_reach_a_page(project, tmp_path):
    # \x02…\x03 are Python-Markdown's own placeholders for stashed HTML.
    body = "**Article 1** : texte \x02wzxhzdk:0\x03 et \x1b[31m couleur."
    root = project({PATH: with_body(body)})
    result = run_check(root, on=TODAY)
    assert result.problems == []
    render_site(result, root, tmp_path / "docs", TODAY)
    page = (tmp_path / "docs/actes/2026/decision-2026-1.md").read_text("utf-8")
    assert "\x02" not in page and "\x03" not in page and "\x1b" not in page
    assert "texte wzxhzdk:0 et &#91;31m couleur." in page  # an unmatched "[" is text


# -- YAML bombs ----------------------------------------------------------------------

def test_billion_laughs_is_refused_in_bounded_memory(project):
    lines = ['lol0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    lines += [f"lol{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 12)]  # 10**12 once expanded
    text = DECISION.replace("type: decision\n", "type: decision\n" + "\n".join(lines) + "\n")
    root = project({PATH: text})
    result, peak = peak_memory(run_check, root, None, TODAY)
    messages = [str(p) for p in result.problems]
    assert f"{PATH}:4: lol1[0] — les alias YAML (« *nom ») ne sont pas acceptés" in messages
    assert peak < 32 * 1024 * 1024


@pytest.mark.parametrize("nested", [
    "objet: " + "[" * 10_000 + "]" * 10_000,
    "objet:\n" + "".join("  " * i + "-\n" for i in range(1, 300)),
    "objet: " + "{a: " * 2_000 + "1" + "}" * 2_000,
])
def test_deeply_nested_yaml_is_refused(problems, nested):
    text = edit(DECISION, "objet: Décision relative à la signature de l'avenant n°1 au contrat de maintenance", nested)
    found = problems({PATH: text})
    assert len(found) == 1 and found[0].startswith(f"{PATH}:")
    assert found[0].endswith("en-tête — imbrication trop profonde (plus de 24 niveaux)")


@pytest.mark.parametrize("value", [
    "!!python/object/apply:os.system [echo pwned]", "!!python/name:os.system", "!ENV HOME",
])
def test_yaml_tags_that_run_code_are_refused(problems, value):
    text = edit(DECISION, "lieu: Lens", f"lieu: {value}")
    tag = value.split()[0].replace("!!", "tag:yaml.org,2002:")
    assert f"{PATH}:13: lieu — étiquette YAML « {tag} » refusée : écrire la valeur sans « ! »" in problems({PATH: text})


def test_a_key_with_a_bracket_is_named_not_a_crash(problems):
    # Found by tests/test_fuzz.py: pydantic's union members ("function-plain[…]") were
    # removed from error locations by their "[", and a typed key like this one with them.
    text = edit(DECISION, "statut: publie", "s[atut: publie")
    assert f"{PATH}:14: s[atut — champ inconnu « s[atut » : vouliez-vous dire « statut » ?" in problems({PATH: text})


# -- annexes and paths ---------------------------------------------------------------

@pytest.mark.parametrize(("name", "message"), [
    ("../../../etc/passwd", "chemin « ../../../etc/passwd » hors du dépôt : refusé"),
    ("/etc/passwd", "chemin « /etc/passwd » refusé : indiquer un chemin relatif au fichier de l'acte"),
    ("~/secret.pdf", "chemin « ~/secret.pdf » refusé : indiquer un chemin relatif au fichier de l'acte"),
    ("..\\..\\mkdocs.yml", "chemin « ..\\..\\mkdocs.yml » refusé : indiquer un chemin relatif au fichier de l'acte"),
    ("../../mkdocs.yml", "chemin « ../../mkdocs.yml » refusé : une annexe est un fichier du dossier acts/, "
                         "hors dossier caché"),
    ("../../.git/config", "chemin « ../../.git/config » refusé : une annexe est un fichier du dossier acts/, "
                          "hors dossier caché"),
    ("annexes/.brouillon.pdf", "chemin « annexes/.brouillon.pdf » refusé : une annexe est un fichier du dossier "
                               "acts/, hors dossier caché"),
    ("annexes/page.html", "annexe « annexes/page.html » : type de fichier « .html » non publiable"),
    ("annexes/plan.svg", "annexe « annexes/plan.svg » : type de fichier « .svg » non publiable"),
    ("annexes/outil.js", "annexe « annexes/outil.js » : type de fichier « .js » non publiable"),
    ("annexes/LISEZMOI", "annexe « annexes/LISEZMOI » : type de fichier « sans extension » non publiable"),
    ("annexes/latin1.md", "annexe « annexes/latin1.md » : ligne 3 : texte non UTF-8 (octet 0xe9 en position 11) : "
                          "enregistrer le fichier en UTF-8"),
    ("annexes/nul.md", "annexe « annexes/nul.md » : ligne 1 : caractère nul (NUL) dans le fichier : "
                       "fichier binaire ou corrompu"),
])
def test_annexes_that_cannot_be_published_are_refused(project, name, message):
    files = {
        PATH: with_annexes(name),
        "mkdocs.yml.keep": "",
        ".git/config": "[core]\n",
        "acts/2026/annexes/.brouillon.pdf": b"%PDF-1.7",
        "acts/2026/annexes/page.html": "<script>alert(1)</script>",
        "acts/2026/annexes/plan.svg": "<svg onload=alert(1)></svg>",
        "acts/2026/annexes/outil.js": "alert(1)",
        "acts/2026/annexes/LISEZMOI": "texte",
        "acts/2026/annexes/latin1.md": "# Annexe\n\nb\xe9b\xe9\n".encode("latin-1"),
        "acts/2026/annexes/nul.md": b"\x00",
    }
    root = project(files)
    result = run_check(root, on=TODAY)
    assert [str(p) for p in result.problems if p.field.startswith("annexes")] == [
        f"{PATH}:15: annexes[0] — " + message + (
            " (acceptés : pdf, md, txt, csv, png, jpg, jpeg, gif, webp, odt, ods, odp, odg, doc, docx, xls, xlsx, "
            "ppt, pptx)" if "non publiable" in message else "")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="pas de liens symboliques")
def test_annex_symlink_leaving_acts_is_refused(project, tmp_path):
    root = project({PATH: with_annexes("annexes/lien.pdf")})
    (tmp_path / "secret.pdf").write_bytes(b"%PDF-1.7 secret")
    (root / "acts/2026/annexes").mkdir()
    (root / "acts/2026/annexes/lien.pdf").symlink_to(tmp_path / "secret.pdf")
    assert [str(p) for p in run_check(root, on=TODAY).problems] == [
        f"{PATH}:15: annexes[0] — chemin « annexes/lien.pdf » hors du dépôt : refusé"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="pas de liens symboliques")
def test_symlinked_folder_of_acts_outside_the_repository_is_not_read(project, tmp_path):
    outside = tmp_path / "ailleurs"
    outside.mkdir()
    (outside / "decision-2026-9.md").write_text(DECISION.replace("2026-1\n", "2026-9\n"), "utf-8")
    root = project({PATH: DECISION})
    (root / "acts/2027").symlink_to(outside, target_is_directory=True)
    result = run_check(root, on=TODAY)
    assert [a.path for a in result.acts] == [PATH]


def test_annexes_of_document_types_are_accepted(project):
    root = project({PATH: with_annexes("annexes/plan.pdf", "annexes/Tableau.XLSX", "annexes/texte.md"),
                    "acts/2026/annexes/plan.pdf": b"%PDF-1.7",
                    "acts/2026/annexes/Tableau.XLSX": b"PK",
                    "acts/2026/annexes/texte.md": "# Texte\n\nÉté.\n"})
    assert run_check(root, on=TODAY).problems == []


# -- the command line: French messages, never a traceback -----------------------------

def test_actes_check_on_every_hostile_file_at_once_answers_in_french(project):
    nested = edit(DECISION, "lieu: Lens", "lieu: " + "[" * 3000)
    root = project({
        "acts/2026/a-cp1252.md": DECISION.encode("cp1252"),
        "acts/2026/b-nul.md": DECISION.encode() + b"\x00",
        "acts/2026/c-profond.md": nested,
        "acts/2026/d-alias.md": DECISION.replace("lieu: Lens", "lieu: &a Lens\nautre: *a"),
        "acts/2026/e-annexe.md": with_annexes("../../mkdocs.yml"),
        "acts/2026/f-vide.md": "",
        "acts/2026/g-binaire.md": bytes(range(256)),
        "acts/2026/h-cle.md": DECISION.replace("statut:", "s[atut:"),
    })
    run = subprocess.run([sys.executable, "-m", "generator", "check"], cwd=root, capture_output=True, text=True,
                         env={**os.environ, "ACTES_DATE": TODAY.isoformat()}, timeout=120)
    assert run.returncode == 1
    assert "Traceback" not in run.stdout + run.stderr and run.stderr == ""
    for expected in ("acts/2026/a-cp1252.md:5: fichier — texte non UTF-8",
                     "acts/2026/b-nul.md:27: fichier — caractère nul (NUL)",
                     "acts/2026/c-profond.md:13: en-tête — imbrication trop profonde",
                     "acts/2026/d-alias.md:14: autre — les alias YAML",
                     "acts/2026/e-annexe.md:15: annexes[0] — chemin « ../../mkdocs.yml » refusé",
                     "acts/2026/f-vide.md:1: fichier — fichier vide",
                     "acts/2026/g-binaire.md:2: fichier — texte non UTF-8 (octet 0x80",
                     "acts/2026/h-cle.md:14: s[atut — champ inconnu"):
        assert expected in run.stdout, expected
    assert run.stdout.rstrip().splitlines()[-1].startswith("ÉCHEC : 8 fichiers")
