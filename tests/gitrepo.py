"""Small git repositories for the authoring tests: a copy of the example
project committed on `main`, and helpers to branch, commit and run `actes`."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from pathlib import Path

from tests.sitebuild import copy_project

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Service communication", "GIT_AUTHOR_EMAIL": "communication@example.org",
    "GIT_COMMITTER_NAME": "Service communication", "GIT_COMMITTER_EMAIL": "communication@example.org",
    "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
}


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          env={**os.environ, **GIT_ENV})
    assert done.returncode == 0, f"git {' '.join(args)} : {done.stderr}"
    return done.stdout.strip()


def example_repo(dest: Path) -> Path:
    """The example project (config, theme, acts) committed on `main`."""
    copy_project(dest)
    git(dest, "init", "-q", "-b", "main")
    commit_all(dest, "Actes d'exemple")
    return dest


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def actes(repo: Path, *args: str, day: str = "2026-11-23") -> subprocess.CompletedProcess:
    """Runs the `actes` command line (generator.cli.main) in `repo`, in this
    process: same code as the installed command, without a Python start-up."""
    from generator.cli import main

    out, err = io.StringIO(), io.StringIO()
    previous_dir, previous_day = os.getcwd(), os.environ.get("ACTES_DATE")
    os.chdir(repo)
    os.environ["ACTES_DATE"] = day
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(list(args))
            except SystemExit as stop:  # argparse refusals
                code = stop.code
    finally:
        os.chdir(previous_dir)
        if previous_day is None:
            os.environ.pop("ACTES_DATE", None)
        else:
            os.environ["ACTES_DATE"] = previous_day
    return subprocess.CompletedProcess(["actes", *args], code, out.getvalue(), err.getvalue())
