"""Reading act files: bytes, encodings, front matter fences, file discovery."""

from __future__ import annotations

import os

import pytest

from generator import load
from generator.load import find_act_files, load_file, load_text

PATH = "acts/2026/decision-2026-1.md"


def only(problems, files):
    return problems({PATH: files})


def test_samples_are_clean(check, samples):
    result = check(samples.FILES)
    assert [str(p) for p in result.problems] == []
    assert sorted(a.type for a in result.acts) == ["arrete", "decision", "deliberation", "proces_verbal"]
    assert result.files == 4


def test_body_and_lines(samples):
    raw = load_text(samples.DECISION.encode(), PATH)
    assert raw.problems == []
    assert raw.body_line == 17
    assert raw.line_of("mise_en_ligne") == 15
    assert raw.line_of("signataire", "qualite") == 12
    assert raw.line_of("absent") == 2
    assert [a.line for a in raw.body.articles] == [24, 26]
    assert raw.body.dispositif == "DÉCIDE" and raw.body.dispositif_line == 22


def test_empty_file(problems):
    assert problems({PATH: ""}) == [
        f"{PATH}:1: fichier — fichier vide : un acte commence par un en-tête YAML entre deux lignes « --- »"]


def test_blank_file(problems):
    assert problems({PATH: "\n  \n\t\n"}) == [
        f"{PATH}:1: fichier — fichier vide : un acte commence par un en-tête YAML entre deux lignes « --- »"]


def test_missing_front_matter(problems):
    assert problems({PATH: "type: decision\nnumero: 2026-1\n"}) == [
        f"{PATH}:1: en-tête — en-tête YAML absent : la première ligne doit être « --- »"]


def test_front_matter_must_open_on_the_first_line(problems, samples):
    assert problems({PATH: "\n" + samples.DECISION}) == [
        f"{PATH}:1: en-tête — en-tête YAML absent : la première ligne doit être « --- »"]


def test_unterminated_front_matter(problems, samples):
    text = samples.DECISION.replace("mise_en_ligne: 2026-05-26\n---\n", "mise_en_ligne: 2026-05-26\n")
    assert problems({PATH: text}) == [
        f"{PATH}:1: en-tête — en-tête YAML non terminé : ajouter une ligne « --- » après le dernier champ"]


def test_front_matter_closed_by_dots(problems, samples):
    text = samples.edit(samples.DECISION, "2026-05-26\n---\n", "2026-05-26\n...\n")
    assert problems({PATH: text}) == []


@pytest.mark.parametrize("front", ["- type: decision\n- numero: 1\n", "une phrase\n", ""])
def test_front_matter_must_be_a_mapping(problems, front):
    assert problems({PATH: f"---\n{front}---\n\nTexte.\n"}) == [
        f"{PATH}:2: en-tête — l'en-tête YAML doit être une liste de champs « clé: valeur »"]


def test_utf8_bom_accepted(problems, samples):
    assert problems({PATH: b"\xef\xbb\xbf" + samples.DECISION.encode()}) == []


def test_crlf_accepted_and_lines_kept(problems, samples):
    text = samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26", "mise_en_ligne: 2026-05-20")
    expected = [f"{PATH}:15: mise_en_ligne — mise en ligne le 20/05/2026, avant la date de l'acte (22/05/2026)"]
    assert problems({PATH: text.replace("\n", "\r\n").encode()}) == expected
    assert problems({PATH: b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode()}) == expected
    assert problems({PATH: text.replace("\n", "\r").encode()}) == expected  # old Mac line ends


def test_crlf_body_parsed(samples):
    raw = load_text(samples.DECISION.replace("\n", "\r\n").encode(), PATH)
    assert [a.texte for a in raw.body.articles] == [
        "D'autoriser la signature de l'avenant n°1.",
        "Les crédits nécessaires sont inscrits au budget de l'exercice 2026."]


def test_invalid_utf8_refused_with_its_line(problems, samples):
    data = samples.DECISION.encode().replace("à la signature".encode(), "\xe0 la signature".encode("latin-1"))
    position = data.index(b"\xe0")
    assert problems({PATH: data}) == [
        f"{PATH}:5: fichier — texte non UTF-8 (octet 0xe0 en position {position}) : enregistrer le fichier en UTF-8"]


def test_utf16_refused(problems, samples):
    data = samples.DECISION.encode("utf-16")
    assert problems({PATH: data}) == [
        f"{PATH}:1: fichier — texte non UTF-8 (octet 0xff en position 0) : enregistrer le fichier en UTF-8"]


def test_nul_byte_refused_with_its_line(problems, samples):
    data = samples.DECISION.encode().replace(b"lieu: Lens", b"lieu: Le\x00ns")
    assert problems({PATH: data}) == [
        f"{PATH}:13: fichier — caractère nul (NUL) dans le fichier : fichier binaire ou corrompu"]


def test_nul_byte_in_body_refused(problems, samples):
    data = samples.DECISION.encode() + b"\n\x00\x00"
    assert problems({PATH: data}) == [
        f"{PATH}:28: fichier — caractère nul (NUL) dans le fichier : fichier binaire ou corrompu"]


def test_control_character_in_front_matter(problems, samples):
    text = samples.edit(samples.DECISION, "lieu: Lens", "lieu: Le\x0bns")
    assert problems({PATH: text}) == [
        f"{PATH}:13: en-tête — caractère de contrôle U+000B interdit dans l'en-tête YAML"]


def test_oversized_file(problems, samples, monkeypatch):
    monkeypatch.setattr(load, "MAX_ACT_BYTES", 1024 * 1024)
    text = samples.DECISION + "x" * (3 * 1024 * 1024)
    assert problems({PATH: text}) == [
        f"{PATH}:1: fichier — fichier trop volumineux (3 Mo, maximum 1 Mo) : placer les pièces volumineuses en annexe"]
    assert [str(p) for p in load_text(text.encode(), PATH).problems] == [
        f"{PATH}:1: fichier — fichier trop volumineux (3 Mo, maximum 1 Mo) : placer les pièces volumineuses en annexe"]


def test_oversized_front_matter(problems, samples):
    text = samples.edit(samples.DECISION, "---\ntype:", "---\n" + "# commentaire\n" * 20_000 + "type:")
    assert problems({PATH: text}) == [f"{PATH}:2: en-tête — en-tête YAML trop volumineux (plus de 256 Ko)"]


def test_unreadable_file(project, samples):
    root = project({PATH: samples.DECISION})
    raw = load_file(root / "acts/2026/absent.md", root)
    assert [str(p) for p in raw.problems] == [
        "acts/2026/absent.md:1: fichier — lecture impossible : No such file or directory"]


def test_sha256_of_the_bytes(samples):
    import hashlib

    data = samples.DECISION.encode()
    assert load_text(data, PATH).sha256 == hashlib.sha256(data).hexdigest()
    assert load_text(b"\x00", PATH).sha256 == hashlib.sha256(b"\x00").hexdigest()


# --------------------------------------------------------------------------- finding files

def test_find_act_files_skips_annexes_hidden_and_other_files(project, samples):
    root = project({
        "acts/2026/decision-2026-1.md": samples.DECISION,
        "acts/2026/annexes/plan.md": "# Plan\n",
        "acts/2026/annexes/plan.pdf": b"%PDF-1.4",
        "acts/2026/.brouillon/decision.md": "---\n",
        "acts/2026/notes.txt": "notes",
        "acts/2025/arrete-A2025-1.md": samples.ARRETE,
    })
    files, found_problems = find_act_files([root / "acts"], root)
    assert [f.relative_to(root).as_posix() for f in files] == [
        "acts/2025/arrete-A2025-1.md", "acts/2026/decision-2026-1.md"]
    assert found_problems == []


def test_find_act_files_refuses_paths_outside_the_repository(project, tmp_path):
    root = project({})
    outside = tmp_path / "ailleurs.md"
    outside.write_text("---\n")
    files, found = find_act_files([outside, root / "acts" / "absent.md"], root)
    assert files == []
    assert [str(p) for p in found] == [
        f"{outside.as_posix()}:1: chemin — chemin hors du dépôt : refusé",
        "acts/absent.md:1: chemin — fichier ou dossier introuvable",
    ]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="pas de liens symboliques sur ce système")
def test_find_act_files_refuses_symlinks_leaving_the_repository(project, tmp_path, samples):
    root = project({PATH: samples.DECISION})
    outside = tmp_path / "secret.md"
    outside.write_text(samples.DECISION)
    (root / "acts/2026/lien.md").symlink_to(outside)
    files, found = find_act_files([root / "acts"], root)
    assert [f.name for f in files] == ["decision-2026-1.md"]
    assert [str(p) for p in found] == [
        "acts/2026/lien.md:1: chemin — lien symbolique vers un fichier hors du dépôt : refusé"]


def test_alias_bomb_in_an_act_refused_quickly(problems, samples):
    import time

    bomb = ['lol: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 25):
        bomb.append(f"l{i}: &l{i} [{', '.join(['*' + ('a' if i == 1 else f'l{i - 1}')] * 9)}]")
    text = samples.edit(samples.DECISION, "mise_en_ligne: 2026-05-26\n", "mise_en_ligne: 2026-05-26\n" + "\n".join(bomb) + "\n")
    started = time.process_time()
    found = problems({PATH: text})
    assert time.process_time() - started < 2.0
    assert f"{PATH}:17: l1[0] — les alias YAML (« *nom ») ne sont pas acceptés" in found
    assert len(found) == 1 + 25  # and each unknown key, nothing expanded


def test_deep_nesting_in_an_act_refused(problems, samples):
    text = samples.edit(samples.DECISION, "lieu: Lens", "lieu: " + "[" * 3000 + "]" * 3000)
    assert problems({PATH: text}) == [f"{PATH}:13: en-tête — imbrication trop profonde (plus de 24 niveaux)"]
