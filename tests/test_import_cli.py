"""`actes import` on the command line: text, Markdown and PDF in; act files or JSON out;
French messages for what cannot be read; never an existing file replaced."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.check import run_check
from generator.cli import main

CONFIG = """\
site_name: Actes de test
extra:
  collectivites:
    lens:
      nom: Ville de Lens
      nature: commune
      siren: "216204982"
      departement: "062"
"""

DECISION = """\
Décision n° 2026 - 7

NOMENCLATURE : 01 - 01

DÉCISION RELATIVE À L'ACHAT DE MOBILIER SCOLAIRE

Le Maire de la Ville de Lens,

Vu le code général des collectivités territoriales,

Considérant le besoin de mobilier pour l'école Jean Jaurès ;

DÉCIDE

Article 1 : L'achat de mobilier est autorisé.

Article 2 : La dépense est inscrite au budget de l'exercice.

Fait à Lens, le 4 mars 2026

Le Maire,
Sylvain ROBERT
"""


def make_pdf(pages: list[list[str] | None]) -> bytes:
    """A minimal PDF, one Helvetica line per string; a page of None has no text at all."""
    objects: list[bytes | None] = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for lines in pages:
        ops = ["BT /F1 10 Tf 14 TL 40 800 Td"]
        for line in lines or []:
            indent = len(line) - len(line.lstrip())
            text = line.strip().replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"T* {indent * 5} 0 Td ({text}) Tj {-indent * 5} 0 Td" if indent else f"T* ({text}) Tj")
        ops.append("ET")
        stream = "\n".join(ops).encode("cp1252") if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 FONT 0 R >> >> >>" % len(objects))
        kids.append(len(objects))
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    font = str(len(objects)).encode()
    objects = [o.replace(b"FONT", font) if o else o for o in objects]
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


@pytest.fixture
def site(tmp_path, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_text_file_to_act_file(site, capsys):
    (site / "decision.txt").write_text(DECISION, "utf-8")
    assert main(["import", "decision.txt"]) == 0
    out = capsys.readouterr().out
    assert "acts/2026/decision-2026-7.md : Décision n° 2026-7 du 04/03/2026 — 1 point à vérifier" in out
    text = (site / "acts" / "2026" / "decision-2026-7.md").read_text("utf-8")
    assert "numero: 2026-7  # imprimé « 2026 - 7 »" in text
    assert 'nomenclature: "1.1"  # imprimé « 01 - 01 »' in text
    assert "statut: projet" in text and "**Article 2** : La dépense est inscrite au budget de l'exercice." in text
    result = run_check(site)
    assert result.errors == []
    assert sorted(p.message for p in result.warnings) == [
        "numérotation des décisions 2026 de « lens » : numéros absents 1 à 6 (actes individuels non publiés ?)",
        "à vérifier : objet imprimé en capitales : le réécrire en minuscules accentuées",
    ]


def test_json_prints_and_writes_nothing(site, capsys):
    (site / "decision.md").write_text(DECISION, "utf-8")
    assert main(["import", "decision.md", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data) == 1
    act = data[0]
    assert {k: act[k] for k in ("type", "numero", "date", "nomenclature", "collectivite", "transmission_id")} == {
        "type": "decision", "numero": "2026-7", "date": "2026-03-04", "nomenclature": "1.1",
        "collectivite": "lens", "transmission_id": None}
    assert act["visas"] == ["Vu le code général des collectivités territoriales,"]
    assert act["articles"] == [{"numero": 1, "texte": "L'achat de mobilier est autorisé."},
                               {"numero": 2, "texte": "La dépense est inscrite au budget de l'exercice."}]
    assert act["signataire"] == {"prenom": "Sylvain", "nom": "ROBERT", "qualite": "Maire", "delegation": None}
    assert act["vote"] is None
    assert not (site / "acts").exists()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) absent")
def test_pdf_with_a_text_layer(site, capsys):
    lines = DECISION.split("\n")
    page1, page2 = lines[:14], lines[14:]
    footer = "                               Ville de Lens - page {}"
    (site / "decision.pdf").write_bytes(make_pdf([page1 + [footer.format(1)], page2 + [footer.format(2)]]))
    assert main(["import", "decision.pdf", "--format", "json"]) == 0
    act = json.loads(capsys.readouterr().out)[0]
    assert (act["numero"], act["date"], len(act["articles"])) == ("2026-7", "2026-03-04", 2)
    assert all("page" not in a["texte"] for a in act["articles"])  # running footer removed


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) absent")
def test_scanned_pdf_is_reported(site, capsys):
    (site / "scan.pdf").write_bytes(make_pdf([None, None]))
    assert main(["import", "scan.pdf"]) == 1
    assert capsys.readouterr().err == (
        "scan.pdf : PDF sans texte (document numérisé) : la reconnaissance de caractères (OCR) n'est pas faite "
        "par actes import ; passer le fichier dans un outil d'OCR (par exemple ocrmypdf) puis relancer\n")


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) absent")
def test_pdf_with_scanned_pages_among_typed_ones_names_them(site, capsys):
    """The typed pages are imported; the pages without text are named in a_verifier, never
    dropped silently."""
    lines = DECISION.split("\n")
    (site / "decision.pdf").write_bytes(make_pdf([lines[:14], None, lines[14:], None]))
    assert main(["import", "decision.pdf", "--format", "json"]) == 0
    act = json.loads(capsys.readouterr().out)[0]
    assert (act["numero"], len(act["articles"])) == ("2026-7", 2)
    assert ("PDF : pages 2, 4 sans texte (numérisées ?) : contenu non importé, le reprendre à la main ou passer "
            "le PDF dans un outil d'OCR (par exemple ocrmypdf)") in act["a_verifier"]


def test_unreadable_files_are_reported(site, capsys):
    (site / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (site / "vide.txt").write_text("  \n", "utf-8")
    (site / "broken.pdf").write_bytes(b"%PDF-1.4\nnot a pdf")
    assert main(["import", "image.png", "vide.txt", "absent.txt", "broken.pdf"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [
        "image.png : fichier binaire : seuls le texte, le Markdown et le PDF sont importés",
        "vide.txt : fichier vide",
        "absent.txt : lecture impossible : No such file or directory",
    ]
    assert err[3].startswith("broken.pdf : PDF")


def test_latin1_text_is_read(site, capsys):
    (site / "decision.txt").write_bytes(DECISION.encode("cp1252"))
    assert main(["import", "decision.txt", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["objet"] == "DÉCISION RELATIVE À L'ACHAT DE MOBILIER SCOLAIRE"


def test_never_overwrites_and_writes_nothing_of_a_refused_source(site, capsys):
    (site / "decision.txt").write_text(DECISION, "utf-8")
    target = site / "out" / "2026" / "decision-2026-7.md"
    target.parent.mkdir(parents=True)
    target.write_text("mon acte\n", "utf-8")
    assert main(["import", "decision.txt", "--out", "out"]) == 1
    assert capsys.readouterr().err == (
        "decision.txt : out/2026/decision-2026-7.md existe déjà : import refusé (aucun fichier remplacé ; "
        "choisir un autre dossier avec --out ou déplacer le fichier)\n")
    assert target.read_text("utf-8") == "mon acte\n"
    assert sorted(p.name for p in (site / "out").rglob("*")) == ["2026", "decision-2026-7.md"]


def test_help_is_in_french(capsys):
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "importe" in out or "Lit des actes existants" in out
    assert "--format {files,json}" in out
