"""Atomic and safe builds: a build killed or failing at any stage leaves the previous
site/ complete and usable, the next build cleans up after it, and nothing is ever
written into acts/ or into a folder that is not a site."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import site as site_module
from generator.cli import main
from generator.site import BuildError
from tests.sitebuild import EXAMPLE_DAY, build_copy, copy_project

NEW_ACT = """\
---
type: decision
numero: 2026-103
date: 2026-06-01
objet: Décision publiée entre deux constructions
nomenclature: "1.1"
collectivite: lens
autorite: Le Maire de la Ville de Lens,
signataire: {prenom: Pierre, nom: MAZURE, qualite: Adjoint au Maire}
lieu: Lens
statut: publie
mise_en_ligne: 2026-06-02
---

## DÉCIDE

**Article 1** : Texte.
"""


def tree(folder: Path) -> dict[str, str]:
    """Every file (and empty folder) under folder, with a digest of its bytes. A
    year's Pagefind bundle counts by its decoded content: Pagefind writes its maps
    in a random order, so two builds of the same pages differ in bytes only."""
    from tests.test_incremental import bundle_content

    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if re.match(r"pagefind/\d{4}(/|$)", rel):
            if re.fullmatch(r"pagefind/\d{4}", rel):
                out[rel] = repr(bundle_content(path))
            continue
        if path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir() and not any(path.iterdir()):
            out[rel] = "dossier vide"
    return out


def acts_state(root: Path) -> dict[str, tuple]:
    return {p.relative_to(root).as_posix(): (p.stat().st_mtime_ns, p.read_bytes() if p.is_file() else None)
            for p in sorted((root / "acts").rglob("*"))}


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith((".site-build-", ".site-old")))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The example project with its site built: the previous site of every test."""
    root = copy_project(tmp_path_factory.mktemp("avant") / "projet")
    build_copy(root)
    return root


@pytest.fixture(scope="module")
def sites(built, tmp_path_factory) -> dict:
    """The site before (example acts) and after (one more act), compared with what
    every test below leaves."""
    new_root = copy_project(tmp_path_factory.mktemp("apres"))
    (new_root / "acts/2026/decision-2026-103.md").write_text(NEW_ACT, "utf-8")
    build_copy(new_root)
    return {"old": tree(built / "site"), "new": tree(new_root / "site")}


@pytest.fixture
def project(tmp_path, built, sites):
    """A copy of the built project (site/ is the previous site), with one act added since."""
    root = tmp_path / "projet"
    shutil.copytree(built, root, symlinks=True)
    assert tree(root / "site") == sites["old"]
    (root / "acts/2026/decision-2026-103.md").write_text(NEW_ACT, "utf-8")
    return root


def start_build(root: Path) -> subprocess.Popen:
    """`actes build` in its own process group (MkDocs may run in a child process)."""
    return subprocess.Popen([sys.executable, "-m", "generator", "build"], cwd=root, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env={**os.environ, "ACTES_DATE": EXAMPLE_DAY.isoformat()},
                            start_new_session=True)


def kill(process: subprocess.Popen) -> None:
    """SIGKILL to the build and its children at once, as a power cut or `kill -9` of the job."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=60)


def writing_site(root: Path) -> bool:
    """MkDocs has started writing pages into the temporary folder."""
    return any(staging.joinpath("actes").is_dir() for staging in root.glob(".site-build-*"))


@pytest.mark.parametrize("moment", ["0.5 s", "2 s", "pendant l'écriture des pages par MkDocs"])
def test_a_killed_build_leaves_the_previous_site(project, sites, moment):
    acts_before = acts_state(project)
    process = start_build(project)
    if moment.endswith(" s"):
        time.sleep(float(moment.split()[0]))
    else:
        deadline = time.monotonic() + 120
        while not writing_site(project):
            assert process.poll() is None and time.monotonic() < deadline, "MkDocs n'a jamais écrit"
            time.sleep(0.002)
    kill(process)
    if moment.endswith("MkDocs"):
        assert process.returncode == -signal.SIGKILL
        assert leftovers(project), "le dossier temporaire de la construction tuée devait rester"
    # Never a half site: the previous one, or the new one if the build had swapped
    # it in before the kill (a build of the example takes about 2 s).
    assert tree(project / "site") in (sites["old"], sites["new"])
    assert acts_state(project) == acts_before
    # The next build succeeds and removes what the killed one left.
    build_copy(project)
    assert tree(project / "site") == sites["new"]
    assert leftovers(project) == []


def test_a_build_killed_between_the_two_renames_of_the_swap_is_recovered(project, sites, monkeypatch):
    # Where the system cannot exchange two folders in one step, the swap is two
    # renames; killed between them, site/ is missing and .site-old holds the site.
    os.replace(project / "site", project / ".site-old")
    (project / ".site-build-tue").mkdir()
    (project / "acts/2026/casse.md").write_text("---\ntype: decision\n", "utf-8")  # an error
    with pytest.raises(BuildError, match="construction refusée"):
        build_copy(project)
    assert tree(project / "site") == sites["old"]  # put back even though this build failed
    (project / "acts/2026/casse.md").unlink()
    monkeypatch.setattr(site_module, "_exchange", lambda first, second: False)
    build_copy(project)
    assert leftovers(project) == []


def test_the_swap_without_renameat2_also_replaces_the_site(project, sites, monkeypatch):
    monkeypatch.setattr(site_module, "_exchange", lambda first, second: False)
    build_copy(project)
    assert tree(project / "site") == sites["new"] and leftovers(project) == []


def test_the_swap_uses_one_atomic_exchange_on_linux(project, sites, monkeypatch):
    if sys.platform != "linux":
        pytest.skip("renameat2 est propre à Linux")
    exchanges = []
    real = site_module._exchange
    monkeypatch.setattr(site_module, "_exchange", lambda a, b: exchanges.append(real(a, b)) or exchanges[-1])
    build_copy(project)
    assert exchanges == [True]
    assert tree(project / "site") == sites["new"] and leftovers(project) == []


# -- failures at each stage -----------------------------------------------------------

def fail_render(monkeypatch):
    def render(*args, **kwargs):
        raise RuntimeError("gabarit cassé")
    monkeypatch.setattr(site_module, "render_site", render)


def fail_mkdocs_half_way(monkeypatch):
    real = site_module.html_build

    def mkdocs(root, docs_dir, staging, site_dir, clone=None):
        real(root, docs_dir, staging, site_dir, clone)
        (staging / "index.html").unlink()  # a new file, as MkDocs writes: never the published one
        (staging / "index.html").write_text("<p>moitié</p>", "utf-8")
        raise BuildError("MkDocs a échoué : simulé")
    monkeypatch.setattr(site_module, "html_build", mkdocs)


def fail_post_stage(monkeypatch):
    def stage(result, staging, ctx):
        (staging / "flux.xml").write_text("<feed>", "utf-8")
        raise RuntimeError("flux impossible")
    monkeypatch.setattr(site_module, "POST_STAGES", [("flux", stage)])


def fail_disk_full(monkeypatch):
    def stage(result, staging, ctx):
        raise OSError(28, "No space left on device", str(staging / "acte.pdf"))
    monkeypatch.setattr(site_module, "POST_STAGES", [("pdf", stage)])


def fail_audit(monkeypatch):
    def stage(result, staging, ctx):
        (staging / "index.html").write_text("<img src=https://tracker.example/p.gif>", "utf-8")
    monkeypatch.setattr(site_module, "POST_STAGES", [("pixel", stage)])


def fail_swap(monkeypatch):
    def exchange(first, second):
        raise OSError(13, "Permission denied", str(second))
    monkeypatch.setattr(site_module, "_exchange", exchange)


@pytest.mark.parametrize(("stage", "error", "message"), [
    (fail_render, RuntimeError, "gabarit cassé"),
    (fail_mkdocs_half_way, BuildError, "MkDocs a échoué : simulé"),
    (fail_post_stage, RuntimeError, "flux impossible"),
    (fail_disk_full, BuildError, "écriture impossible (No space left on device) : .*acte.pdf"),
    (fail_audit, BuildError, "publication refusée : 1 contenu"),
    (fail_swap, BuildError, "écriture impossible (Permission denied) : .*site"),
], ids=["rendu", "mkdocs", "étape-suivante", "disque-plein", "audit", "remplacement"])
def test_a_failing_stage_leaves_the_previous_site(project, sites, monkeypatch, stage, error, message):
    acts_before = acts_state(project)
    stage(monkeypatch)
    with pytest.raises(error, match=message.replace("(", r"\(").replace(")", r"\)")):
        build_copy(project)
    assert tree(project / "site") == sites["old"]
    assert leftovers(project) == []
    assert acts_state(project) == acts_before


def test_an_internal_error_is_told_in_french_without_traceback(project, sites, monkeypatch, capsys):
    fail_post_stage(monkeypatch)
    monkeypatch.delenv("ACTES_DEBUG", raising=False)
    monkeypatch.setenv("ACTES_DATE", EXAMPLE_DAY.isoformat())
    monkeypatch.chdir(project)
    assert main(["build"]) == 2
    assert capsys.readouterr().err == ("ÉCHEC : erreur interne (RuntimeError : flux impossible) ; le site précédent "
                                       "est conservé. Relancer avec ACTES_DEBUG=1 pour le détail technique.\n")
    assert tree(project / "site") == sites["old"]


# -- what the build may write to ------------------------------------------------------

def test_build_never_writes_into_acts_even_when_it_fails(project):
    before = acts_state(project)
    build_copy(project)
    (project / "acts/2026/decision-2026-103.md").write_text(NEW_ACT.replace("2026-06-01", "2026-02-30"), "utf-8")
    before_failure = acts_state(project)
    with pytest.raises(BuildError):
        build_copy(project)
    assert acts_state(project) == before_failure
    assert set(before) == set(before_failure)


@pytest.mark.parametrize("target", [".", "..", "acts", "acts/2026", "acts/site", "documents"])
def test_an_output_folder_that_is_not_a_site_is_refused(project, monkeypatch, capsys, target):
    (project / "documents").mkdir()
    (project / "documents/important.odt").write_bytes(b"PK")
    everything = tree(project.parent)
    monkeypatch.chdir(project)
    assert main(["build", "--site-dir", target]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ÉCHEC : dossier de sortie « ") and "refusé" in err
    assert tree(project.parent) == everything


def test_an_empty_or_absent_output_folder_is_fine(project, monkeypatch):
    (project / "vide").mkdir()
    monkeypatch.setenv("ACTES_DATE", EXAMPLE_DAY.isoformat())
    monkeypatch.chdir(project)
    assert main(["build", "--site-dir", "vide"]) == 0
    assert main(["build", "--site-dir", "nouveau"]) == 0
    assert (project / "vide/index.html").is_file() and (project / "nouveau/index.html").is_file()


def test_one_build_at_a_time(project):
    fcntl = pytest.importorskip("fcntl")
    with open(project / "build/.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with pytest.raises(BuildError, match="une autre construction est en cours"):
            build_copy(project)
    build_copy(project)  # the lock goes with its holder
