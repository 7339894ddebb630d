"""`actes check --against REV`: two drafts numbered the same on two branches.

Each test builds a real git repository from the example project, writes
drafts with the real `actes new` on branches, and runs the real command line.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.against import AgainstError, act_paths, read_revision
from generator.check import run_check
from tests.gitrepo import actes, commit_all, example_repo, git
from tests.sitebuild import EXAMPLE_DAY

NACELLE = "Décision relative à la location d'une nacelle pour les illuminations de Noël"
SONO = "Décision relative à la location d'une sonorisation pour la fête de la musique"


@pytest.fixture
def repo(tmp_path):
    return example_repo(tmp_path / "depot")


def draft_on_branch(repo, branch: str, objet: str, base: str = "main") -> str:
    git(repo, "switch", "-q", "-c", branch, base)
    done = actes(repo, "new", "decision", "--objet", objet)
    assert done.returncode == 0, done.stderr
    commit_all(repo, f"Projet : {objet}")
    return done.stdout.splitlines()[0].removeprefix("Projet écrit : ")


def test_second_pull_request_with_the_same_number_fails_with_a_clear_message(repo):
    first = draft_on_branch(repo, "nacelle", NACELLE)
    second = draft_on_branch(repo, "sono", SONO)
    assert first == second == "acts/2026/decision-2026-103.md"  # each branch is right on its own
    assert actes(repo, "check").returncode == 0

    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-ff", "-m", "Merge nacelle", "nacelle")  # the first pull request lands
    git(repo, "switch", "-q", "sono")
    done = actes(repo, "check", "--against", "main")
    assert done.returncode == 1
    assert ("acts/2026/decision-2026-103.md:3: numero — numéro 2026-103 déjà pris sur main pour une autre "
            f"décision au même chemin (« {NACELLE} ») : renuméroter ce projet, par exemple en 2026-104 "
            "(prochain numéro libre des deux côtés)") in done.stdout.splitlines()
    assert done.stdout.rstrip().endswith("ÉCHEC : 11 fichiers, 11 actes, 1 erreur, 6 avertissements")

    # Before the merge, the same check on the first branch passes: main did not take 2026-103 yet.
    git(repo, "switch", "-q", "nacelle")
    assert actes(repo, "check", "--against", "main").returncode == 0


def test_a_conflict_under_another_file_name_is_reported_too(repo):
    draft_on_branch(repo, "nacelle", NACELLE)
    git(repo, "switch", "-q", "-c", "sono", "main")
    assert actes(repo, "new", "decision", "--objet", SONO).returncode == 0
    (repo / "acts/2026/decision-2026-103.md").rename(repo / "acts/2026/sonorisation-fete-musique.md")
    commit_all(repo, "Projet sono")
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "nacelle")
    git(repo, "switch", "-q", "sono")
    done = actes(repo, "check", "--against", "main", "--format", "github")
    assert done.returncode == 1
    assert all(line.startswith("::") for line in done.stdout.splitlines())  # annotations only on stdout
    annotation = next(l for l in done.stdout.splitlines() if l.startswith("::error"))
    assert annotation.startswith("::error file=acts/2026/sonorisation-fete-musique.md,line=3,title=actes check::"
                                 "numero — numéro 2026-103 déjà pris sur main pour une autre décision "
                                 "par acts/2026/decision-2026-103.md")


def test_editing_or_renaming_an_act_both_branches_share_is_no_conflict(repo):
    # A draft both branches share (published acts do not change: the register forbids it).
    git(repo, "switch", "-q", "main")
    assert actes(repo, "new", "decision", "--objet", SONO).returncode == 0
    commit_all(repo, "Projet sono")
    git(repo, "switch", "-q", "-c", "correction")
    path = repo / "acts/2026/decision-2026-103.md"
    path.write_text(path.read_text("utf-8").replace("lieu: Lens", "lieu: en l'Hôtel de Ville"), "utf-8")
    git(repo, "mv", "acts/2026/decision-2026-103.md", "acts/2026/decision-2026-0103.md")
    commit_all(repo, "Corrections")
    git(repo, "switch", "-q", "main")  # main moves on too
    draft_on_branch(repo, "nacelle", NACELLE)
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "nacelle")
    git(repo, "switch", "-q", "correction")
    done = actes(repo, "check", "--against", "main")
    assert done.returncode == 0, done.stdout
    assert "déjà pris sur main" not in done.stdout


def test_an_act_renumbered_on_the_other_branch_into_our_number_is_a_conflict(repo):
    draft_on_branch(repo, "nacelle", NACELLE)  # 2026-103 here
    git(repo, "switch", "-q", "main")
    path = repo / "acts/2026/decision-2026-92.md"
    path.write_text(path.read_text("utf-8").replace("numero: 2026-92 ", "numero: 2026-103 "), "utf-8")
    commit_all(repo, "Renumérotation de 2026-92 en 2026-103")
    git(repo, "switch", "-q", "nacelle")
    done = actes(repo, "check", "--against", "main")
    assert done.returncode == 1
    assert ("acts/2026/decision-2026-103.md:3: numero — numéro 2026-103 déjà pris sur main pour une autre décision "
            "par acts/2026/decision-2026-92.md") in done.stdout


def test_the_same_commit_on_both_sides_is_no_conflict(repo):
    draft_on_branch(repo, "nacelle", NACELLE)
    git(repo, "switch", "-q", "main")
    git(repo, "cherry-pick", "nacelle")  # same file, same bytes, different commit
    git(repo, "switch", "-q", "nacelle")
    assert actes(repo, "check", "--against", "main").returncode == 0


def test_without_common_history_same_path_counts_as_the_same_act_with_a_warning(repo):
    git(repo, "checkout", "-q", "--orphan", "import")  # keeps the files, not the history
    commit_all(repo, "Import des actes sans historique")
    done = actes(repo, "check", "--against", "main")
    assert done.returncode == 0
    assert ("acts:1: against — avertissement : pas d'ancêtre commun avec main (clone superficiel ? "
            "git fetch --unshallow) : un acte de même chemin est considéré comme le même acte") in done.stdout


def test_reading_a_revision_never_touches_the_work_tree(repo):
    draft_on_branch(repo, "nacelle", NACELLE)
    git(repo, "switch", "-q", "main")
    (repo / "acts/2026/decision-2026-102.md").write_text("modifié, non enregistré\n", "utf-8")
    head, status = git(repo, "rev-parse", "HEAD"), git(repo, "status", "--porcelain")
    revision = read_revision(repo, "nacelle", run_check(repo, on=EXAMPLE_DAY).config, EXAMPLE_DAY)
    # Only what the branch brings is read: the new draft (2026-102 was changed here, so ours wins).
    assert [(a.path, str(a.meta.numero)) for a in revision.acts] == [("acts/2026/decision-2026-103.md", "2026-103")]
    listed = act_paths(repo, "nacelle")
    assert len(listed) == 11 and "acts/2024/annexes/convention-mutualisation-dmsi.md" not in listed  # not an act
    assert (git(repo, "rev-parse", "HEAD"), git(repo, "status", "--porcelain")) == (head, status)
    assert (repo / "acts/2026/decision-2026-102.md").read_text("utf-8") == "modifié, non enregistré\n"


@pytest.mark.parametrize("rev, message", [
    ("origin/main", "ÉCHEC : --against origin/main : révision « origin/main » introuvable dans le dépôt "
                    "(git fetch origin main ?)"),
    ("--output=x", "ÉCHEC : --against --output=x : révision « --output=x » invalide"),
])
def test_unknown_revision_is_a_french_error(repo, rev, message):
    done = actes(repo, "check", f"--against={rev}")
    assert done.returncode == 2
    assert done.stderr.strip() == message


def test_outside_a_git_repository(tmp_path, project, samples):
    root = project(samples.FILES)
    with pytest.raises(AgainstError, match="n'est pas un dépôt git : --against compare avec une révision git"):
        read_revision(root, "main", run_check(root).config, dt.date(2026, 6, 15))
