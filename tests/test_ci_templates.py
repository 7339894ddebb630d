"""The CI templates shipped for the collectivité's repository (GitHub Actions and
GitLab CI) are valid YAML, wire the right events, and their commands are run
here for real, line by line, on a git repository with a pull request branch."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.gitrepo import GIT_ENV, actes, commit_all, example_repo, git
from tests.sitebuild import REPO

GITHUB = REPO / "ci-templates/github/actes.yml"
GITLAB = REPO / "ci-templates/gitlab/.gitlab-ci.yml"
OWN = REPO / ".github/workflows/actes.yml"
NACELLE = "Décision relative à la location d'une nacelle pour les illuminations de Noël"
SONO = "Décision relative à la location d'une sonorisation pour la fête de la musique"


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def github_events(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def github_commands(workflow: dict) -> dict[str, list[str]]:
    return {name: [step["run"] for step in job["steps"] if "run" in step] for name, job in workflow["jobs"].items()}


def gitlab_commands(pipeline: dict) -> dict[str, list[str]]:
    before = pipeline["default"]["before_script"]
    return {name: [*before, *job["script"]] for name, job in pipeline.items() if isinstance(job, dict) and "script" in job}


def uses(job: dict) -> list[str]:
    return [step["uses"].split("@")[0] for step in job["steps"] if "uses" in step]


def test_github_workflow_checks_pull_requests_and_deploys_main():
    workflow = load(GITHUB)
    events = github_events(workflow)
    assert set(events) == {"pull_request", "push", "schedule", "workflow_dispatch"}
    assert events["push"] == {"branches": ["main"]}
    assert workflow["permissions"] == {"contents": "read"}
    verifier, publier = workflow["jobs"]["verifier"], workflow["jobs"]["publier"]
    assert verifier["if"] == "github.event_name == 'pull_request'"
    checkout = verifier["steps"][0]
    assert checkout["uses"] == "actions/checkout@v4" and checkout["with"]["fetch-depth"] == 0
    assert github_commands(workflow)["verifier"] == [
        'python -m pip install "$ACTES_PAQUET"',
        'actes check --format github --against "origin/${{ github.base_ref }}"',
        "actes build --projets --site-dir apercu",
    ]
    artifact = verifier["steps"][-1]
    assert artifact["uses"] == "actions/upload-artifact@v4" and artifact["with"]["path"] == "apercu/"
    assert "main" in publier["if"] and "pull_request" in publier["if"]
    assert publier["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert github_commands(workflow)["publier"][1:] == ['python -m pip install "$ACTES_PAQUET"', "actes build"]
    assert uses(publier)[-3:] == ["actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
    assert publier["steps"][-2]["with"]["path"] == "site/"


def test_gitlab_pipeline_checks_merge_requests_and_publishes_pages():
    pipeline = load(GITLAB)
    commands = gitlab_commands(pipeline)
    assert set(commands) == {"verifier", "apercu", "pages"}
    mr = '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert pipeline["verifier"]["rules"] == [{"if": mr}] and pipeline["apercu"]["rules"] == [{"if": mr}]
    assert pipeline["pages"]["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pipeline["verifier"]["artifacts"]["reports"] == {"codequality": "gl-code-quality-report.json"}
    assert pipeline["apercu"]["artifacts"]["paths"] == ["apercu/"]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    assert pipeline["variables"]["GIT_DEPTH"] == "0"


def test_the_projects_own_workflow_is_the_template_installing_actes_from_the_checkout():
    own, template = load(OWN), load(GITHUB)
    assert own["env"].pop("ACTES_PAQUET") == "." and template["env"].pop("ACTES_PAQUET") == "actes"
    assert own == template
    assert load(REPO / ".github/workflows/tests.yml")["jobs"]["tests"]["steps"][-1]["run"] == "bash .ci/run"


# ---------------------------------------------------------------------------
# The site is built where the registered PDFs were rendered

def os_release() -> dict[str, str]:
    lines = Path("/etc/os-release").read_text("utf-8").splitlines()
    return {k: v.strip('"') for k, _, v in (line.partition("=") for line in lines if "=" in line)}


def pdf_packages() -> list[str]:
    """The Debian packages of scripts/setup.sh that a PDF's bytes depend on: the
    libraries WeasyPrint loads (Pango, HarfBuzz-subset) and the fonts it embeds."""
    setup = (REPO / "scripts/setup.sh").read_text("utf-8")
    packages = re.search(r"DEBIAN_PACKAGES=\((.*?)\)", setup, re.S).group(1).split()
    return [p for p in packages if p.startswith(("lib", "fonts-"))]


def apt_get_packages(line: str) -> list[str]:
    assert line.startswith("apt-get update -qq && apt-get install -y -qq --no-install-recommends "), line
    return line.split("--no-install-recommends ", 1)[1].split()


def test_the_site_is_built_with_the_libraries_and_fonts_the_register_was_rendered_with():
    # A published act's PDF must come out byte for byte as `actes publish` recorded it,
    # or `actes build` stops; WeasyPrint's bytes change with HarfBuzz and the fonts (a
    # runner's own Ubuntu, or an image without libharfbuzz-subset0, gives other PDFs).
    # The example register was rendered on this machine (test_pdf checks it), with
    # the packages of `make setup`: the jobs that build the public site use the same.
    release = os_release()
    assert release["ID"] == "debian"
    image = f"python:3.11-{release['VERSION_CODENAME']}"
    assert pdf_packages() == ["libpango-1.0-0", "libpangoft2-1.0-0", "libharfbuzz-subset0", "fonts-dejavu-core"]

    publier = load(GITHUB)["jobs"]["publier"]
    assert publier["container"] == image
    assert apt_get_packages(github_commands(load(GITHUB))["publier"][0]) == pdf_packages()

    pipeline = load(GITLAB)
    assert pipeline["default"]["image"] == image and all("image" not in job for job in pipeline.values()
                                                          if isinstance(job, dict) and "script" in job)
    assert apt_get_packages(pipeline["pages"]["script"][0]) == pdf_packages()


# ---------------------------------------------------------------------------
# The commands, for real

# GitHub fills ${{ … }} expressions in the text; GitLab passes variables to the shell.
GITHUB_VARIABLES = {"expressions": {"${{ github.base_ref }}": "main"}, "env": {}}
GITLAB_VARIABLES = {"expressions": {}, "env": {"CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main", "CI_MERGE_REQUEST_IID": "7"}}


@pytest.fixture
def pull_request(tmp_path):
    """A collectivité's repository ("origin") and a clone with a pull request
    branch `sono` holding a draft décision."""
    origin = example_repo(tmp_path / "origin")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", str(origin), str(clone))
    git(clone, "switch", "-q", "-c", "sono")
    assert actes(clone, "new", "decision", "--objet", SONO).returncode == 0
    commit_all(clone, "Projet : sonorisation")
    return origin, clone


def run_line(line: str, repo: Path, variables: dict) -> subprocess.CompletedProcess:
    for name, value in variables["expressions"].items():
        line = line.replace(name, value)
    if line.startswith(("python -m pip install", "apt-get update")):
        # actes is installed here already, and the Debian packages by `make setup`
        # (test_the_site_is_built_with_the_libraries_and_fonts_the_register_was_rendered_with)
        return subprocess.CompletedProcess(line, 0, "", "")
    assert re.match(r"(actes|git fetch) ", line), f"commande non vérifiée par ce test : {line}"
    env = {**os.environ, **GIT_ENV, **variables["env"], "ACTES_DATE": "2026-11-23",
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", line], cwd=repo, env=env, capture_output=True, text=True)


def run_job(lines: list[str], repo: Path, variables: dict) -> list[subprocess.CompletedProcess]:
    done = []
    for line in lines:
        done.append(run_line(line, repo, variables))
        if done[-1].returncode != 0:
            break
    return done


def merge_conflicting_draft(origin: Path) -> None:
    """Meanwhile another pull request took 2026-103 and was merged on main."""
    git(origin, "switch", "-q", "-c", "nacelle")
    assert actes(origin, "new", "decision", "--objet", NACELLE).returncode == 0
    commit_all(origin, "Projet : nacelle")
    git(origin, "switch", "-q", "main")
    git(origin, "merge", "-q", "nacelle")


def test_github_commands_run_on_a_pull_request(pull_request):
    origin, clone = pull_request
    commands = github_commands(load(GITHUB))
    results = run_job(commands["verifier"], clone, GITHUB_VARIABLES)
    assert [r.returncode for r in results] == [0, 0, 0], [r.stderr for r in results]
    assert "::error" not in results[1].stdout  # a clean pull request: warnings at most
    preview = (clone / "apercu/actes/2026/decision-2026-103/index.html").read_text("utf-8")
    assert "PROJET — non publié" in preview
    assert (clone / "apercu/admin/config.yml").is_file()

    results = run_job(commands["publier"], clone, GITHUB_VARIABLES)
    assert [r.returncode for r in results] == [0, 0, 0]
    assert (clone / "site/actes/2026/decision-2026-102/index.html").is_file()
    assert not (clone / "site/actes/2026/decision-2026-103").exists()  # a draft is never published

    merge_conflicting_draft(origin)
    git(clone, "fetch", "-q", "origin")  # what actions/checkout with fetch-depth: 0 gives
    results = run_job(commands["verifier"], clone, GITHUB_VARIABLES)
    assert results[-1].returncode == 1 and len(results) == 2  # the preview is not built
    errors = [line for line in results[1].stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1 and errors[0].startswith(
        "::error file=acts/2026/decision-2026-103.md,line=3,title=actes check::numero — numéro 2026-103 déjà pris "
        "sur origin/main pour une autre décision au même chemin")


def test_gitlab_commands_run_on_a_merge_request(pull_request):
    origin, clone = pull_request
    commands = gitlab_commands(load(GITLAB))
    results = run_job(commands["verifier"], clone, GITLAB_VARIABLES)
    assert [r.returncode for r in results] == [0, 0, 0, 0], [r.stderr for r in results]
    report = json.loads((clone / "gl-code-quality-report.json").read_text("utf-8"))
    assert {issue["severity"] for issue in report} == {"minor"}  # warnings only (a_verifier, gaps)
    assert [r.returncode for r in run_job(commands["apercu"], clone, GITLAB_VARIABLES)] == [0, 0]
    assert "PROJET — non publié" in (clone / "apercu/actes/2026/decision-2026-103/index.html").read_text("utf-8")
    assert [r.returncode for r in run_job(commands["pages"], clone, GITLAB_VARIABLES)] == [0, 0, 0]
    assert (clone / "public/index.html").is_file() and (clone / "public/admin/index.html").is_file()

    merge_conflicting_draft(origin)
    results = run_job(commands["verifier"], clone, GITLAB_VARIABLES)
    assert [r.returncode for r in results] == [0, 0, 0, 1]
    assert "déjà pris sur origin/main" in results[-1].stdout
    report = json.loads((clone / "gl-code-quality-report.json").read_text("utf-8"))
    errors = [issue for issue in report if issue["severity"] == "critical"]
    assert [(e["location"], e["check_name"]) for e in errors] == [
        ({"path": "acts/2026/decision-2026-103.md", "lines": {"begin": 3}}, "actes-numero")]
