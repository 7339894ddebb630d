"""The acts of the repository itself pass `actes check`."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check import run_check, today
from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
MINIMUM = 10


def act_files() -> list[Path]:
    return [p for p in (ROOT / "acts").rglob("*.md") if "annexes" not in p.relative_to(ROOT / "acts").parts]


@pytest.fixture(scope="module")
def result():
    found = act_files()
    if len(found) < MINIMUM:
        pytest.skip(f"{len(found)} acte(s) dans acts/, moins de {MINIMUM} : les actes d'exemple du dépôt "
                    "sont en cours d'écriture, ce test s'active quand ils sont là")
    return run_check(ROOT, on=today())


def test_repository_acts_have_no_error(result):
    assert [str(p) for p in result.errors] == []
    assert len(result.acts) == len(act_files())


def test_actes_check_exits_0_on_the_repository(result, monkeypatch, capsys):
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("OK : ")
