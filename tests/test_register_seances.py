"""Séance documents in `actes check`: the liste des délibérations must be online a
week after the séance (L2121-25), and the procès-verbal states what L2121-15 asks."""

from __future__ import annotations

import datetime as dt

from tests.conftest import DELIBERATION, PROCES_VERBAL, SAMPLE_FILES, edit

DELIB_PATH = "acts/2026/deliberation-2026-1.md"
PV_PATH = "acts/2026/proces-verbal-PV2026-1.md"
DRAFT = edit(edit(DELIBERATION, "statut: publie\nmise_en_ligne: 2026-03-25\n", ""), "objet:", "statut: projet\nobjet:")
SEANCE_FILES = {DELIB_PATH: DRAFT}


def warnings_about(problems: list[str], field: str) -> list[str]:
    return [p for p in problems if f": {field} — avertissement" in p]


def test_a_seance_older_than_a_week_without_its_list_is_a_warning(problems):
    found = warnings_about(problems(SEANCE_FILES, on=dt.date(2026, 3, 30)), "seance")
    assert found == [
        f"{DELIB_PATH}:5: seance — avertissement : Conseil municipal du 22 mars 2026 : plus de 7 jours après la "
        "séance, la liste des délibérations n'est pas publiée en entier (CGCT L2121-25) ; non publiée : 2026-1. "
        f"Les publier avec : actes publish {DELIB_PATH}"]


def test_within_a_week_there_is_no_warning(problems):
    assert warnings_about(problems(SEANCE_FILES, on=dt.date(2026, 3, 29)), "seance") == []


def test_a_published_list_gives_no_warning(problems):
    assert warnings_about(problems({DELIB_PATH: DELIBERATION}, on=dt.date(2026, 6, 1)), "seance") == []


def test_a_deliberation_scheduled_later_than_a_week_is_not_yet_a_published_list(problems):
    late = edit(DELIBERATION, "mise_en_ligne: 2026-03-25", "mise_en_ligne: 2026-04-10")
    assert warnings_about(problems({DELIB_PATH: late}, on=dt.date(2026, 4, 1)), "seance") != []
    assert warnings_about(problems({DELIB_PATH: late}, on=dt.date(2026, 4, 10)), "seance") == []


def test_a_proces_verbal_without_debates_is_a_warning(problems):
    empty = PROCES_VERBAL.split("---\n\n")[0] + "---\n\n## Délibérations\n"
    files = {**SAMPLE_FILES, PV_PATH: empty}
    assert warnings_about(problems(files), "corps") == [
        f"{PV_PATH}:27: corps — avertissement : élément du procès-verbal manquant (CGCT L2121-15) : le "
        "procès-verbal ne rapporte pas la teneur des discussions : le corps du texte est vide"]


def test_a_deliberation_without_its_report_is_a_warning_on_the_proces_verbal(problems):
    bare = DELIBERATION.replace("Vu le code général des collectivités territoriales, et notamment l'article "
                                "L2122-22,\n\n", "")
    files = {**SAMPLE_FILES, DELIB_PATH: bare}
    found = warnings_about(problems(files), "deliberations")
    assert found == [
        f"{PV_PATH}:22: deliberations — avertissement : élément du procès-verbal manquant (CGCT L2121-15) : "
        "rapport au vu duquel la délibération a été adoptée non indiqué pour 2026-1 (ni rapporteur, ni exposé, ni "
        "visas ou considérants)"]
    with_rapporteur = edit(bare, "signataire:", "rapporteur: Jeanne MARTIN\nsignataire:")
    assert warnings_about(problems({**SAMPLE_FILES, DELIB_PATH: with_rapporteur}), "deliberations") == []


def test_the_samples_and_the_examples_have_no_seance_warning(problems):
    assert problems(SAMPLE_FILES) == []
