"""The publication and integrity register: `actes publish`, and what `actes check`
says afterwards about published acts that change or disappear."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import pytest

from generator.check import run_check
from generator.cli import main
from generator.pdf import PdfRenderer
from generator.publish import PublishError, publish, set_front_matter
from generator.register import REGISTER_FILE, add_months, earliest_removal, load_register
from tests.conftest import DECISION, DELIBERATION, edit
from tests.sitebuild import EXAMPLE_DAY, REPO, copy_project

DAY = dt.date(2026, 6, 15)
PATH = "acts/2026/decision-2026-1.md"
DRAFT = edit(edit(DECISION, "statut: publie\nmise_en_ligne: 2026-05-26\n", ""),
             "lieu: Lens\n", "lieu: Lens        # lieu de signature\nstatut: projet    # en relecture\n")


def sha256(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def published(project):
    """A project whose draft décision 2026-1 was just published on DAY."""
    root = project({PATH: DRAFT})
    publish(root, [root / PATH], DAY)
    return root


def errors(root, on=DAY) -> list[str]:
    return [str(p) for p in run_check(root, on=on).errors]


# -- publishing ---------------------------------------------------------------

def test_publish_marks_the_draft_published_today_and_keeps_its_comments(published):
    text = (published / PATH).read_text("utf-8")
    assert "statut: publie    # en relecture\n" in text
    assert "mise_en_ligne: 2026-06-15\n" in text
    assert "lieu: Lens        # lieu de signature\n" in text
    assert text.replace("statut: publie    # en relecture\nmise_en_ligne: 2026-06-15\n",
                        "statut: projet    # en relecture\n") == DRAFT


def test_publish_records_the_hashes_of_the_source_and_of_the_pdf(published):
    entry = load_register(published).entries["lens/decision/2026-1"]
    assert entry.fichier == PATH and entry.mise_en_ligne == DAY
    [version] = entry.versions
    assert (version.evenement, version.date) == ("publication", DAY)
    assert version.source_sha256 == sha256(published / PATH)
    act = next(a for a in run_check(published, on=DAY).acts if a.path == PATH)
    pdf = PdfRenderer(published, run_check(published, on=DAY).config).act(act)
    assert (version.pdf_sha256, version.pdf_octets) == (pdf.sha256, pdf.octets)
    assert errors(published) == []


def test_publish_takes_the_given_date(project):
    root = project({PATH: DRAFT})
    publish(root, [root / PATH], DAY, date=dt.date(2026, 6, 1))
    assert "mise_en_ligne: 2026-06-01\n" in (root / PATH).read_text("utf-8")
    assert load_register(root).entries["lens/decision/2026-1"].mise_en_ligne == dt.date(2026, 6, 1)


def test_publish_keeps_a_mise_en_ligne_already_written(project):
    root = project({PATH: DECISION})  # published by hand on 2026-05-26, never registered
    before = (root / PATH).read_bytes()
    report = publish(root, [root / PATH], DAY)
    assert (root / PATH).read_bytes() == before
    assert load_register(root).entries["lens/decision/2026-1"].mise_en_ligne == dt.date(2026, 5, 26)
    assert report.outcomes[0].message.startswith(f"{PATH} : Décision n° 2026-1 publiée, mise en ligne le 26/05/2026")


def test_publishing_again_changes_nothing(published):
    before = (published / REGISTER_FILE).read_bytes()
    report = publish(published, [published / PATH], DAY + dt.timedelta(days=3))
    assert report.outcomes[0].message == f"{PATH} : déjà publiée le 15/06/2026, inchangé"
    assert report.register is None
    assert (published / REGISTER_FILE).read_bytes() == before


def test_publish_refuses_an_act_with_errors_and_leaves_it_untouched(project):
    broken = edit(DRAFT, "date: 2026-05-22", "date: 2026-06-30")  # signed after its mise en ligne
    root = project({PATH: broken})
    with pytest.raises(PublishError) as refused:
        publish(root, [root / PATH], DAY)
    assert "acts/2026/decision-2026-1.md:4: date — date 30/06/2026 dans le futur pour un acte signé et publié" \
        in str(refused.value)
    assert "aucun fichier n'a été modifié" in str(refused.value)
    assert (root / PATH).read_text("utf-8") == broken
    assert not (root / REGISTER_FILE).exists()


def test_a_folder_registers_published_acts_and_leaves_drafts_alone(project):
    root = project({PATH: DRAFT, "acts/2026/deliberation-2026-1.md": DELIBERATION})
    report = publish(root, [root / "acts"], DAY)
    assert [o.message for o in report.outcomes][0] == \
        f"{PATH} : projet laissé de côté (donner le fichier lui-même pour le publier)"
    assert list(load_register(root).entries) == ["lens/deliberation/2026-1"]
    assert (root / PATH).read_text("utf-8") == DRAFT


def test_set_front_matter_adds_missing_keys_and_keeps_crlf():
    text = "---\r\ntype: decision\r\nstatut: projet\r\n---\r\n\r\nTexte\r\n"
    assert set_front_matter(text, {"statut": "publie", "mise_en_ligne": "2026-06-15"}) == \
        "---\r\ntype: decision\r\nstatut: publie\r\nmise_en_ligne: 2026-06-15\r\n---\r\n\r\nTexte\r\n"
    assert set_front_matter("---\ntype: arrete\n---\nTexte", {"statut": "publie"}) == \
        "---\ntype: arrete\nstatut: publie\n---\nTexte"


# -- integrity ------------------------------------------------------------------

def test_changing_one_word_of_a_published_act_fails_check(published):
    path = published / PATH
    path.write_text(path.read_text("utf-8").replace("avenant n°1.", "avenant n°2."), "utf-8")
    [problem] = errors(published)
    assert problem.startswith(f"{PATH}:1: integrite — la décision n° 2026-1 (publiée le 15 juin 2026) a changé "
                              "depuis sa publication : son texte ne correspond plus à l'empreinte SHA-256 "
                              f"enregistrée au registre de publication ({REGISTER_FILE} : ")
    assert ("Un acte publié ne se modifie pas : rétablir le texte publié (git checkout -- "
            f"{PATH}), puis publier un acte rectificatif qui le mentionne (« rectifie: décision 2026-1 »)") in problem
    assert f"actes publish --rectification \"motif\" {PATH}" in problem


def test_a_crlf_checkout_is_not_a_modification(published):
    path = published / PATH
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert errors(published) == []


def test_a_rectification_keeps_the_previous_hash_and_check_passes_again(published):
    path = published / PATH
    previous = sha256(path)
    path.write_text(path.read_text("utf-8").replace("avenant n°1.", "avenant n°1 au contrat."), "utf-8")
    with pytest.raises(PublishError, match="a changé depuis sa publication : .* Un acte publié ne se modifie pas"):
        publish(published, [path], DAY)
    report = publish(published, [path], dt.date(2026, 6, 20), motif="erreur matérielle à l'article 1")
    assert report.outcomes[0].message.startswith(f"{PATH} : rectification du 20/06/2026 enregistrée")
    first, second = load_register(published).entries["lens/decision/2026-1"].versions
    assert (first.evenement, first.source_sha256) == ("publication", previous)
    assert (second.evenement, second.date, second.motif) == ("rectification", dt.date(2026, 6, 20),
                                                             "erreur matérielle à l'article 1")
    assert second.source_sha256 == sha256(path) != previous
    assert errors(published) == []


def test_a_rectification_needs_a_published_act(project):
    root = project({PATH: DRAFT})
    with pytest.raises(PublishError, match="n'est pas encore publiée : une rectification ne s'enregistre"):
        publish(root, [root / PATH], DAY, motif="erreur")


def test_a_changed_annex_is_a_modification(project):
    act = edit(DECISION, "statut: publie", "annexes:\n  - annexes/plan.md\nstatut: publie")
    root = project({PATH: act, "acts/2026/annexes/plan.md": "# Plan\n\nRue de Lille.\n"})
    publish(root, [root / PATH], DAY)
    (root / "acts/2026/annexes/plan.md").write_text("# Plan\n\nRue de Douai.\n", "utf-8")
    [problem] = errors(root)
    assert "a changé depuis sa publication : l'annexe « annexes/plan.md » a été modifiée" in problem


def test_an_act_may_not_leave_the_site_within_two_months(published):
    (published / PATH).unlink()
    [problem] = errors(published, on=dt.date(2026, 7, 1))
    line = (published / REGISTER_FILE).read_text("utf-8").splitlines().index('      "cle": "lens/decision/2026-1",') + 1
    assert problem == (
        f"{REGISTER_FILE}:{line}: mise_en_ligne — La décision n° 2026-1 ({PATH}), mise en ligne le 15 juin 2026, "
        "a disparu des actes publiés moins de deux mois après sa mise en ligne : un acte publié reste en ligne au "
        f"moins deux mois (CGCT R2131-1). Rétablir le fichier {PATH} ; le retrait sera possible à partir du "
        "16 août 2026.")
    assert errors(published, on=dt.date(2026, 8, 15)) != []
    assert errors(published, on=dt.date(2026, 8, 16)) == []


def test_unpublishing_an_act_is_a_modification(published):
    path = published / PATH
    path.write_text(path.read_text("utf-8").replace("statut: publie", "statut: projet"), "utf-8")
    assert any("integrite" in p for p in errors(published))


@pytest.mark.parametrize("day, removal", [
    (dt.date(2026, 6, 15), dt.date(2026, 8, 16)),
    (dt.date(2026, 12, 31), dt.date(2027, 3, 1)),   # 28 February is two months after 31 December
    (dt.date(2027, 12, 31), dt.date(2028, 3, 1)),   # 29 February 2028
    (dt.date(2026, 11, 23), dt.date(2027, 1, 24)),
])
def test_earliest_removal(day, removal):
    assert earliest_removal(day) == removal
    assert add_months(day, 2) == removal - dt.timedelta(days=1)


def test_a_published_act_missing_from_the_register_is_a_warning(published):
    (published / "acts/2026/deliberation-2026-1.md").write_text(DELIBERATION, "utf-8")
    problems = [str(p) for p in run_check(published, on=DAY).problems]
    assert problems == [
        "acts/2026/deliberation-2026-1.md:21: statut — avertissement : acte publié absent du registre de "
        f"publication ({REGISTER_FILE}) : son intégrité n'est pas garantie ; l'enregistrer avec : actes publish "
        "acts/2026/deliberation-2026-1.md"]


def test_an_unreadable_register_is_an_error_with_its_line(published):
    register = published / REGISTER_FILE
    register.write_text(register.read_text("utf-8").replace('"versions": [', '"versions" [', 1), "utf-8")
    [problem] = errors(published)
    assert problem.startswith(f"{REGISTER_FILE}:14: registre — JSON invalide (Expecting ':' delimiter)")


def test_the_register_file_is_sorted_and_readable(published):
    data = json.loads((published / REGISTER_FILE).read_text("utf-8"))
    assert data["format"] == "actes/registre-publication/1"
    assert [a["cle"] for a in data["actes"]] == ["lens/decision/2026-1"]


# -- the command --------------------------------------------------------------------

def test_actes_publish_command(project, monkeypatch, capsys):
    root = project({PATH: DRAFT})
    monkeypatch.chdir(root)
    monkeypatch.setenv("ACTES_DATE", "2026-06-15")
    assert main(["publish", PATH]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{PATH} : Décision n° 2026-1 publiée, mise en ligne le 15/06/2026 ; SHA-256 du texte ")
    assert f"Registre de publication mis à jour : {REGISTER_FILE}" in out
    (root / PATH).write_text((root / PATH).read_text("utf-8").replace("avenant n°1.", "avenant."), "utf-8")
    assert main(["check"]) == 1
    assert main(["publish", "--rectification", " ", PATH]) == 1
    assert "--rectification demande un motif" in capsys.readouterr().err
    assert main(["publish", "--rectification", "coquille", PATH]) == 0
    assert main(["check"]) == 0


# -- the example repository ---------------------------------------------------------

def test_every_example_act_is_registered_and_intact():
    result = run_check(REPO, on=EXAMPLE_DAY)
    assert result.errors == []
    register = load_register(REPO)
    assert sorted(register.entries) == sorted(f"{a.meta.collectivite}/{a.type}/{a.meta.numero}" for a in result.acts)
    assert not [p for p in result.problems if p.field in ("integrite", "statut", "registre")]


def test_changing_one_word_of_an_example_act_in_a_copy_fails_check(tmp_path):
    root = copy_project(tmp_path / "copie")
    act = root / "acts/2026/decision-2026-102.md"
    act.write_text(act.read_text("utf-8").replace("Les crédits nécessaires", "Les crédits utiles"), "utf-8")
    problems = [str(p) for p in run_check(root, on=EXAMPLE_DAY).errors]
    assert len(problems) == 1
    assert problems[0].startswith("acts/2026/decision-2026-102.md:1: integrite — la décision n° 2026-102 (publiée "
                                  "le 23 novembre 2026) a changé depuis sa publication")
    assert "« rectifie: décision 2026-102 »" in problems[0] and "actes publish --rectification" in problems[0]
    shutil.rmtree(root)


# -- a published act's PDF is the registered one ------------------------------------

def test_a_new_rendering_stops_the_build_until_it_is_recorded(published, samples):
    from generator.publication import prepare
    from generator.site import BuildError

    prepare(run_check(published, on=DAY), published, DAY)  # the registered PDF: fine
    config = published / "mkdocs.yml"
    config.write_text(samples.CONFIG.replace("nom: Tribunal administratif de Lille",
                                             "nom: Tribunal administratif de Lille-Métropole"), "utf-8")
    with pytest.raises(BuildError) as stopped:
        prepare(run_check(published, on=DAY), published, DAY)
    message = str(stopped.value)
    assert message.startswith(f"le PDF de 1 acte(s) publié(s) ne correspond plus au registre de publication "
                              f"({REGISTER_FILE}), alors que leur texte est inchangé :\n  {PATH} : PDF enregistré ")
    assert message.endswith("actes publish --rendu acts/")
    report = publish(published, [published / "acts"], DAY, rendu=True)
    assert "nouveau PDF enregistré" in report.outcomes[0].message
    first, second = load_register(published).entries["lens/decision/2026-1"].versions
    assert second.evenement == "rendu" and second.source_sha256 == first.source_sha256
    assert second.pdf_sha256 != first.pdf_sha256
    prepare(run_check(published, on=DAY), published, DAY)
    assert errors(published) == []
